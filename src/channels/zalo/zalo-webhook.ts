/**
 * The Zalo webhook route: a POST whose secret header is checked in constant time before
 * anything of the body is read, then one event handed to the channel.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RouteRegistrar } from '../../ports/http-routes.js';
import type { Logger } from '../../ports/logger.js';
import { readBody, sendJson } from '../http-io.js';
import type { ZaloUpdate } from './zalo-client.js';

/** The header Zalo sends the webhook secret in. */
export const ZALO_SECRET_HEADER = 'x-bot-api-secret-token';

/** What the route needs of its channel. */
export interface ZaloWebhookOptions {
  routes: RouteRegistrar;
  path: string;
  secret: string;
  log: Logger;
  /** Whether the channel is running: a stopped instance answers 503 (Zalo retries later). */
  running(): boolean;
  /** Handles one event; the delivery is answered 200 once it resolves. */
  handle(update: ZaloUpdate): Promise<void>;
}

/**
 * Registers the route. Answers: 405 to anything but POST; 401 to a wrong or missing secret
 * (nothing of the body read or logged); 503 while stopped; 400 to unreadable JSON (413 over
 * 1 MB); 200 once the event is handled, or at once when the body holds no event.
 */
export function registerZaloWebhook(options: ZaloWebhookOptions): void {
  const { log, path } = options;
  options.routes.route(path, async (req, res) => {
    if (req.method !== 'POST') {
      req.resume();
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    if (!secretMatches(req, options.secret)) {
      // Nothing of the body is read or logged.
      req.resume();
      log.warn({ path }, 'zalo webhook refused: wrong or missing secret');
      sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    if (!options.running()) {
      req.resume();
      sendJson(res, 503, { ok: false, error_code: 503, description: 'Service Unavailable' });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse((await readBody(req, 1_000_000)).toString('utf8'));
    } catch (err) {
      const status = (err as { status?: number }).status === 413 ? 413 : 400;
      log.warn({ status }, 'zalo webhook delivery unreadable');
      sendJson(res, status, { ok: false, error_code: status, description: 'Bad Request' });
      return;
    }
    const update = unwrap(parsed);
    if (update) await options.handle(update);
    else log.info('zalo webhook delivery without an event ignored');
    sendJson(res, 200, { ok: true });
  });
}

/** A webhook body `{ok, result: {event_name, message}}` (or a bare event) → the event, or null. */
function unwrap(body: unknown): ZaloUpdate | null {
  if (typeof body !== 'object' || body === null) return null;
  const inner = 'result' in body ? (body as { result: unknown }).result : body;
  if (typeof inner !== 'object' || inner === null) return null;
  const event = (inner as { event_name?: unknown }).event_name;
  return typeof event === 'string' ? (inner as ZaloUpdate) : null;
}

/** Constant-time check of the secret header (both sides hashed: equal lengths, no length leak). */
function secretMatches(req: IncomingMessage, secret: string): boolean {
  const header = req.headers[ZALO_SECRET_HEADER];
  const given = Array.isArray(header) ? header[0] : header;
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(secret, 'utf8').digest();
  return timingSafeEqual(a, b);
}
