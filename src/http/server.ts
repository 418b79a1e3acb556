/**
 * The service's HTTP endpoint, on Fastify: `/healthz`, the managers' dashboard (a Fastify plugin
 * registered on `app`), and the routes adapters register through the RouteRegistrar port
 * (webhooks, web chat, file links).
 *
 * Adapters' routes stay plain node:http handlers behind the port: they read their own bodies
 * (a webhook's 503 past capacity answers before reading) and may be registered after the server
 * listens (a channel starts later than the server). They live in their own encapsulated context,
 * with no body parser, behind one catch-all route that dispatches by path; Fastify's own routes
 * (health, dashboard) are more specific and win.
 */
import type { Server, ServerResponse } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import type { RouteHandler, RouteRegistrar } from '../ports/http-routes.js';
import type { Logger } from '../ports/logger.js';

/** What `/healthz` reports: 200 `ok` when every check passed, else 503 `degraded`. */
export interface HealthReport {
  ok: boolean;
  checks: Record<string, boolean>;
}

/** The server: a RouteRegistrar that also listens and closes, and the Fastify app for plugins. */
export interface HttpServer extends RouteRegistrar {
  /** Listens on `port` (0: any free port) and resolves with the port taken. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops listening and drops open connections (event streams included); a no-op when not listening. */
  close(): Promise<void>;
  server: Server;
  /** The Fastify instance: register plugins (the dashboard) before `listen`. */
  app: FastifyInstance;
}

/**
 * Creates the server. A handler that throws is logged with its path and answered 500 (if it
 * wrote nothing yet); an unknown path is answered 404. Timeouts suit a load balancer's
 * keep-alive (65 s) and a slow client (30 s a request).
 */
export function createHttpServer(deps: {
  health: () => Promise<HealthReport>;
  logger: Logger;
  /** Reverse proxies in front whose X-Forwarded-For hops are trusted (default 0: none). */
  trustProxy?: number;
}): HttpServer {
  const routes = new Map<string, RouteHandler>();
  const prefixes: [string, RouteHandler][] = [];
  const app = Fastify({
    logger: false,
    // Behind a TLS terminator every client would have the proxy's address (and share one
    // sign-in rate limit): its hops are trusted when configured.
    trustProxy: (_address: string, hop: number) => hop < (deps.trustProxy ?? 0),
    keepAliveTimeout: 65_000,
    requestTimeout: 30_000,
    // Event streams stay open: closing must not wait for them.
    forceCloseConnections: true,
    // Signed file links and web chat file ids travel in the path.
    routerOptions: { maxParamLength: 2_000 },
    return503OnClosing: true,
  });
  app.server.headersTimeout = 66_000;

  app.setErrorHandler((err: Error & { statusCode?: number }, request, reply) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) deps.logger.error({ err, path: pathOf(request.url) }, 'http handler failed');
    if (reply.sent) return;
    void reply.code(status).send({ error: status >= 500 ? 'internal error' : err.message });
  });
  app.setNotFoundHandler((_request, reply) => {
    void reply.code(404).send({ error: 'not found' });
  });

  app.get('/healthz', async (_request, reply) => {
    const report = await deps.health();
    return reply
      .code(report.ok ? 200 : 503)
      .send({ status: report.ok ? 'ok' : 'degraded', checks: report.checks });
  });

  // The adapters' routes: no body parsing, the raw request and response handed over.
  void app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    raw.all('/*', (request, reply) => {
      const path = pathOf(request.raw.url ?? '/');
      const handler = routes.get(path) ?? prefixes.find(([p]) => path.startsWith(p))?.[1] ?? notFound;
      reply.hijack();
      const res = reply.raw;
      Promise.resolve()
        .then(() => handler(request.raw, res))
        .catch((err: unknown) => {
          deps.logger.error({ err, path }, 'http handler failed');
          if (!res.headersSent) answer(res, 500, { error: 'internal error' });
          else res.end();
        });
    });
  });

  let listening = false;
  return {
    app,
    server: app.server,
    route: (p, h) => routes.set(p, h),
    prefix: (p, h) => prefixes.push([p, h]),
    async listen(port, host = '0.0.0.0') {
      await app.listen({ port, host });
      listening = true;
      const addr = app.server.address();
      return typeof addr === 'object' && addr ? addr.port : port;
    },
    async close() {
      if (!listening) return;
      listening = false;
      await app.close();
    },
  };
}

const JSON_TYPE = 'application/json; charset=utf-8';

const pathOf = (url: string) => new URL(url, 'http://localhost').pathname;

const notFound: RouteHandler = (req, res) => {
  req.resume();
  answer(res, 404, { error: 'not found' });
};

/** The server's own small JSON answers (404, 500) for the adapters' routes. */
function answer(res: ServerResponse, status: number, body: object): void {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': data.length }).end(data);
}
