/**
 * The web chat channel: a local page for trying the bot with no Telegram or Zalo token, and
 * the target of browser tests. It only translates: a POST from the page becomes a DialogInput,
 * and every message `send()` delivers (replies, reminders from the jobs) lands in that chat's
 * in-memory inbox, which the page polls.
 *
 * HTTP surface (under `basePath`, default ''):
 * - `GET  /`                                 the chat page (self-contained HTML, Vietnamese UI)
 * - `GET  /web/api/users`                    `{users: [{id, name, role, unitCode, unitName}]}`
 * - `POST /web/api/send`                     JSON `{user, text | buttonData}` → `{ok: true}`
 *                                            once the input was handled
 * - `GET  /web/api/inbox?user=<id>&after=<seq>` `{messages: [{seq, text, buttons?, file?}]}`
 * - `GET  /web/api/file/<id>?user=<id>`      a file a message carried (xlsx, PNG chart)
 *
 * Who may send and read: the demo users `users()` lists, and guests whose id matches
 * `GUEST_ID` (the page makes one per browser tab; the dialog treats them as unbound people).
 * Anyone else gets 403. Errors answer `{ok: false, error}` with a Vietnamese sentence the page
 * shows as is. Message texts are never logged.
 *
 * Everything lives in this process's memory: at most `INBOX_LIMIT` messages per chat,
 * `MAX_CHATS` chats and `MAX_FILE_BYTES` of files (oldest dropped first). A restart empties
 * the inboxes; seqs start from the clock, so a page open across a restart still sees new
 * messages.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type HttpServer, readBody, sendJson } from '../../http/server.js';
import {
  type Button,
  type Channel,
  type ChannelCapabilities,
  ChannelError,
  type DialogInput,
  type OutgoingMessage,
  splitText,
} from '../../ports/channel.js';
import type { Logger } from '../../ports/logger.js';
import type { DemoUser } from '../../storage/seed/demo-users.js';
import { WEB_CHAT_CSP, webChatPage } from './page.js';

export const WEB_MAX_TEXT = 4096;
/** Largest request body the API reads. */
export const WEB_MAX_BODY_BYTES = 16 * 1024;
/** Messages kept per chat. */
export const INBOX_LIMIT = 200;
/** Chats kept in memory (the least recently used is dropped beyond it). */
export const MAX_CHATS = 1000;
/** Bytes of files kept in memory (the oldest files are dropped beyond it). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Inputs of one chat waiting to be handled; more are refused with 429. */
const MAX_PENDING_PER_CHAT = 8;
const MAX_BUTTON_DATA = 256;
/** How long the list of demo users is trusted before `users()` is asked again. */
const USERS_TTL_MS = 5_000;

/** Guest ids the page invents: `guest-` and 6–16 lower-case letters or digits. */
export const GUEST_ID = /^guest-[a-z0-9]{6,16}$/;

const MSG = {
  forbidden: 'Người dùng này không có trong danh sách thử nghiệm.',
  tooLarge: 'Tin nhắn quá dài.',
  badJson: 'Yêu cầu không hợp lệ.',
  badInput: 'Cần có nội dung tin nhắn hoặc một nút đã bấm.',
  contentType: 'Yêu cầu phải gửi dạng JSON.',
  method: 'Phương thức không được hỗ trợ.',
  notStarted: 'Kênh trò chuyện thử chưa sẵn sàng, đồng chí thử lại sau giây lát.',
  busy: 'Đồng chí gửi nhanh quá, xin chờ Đôn Đốc trả lời tin trước.',
  failed: 'Xin lỗi, Đôn Đốc đang gặp sự cố nên chưa xử lý được tin nhắn này. Đồng chí thử lại sau ít phút.',
  usersFailed: 'Chưa tải được danh sách người dùng thử, đồng chí thử lại sau ít phút.',
  noFile: 'Tệp không còn trên máy chủ (đã quá hạn lưu tạm).',
  notFound: 'Không tìm thấy.',
} as const;

export interface WebChannelOptions {
  http: HttpServer;
  logger: Logger;
  /** The demo users a person may act as (read again at most every 5 s). */
  users: () => Promise<DemoUser[]>;
  /** Path prefix of the page and API, without a trailing slash. Default '' (page at `/`). */
  basePath?: string;
}

/** One message as the page reads it from the inbox. */
export interface WebInboxMessage {
  seq: number;
  text: string;
  buttons?: Button[][];
  file?: { name: string; mime: string; url: string };
}

interface StoredFile {
  chatId: string;
  name: string;
  mime: string;
  data: Uint8Array;
}

interface Chat {
  messages: WebInboxMessage[];
  /** File ids referenced by `messages`, dropped with them. */
  fileIds: Map<number, string>;
  tail: Promise<void>;
  pending: number;
}

/**
 * Creates the web chat channel and registers its routes on `http` at once (the page and the
 * inbox work before `start`, so reminders queue up; `send` inputs answer 503 until `start`).
 * `start` twice throws; `stop` waits up to 10 s for inputs in flight and is idempotent.
 * One chat's inputs run in order, different chats concurrently. A throwing `onInput` is logged
 * (without the text) and answered 500; the server keeps serving.
 */
export function createWebChannel(options: WebChannelOptions): Channel {
  const log = options.logger.child({ channel: 'web' });
  const base = (options.basePath ?? '').replace(/\/+$/, '');
  if (base !== '' && !/^\/[A-Za-z0-9._~/-]*$/.test(base)) {
    throw new Error(`web chat basePath must start with "/" and hold only URL-safe characters: ${base}`);
  }
  const api = `${base}/web/api`;
  const page = webChatPage(api);
  const chats = new Map<string, Chat>();
  const files = new Map<string, StoredFile>();
  let fileBytes = 0;
  let seq = Date.now();
  let onInput: ((input: DialogInput) => Promise<void>) | null = null;
  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];
  let usersCache: { at: number; byId: Map<string, DemoUser> } | null = null;

  async function demoUsers(): Promise<Map<string, DemoUser>> {
    const now = Date.now();
    if (usersCache && now - usersCache.at < USERS_TTL_MS) return usersCache.byId;
    const list = await options.users();
    usersCache = { at: now, byId: new Map(list.map((u) => [u.id, u])) };
    return usersCache.byId;
  }

  /** The person behind `id` when allowed (a demo user, or a guest), else null. */
  async function who(id: unknown): Promise<{ id: string; displayName: string } | null> {
    if (typeof id !== 'string' || id.length === 0 || id.length > 64) return null;
    if (GUEST_ID.test(id)) return { id, displayName: 'Khách' };
    const user = (await demoUsers()).get(id);
    return user ? { id, displayName: user.name } : null;
  }

  function chat(chatId: string): Chat {
    let c = chats.get(chatId);
    if (c) {
      // Most recently used last, so the first entry is the one to drop.
      chats.delete(chatId);
      chats.set(chatId, c);
      return c;
    }
    c = { messages: [], fileIds: new Map(), tail: Promise.resolve(), pending: 0 };
    chats.set(chatId, c);
    while (chats.size > MAX_CHATS) {
      const oldest = chats.entries().next().value;
      if (!oldest) break;
      const [oldId, old] = oldest;
      if (old.pending > 0) break;
      for (const fileId of old.fileIds.values()) dropFile(fileId);
      chats.delete(oldId);
    }
    return c;
  }

  function dropFile(fileId: string): void {
    const f = files.get(fileId);
    if (!f) return;
    fileBytes -= f.data.byteLength;
    files.delete(fileId);
  }

  function keepFile(file: StoredFile): string {
    const id = randomBytes(16).toString('base64url');
    files.set(id, file);
    fileBytes += file.data.byteLength;
    for (const oldId of files.keys()) {
      if (fileBytes <= MAX_FILE_BYTES || oldId === id) break;
      dropFile(oldId);
    }
    return id;
  }

  function push(chatId: string, message: OutgoingMessage): number {
    const c = chat(chatId);
    const pieces = message.text.trim().length === 0 ? [''] : splitText(message.text, WEB_MAX_TEXT);
    let last = 0;
    for (const [i, text] of pieces.entries()) {
      const entry: WebInboxMessage = { seq: ++seq, text };
      if (i === pieces.length - 1) {
        const rows = (message.buttons ?? []).filter((r) => r.length > 0);
        if (rows.length > 0)
          entry.buttons = rows.map((r) => r.map((b) => ({ label: b.label, data: b.data })));
        if (message.file) {
          const { name, mime, data } = message.file;
          const fileId = keepFile({ chatId, name, mime, data });
          c.fileIds.set(entry.seq, fileId);
          entry.file = { name, mime, url: `${api}/file/${fileId}?user=${encodeURIComponent(chatId)}` };
        }
      }
      c.messages.push(entry);
      last = entry.seq;
    }
    while (c.messages.length > INBOX_LIMIT) {
      const dropped = c.messages.shift()!;
      const fileId = c.fileIds.get(dropped.seq);
      if (fileId) {
        dropFile(fileId);
        c.fileIds.delete(dropped.seq);
      }
    }
    return last;
  }

  /** Runs the input after the chat's earlier ones; rejects with what `onInput` threw. */
  function dispatch(
    c: Chat,
    handler: (input: DialogInput) => Promise<void>,
    input: DialogInput,
  ): Promise<void> {
    c.pending++;
    inFlight++;
    const run = c.tail.then(() => handler(input));
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    c.tail = settled;
    void settled.then(() => {
      c.pending--;
      inFlight--;
      if (inFlight === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const w of waiters) w();
      }
    });
    return run;
  }

  // --- routes -------------------------------------------------------------------------------

  const pagePath = `${base}/`;
  options.http.route(pagePath, (req, res) => {
    if (!allow(req, res, 'GET')) return;
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
    options.http.route(base, (_req, res) => {
      res.writeHead(308, { location: pagePath }).end();
    });
  }

  options.http.route(`${api}/users`, async (req, res) => {
    if (!allow(req, res, 'GET')) return;
    let users: Map<string, DemoUser>;
    try {
      users = await demoUsers();
    } catch (err) {
      log.error({ err: describe(err) }, 'web chat could not list demo users');
      fail(res, 500, MSG.usersFailed);
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

  options.http.route(`${api}/send`, async (req, res) => {
    if (!allow(req, res, 'POST')) return;
    // JSON only: a cross-site form cannot post it without a CORS preflight we never answer.
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      fail(res, 415, MSG.contentType);
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, WEB_MAX_BODY_BYTES);
    } catch (err) {
      if ((err as { status?: number }).status === 413) {
        fail(res, 413, MSG.tooLarge, { connection: 'close' });
        return;
      }
      throw err;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      fail(res, 400, MSG.badJson);
      return;
    }
    const parsed = parseSend(body);
    if (!parsed.ok) {
      fail(res, parsed.status, parsed.error);
      return;
    }
    const person = await who(parsed.user);
    if (!person) {
      fail(res, 403, MSG.forbidden);
      return;
    }
    const handler = onInput;
    if (!handler) {
      fail(res, 503, MSG.notStarted);
      return;
    }
    const c = chat(person.id);
    if (c.pending >= MAX_PENDING_PER_CHAT) {
      fail(res, 429, MSG.busy);
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
      await dispatch(c, handler, input);
    } catch (err) {
      log.error({ chatId: person.id, err: describe(err) }, 'web chat input handler failed');
      fail(res, 500, MSG.failed);
      return;
    }
    sendJson(res, 200, { ok: true });
  });

  options.http.route(`${api}/inbox`, async (req, res) => {
    if (!allow(req, res, 'GET')) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const person = await who(url.searchParams.get('user'));
    if (!person) {
      fail(res, 403, MSG.forbidden);
      return;
    }
    const afterRaw = url.searchParams.get('after') ?? '0';
    if (!/^\d{1,16}$/.test(afterRaw)) {
      fail(res, 400, MSG.badJson);
      return;
    }
    const after = Number(afterRaw);
    const messages = chats.get(person.id)?.messages.filter((m) => m.seq > after) ?? [];
    res.setHeader('cache-control', 'no-store');
    sendJson(res, 200, { messages });
  });

  options.http.prefix(`${api}/file/`, async (req, res) => {
    if (!allow(req, res, 'GET')) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const fileId = url.pathname.slice(`${api}/file/`.length);
    const person = await who(url.searchParams.get('user'));
    if (!person) {
      fail(res, 403, MSG.forbidden);
      return;
    }
    const file = files.get(fileId);
    if (!file || file.chatId !== person.id) {
      fail(res, 404, MSG.noFile);
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
  options.http.prefix(`${api}/`, (_req, res) => fail(res, 404, MSG.notFound));

  const capabilities: ChannelCapabilities = { maxTextLength: WEB_MAX_TEXT, buttons: 'html', files: true };

  return {
    name: 'web',
    capabilities,

    async start(handler) {
      if (onInput) throw new ChannelError('web channel already started');
      onInput = handler;
      log.info({ path: pagePath }, 'web chat started');
    },

    async stop() {
      onInput = null;
      if (inFlight === 0) return;
      const drained = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 10_000);
        timer.unref();
        idleWaiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (!drained) log.warn('web chat inputs still running after 10 s at stop');
    },

    async send(chatId, message) {
      if (chatId.length === 0 || chatId.length > 64) throw new ChannelError('web: invalid chat id');
      if (!message.file && message.text.trim().length === 0 && !message.buttons?.some((r) => r.length > 0)) {
        throw new ChannelError('web: nothing to send (empty text)');
      }
      return { messageId: String(push(chatId, message)) };
    },
  };
}

type ParsedSend =
  | { ok: true; user: string; text: string; buttonData?: undefined }
  | { ok: true; user: string; text?: undefined; buttonData: string }
  | { ok: false; status: number; error: string };

/** Checks the shape of a `/send` body: a user and exactly one of text / buttonData. */
function parseSend(body: unknown): ParsedSend {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, status: 400, error: MSG.badJson };
  }
  const { user, text, buttonData } = body as Record<string, unknown>;
  if (typeof user !== 'string') return { ok: false, status: 400, error: MSG.badJson };
  if (typeof text === 'string' && buttonData === undefined) {
    if (text.trim().length === 0) return { ok: false, status: 400, error: MSG.badInput };
    if (text.length > WEB_MAX_TEXT) return { ok: false, status: 413, error: MSG.tooLarge };
    return { ok: true, user, text };
  }
  if (typeof buttonData === 'string' && text === undefined) {
    if (buttonData.length === 0 || buttonData.length > MAX_BUTTON_DATA) {
      return { ok: false, status: 400, error: MSG.badInput };
    }
    return { ok: true, user, buttonData };
  }
  return { ok: false, status: 400, error: MSG.badInput };
}

/** Answers 405 (with `allow`) unless the method is `method` (GET also admits HEAD). */
function allow(req: IncomingMessage, res: ServerResponse, method: 'GET' | 'POST'): boolean {
  if (req.method === method || (method === 'GET' && req.method === 'HEAD')) return true;
  fail(res, 405, MSG.method, { allow: method === 'GET' ? 'GET, HEAD' : 'POST' });
  return false;
}

function fail(
  res: ServerResponse,
  status: number,
  error: string,
  headers: Record<string, string> = {},
): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  sendJson(res, status, { ok: false, error });
}

/** The browser's first language (`vi`, `en-US`…), for people the dialog does not know yet. */
function languageHint(req: IncomingMessage): { languageHint?: string } {
  const first = (req.headers['accept-language'] ?? '').split(',')[0]?.split(';')[0]?.trim() ?? '';
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(first) ? { languageHint: first } : {};
}

/** `filename` (ASCII fallback) and `filename*` (UTF-8) for a Content-Disposition header. */
function contentDispositionName(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
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
