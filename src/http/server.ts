/**
 * The service's HTTP endpoint: `/healthz`, and the routes adapters register through the
 * RouteRegistrar port (webhooks, web chat, file links). Plain node:http: the surface is small
 * and must stay fast.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { RouteHandler, RouteRegistrar } from '../ports/http-routes.js';
import type { Logger } from '../ports/logger.js';

/** What `/healthz` reports: 200 `ok` when every check passed, else 503 `degraded`. */
export interface HealthReport {
  ok: boolean;
  checks: Record<string, boolean>;
}

/** The server: a RouteRegistrar that also listens and closes. */
export interface HttpServer extends RouteRegistrar {
  /** Listens on `port` (0: any free port) and resolves with the port taken. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops listening and drops open connections; a no-op when not listening. */
  close(): Promise<void>;
  server: Server;
}

/**
 * Creates the server. A handler that throws is logged with its path and answered 500 (if it
 * wrote nothing yet); an unknown path is answered 404. Timeouts suit a load balancer's
 * keep-alive (65 s) and a slow client (30 s a request).
 */
export function createHttpServer(deps: { health: () => Promise<HealthReport>; logger: Logger }): HttpServer {
  const routes = new Map<string, RouteHandler>();
  const prefixes: [string, RouteHandler][] = [];
  routes.set('/healthz', async (_req, res) => {
    const report = await deps.health();
    answer(res, report.ok ? 200 : 503, { status: report.ok ? 'ok' : 'degraded', checks: report.checks });
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handler =
      routes.get(url.pathname) ?? prefixes.find(([p]) => url.pathname.startsWith(p))?.[1] ?? notFound;
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((err: unknown) => {
        deps.logger.error({ err, path: url.pathname }, 'http handler failed');
        if (!res.headersSent) answer(res, 500, { error: 'internal error' });
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

const JSON_TYPE = 'application/json; charset=utf-8';

const notFound: RouteHandler = (_req, res) => answer(res, 404, { error: 'not found' });

/** The server's own small JSON answers (health, 404, 500). */
function answer(res: ServerResponse, status: number, body: object): void {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': data.length }).end(data);
}
