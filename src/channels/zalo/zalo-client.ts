/**
 * A small typed client of the Zalo Bot Platform API (no maintained Node SDK exists). Every call
 * is `POST <apiRoot>/bot<TOKEN>/<method>` with a JSON body, answered by the envelope
 * `{ok, result?, error_code?, description?}`; an HTTP 200 with `ok: false` is a failure.
 *
 * Errors are the ChannelError hierarchy of `src/ports/channel.ts`, so callers act on them the
 * same way for every platform. The token sits in the URL: no error message and no log line of
 * this module carries it (messages are built from the method name and Zalo's description, then
 * scrubbed).
 */

import { redactSecrets } from '../../logging/redact.js';
import {
  ChannelAuthError,
  ChannelError,
  ChannelNetworkError,
  RateLimitedError,
  RecipientGoneError,
} from '../../ports/channel.js';
import type { Logger } from '../../ports/logger.js';
import { neverConnected } from '../network-errors.js';
import type { Pacer } from '../pacer.js';

/** Zalo's limits (Bot Platform, 2026). */
export const ZALO_MAX_TEXT = 2000;

/** The bot's own account, as `getMe` returns it. */
export interface ZaloBotInfo {
  id: string;
  account_name?: string;
  account_type?: string;
  display_name?: string;
  can_join_groups?: boolean;
}

/** Who sent a message (a person, or a bot). */
export interface ZaloUser {
  id: string;
  display_name?: string;
  /** Some payloads name it `name`. */
  name?: string;
  is_bot?: boolean;
}

/** A message inside an event (fields by kind: text, photo, sticker…). */
export interface ZaloMessage {
  message_id: string;
  /** Milliseconds since the epoch. */
  date: number;
  from: ZaloUser;
  chat: { id: string; chat_type?: 'PRIVATE' | 'GROUP' | string };
  text?: string;
  /** URL of the picture (image events). */
  photo?: string;
  photo_url?: string;
  caption?: string;
  sticker?: string;
  url?: string;
}

/** One event, as getUpdates returns it and as a webhook delivers it inside `result`. */
export interface ZaloUpdate {
  event_name: string;
  message?: ZaloMessage;
}

/** What a send returns: the new message's id. */
export interface ZaloSent {
  message_id: string;
  date?: number;
}

/** The webhook Zalo has for the bot (`getWebhookInfo`). */
export interface ZaloWebhookInfo {
  url: string;
  updated_at?: number;
}

/** The token, where the API lives, and the bounds of timeouts, retries and pacing. */
export interface ZaloClientOptions {
  token: string;
  /** API root without the `/bot<TOKEN>` part (`https://bot-api.zaloplatforms.com`, or a fake's URL). */
  apiRoot: string;
  logger?: Logger;
  /** Per-request timeout for everything but long polls (default 30 s). */
  timeoutMs?: number;
  /**
   * Bounded retry: at most `attempts` calls in all (default 3), waiting `baseDelayMs` × 2^n
   * (default 500 ms, with jitter) between them. A 429 whose retry-after exceeds
   * `maxRetryAfterSec` (default 5) is not waited for but thrown as RateLimitedError, so the
   * delivery queue pauses instead of a worker sleeping.
   */
  retry?: { attempts?: number; baseDelayMs?: number; maxRetryAfterSec?: number };
  /**
   * Spaces the requests that send a message (`sendMessage`, `sendPhoto`), each retry included
   * (see ../pacer.ts). Without it they go out at once.
   */
  pacer?: Pacer;
  /** For tests. */
  fetch?: typeof fetch;
}

/** Per-call options: an abort signal and a timeout of its own. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the request timeout (long polls). */
  timeoutMs?: number;
}

/**
 * The Bot Platform's methods, typed. Each throws the ChannelError that says what to do next
 * (see the module comment); none carries the token in its message.
 */
export interface ZaloClient {
  getMe(opts?: CallOptions): Promise<ZaloBotInfo>;
  /**
   * Long polling: waits up to `timeoutSec` for ONE update. Zalo answers error_code 408
   * "Request timeout" when nothing arrived: that resolves to `null`, it is not a fault.
   * Not retried here (the poller has its own backoff); does not work while a webhook is set.
   */
  getUpdates(params?: { timeoutSec?: number }, opts?: CallOptions): Promise<ZaloUpdate | null>;
  /** `secret_token` (8–256 characters) comes back in `X-Bot-Api-Secret-Token` on every delivery. */
  setWebhook(params: { url: string; secret_token: string }, opts?: CallOptions): Promise<unknown>;
  deleteWebhook(opts?: CallOptions): Promise<unknown>;
  getWebhookInfo(opts?: CallOptions): Promise<ZaloWebhookInfo>;
  /** Text of 1–2000 characters (split longer texts before: see `sendText` of the channel). */
  sendMessage(
    params: { chat_id: string; text: string; parse_mode?: 'markdown' | 'html' },
    opts?: CallOptions,
  ): Promise<ZaloSent>;
  /** `photo` is a URL Zalo fetches itself. */
  sendPhoto(
    params: { chat_id: string; photo: string; caption?: string },
    opts?: CallOptions,
  ): Promise<ZaloSent>;
  sendChatAction(
    params: { chat_id: string; action: 'typing' | string },
    opts?: CallOptions,
  ): Promise<unknown>;
}

/** Methods that send a message (paced). */
const SENDS = new Set(['sendMessage', 'sendPhoto']);

/** Methods safe to repeat after an unclear network failure (no message could be sent twice). */
const IDEMPOTENT = new Set(['getMe', 'getWebhookInfo', 'setWebhook', 'deleteWebhook', 'sendChatAction']);

/** Descriptions meaning the recipient cannot be reached any more (never retry). */
const GONE =
  /not\s*found|blocked|unfollow|not\s*follow|deactivat|kh[oô]ng t[oồ]n t[aạ]i|chặn|invalid (chat|user)/i;

/** An envelope refusal: what the caller maps to a ChannelError. */
interface Refusal {
  method: string;
  code: number;
  description: string;
  retryAfterSec: number | undefined;
}

/**
 * Creates the client. It keeps no state but its options; `fetch` (Node's global, undici) reuses
 * connections by itself.
 */
export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const root = options.apiRoot.replace(/\/+$/, '');
  const token = options.token;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const attempts = Math.max(1, options.retry?.attempts ?? 3);
  const baseDelayMs = options.retry?.baseDelayMs ?? 500;
  const maxRetryAfterSec = options.retry?.maxRetryAfterSec ?? 5;
  const log = options.logger?.child({ channel: 'zalo' });
  const scrub = (s: string) => scrubToken(s, token);

  /** One HTTP exchange: the envelope's result, or a thrown ChannelError / Refusal. */
  async function once(method: string, body: unknown, opts: CallOptions): Promise<unknown> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('timeout')), opts.timeoutMs ?? timeoutMs);
    const onAbort = () => controller.abort(opts.signal?.reason);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    let res: Response;
    let text: string;
    try {
      res = await doFetch(`${root}/bot${token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
        signal: controller.signal,
      });
      text = await res.text();
    } catch (err) {
      throw networkError(method, err, controller.signal, opts.signal, scrub);
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    }
    const envelope = parseEnvelope(text);
    if (envelope && envelope.ok === true && res.ok) return envelope.result;
    const code =
      typeof envelope?.error_code === 'number' ? envelope.error_code : res.ok ? 500 : res.status || 500;
    const description =
      typeof envelope?.description === 'string'
        ? envelope.description
        : envelope
          ? ''
          : 'not a JSON envelope';
    const refusal: Refusal = {
      method,
      code,
      description: scrub(description).slice(0, 300),
      retryAfterSec: retryAfter(envelope, res.headers.get('retry-after')),
    };
    throw refusal;
  }

  async function call<T>(method: string, body: unknown, opts: CallOptions = {}, retry = true): Promise<T> {
    const paced = options.pacer && SENDS.has(method) ? options.pacer : undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        if (paced) await paced.take();
        return (await once(method, body, opts)) as T;
      } catch (thrown) {
        const last = !retry || attempt >= attempts || opts.signal?.aborted === true;
        if (isRefusal(thrown)) {
          const err = toChannelError(thrown);
          const wait =
            err instanceof RateLimitedError
              ? err.retryAfterSec <= maxRetryAfterSec
                ? err.retryAfterSec * 1000
                : null
              : err instanceof ChannelNetworkError
                ? backoff(attempt, baseDelayMs)
                : null;
          if (last || wait === null) throw err;
          log?.debug({ method, attempt, errorCode: thrown.code }, 'zalo call refused, retrying');
          await sleep(wait, opts.signal);
          continue;
        }
        const err = thrown;
        if (!(err instanceof ChannelNetworkError)) throw err;
        // A failure after the request may have reached Zalo is repeated only for methods that
        // cannot send a message twice.
        if (last || (err.maybeDelivered && !IDEMPOTENT.has(method))) throw err;
        log?.debug({ method, attempt, err: err.message }, 'zalo network failure, retrying');
        await sleep(backoff(attempt, baseDelayMs), opts.signal);
      }
    }
  }

  return {
    getMe: (opts) => call<ZaloBotInfo>('getMe', {}, opts),
    async getUpdates(params = {}, opts = {}) {
      const timeoutSec = params.timeoutSec ?? 30;
      try {
        const result = await call<ZaloUpdate | null | undefined>(
          'getUpdates',
          { timeout: String(timeoutSec) },
          { ...opts, timeoutMs: opts.timeoutMs ?? (timeoutSec + 15) * 1000 },
          false,
        );
        return isUpdate(result) ? result : null;
      } catch (err) {
        if (err instanceof ZaloNoUpdate) return null;
        throw err;
      }
    },
    setWebhook: (params, opts) => call('setWebhook', params, opts),
    deleteWebhook: (opts) => call('deleteWebhook', {}, opts),
    getWebhookInfo: (opts) => call<ZaloWebhookInfo>('getWebhookInfo', {}, opts),
    sendMessage: (params, opts) => {
      if (params.text.length === 0 || params.text.length > ZALO_MAX_TEXT) {
        return Promise.reject(
          new ChannelError(
            `zalo sendMessage: text must be 1-${ZALO_MAX_TEXT} characters (got ${params.text.length})`,
          ),
        );
      }
      return call<ZaloSent>('sendMessage', params, opts);
    },
    sendPhoto: (params, opts) => call<ZaloSent>('sendPhoto', params, opts),
    sendChatAction: (params, opts) => call('sendChatAction', params, opts),
  };
}

/** getUpdates answered 408: nothing arrived within the timeout. Internal to the client. */
class ZaloNoUpdate extends ChannelError {
  override readonly code = 'ZALO_NO_UPDATE';
}

interface Envelope {
  ok?: unknown;
  result?: unknown;
  error_code?: unknown;
  description?: unknown;
  parameters?: unknown;
  retry_after?: unknown;
}

function parseEnvelope(text: string): Envelope | null {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as Envelope) : null;
  } catch {
    return null;
  }
}

function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && 'method' in x && 'code' in x && !(x instanceof Error);
}

function isUpdate(x: unknown): x is ZaloUpdate {
  return typeof x === 'object' && x !== null && typeof (x as ZaloUpdate).event_name === 'string';
}

/** A refusal → the ChannelError that tells the caller what to do. */
function toChannelError(r: Refusal): ChannelError {
  const what = `zalo ${r.method}: ${r.code} ${r.description}`.trim();
  if (r.method === 'getUpdates' && r.code === 408) return new ZaloNoUpdate(what);
  if (r.code === 429) return new RateLimitedError(r.retryAfterSec ?? 1, what);
  if (r.code === 401) return new ChannelAuthError(what);
  if (r.code === 403)
    return GONE.test(r.description) ? new RecipientGoneError(what) : new ChannelAuthError(what);
  if ((r.code === 400 || r.code === 404) && r.method.startsWith('send') && GONE.test(r.description)) {
    return new RecipientGoneError(what);
  }
  if (r.code === 404 && !r.method.startsWith('send')) return new ChannelAuthError(what);
  if (r.code >= 500 || r.code === 408) return new ChannelNetworkError(what);
  return new ChannelError(what);
}

function networkError(
  method: string,
  err: unknown,
  own: AbortSignal,
  caller: AbortSignal | undefined,
  scrub: (s: string) => string,
): ChannelNetworkError {
  if (caller?.aborted) return new ChannelNetworkError(`zalo ${method}: aborted`, true);
  if (own.aborted) return new ChannelNetworkError(`zalo ${method}: timed out`, true);
  const cause = (err as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const message = err instanceof Error ? err.message : String(err);
  const causeText = code ?? (typeof cause?.message === 'string' ? cause.message : undefined);
  const detail = [message, causeText].filter(Boolean).join(': ');
  return new ChannelNetworkError(scrub(`zalo ${method}: ${detail}`).slice(0, 300), !neverConnected(err));
}

function retryAfter(envelope: Envelope | null, header: string | null): number | undefined {
  const p =
    (envelope?.parameters as { retry_after?: unknown } | undefined)?.retry_after ?? envelope?.retry_after;
  if (typeof p === 'number' && Number.isFinite(p) && p >= 0) return Math.ceil(p);
  const h = header === null ? Number.NaN : Number(header);
  return Number.isFinite(h) && h >= 0 ? Math.ceil(h) : undefined;
}

function backoff(attempt: number, baseMs: number): number {
  const d = baseMs * 2 ** (attempt - 1);
  return Math.round(d / 2 + Math.random() * (d / 2));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Removes the token (and anything shaped like a bot token or `/bot…/` path) from a string. */
export function scrubToken(s: string, token: string): string {
  const plain = token.length >= 4 ? s.split(token).join('[redacted]') : s;
  const encoded = encodeURIComponent(token);
  return redactSecrets(encoded !== token ? plain.split(encoded).join('[redacted]') : plain);
}
