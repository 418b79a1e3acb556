/**
 * The web chat's HTTP surface (under the channel's base path): the page, and the JSON API the
 * page calls. Errors answer `{ok: false, error}` with a sentence in the reader's language that
 * the page shows as is. Message texts are never logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { foldAccents } from '../../domain/text.js';
import type { DialogInput } from '../../ports/channel.js';
import type { RouteRegistrar } from '../../ports/http-routes.js';
import type { Logger } from '../../ports/logger.js';
import type { Locale, Translator } from '../../ports/translator.js';
import type { DemoUser } from '../../ports/web-chat-users.js';
import { readBody, sendJson } from '../http-io.js';
import { WEB_CHAT_CSP } from './page.js';
import type { WebHistory } from './web-history.js';
import { WEB_MAX_TEXT, type WebInbox } from './web-inbox.js';

/** Largest request body the API reads. */
export const WEB_MAX_BODY_BYTES = 16 * 1024;
/** Inputs of one chat waiting to be handled; more are refused with 429. */
const MAX_PENDING_PER_CHAT = 8;
const MAX_BUTTON_DATA = 256;

/** Who may act in the chat: a demo user or a guest, with the name the dialog is given. */
export interface WebPerson {
  id: string;
  displayName: string;
}

/** What the routes need of their channel. */
export interface WebRoutesOptions {
  routes: RouteRegistrar;
  /** Path prefix of the page and API, without a trailing slash ('' for the page at `/`). */
  base: string;
  /** Where the JSON API lives (`<base>/web/api`). */
  api: string;
  inbox: WebInbox;
  /** The conversation kept beyond this process. */
  history: WebHistory;
  /** The chat page in a locale. */
  page(locale: Locale): string;
  /** The demo users by id; rejects when they cannot be listed. */
  users(): Promise<Map<string, DemoUser>>;
  /** The person behind an id when allowed, else null. */
  who(id: unknown, locale: Locale): Promise<WebPerson | null>;
  /** The channel's input handler; null until it is started. */
  handler(): ((input: DialogInput) => Promise<void>) | null;
  translator: Translator;
  /** The language of readers whose browser does not ask for English first. */
  locale: Locale;
  log: Logger;
}

/**
 * Registers the routes:
 * - `GET  /`                                 the chat page (self-contained HTML)
 * - `GET  /web/api/users`                    `{users: [{id, name, role, unitCode, unitName}]}`
 * - `POST /web/api/send`                     JSON `{user, text | buttonData}` → `{ok: true}`
 *                                            once the input was handled
 * - `GET  /web/api/inbox?user=<id>&after=<seq>` `{messages: [{seq, text, buttons?, file?,
 *                                            inputHint?, historyId?}]}`: the bot's messages
 * - `GET  /web/api/history?user=<id>`        `{messages: [{from: 'me'|'bot', text, buttons?,
 *                                            historyId, at}], after: <seq>}`: the chat's recent
 *                                            conversation (both ways), then the inbox from `after`
 * - `GET  /web/api/file/<id>?user=<id>`      a file a message carried (xlsx, PNG chart)
 * - anything else under `/web/api/`          a JSON 404
 * A throwing handler is logged (without the text) and answered 500.
 */
export function registerWebRoutes(o: WebRoutesOptions): void {
  const { routes, base, api, inbox, log } = o;
  /** The reader's language: English when the browser asks for it first, else the default. */
  const localeOf = (req: IncomingMessage): Locale =>
    languageHint(req).languageHint?.toLowerCase().startsWith('en') ? 'en' : o.locale;
  /** Answers `{ok: false, error}` with message `id` in the reader's language. */
  const fail = (req: IncomingMessage, res: ServerResponse, status: number, id: string, headers = {}) =>
    failWith(res, status, o.translator.t(localeOf(req), id), headers);
  /** Answers 405 (with `allow`) unless the method is `method` (GET also admits HEAD). */
  const allow = (req: IncomingMessage, res: ServerResponse, method: 'GET' | 'POST'): boolean => {
    if (req.method === method || (method === 'GET' && req.method === 'HEAD')) return true;
    fail(req, res, 405, 'web-api-method', { allow: method === 'GET' ? 'GET, HEAD' : 'POST' });
    return false;
  };

  const pagePath = `${base}/`;
  routes.route(pagePath, (req, res) => {
    if (!allow(req, res, 'GET')) return;
    const page = o.page(localeOf(req));
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(page),
      'content-security-policy': WEB_CHAT_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : page);
  });
  if (base !== '') {
    routes.route(base, (_req, res) => {
      res.writeHead(308, { location: pagePath }).end();
    });
  }

  routes.route(`${api}/users`, async (req, res) => {
    if (!allow(req, res, 'GET')) return;
    let users: Map<string, DemoUser>;
    try {
      users = await o.users();
    } catch (err) {
      log.error({ err: describe(err) }, 'web chat could not list demo users');
      fail(req, res, 500, 'web-api-users-failed');
      return;
    }
    sendJson(res, 200, {
      users: [...users.values()].map((u) => ({
        id: u.id,
        name: u.name,
        role: u.role,
        unitCode: u.unitCode,
        unitName: u.unitName,
      })),
    });
  });

  routes.route(`${api}/send`, async (req, res) => {
    if (!allow(req, res, 'POST')) return;
    // JSON only: a cross-site form cannot post it without a CORS preflight we never answer.
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      fail(req, res, 415, 'web-api-content-type');
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, WEB_MAX_BODY_BYTES);
    } catch (err) {
      if ((err as { status?: number }).status === 413) {
        fail(req, res, 413, 'web-api-too-large', { connection: 'close' });
        return;
      }
      throw err;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      fail(req, res, 400, 'web-api-bad-request');
      return;
    }
    const parsed = parseSend(body);
    if (!parsed.ok) {
      fail(req, res, parsed.status, parsed.error);
      return;
    }
    const person = await o.who(parsed.user, localeOf(req));
    if (!person) {
      fail(req, res, 403, 'web-api-forbidden');
      return;
    }
    const handler = o.handler();
    if (!handler) {
      fail(req, res, 503, 'web-api-not-started');
      return;
    }
    if (inbox.pending(person.id) >= MAX_PENDING_PER_CHAT) {
      fail(req, res, 429, 'web-api-busy');
      return;
    }
    const input: DialogInput = {
      channel: 'web',
      chatId: person.id,
      userId: person.id,
      displayName: person.displayName,
      ...languageHint(req),
      ...(parsed.text !== undefined ? { text: parsed.text } : { buttonData: parsed.buttonData }),
    };
    try {
      await inbox.run(person.id, handler, input);
    } catch (err) {
      log.error({ chatId: person.id, err: describe(err) }, 'web chat input handler failed');
      fail(req, res, 500, 'web-api-failed');
      return;
    }
    sendJson(res, 200, { ok: true });
  });

  routes.route(`${api}/inbox`, async (req, res) => {
    if (!allow(req, res, 'GET')) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const person = await o.who(url.searchParams.get('user'), localeOf(req));
    if (!person) {
      fail(req, res, 403, 'web-api-forbidden');
      return;
    }
    const afterRaw = url.searchParams.get('after') ?? '0';
    if (!/^\d{1,16}$/.test(afterRaw)) {
      fail(req, res, 400, 'web-api-bad-request');
      return;
    }
    const messages = inbox.after(person.id, Number(afterRaw));
    res.setHeader('cache-control', 'no-store');
    sendJson(res, 200, { messages });
  });

  routes.route(`${api}/history`, async (req, res) => {
    if (!allow(req, res, 'GET')) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const person = await o.who(url.searchParams.get('user'), localeOf(req));
    if (!person) {
      fail(req, res, 403, 'web-api-forbidden');
      return;
    }
    // Read before the transcript: a message pushed later is stored first, so it is either in
    // the history or after this seq (the page skips one it got both ways by its historyId).
    const after = inbox.cursor();
    let messages: Awaited<ReturnType<WebHistory['read']>>;
    try {
      messages = await o.history.read(person.id);
    } catch (err) {
      log.error({ chatId: person.id, err: describe(err) }, 'web chat could not read its history');
      fail(req, res, 500, 'web-api-failed');
      return;
    }
    res.setHeader('cache-control', 'no-store');
    sendJson(res, 200, { messages, after });
  });

  routes.prefix(`${api}/file/`, async (req, res) => {
    if (!allow(req, res, 'GET')) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const fileId = url.pathname.slice(`${api}/file/`.length);
    const person = await o.who(url.searchParams.get('user'), localeOf(req));
    if (!person) {
      fail(req, res, 403, 'web-api-forbidden');
      return;
    }
    const file = inbox.file(fileId);
    if (!file || file.chatId !== person.id) {
      fail(req, res, 404, 'web-api-file-gone');
      return;
    }
    // Pictures are shown in the page; anything else downloads and never renders as a page.
    const inline = /^image\/(png|jpeg|gif|webp)$/i.test(file.mime);
    res.writeHead(200, {
      'content-type': file.mime,
      'content-length': file.data.byteLength,
      'content-disposition': `${inline ? 'inline' : 'attachment'}; ${contentDispositionName(file.name)}`,
      'content-security-policy': "default-src 'none'; sandbox",
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : file.data);
  });

  // Anything else under the API prefix is a JSON 404, not the server's generic one.
  routes.prefix(`${api}/`, (req, res) => fail(req, res, 404, 'web-api-not-found'));
}

type ParsedSend =
  | { ok: true; user: string; text: string; buttonData?: undefined }
  | { ok: true; user: string; text?: undefined; buttonData: string }
  | { ok: false; status: number; error: string };

/** Checks the shape of a `/send` body: a user and exactly one of text / buttonData. */
function parseSend(body: unknown): ParsedSend {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, status: 400, error: 'web-api-bad-request' };
  }
  const { user, text, buttonData } = body as Record<string, unknown>;
  if (typeof user !== 'string') return { ok: false, status: 400, error: 'web-api-bad-request' };
  if (typeof text === 'string' && buttonData === undefined) {
    if (text.trim().length === 0) return { ok: false, status: 400, error: 'web-api-bad-input' };
    if (text.length > WEB_MAX_TEXT) return { ok: false, status: 413, error: 'web-api-too-large' };
    return { ok: true, user, text };
  }
  if (typeof buttonData === 'string' && text === undefined) {
    if (buttonData.length === 0 || buttonData.length > MAX_BUTTON_DATA) {
      return { ok: false, status: 400, error: 'web-api-bad-input' };
    }
    return { ok: true, user, buttonData };
  }
  return { ok: false, status: 400, error: 'web-api-bad-input' };
}

function failWith(res: ServerResponse, status: number, error: string, headers: Record<string, string>): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  sendJson(res, status, { ok: false, error });
}

/** The browser's first language (`vi`, `en-US`…), for people the dialog does not know yet. */
function languageHint(req: IncomingMessage): { languageHint?: string } {
  const first = (req.headers['accept-language'] ?? '').split(',')[0]?.split(';')[0]?.trim() ?? '';
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(first) ? { languageHint: first } : {};
}

/** `filename` (ASCII fallback, accents folded) and `filename*` (UTF-8) for Content-Disposition. */
function contentDispositionName(name: string): string {
  const ascii = foldAccents(name).replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A log-safe summary of an error (no message texts: inputs are not echoed in errors we make). */
function describe(err: unknown): Record<string, unknown> {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return {
      name: err.name,
      message: err.message.slice(0, 300),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  return { message: String(err).slice(0, 300) };
}
