/**
 * A local fake of the Telegram Bot API (node:http on 127.0.0.1, a free port) for contract
 * tests, end-to-end journeys and benchmarks. Point grammY at it with `client.apiRoot` and
 * pass `botInfo` to skip `getMe`.
 *
 * Faithful where the adapter depends on it: `/bot<token>/<method>` URLs (401 for another
 * token), JSON and multipart/form-data requests, the `{ok, result | error_code, description,
 * parameters}` envelope with the HTTP status equal to `error_code`, long polling with
 * `offset`/`timeout` (an update stays queued until a later `offset` confirms it; a second
 * `getUpdates` terminates the pending one with 409; 409 while a webhook is set), webhook
 * delivery with the `X-Telegram-Bot-Api-Secret-Token` header, `bot_command` entities, and
 * the limits that make the real API answer 400 (text 4096, caption 1024, callback data 64
 * bytes, empty text).
 */
import {
  Agent,
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotCommand, Chat, Message, MessageEntity, Update, User, UserFromGetMe } from 'grammy/types';

/** A message the bot sent (sendMessage, sendDocument, sendPhoto), as the fake recorded it. */
export interface SentMessage {
  method: 'sendMessage' | 'sendDocument' | 'sendPhoto';
  chat_id: number | string;
  message_id: number;
  /** The text, or the caption of a file (`''` when none). Updated by editMessageText. */
  text: string;
  caption?: string;
  reply_markup?: { inline_keyboard?: { text: string; callback_data?: string; url?: string }[][] };
  file?: { field: 'document' | 'photo'; filename: string; size: number };
  /** `Date.now()` when the fake accepted it. */
  at: number;
}

export interface FakeApiError {
  error_code: number;
  description: string;
  parameters?: { retry_after: number };
}

export interface FakeUserInput {
  id?: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_bot?: boolean;
}

export interface FakeTelegramOptions {
  /** Default `7000000001:AAFakeTokenForTests_0123456789abcdef`. */
  token?: string;
  /** Sends beyond `perSecond` in a sliding one-second window answer 429, retry_after 1. */
  rateLimit?: { perSecond: number };
  /** Bot username (default `dondoc_test_bot`). */
  username?: string;
}

export interface FakeTelegram {
  /** `http://127.0.0.1:<port>`, available after `start()`. */
  readonly apiRoot: string;
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Every accepted sendMessage / sendDocument / sendPhoto, in order. */
  readonly sent: SentMessage[];
  /** A user types `text` in chat `chatId` (private chat when positive). Commands get a
   * `bot_command` entity unless `opts.entities` is false. With a webhook set, POSTs the update
   * there and resolves after the answer (rejects on a non-2xx answer). */
  userSays(chatId: number, text: string, from?: FakeUserInput, opts?: { entities?: boolean }): Promise<void>;
  /** A user presses an inline button; resolves to the callback query id. `messageId` defaults
   * to the last message the bot sent to that chat. */
  userPresses(chatId: number, data: string, messageId?: number, from?: FakeUserInput): Promise<string>;
  userSendsDocument(
    chatId: number,
    doc: { file_name: string; mime_type: string; file_size: number; caption?: string },
    from?: FakeUserInput,
  ): Promise<void>;
  userSendsPhoto(
    chatId: number,
    photo: { file_size: number; caption?: string },
    from?: FakeUserInput,
  ): Promise<void>;
  /** Delivers any update object as is (assigns `update_id` when missing). */
  deliver(update: Omit<Update, 'update_id'> & { update_id?: number }): Promise<void>;
  /** The first sent message (already sent or arriving within `timeoutMs`) matching `predicate`. */
  waitFor(predicate: (m: SentMessage) => boolean, timeoutMs?: number): Promise<SentMessage>;
  messagesTo(chatId: number | string): SentMessage[];
  /** The next `n` calls of `method` answer `error` (HTTP status = error_code). */
  failNext(method: string, n: number, error: FakeApiError): void;
  /**
   * The next `n` calls of `method` are carried out (a message is delivered and recorded) but
   * the connection is cut instead of answering: what a client sees when the network fails
   * after Telegram accepted the request.
   */
  dropAnswerNext(method: string, n: number): void;
  /**
   * A 429 storm: for `ms` from now, every other send (a `ratio` of 0.5) is answered 429 with
   * `retry_after` seconds. Counted in `rejected429`.
   */
  storm(ratio: number, ms: number, retryAfter?: number): void;
  readonly webhook: { url: string; secret: string } | null;
  /** Every setMyCommands call. */
  readonly commands: { commands: BotCommand[]; language_code?: string; scope?: unknown }[];
  /** Every answerCallbackQuery call. */
  readonly callbackAnswers: { callback_query_id: string; text?: string }[];
  /** Every editMessageText / editMessageReplyMarkup call. */
  readonly edits: { method: string; chat_id: number | string; message_id: number; text?: string }[];
  readonly chatActions: { chat_id: number | string; action: string }[];
  /** Sends refused by the rate limit. */
  readonly rejected429: number;
  /** When each of those was refused (ms since the epoch), in order. */
  readonly rejected429At: readonly number[];
  /** Long polls ended by a second concurrent `getUpdates` (two consumers of one token). */
  readonly pollConflicts: number;
  /** Calls per method (successful or not), for assertions on traffic. */
  readonly calls: Record<string, number>;
  /** Forgets everything recorded, queued updates, planned failures and the webhook. */
  reset(): void;
}

type Params = Record<string, unknown>;
interface UploadedFile {
  filename: string;
  size: number;
}
interface Poller {
  res: ServerResponse;
  limit: number;
  timer: NodeJS.Timeout;
}
class ApiError extends Error {
  constructor(
    readonly error: FakeApiError,
    readonly status = error.error_code,
  ) {
    super(error.description);
  }
}

const SEND_METHODS = new Set(['sendmessage', 'senddocument', 'sendphoto']);
const MAX_BODY = 60 * 1024 * 1024;

export function createFakeTelegram(options: FakeTelegramOptions = {}): FakeTelegram {
  const token = options.token ?? '7000000001:AAFakeTokenForTests_0123456789abcdef';
  const botId = Number(token.split(':')[0]) || 7000000001;
  const botInfo: UserFromGetMe = {
    id: botId,
    is_bot: true,
    first_name: 'Đôn Đốc (test)',
    username: options.username ?? 'dondoc_test_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
  const botUser: User = {
    id: botId,
    is_bot: true,
    first_name: botInfo.first_name,
    username: botInfo.username,
  };

  let server: Server | null = null;
  let apiRoot: string | null = null;
  let nextUpdateId = 500_000_001;
  let nextMessageId = 1;
  let nextCallbackId = 1;
  const rejected429At: number[] = [];
  let pollConflicts = 0;
  let webhook: { url: string; secret: string } | null = null;
  let webhookAgent = new Agent({ keepAlive: true, maxSockets: 40 });
  let allowedUpdates: string[] | null = null;
  let queue: Update[] = [];
  let poller: Poller | null = null;
  const sent: SentMessage[] = [];
  const byChat = new Map<string, SentMessage[]>();
  const byId = new Map<string, SentMessage>();
  const commands: FakeTelegram['commands'] = [];
  const callbackAnswers: FakeTelegram['callbackAnswers'] = [];
  const edits: FakeTelegram['edits'] = [];
  const chatActions: FakeTelegram['chatActions'] = [];
  const calls: Record<string, number> = {};
  const failures = new Map<string, { left: number; error: FakeApiError }[]>();
  const drops = new Map<string, number>();
  const dropping = new WeakSet<ServerResponse>();
  let stormUntil = 0;
  let stormRatio = 0;
  let stormCredit = 0;
  let stormRetryAfter = 1;
  let sendTimes: number[] = [];
  let waiters: { predicate: (m: SentMessage) => boolean; resolve: (m: SentMessage) => void }[] = [];

  // --- HTTP ---------------------------------------------------------------------------

  function reply(res: ServerResponse, status: number, body: unknown): void {
    if (res.writableEnded || res.destroyed) return;
    if (dropping.has(res)) {
      res.socket?.destroy();
      return;
    }
    const data = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(data),
    });
    res.end(data);
  }
  const ok = (res: ServerResponse, result: unknown) => reply(res, 200, { ok: true, result });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z]+)$/.exec(url.pathname);
    if (!m) {
      reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    if (decodeURIComponent(m[1]!) !== token) {
      req.resume();
      reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const method = m[2]!.toLowerCase();
    calls[m[2]!] = (calls[m[2]!] ?? 0) + 1;
    const { params, files } = await readParams(req, url);
    const drop = drops.get(method) ?? 0;
    if (drop > 0) {
      drops.set(method, drop - 1);
      dropping.add(res);
    }
    const planned = failures.get(method)?.[0];
    if (planned) {
      planned.left--;
      if (planned.left <= 0) failures.get(method)?.shift();
      reply(res, planned.error.error_code, { ok: false, ...planned.error });
      return;
    }
    if (SEND_METHODS.has(method) && stormUntil > Date.now()) {
      stormCredit += stormRatio;
      if (stormCredit >= 1) {
        stormCredit -= 1;
        rejected429At.push(Date.now());
        reply(res, 429, {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${stormRetryAfter}`,
          parameters: { retry_after: stormRetryAfter },
        });
        return;
      }
    }
    if (SEND_METHODS.has(method) && options.rateLimit && !admitSend(options.rateLimit.perSecond)) {
      rejected429At.push(Date.now());
      reply(res, 429, {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 1',
        parameters: { retry_after: 1 },
      });
      return;
    }
    try {
      if (method === 'getupdates') {
        getUpdates(params, res);
        return;
      }
      ok(res, call(method, params, files));
    } catch (err) {
      if (err instanceof ApiError) reply(res, err.status, { ok: false, ...err.error });
      else {
        reply(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` });
      }
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

  // --- Methods ------------------------------------------------------------------------

  function call(method: string, p: Params, files: Map<string, UploadedFile>): unknown {
    switch (method) {
      case 'getme':
        return botInfo;
      case 'setwebhook': {
        const url = str(p.url);
        if (url === '') {
          webhook = null;
          return true;
        }
        webhook = { url, secret: str(p.secret_token) };
        // Like Telegram: at most `max_connections` (default 40) deliveries in flight.
        const max = Number(p.max_connections ?? 40) || 40;
        if (webhookAgent.maxSockets !== max) {
          webhookAgent.destroy();
          webhookAgent = new Agent({ keepAlive: true, maxSockets: max });
        }
        setAllowed(p.allowed_updates);
        if (p.drop_pending_updates === true || p.drop_pending_updates === 'true') queue = [];
        return true;
      }
      case 'deletewebhook':
        webhook = null;
        if (p.drop_pending_updates === true || p.drop_pending_updates === 'true') queue = [];
        return true;
      case 'getwebhookinfo':
        return {
          url: webhook?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: queue.length,
          ...(allowedUpdates ? { allowed_updates: allowedUpdates } : {}),
        };
      case 'sendmessage': {
        const text = str(p.text);
        if (text.trim() === '') throw badRequest('message text is empty');
        if (text.length > 4096) throw badRequest('message is too long');
        return record('sendMessage', p, text, undefined);
      }
      case 'senddocument':
      case 'sendphoto': {
        const field: 'photo' | 'document' = method === 'sendphoto' ? 'photo' : 'document';
        const caption = p.caption === undefined ? undefined : str(p.caption);
        if (caption !== undefined && caption.length > 1024) throw badRequest('message caption is too long');
        const ref = str(p[field]);
        const attached = ref.startsWith('attach://') ? files.get(ref.slice(9)) : files.get(field);
        const file = attached
          ? { field, filename: attached.filename, size: attached.size }
          : ref
            ? { field, filename: ref, size: 0 }
            : undefined;
        if (!file) throw badRequest(`there is no ${field} in the request`);
        return record(method === 'sendphoto' ? 'sendPhoto' : 'sendDocument', p, caption ?? '', file);
      }
      case 'answercallbackquery':
        callbackAnswers.push({
          callback_query_id: str(p.callback_query_id),
          ...(p.text !== undefined ? { text: str(p.text) } : {}),
        });
        return true;
      case 'setmycommands': {
        const list = json(p.commands);
        if (!Array.isArray(list)) throw badRequest('parameter "commands" is required');
        commands.push({
          commands: list as BotCommand[],
          ...(p.language_code !== undefined ? { language_code: str(p.language_code) } : {}),
          ...(p.scope !== undefined ? { scope: json(p.scope) } : {}),
        });
        return true;
      }
      case 'getmycommands': {
        const lang = p.language_code === undefined ? undefined : str(p.language_code);
        return commands.findLast((c) => c.language_code === lang)?.commands ?? [];
      }
      case 'editmessagetext':
      case 'editmessagereplymarkup': {
        const target = byId.get(`${chatKey(p.chat_id)}:${Number(p.message_id)}`);
        if (!target) throw badRequest('message to edit not found');
        const markup =
          p.reply_markup === undefined ? undefined : (json(p.reply_markup) as SentMessage['reply_markup']);
        if (markup) checkMarkup(markup);
        if (method === 'editmessagetext') {
          const text = str(p.text);
          if (text.trim() === '') throw badRequest('message text is empty');
          if (text.length > 4096) throw badRequest('message is too long');
          target.text = text;
        }
        if (markup) target.reply_markup = markup;
        else if (method === 'editmessagereplymarkup') delete target.reply_markup;
        edits.push({
          method: method === 'editmessagetext' ? 'editMessageText' : 'editMessageReplyMarkup',
          chat_id: target.chat_id,
          message_id: target.message_id,
          ...(method === 'editmessagetext' ? { text: target.text } : {}),
        });
        return toMessage(target);
      }
      case 'sendchataction':
        chatActions.push({ chat_id: chatIdOf(p.chat_id), action: str(p.action) });
        return true;
      case 'getfile':
        return { file_id: str(p.file_id), file_unique_id: `u${str(p.file_id)}`, file_path: 'documents/file' };
      default:
        throw new ApiError({ error_code: 404, description: 'Not Found: method not found' });
    }
  }

  function record(
    method: SentMessage['method'],
    p: Params,
    text: string,
    file: SentMessage['file'] | undefined,
  ): Message {
    if (p.chat_id === undefined || p.chat_id === '') throw badRequest('chat_id is empty');
    const markup =
      p.reply_markup === undefined ? undefined : (json(p.reply_markup) as SentMessage['reply_markup']);
    if (markup) checkMarkup(markup);
    const msg: SentMessage = {
      method,
      chat_id: chatIdOf(p.chat_id),
      message_id: nextMessageId++,
      text,
      ...(method !== 'sendMessage' && text !== '' ? { caption: text } : {}),
      ...(markup ? { reply_markup: markup } : {}),
      ...(file ? { file } : {}),
      at: Date.now(),
    };
    sent.push(msg);
    const key = chatKey(msg.chat_id);
    const list = byChat.get(key);
    if (list) list.push(msg);
    else byChat.set(key, [msg]);
    byId.set(`${key}:${msg.message_id}`, msg);
    if (waiters.length > 0) {
      const still: typeof waiters = [];
      for (const w of waiters) {
        if (w.predicate(msg)) w.resolve(msg);
        else still.push(w);
      }
      waiters = still;
    }
    return toMessage(msg);
  }

  function toMessage(s: SentMessage): Message {
    const base = {
      message_id: s.message_id,
      date: Math.floor(s.at / 1000),
      chat: chatOf(typeof s.chat_id === 'number' ? s.chat_id : 0, undefined),
      from: botUser,
      ...(s.reply_markup ? { reply_markup: s.reply_markup } : {}),
    };
    const fileId = `file-${s.message_id}`;
    if (s.method === 'sendMessage') return { ...base, text: s.text } as Message;
    const caption = s.caption !== undefined ? { caption: s.caption } : {};
    if (s.method === 'sendPhoto') {
      return {
        ...base,
        ...caption,
        photo: [
          { file_id: fileId, file_unique_id: `u${fileId}`, width: 800, height: 600, file_size: s.file?.size },
        ],
      } as Message;
    }
    return {
      ...base,
      ...caption,
      document: {
        file_id: fileId,
        file_unique_id: `u${fileId}`,
        file_name: s.file?.filename,
        file_size: s.file?.size,
      },
    } as Message;
  }

  function checkMarkup(markup: NonNullable<SentMessage['reply_markup']>): void {
    for (const row of markup.inline_keyboard ?? []) {
      for (const b of row) {
        if (!b.text) throw badRequest('text buttons are unallowed in the inline keyboard');
        if (b.callback_data !== undefined) {
          const n = Buffer.byteLength(b.callback_data, 'utf8');
          if (n < 1 || n > 64) throw badRequest('BUTTON_DATA_INVALID');
        }
      }
    }
  }

  function setAllowed(v: unknown): void {
    const list = json(v);
    if (Array.isArray(list)) allowedUpdates = list.length > 0 ? (list as string[]) : null;
  }

  // --- Updates ------------------------------------------------------------------------

  function getUpdates(p: Params, res: ServerResponse): void {
    if (webhook) {
      throw new ApiError({
        error_code: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
    }
    if (p.allowed_updates !== undefined) setAllowed(p.allowed_updates);
    const offset = p.offset === undefined ? 0 : Number(p.offset);
    const limit = Math.min(100, Math.max(1, p.limit === undefined ? 100 : Number(p.limit)));
    const timeout = p.timeout === undefined ? 0 : Number(p.timeout);
    if (offset > 0) {
      let drop = 0;
      while (drop < queue.length && queue[drop]!.update_id < offset) drop++;
      if (drop > 0) queue = queue.slice(drop);
    } else if (offset < 0) {
      queue = queue.slice(offset);
    }
    if (poller) {
      const old = poller;
      poller = null;
      clearTimeout(old.timer);
      pollConflicts++;
      reply(old.res, 409, {
        ok: false,
        error_code: 409,
        description:
          'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      });
    }
    if (queue.length > 0 || !(timeout > 0)) {
      ok(res, queue.slice(0, limit));
      return;
    }
    const me: Poller = {
      res,
      limit,
      timer: setTimeout(() => {
        if (poller === me) poller = null;
        ok(res, []);
      }, timeout * 1000),
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
    ok(p.res, queue.slice(0, p.limit));
  }

  function kindOf(update: Update): string {
    return Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
  }

  async function deliver(partial: Omit<Update, 'update_id'> & { update_id?: number }): Promise<void> {
    const update = { ...partial, update_id: partial.update_id ?? nextUpdateId++ } as Update;
    if (allowedUpdates && !allowedUpdates.includes(kindOf(update))) return;
    const hook = webhook;
    if (hook) {
      const status = await postJson(webhookAgent, hook.url, JSON.stringify(update), hook.secret);
      if (status < 200 || status >= 300) {
        throw new Error(`fake Telegram: webhook answered ${status} to update ${update.update_id}`);
      }
      return;
    }
    queue.push(update);
    wakePoller();
  }

  function userOf(chatId: number, from: FakeUserInput | undefined): User {
    const user: User = {
      id: from?.id ?? (chatId > 0 ? chatId : 900_000_000 + (-chatId % 1_000_000)),
      is_bot: from?.is_bot ?? false,
      first_name: from?.first_name ?? 'User',
      last_name: from?.last_name ?? String(chatId),
      language_code: from?.language_code ?? 'vi',
    };
    if (from?.username) user.username = from.username;
    if (from && 'last_name' in from && from.last_name === undefined) delete user.last_name;
    if (from && 'language_code' in from && from.language_code === undefined) delete user.language_code;
    return user;
  }

  function chatOf(chatId: number, user: User | undefined): Chat {
    if (chatId > 0) {
      return {
        id: chatId,
        type: 'private',
        first_name: user?.first_name ?? 'User',
        ...(user?.last_name ? { last_name: user.last_name } : {}),
      } as Chat;
    }
    return chatId <= -1_000_000_000_000
      ? ({ id: chatId, type: 'supergroup', title: 'Test group' } as Chat)
      : ({ id: chatId, type: 'group', title: 'Test group' } as Chat);
  }

  function userMessage(chatId: number, from: FakeUserInput | undefined): Message {
    const user = userOf(chatId, from);
    return {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: chatOf(chatId, user),
      from: user,
    } as Message;
  }

  // --- The object -----------------------------------------------------------------------

  const fake: FakeTelegram = {
    get apiRoot() {
      if (!apiRoot) throw new Error('fake Telegram: call start() first');
      return apiRoot;
    },
    token,
    botInfo,
    sent,
    get webhook() {
      return webhook;
    },
    commands,
    callbackAnswers,
    edits,
    chatActions,
    calls,
    get rejected429() {
      return rejected429At.length;
    },
    rejected429At,
    get pollConflicts() {
      return pollConflicts;
    },

    async start() {
      if (server) return;
      const s = createServer((req, res) => {
        handle(req, res).catch((err: unknown) => {
          const status = err instanceof ApiError ? err.status : 500;
          reply(res, status, { ok: false, error_code: status, description: String(err) });
        });
      });
      s.keepAliveTimeout = 30_000;
      s.headersTimeout = 31_000;
      s.maxRequestsPerSocket = 0;
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
      webhookAgent.destroy();
      if (poller) {
        clearTimeout(poller.timer);
        ok(poller.res, []);
        poller = null;
      }
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    },

    async userSays(chatId, text, from, opts) {
      const message = userMessage(chatId, from) as Message & { text: string; entities?: MessageEntity[] };
      message.text = text;
      const cmd = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]+)?/.exec(text);
      if (cmd && opts?.entities !== false) {
        message.entities = [{ type: 'bot_command', offset: 0, length: cmd[0].length }];
      }
      await deliver({ message } as Omit<Update, 'update_id'>);
    },

    async userPresses(chatId, data, messageId, from) {
      const user = userOf(chatId, from);
      const target =
        messageId === undefined ? byChat.get(String(chatId))?.at(-1) : byId.get(`${chatId}:${messageId}`);
      const id = `${botId}${String(nextCallbackId++).padStart(6, '0')}`;
      await deliver({
        callback_query: {
          id,
          from: user,
          chat_instance: String(chatId),
          data,
          message: {
            message_id: target?.message_id ?? messageId ?? 0,
            date: Math.floor((target?.at ?? Date.now()) / 1000),
            chat: chatOf(chatId, user),
            from: botUser,
            text: target?.text ?? '',
          } as Message,
        },
      } as Omit<Update, 'update_id'>);
      return id;
    },

    async userSendsDocument(chatId, doc, from) {
      const message = userMessage(chatId, from) as Message & Record<string, unknown>;
      const n = nextMessageId;
      message.document = {
        file_id: `BQACAgIAAx-doc-${n}`,
        file_unique_id: `AgAD-doc-${n}`,
        file_name: doc.file_name,
        mime_type: doc.mime_type,
        file_size: doc.file_size,
      };
      if (doc.caption !== undefined) message.caption = doc.caption;
      await deliver({ message } as Omit<Update, 'update_id'>);
    },

    async userSendsPhoto(chatId, photo, from) {
      const message = userMessage(chatId, from) as Message & Record<string, unknown>;
      const n = nextMessageId;
      message.photo = [
        {
          file_id: `AgACAgIAAx-small-${n}`,
          file_unique_id: `AQAD-s-${n}`,
          width: 90,
          height: 67,
          file_size: 1200,
        },
        {
          file_id: `AgACAgIAAx-large-${n}`,
          file_unique_id: `AQAD-l-${n}`,
          width: 1280,
          height: 960,
          file_size: photo.file_size,
        },
      ];
      if (photo.caption !== undefined) message.caption = photo.caption;
      await deliver({ message } as Omit<Update, 'update_id'>);
    },

    deliver,

    waitFor(predicate, timeoutMs = 5000) {
      const found = sent.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise<SentMessage>((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (m: SentMessage) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          reject(
            new Error(`fake Telegram: no matching message within ${timeoutMs} ms (${sent.length} sent)`),
          );
        }, timeoutMs);
        waiters.push(waiter);
      });
    },

    messagesTo(chatId) {
      return [...(byChat.get(String(chatId)) ?? [])];
    },

    storm(ratio, ms, retryAfter = 1) {
      stormRatio = ratio;
      stormCredit = 0;
      stormRetryAfter = retryAfter;
      stormUntil = Date.now() + ms;
    },
    dropAnswerNext(method, n) {
      drops.set(method.toLowerCase(), (drops.get(method.toLowerCase()) ?? 0) + Math.max(0, n));
    },
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
      byId.clear();
      commands.length = 0;
      callbackAnswers.length = 0;
      edits.length = 0;
      chatActions.length = 0;
      for (const k of Object.keys(calls)) delete calls[k];
      failures.clear();
      drops.clear();
      rejected429At.length = 0;
      pollConflicts = 0;
      sendTimes = [];
      queue = [];
      webhook = null;
      allowedUpdates = null;
    },
  };
  return fake;
}

// --- Request parsing --------------------------------------------------------------------

async function readParams(
  req: IncomingMessage,
  url: URL,
): Promise<{ params: Params; files: Map<string, UploadedFile> }> {
  const params: Params = Object.fromEntries(url.searchParams);
  const files = new Map<string, UploadedFile>();
  if (req.method === 'GET' || req.method === 'HEAD') {
    req.resume();
    return { params, files };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ApiError({ error_code: 413, description: 'Request Entity Too Large' });
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  const type = String(req.headers['content-type'] ?? '');
  if (body.length === 0) return { params, files };
  if (type.includes('application/json')) {
    try {
      Object.assign(params, JSON.parse(body.toString('utf8')) as Params);
    } catch {
      throw badRequest("can't parse JSON object");
    }
  } else if (type.includes('multipart/form-data')) {
    const b = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
    const boundary = b?.[1] ?? b?.[2];
    if (!boundary) throw badRequest('multipart boundary is missing');
    parseMultipart(body, boundary, params, files);
  } else {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  }
  return { params, files };
}

/**
 * A small multipart/form-data parser: lenient about header case and spacing and about
 * unquoted UTF-8 filenames, which is what grammY sends (`content-disposition:form-data;
 * name="x";filename=Báo cáo.xlsx`).
 */
function parseMultipart(
  body: Buffer,
  boundary: string,
  params: Params,
  files: Map<string, UploadedFile>,
): void {
  const delim = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delim);
  while (pos !== -1) {
    let start = pos + delim.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // closing delimiter
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    const next = body.indexOf(delim, start);
    if (next === -1) break;
    let end = next;
    if (body[end - 2] === 0x0d && body[end - 1] === 0x0a) end -= 2;
    const part = body.subarray(start, end);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const name =
        /(?:^|[;\s:])name="([^"]*)"/i.exec(headers)?.[1] ??
        /(?:^|[;\s:])name=([^;\r\n]*)/i.exec(headers)?.[1];
      const fn = /filename=(?:"([^"]*)"|([^\r\n;]*))/i.exec(headers);
      if (name !== undefined) {
        if (fn) files.set(name, { filename: (fn[1] ?? fn[2] ?? '').trim(), size: content.length });
        else params[name] = content.toString('utf8');
      }
    }
    pos = next;
  }
}

/** POSTs a webhook delivery like Telegram does; resolves to the HTTP status. */
function postJson(agent: Agent, url: string, body: string, secret: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        timeout: 30_000,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('fake Telegram: webhook timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

function badRequest(what: string): ApiError {
  return new ApiError({ error_code: 400, description: `Bad Request: ${what}` });
}

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** A field that is JSON in a JSON body but a JSON string in form or query parameters. */
function json(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function chatIdOf(v: unknown): number | string {
  const s = str(v);
  return /^-?\d+$/.test(s) ? Number(s) : s;
}

function chatKey(v: unknown): string {
  return String(chatIdOf(v));
}
