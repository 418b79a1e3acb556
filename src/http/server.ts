/**
 * The service's HTTP endpoint: `/healthz`, and routes that channel adapters register
 * (webhooks, web chat). Plain node:http: the surface is small and must stay fast.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../ports/logger.js';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface HealthReport {
  ok: boolean;
  checks: Record<string, boolean>;
}

export interface HttpServer {
  /** Registers a handler for an exact path (any method). */
  route(path: string, handler: Handler): void;
  /** Registers a handler for every path under a prefix. */
  prefix(prefix: string, handler: Handler): void;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
  server: Server;
}

export function createHttpServer(deps: { health: () => Promise<HealthReport>; logger: Logger }): HttpServer {
  const routes = new Map<string, Handler>();
  const prefixes: [string, Handler][] = [];
  routes.set('/healthz', async (_req, res) => {
    const report = await deps.health();
    sendJson(res, report.ok ? 200 : 503, { status: report.ok ? 'ok' : 'degraded', checks: report.checks });
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handler =
      routes.get(url.pathname) ?? prefixes.find(([p]) => url.pathname.startsWith(p))?.[1] ?? notFound;
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((err: unknown) => {
        deps.logger.error({ err, path: url.pathname }, 'http handler failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.end();
      });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  let listening = false;
  return {
    server,
    route: (p, h) => routes.set(p, h),
    prefix: (p, h) => prefixes.push([p, h]),
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          listening = true;
          server.off('error', reject);
          const addr = server.address();
          resolve(typeof addr === 'object' && addr ? addr.port : port);
        });
      });
    },
    close() {
      if (!listening) return Promise.resolve();
      listening = false;
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

const notFound: Handler = (_req, res) => sendJson(res, 404, { error: 'not found' });

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(data),
  });
  res.end(data);
}

/** Reads a request body up to `limit` bytes; rejects with status 413 beyond it. */
export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error('payload too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
