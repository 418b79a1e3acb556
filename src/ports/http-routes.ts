/**
 * Where adapters put their HTTP endpoints (webhooks, the web chat, file links) without knowing
 * the server that serves them. Implementation: src/http/server.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Answers one request. It writes the whole response itself; a handler that throws (or whose
 * promise rejects) gets a 500 from the server if nothing was written yet, and the server keeps
 * serving.
 */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * Registers request handlers by path, for any method (a handler checks the method itself).
 * An exact path wins over a prefix; among prefixes the first registered that matches wins. A
 * request no handler matches is answered 404. Paths are compared without the query string.
 * Registering the same exact path again replaces the earlier handler.
 */
export interface RouteRegistrar {
  /** Registers a handler for an exact path. */
  route(path: string, handler: RouteHandler): void;
  /** Registers a handler for every path that starts with `prefix`. */
  prefix(prefix: string, handler: RouteHandler): void;
}
