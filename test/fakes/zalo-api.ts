/**
 * A local fake of the Zalo Bot Platform API (node:http on 127.0.0.1, a free port) for contract
 * tests, end-to-end journeys and the reminder fan-out. Point the client at it with `apiRoot`.
 *
 * Faithful where the adapter depends on it (facts in ../shared/DESIGN.md): `POST
 * /bot<token>/<method>` with JSON; the envelope `{ok, result | error_code, description}`
 * answered with HTTP 200 even for failures (as Zalo does), so a client that trusts the HTTP
 * status is caught; long polling that returns ONE event per call, with no offset to confirm,
 * and `error_code` 408 "Request timeout" when nothing arrived; no polling while a webhook is
 * set; webhook deliveries `{ok: true, result: {event_name, message}}` with the secret in
 * `X-Bot-Api-Secret-Token`; texts of 1–2000 characters; `sendPhoto` fetching the photo URL
 * itself (as Zalo's servers do); an optional rate limit answering 429.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ZaloSentMessage {
  method: 'sendMessage' | 'sendPhoto';
  chat_id: string;
  message_id: string;
  /** The text, or the caption of a photo (`''` when none). */
  text: string;
  photo?: string;
  /** What fetching `photo` gave. */
  photoFetch?: { status: number; contentType: string; bytes: number };
  /** `Date.now()` when the fake accepted it. */
  at: number;
}

export interface ZaloFakeError {
  error_code: number;
  description: string;
  /** HTTP status of the answer (default 200, as Zalo answers failures). */
  httpStatus?: number;
  /** Raw body instead of the JSON envelope (an HTML error page from a proxy…). */
  rawBody?: string;
}

export interface ZaloFakeUser {
  id?: string;
  display_name?: string;
  is_bot?: boolean;
}

export interface ZaloEvent {
  event_name: string;
  message?: Record<string, unknown>;
}

export interface FakeZaloOptions {
  /** Default `1234567890123456789:FakeZaloTokenForTests_abcdefghijklmnop`. */
  token?: string;
  /** Sends beyond `perSecond` in a sliding one-second window answer 429. */
  rateLimit?: { perSecond: number };
  /** sendPhoto fetches the photo URL (default true). */
  fetchPhotos?: boolean;
}

export interface FakeZalo {
  /** `http://127.0.0.1:<port>`, available after `start()`. */
  readonly apiRoot: string;
  readonly token: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Every accepted sendMessage / sendPhoto, in order. */
  readonly sent: ZaloSentMessage[];
  messagesTo(chatId: string): ZaloSentMessage[];
  /** The first sent message (already sent or arriving within `timeoutMs`) matching `predicate`. */
  waitFor(predicate: (m: ZaloSentMessage) => boolean, timeoutMs?: number): Promise<ZaloSentMessage>;
  /** A user types `text` in the private chat `chatId` (the user id is the chat id unless given).
   * With a webhook set, POSTs the event there and resolves after the answer (rejects on a
   * non-2xx answer); otherwise queues it for getUpdates. Resolves to the event delivered. */
  userSays(chatId: string, text: string, from?: ZaloFakeUser): Promise<ZaloEvent>;
  userSendsImage(
    chatId: string,
    photo: { url: string; caption?: string },
    from?: ZaloFakeUser,
  ): Promise<ZaloEvent>;
  userSendsSticker(chatId: string, from?: ZaloFakeUser): Promise<ZaloEvent>;
  userSendsVoice(chatId: string, from?: ZaloFakeUser): Promise<ZaloEvent>;
  /** Content withheld by Zalo for privacy (the real payload has no text). */
  userSendsUnsupported(chatId: string, from?: ZaloFakeUser): Promise<ZaloEvent>;
  /** Delivers any event as is (a replay, an unknown future event…). */
  deliver(event: ZaloEvent): Promise<void>;
  /** The next `n` calls of `method` fail with `error`. */
  failNext(method: string, n: number, error: ZaloFakeError): void;
  readonly webhook: { url: string; secret: string; updated_at: number } | null;
  readonly chatActions: { chat_id: string; action: string }[];
  /** Sends refused by the rate limit. */
  readonly rejected429: number;
  /** Calls per method (successful or not). */
  readonly calls: Record<string, number>;
  /** Statuses of the webhook deliveries, in order. */
  readonly deliveries: number[];
  /** Events queued for getUpdates and not yet taken. */
  readonly pending: number;
  /** Forgets everything recorded, queued events, planned failures and the webhook. */
  reset(): void;
}

interface Poller {
  res: ServerResponse;
  timer: NodeJS.Timeout;
}

const SEND_METHODS = new Set(['sendmessage', 'sendphoto']);

export function createFakeZalo(options: FakeZaloOptions = {}): FakeZalo {
  const token = options.token ?? '1234567890123456789:FakeZaloTokenForTests_abcdefghijklmnop';
  const botId = token.split(':')[0] ?? '1';
  let server: Server | null = null;
  let apiRoot: string | null = null;
  let nextMessage = 1;
  let rejected429 = 0;
  let webhook: FakeZalo['webhook'] = null;
  let queue: ZaloEvent[] = [];
  let poller: Poller | null = null;
  const sent: ZaloSentMessage[] = [];
  const byChat = new Map<string, ZaloSentMessage[]>();
  const chatActions: FakeZalo['chatActions'] = [];
  const calls: Record<string, number> = {};
  const deliveries: number[] = [];
  const failures = new Map<string, { left: number; error: ZaloFakeError }[]>();
  let sendTimes: number[] = [];
  let waiters: { predicate: (m: ZaloSentMessage) => boolean; resolve: (m: ZaloSentMessage) => void }[] = [];

  function reply(res: ServerResponse, status: number, body: unknown, raw?: string): void {
    if (res.writableEnded || res.destroyed) return;
    const data = raw ?? JSON.stringify(body);
    res.writeHead(status, {
      'content-type': raw ? 'text/html' : 'application/json',
      'content-length': Buffer.byteLength(data),
    });
    res.end(data);
  }
  const ok = (res: ServerResponse, result: unknown) => reply(res, 200, { ok: true, result });
  const fail = (res: ServerResponse, e: ZaloFakeError) =>
    reply(
      res,
      e.httpStatus ?? 200,
      { ok: false, error_code: e.error_code, description: e.description },
      e.rawBody,
    );

  class Refused extends Error {
    constructor(readonly error: ZaloFakeError) {
      super(error.description);
    }
  }
  const bad = (description: string) => new Refused({ error_code: 400, description });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    const body = await readJson(req);
    if (!m) return fail(res, { error_code: 404, description: 'Not Found' });
    if (decodeURIComponent(m[1]!) !== token)
      return fail(res, { error_code: 401, description: 'Unauthorized' });
    const method = m[2]!.toLowerCase();
    calls[m[2]!] = (calls[m[2]!] ?? 0) + 1;
    const planned = failures.get(method)?.[0];
    if (planned) {
      planned.left--;
      if (planned.left <= 0) failures.get(method)?.shift();
      return fail(res, planned.error);
    }
    if (SEND_METHODS.has(method) && options.rateLimit && !admitSend(options.rateLimit.perSecond)) {
      rejected429++;
      return fail(res, { error_code: 429, description: 'Too Many Requests' });
    }
    const params = { ...Object.fromEntries(url.searchParams), ...(body ?? {}) } as Record<string, unknown>;
    try {
      if (method === 'getupdates') return getUpdates(params, res);
      ok(res, await call(method, params));
    } catch (err) {
      if (err instanceof Refused) fail(res, err.error);
      else fail(res, { error_code: 500, description: `Internal Server Error: ${String(err)}` });
    }
  }

  function admitSend(perSecond: number): boolean {
    const now = Date.now();
    let drop = 0;
    while (drop < sendTimes.length && sendTimes[drop]! <= now - 1000) drop++;
    if (drop > 0) sendTimes = sendTimes.slice(drop);
    if (sendTimes.length >= perSecond) return false;
    sendTimes.push(now);
    return true;
  }

  async function call(method: string, p: Record<string, unknown>): Promise<unknown> {
    switch (method) {
      case 'getme':
        return { id: botId, account_name: 'bot.dondoc_test', account_type: 'BASIC', can_join_groups: false };
      case 'setwebhook': {
        const url = str(p.url);
        const secret = str(p.secret_token);
        if (!/^https?:\/\//.test(url)) throw bad('url is invalid');
        if (secret.length < 8 || secret.length > 256) throw bad('secret_token must be 8-256 characters');
        webhook = { url, secret, updated_at: Date.now() };
        return { url, updated_at: webhook.updated_at };
      }
      case 'deletewebhook': {
        const was = webhook;
        webhook = null;
        return { url: was?.url ?? '', updated_at: Date.now() };
      }
      case 'getwebhookinfo':
        return { url: webhook?.url ?? '', updated_at: webhook?.updated_at ?? 0 };
      case 'sendmessage': {
        const text = str(p.text);
        if (text.length === 0) throw bad('text is empty');
        if (text.length > 2000) throw bad('text must be at most 2000 characters');
        return record({ method: 'sendMessage', chat_id: chat(p), text });
      }
      case 'sendphoto': {
        const photo = str(p.photo);
        if (!photo) throw bad('photo is required');
        const caption = p.caption === undefined ? '' : str(p.caption);
        let photoFetch: ZaloSentMessage['photoFetch'];
        if (options.fetchPhotos !== false) {
          try {
            const r = await fetch(photo);
            const bytes = (await r.arrayBuffer()).byteLength;
            photoFetch = { status: r.status, contentType: r.headers.get('content-type') ?? '', bytes };
          } catch {
            photoFetch = { status: 0, contentType: '', bytes: 0 };
          }
          if (photoFetch.status !== 200 || !photoFetch.contentType.startsWith('image/')) {
            throw bad('photo could not be downloaded');
          }
        }
        return record({
          method: 'sendPhoto',
          chat_id: chat(p),
          text: caption,
          photo,
          ...(photoFetch ? { photoFetch } : {}),
        });
      }
      case 'sendchataction':
        chatActions.push({ chat_id: chat(p), action: str(p.action) });
        return {};
      default:
        throw new Refused({ error_code: 404, description: 'Method not found' });
    }
  }

  function chat(p: Record<string, unknown>): string {
    const id = str(p.chat_id);
    if (!id) throw bad('chat_id is required');
    return id;
  }

  function record(m: Omit<ZaloSentMessage, 'message_id' | 'at'>): { message_id: string; date: number } {
    const message: ZaloSentMessage = {
      ...m,
      message_id: `bm${String(nextMessage++).padStart(8, '0')}`,
      at: Date.now(),
    };
    sent.push(message);
    const list = byChat.get(message.chat_id) ?? [];
    list.push(message);
    byChat.set(message.chat_id, list);
    const ready = waiters.filter((w) => w.predicate(message));
    waiters = waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(message);
    return { message_id: message.message_id, date: message.at };
  }

  function getUpdates(p: Record<string, unknown>, res: ServerResponse): void {
    if (webhook) {
      fail(res, { error_code: 409, description: 'Conflict: webhook is active, use deleteWebhook first' });
      return;
    }
    const next = queue.shift();
    if (next) {
      ok(res, next);
      return;
    }
    const timeout = Number(p.timeout ?? 30);
    if (poller) {
      // One poller per token: the earlier one is answered as if nothing arrived.
      clearTimeout(poller.timer);
      fail(poller.res, { error_code: 408, description: 'Request timeout' });
    }
    const me: Poller = {
      res,
      timer: setTimeout(() => {
        if (poller === me) poller = null;
        fail(res, { error_code: 408, description: 'Request timeout' });
      }, Math.max(0, timeout) * 1000),
    };
    poller = me;
    res.on('close', () => {
      if (poller === me) {
        poller = null;
        clearTimeout(me.timer);
      }
    });
  }

  function wakePoller(): void {
    if (!poller || queue.length === 0) return;
    const p = poller;
    poller = null;
    clearTimeout(p.timer);
    if (p.res.destroyed || p.res.writableEnded) return;
    ok(p.res, queue.shift());
  }

  async function deliver(event: ZaloEvent): Promise<void> {
    const hook = webhook;
    if (hook) {
      const res = await fetch(hook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': hook.secret },
        body: JSON.stringify({ ok: true, result: event }),
      });
      await res.arrayBuffer();
      deliveries.push(res.status);
      if (res.status < 200 || res.status >= 300) {
        throw new Error(`fake Zalo: webhook answered ${res.status} to ${event.event_name}`);
      }
      return;
    }
    queue.push(event);
    wakePoller();
  }

  function message(chatId: string, from: ZaloFakeUser | undefined, extra: Record<string, unknown>) {
    return {
      message_id: `um${Date.now().toString(16)}${String(nextMessage++).padStart(6, '0')}`,
      date: Date.now(),
      from: {
        id: from?.id ?? chatId,
        display_name: from?.display_name ?? `Người dùng ${chatId.slice(-4)}`,
        is_bot: from?.is_bot ?? false,
      },
      chat: { id: chatId, chat_type: 'PRIVATE' },
      ...extra,
    };
  }

  async function userEvent(event_name: string, chatId: string, from: ZaloFakeUser | undefined, extra = {}) {
    const event = { event_name, message: message(chatId, from, extra) };
    await deliver(event);
    return event;
  }

  const fake: FakeZalo = {
    get apiRoot() {
      if (!apiRoot) throw new Error('fake Zalo: call start() first');
      return apiRoot;
    },
    token,
    sent,
    chatActions,
    calls,
    deliveries,
    get webhook() {
      return webhook;
    },
    get rejected429() {
      return rejected429;
    },
    get pending() {
      return queue.length;
    },

    async start() {
      if (server) return;
      const s = createServer((req, res) => {
        handle(req, res).catch((err: unknown) => fail(res, { error_code: 500, description: String(err) }));
      });
      s.keepAliveTimeout = 30_000;
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(0, '127.0.0.1', () => {
          s.off('error', reject);
          resolve();
        });
      });
      server = s;
      apiRoot = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    },

    async stop() {
      const s = server;
      if (!s) return;
      server = null;
      if (poller) {
        clearTimeout(poller.timer);
        fail(poller.res, { error_code: 408, description: 'Request timeout' });
        poller = null;
      }
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    },

    messagesTo: (chatId) => [...(byChat.get(chatId) ?? [])],

    waitFor(predicate, timeoutMs = 5000) {
      const found = sent.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise<ZaloSentMessage>((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (m: ZaloSentMessage) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          reject(new Error(`fake Zalo: no matching message within ${timeoutMs} ms (${sent.length} sent)`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },

    userSays: (chatId, text, from) => userEvent('message.text.received', chatId, from, { text }),
    userSendsImage: (chatId, photo, from) =>
      userEvent('message.image.received', chatId, from, {
        photo: photo.url,
        ...(photo.caption !== undefined ? { caption: photo.caption } : {}),
      }),
    userSendsSticker: (chatId, from) =>
      userEvent('message.sticker.received', chatId, from, {
        sticker: 'bfe458bf64fa8da4d4eb',
        url: 'https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=46991&size=130',
      }),
    userSendsVoice: (chatId, from) =>
      userEvent('message.voice.received', chatId, from, { url: 'https://voice.zadn.vn/fake/voice.aac' }),
    userSendsUnsupported: (chatId, from) => userEvent('message.unsupported.received', chatId, from),
    deliver,

    failNext(method, n, error) {
      if (n <= 0) return;
      const key = method.toLowerCase();
      const list = failures.get(key) ?? [];
      list.push({ left: n, error });
      failures.set(key, list);
    },

    reset() {
      sent.length = 0;
      byChat.clear();
      chatActions.length = 0;
      deliveries.length = 0;
      for (const k of Object.keys(calls)) delete calls[k];
      failures.clear();
      rejected429 = 0;
      sendTimes = [];
      queue = [];
      webhook = null;
    },
  };
  return fake;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return null;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : String(v);
}
