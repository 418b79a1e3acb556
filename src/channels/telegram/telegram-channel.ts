/**
 * The Telegram channel: grammY translating Bot API updates into DialogInputs and
 * OutgoingMessages into Bot API calls. Nothing else in the service imports grammY.
 *
 * Quirks handled here are listed in `src/channels/README.md`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, GrammyError, HttpError, InputFile, webhookCallback } from 'grammy';
import type { BotCommand, InlineKeyboardMarkup, Message, Update, UserFromGetMe } from 'grammy/types';
import type { HttpServer } from '../../http/server.js';
import { redactSecrets } from '../../logging/redact.js';
import {
  type Button,
  type Channel,
  ChannelAuthError,
  type ChannelCapabilities,
  ChannelError,
  ChannelNetworkError,
  type DialogInput,
  type IncomingFile,
  neverConnected,
  PartlySentError,
  RateLimitedError,
  RecipientGoneError,
  splitText,
} from '../../ports/channel.js';
import type { Logger } from '../../ports/logger.js';
import { createDispatcher } from '../dispatcher.js';
import type { Pacer } from '../pacer.js';
import { createBotApiFetch } from './bot-api-fetch.js';

/** Telegram's limits (Bot API, 2026). */
export const TELEGRAM_MAX_TEXT = 4096;
export const TELEGRAM_MAX_CAPTION = 1024;
export const TELEGRAM_MAX_CALLBACK_DATA_BYTES = 64;

/** The only update kinds the adapter asks for (polling and webhook alike). */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export type TelegramMode =
  | { kind: 'polling'; timeoutSec?: number }
  | { kind: 'webhook'; url: string; secret: string };

export interface TelegramChannelOptions {
  token: string;
  /** Bot API root without a trailing slash (`https://api.telegram.org`, or a fake's URL). */
  apiRoot: string;
  mode: TelegramMode;
  /** Required for webhook mode: the webhook route is registered on it. */
  http?: HttpServer;
  /** Default `/telegram/webhook`. */
  webhookPath?: string;
  logger: Logger;
  /** The bot's own account; when given, no `getMe` call is made (tests). */
  botInfo?: UserFromGetMe;
  /**
   * Bounds of `@grammyjs/auto-retry` (its own defaults are unlimited): at most
   * `maxRetryAttempts` retries of a call answered 429 or 5xx, and a 429 whose `retry_after`
   * exceeds `maxDelaySeconds` is not waited for but thrown as RateLimitedError.
   * Defaults 3 and 5.
   */
  retry?: { maxRetryAttempts: number; maxDelaySeconds: number };
  /**
   * Spaces the requests that send (`send*`): every piece of a long text, every retry of
   * auto-retry (see ../paced.ts). Without it they go out at once.
   */
  pacer?: Pacer;
  /**
   * Inputs handled at once (different chats run concurrently, one chat's inputs in order).
   * Default 32. Polling stops fetching while this many are in flight.
   */
  concurrency?: number;
}

export type TelegramChannel = Channel & {
  /** Publishes the command menu (Vietnamese default, English for `en` clients). */
  registerCommands(): Promise<void>;
  /** The bot's @username (without `@`). */
  username(): Promise<string>;
};

/** The command menu, in the default language (Vietnamese) and in English. */
export const TELEGRAM_COMMANDS: Readonly<Record<'vi' | 'en', readonly BotCommand[]>> = {
  vi: [
    { command: 'start', description: 'Bắt đầu, nhập mã mời' },
    { command: 'hanchot', description: 'Hạn chót: báo cáo sắp đến hạn' },
    { command: 'sua', description: 'Sửa số liệu đã gửi' },
    { command: 'huy', description: 'Hủy thao tác đang làm' },
    { command: 'trogiup', description: 'Trợ giúp' },
    { command: 'ngonngu', description: 'Ngôn ngữ / Language' },
    { command: 'giotinh', description: 'Giờ tạm dừng lời nhắc' },
    { command: 'tinhhinh', description: 'Tình hình nộp báo cáo (lãnh đạo)' },
  ],
  en: [
    { command: 'start', description: 'Start, enter an invite code' },
    { command: 'hanchot', description: 'What is due' },
    { command: 'sua', description: 'Correct a submitted figure' },
    { command: 'huy', description: 'Cancel the current step' },
    { command: 'trogiup', description: 'Help' },
    { command: 'ngonngu', description: 'Language / Ngôn ngữ' },
    { command: 'giotinh', description: 'Quiet hours for reminders' },
    { command: 'tinhhinh', description: 'Reporting status (managers)' },
  ],
};

/**
 * Creates the Telegram channel. Long polling (`bot.start`, one poller per token) or webhook
 * (a POST route on `http` checked against the secret header, then `setWebhook`); the two
 * never run together for one token.
 *
 * Inputs: text messages (raw text, `/cmd@thisbot` reduced to `/cmd`; a command addressed to
 * another bot is ignored), button presses (always answered so the client's spinner stops),
 * documents and photos (as `file`, caption as `text`). Ignored: senders that are bots
 * (including this one), channel posts, edited messages (an edit is not a new submission:
 * the user sends a correction instead) and other message kinds (stickers, voice…).
 * A throwing `onInput` is logged and skipped; it never stops polling.
 *
 * `send` works whether or not the channel was started (delivery workers only send). It
 * throws RateLimitedError, RecipientGoneError, ChannelAuthError, ChannelNetworkError, or a
 * plain ChannelError for a request Telegram refused (a bug on our side). No error message
 * carries the token. A text split into pieces that fails midway has sent the first pieces.
 */
export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const { logger, mode } = options;
  const log = logger.child({ channel: 'telegram' });
  const webhookPath = options.webhookPath ?? '/telegram/webhook';
  const retry = options.retry ?? { maxRetryAttempts: 3, maxDelaySeconds: 5 };
  const pollTimeoutSec = mode.kind === 'polling' ? (mode.timeoutSec ?? 30) : 0;
  if (mode.kind === 'webhook' && !options.http) {
    throw new Error('telegram webhook mode needs the HTTP server (options.http)');
  }

  const bot = new Bot(options.token, {
    client: {
      apiRoot: options.apiRoot.replace(/\/+$/, ''),
      // A hung request must not hold a delivery worker for grammY's default 500 s; long polls
      // need their own timeout plus a margin.
      timeoutSeconds: Math.max(60, pollTimeoutSec + 30),
      // Keep-alive connections through undici (see ./http.ts): a fan-out of thousands of
      // reminders must neither open one connection per message nor spend its CPU in node-fetch.
      fetch: createBotApiFetch() as never,
    },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  const pacer = options.pacer;
  if (pacer) {
    // Installed before auto-retry, so it is inside it: each attempt waits for the pacer.
    bot.api.config.use((prev, method, payload, signal) =>
      method.startsWith('send')
        ? pacer.take().then(() => prev(method, payload, signal))
        : prev(method, payload, signal),
    );
  }
  bot.api.config.use(
    autoRetry({
      maxRetryAttempts: retry.maxRetryAttempts,
      maxDelaySeconds: retry.maxDelaySeconds,
      // auto-retry retries network failures without any bound: let them surface instead
      // (ChannelNetworkError for sends; grammY's polling loop has its own backoff).
      rethrowHttpErrors: true,
    }),
  );

  let onInput: ((input: DialogInput) => Promise<void>) | null = null;
  let running = false;
  let pollingDone: Promise<void> | null = null;
  let webhookHandler: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null = null;
  const dispatcher = createDispatcher(options.concurrency ?? 32, async (input) => {
    const handler = onInput;
    if (!handler) return;
    try {
      await handler(input);
    } catch (err) {
      log.error({ chatId: input.chatId, err: describeError(err) }, 'telegram input handler failed');
    }
  });

  bot.catch((err) => {
    log.error({ err: describeError(err.error) }, 'telegram middleware failed');
  });

  // No `running` check here: after `stop()` grammY still finishes the batch it fetched (the
  // webhook route refuses updates itself), and dropping those would lose confirmed updates.
  bot.use(async (ctx) => {
    const update = ctx.update;
    const callback = update.callback_query;
    if (callback) {
      // Stop the client's spinner first, whatever happens next.
      bot.api.answerCallbackQuery(callback.id).catch((err: unknown) => {
        log.warn({ err: describeError(err) }, 'telegram answerCallbackQuery failed');
      });
    }
    const input = toDialogInput(update, ctx.me);
    if (!input) return;
    await dispatcher.admit();
    const done = dispatcher.dispatch(input);
    // Webhook: answer Telegram once the input is handled (or the 9 s timeout passed).
    // Polling: do not hold the loop; the dispatcher keeps order per chat.
    if (mode.kind === 'webhook') await done;
  });

  async function startPolling(timeoutSec: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      let started = false;
      pollingDone = bot
        .start({
          timeout: timeoutSec,
          allowed_updates: [...ALLOWED_UPDATES],
          drop_pending_updates: false,
          onStart: () => {
            started = true;
            resolve();
          },
        })
        .then(
          () => {
            if (!started) resolve();
          },
          (err: unknown) => {
            running = false;
            const mapped = toChannelError(err);
            if (!started) reject(mapped);
            else log.error({ err: describeError(err) }, 'telegram polling stopped');
          },
        );
    });
  }

  async function startWebhook(http: HttpServer, url: string, secret: string): Promise<void> {
    if (!webhookHandler) {
      webhookHandler = webhookCallback(bot, 'http', {
        secretToken: secret,
        onTimeout: 'return',
        timeoutMilliseconds: 9000,
      });
    }
    const handler = webhookHandler;
    http.route(webhookPath, async (req, res) => {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      if (!running) {
        // Telegram retries non-2xx answers later, possibly on another instance.
        res.writeHead(503).end();
        return;
      }
      try {
        await handler(req, res);
      } catch (err) {
        log.warn({ err: describeError(err) }, 'telegram webhook update rejected');
        if (!res.headersSent) res.writeHead(err instanceof SyntaxError ? 400 : 500).end();
        else res.end();
      }
    });
    try {
      await bot.api.setWebhook(url, {
        secret_token: secret,
        allowed_updates: [...ALLOWED_UPDATES],
        drop_pending_updates: false,
      });
    } catch (err) {
      throw toChannelError(err);
    }
  }

  const capabilities: ChannelCapabilities = {
    maxTextLength: TELEGRAM_MAX_TEXT,
    buttons: 'inline',
    files: true,
  };

  return {
    name: 'telegram',
    capabilities,

    async start(handler) {
      if (running) throw new ChannelError('telegram channel already started');
      onInput = handler;
      running = true;
      try {
        if (mode.kind === 'polling') await startPolling(pollTimeoutSec);
        else await startWebhook(options.http!, mode.url, mode.secret);
      } catch (err) {
        running = false;
        throw err instanceof ChannelError ? err : toChannelError(err);
      }
      log.info({ mode: mode.kind }, 'telegram channel started');
    },

    async stop() {
      if (!running) {
        await dispatcher.drain(10_000);
        return;
      }
      running = false;
      if (mode.kind === 'polling') {
        try {
          await bot.stop();
        } catch (err) {
          log.warn({ err: describeError(err) }, 'telegram polling stop failed');
        }
        await pollingDone;
      }
      // Webhook: the webhook stays set, another instance may serve it.
      const drained = await dispatcher.drain(10_000);
      if (!drained) log.warn('telegram inputs still running after 10 s at stop');
    },

    async send(chatId, message) {
      const target = toChatId(chatId);
      const markup = toInlineKeyboard(message.buttons);
      const text = message.text;
      const file = message.file;
      if (!file && text.trim().length === 0) throw new ChannelError('telegram: nothing to send (empty text)');
      const captionFits = file !== undefined && text.length <= TELEGRAM_MAX_CAPTION;
      const pieces = captionFits || text.trim().length === 0 ? [] : splitText(text, TELEGRAM_MAX_TEXT);
      let last: Message | undefined;
      let sent = 0;
      try {
        for (const [i, piece] of pieces.entries()) {
          const isLast = i === pieces.length - 1 && !file;
          last = await bot.api.sendMessage(target, piece, isLast && markup ? { reply_markup: markup } : {});
          sent++;
        }
        if (file) {
          const input = new InputFile(file.data, file.name);
          const other = {
            ...(captionFits && text.length > 0 ? { caption: text } : {}),
            ...(markup ? { reply_markup: markup } : {}),
          };
          last = file.asPhoto
            ? await bot.api.sendPhoto(target, input, other)
            : await bot.api.sendDocument(target, input, other);
        }
      } catch (err) {
        throw sent > 0 ? new PartlySentError(sent, toChannelError(err)) : toChannelError(err);
      }
      if (!last) throw new ChannelError('telegram: nothing was sent');
      return { messageId: String(last.message_id) };
    },

    async registerCommands() {
      try {
        await bot.api.setMyCommands([...TELEGRAM_COMMANDS.vi]);
        await bot.api.setMyCommands([...TELEGRAM_COMMANDS.en], { language_code: 'en' });
      } catch (err) {
        throw toChannelError(err);
      }
    },

    async username() {
      try {
        await bot.init();
      } catch (err) {
        throw toChannelError(err);
      }
      return bot.botInfo.username;
    },
  };
}

/** Update → DialogInput, or null when the update is not for the dialog. */
function toDialogInput(update: Update, me: UserFromGetMe): DialogInput | null {
  const callback = update.callback_query;
  if (callback) {
    if (callback.from.is_bot || callback.data === undefined) return null;
    // Inline-mode buttons carry no message; we only use buttons in chats, where it is set.
    const chatId = callback.message?.chat.id ?? callback.from.id;
    return { ...base(chatId, callback.from), buttonData: callback.data };
  }
  const msg = update.message;
  if (!msg?.from || msg.from.is_bot) return null;
  const input = base(msg.chat.id, msg.from);
  if (msg.text !== undefined) {
    const text = normalizeCommand(msg.text, me.username);
    return text === null ? null : { ...input, text };
  }
  const caption = msg.caption !== undefined ? { text: msg.caption } : {};
  if (msg.document) {
    const d = msg.document;
    const file: IncomingFile = {
      name: d.file_name ?? 'document',
      mime: d.mime_type ?? 'application/octet-stream',
      size: d.file_size ?? 0,
      ref: d.file_id,
    };
    return { ...input, ...caption, file };
  }
  const photo = msg.photo?.at(-1); // sizes ascend: the last is the original
  if (photo) {
    const file: IncomingFile = {
      name: `photo-${photo.file_unique_id}.jpg`,
      mime: 'image/jpeg',
      size: photo.file_size ?? 0,
      ref: photo.file_id,
    };
    return { ...input, ...caption, file };
  }
  return null;
}

function base(
  chatId: number,
  from: { id: number; first_name: string; last_name?: string; language_code?: string },
): DialogInput {
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(' ').trim();
  return {
    channel: 'telegram',
    chatId: String(chatId),
    userId: String(from.id),
    ...(displayName ? { displayName } : {}),
    ...(from.language_code ? { languageHint: from.language_code } : {}),
  };
}

/**
 * `/cmd@thisbot rest` → `/cmd rest`; a command addressed to another bot → null; any other
 * text unchanged (the dialog reads commands from the text, entity or not).
 */
export function normalizeCommand(text: string, botUsername: string): string | null {
  const m = /^(\/[^\s@]+)@([A-Za-z0-9_]+)(?=\s|$)/.exec(text);
  if (!m) return text;
  if (m[2]!.toLowerCase() !== botUsername.toLowerCase()) return null;
  return m[1]! + text.slice(m[0].length);
}

function toChatId(chatId: string): number | string {
  return /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
}

function toInlineKeyboard(rows: Button[][] | undefined): InlineKeyboardMarkup | undefined {
  const nonEmpty = (rows ?? []).filter((r) => r.length > 0);
  if (nonEmpty.length === 0) return undefined;
  for (const row of nonEmpty) {
    for (const b of row) {
      const bytes = Buffer.byteLength(b.data, 'utf8');
      if (bytes === 0 || bytes > TELEGRAM_MAX_CALLBACK_DATA_BYTES) {
        throw new ChannelError(`telegram: button data must be 1-64 bytes (got ${bytes})`);
      }
    }
  }
  return {
    inline_keyboard: nonEmpty.map((row) => row.map((b) => ({ text: b.label, callback_data: b.data }))),
  };
}

const GONE_400 =
  /chat not found|user not found|peer_id_invalid|bot was blocked|user is deactivated|bot was kicked|group chat was (upgraded|deactivated)|have no rights to send/i;

/** A grammY (or any) error → the ChannelError that tells the caller what to do. Token-free. */
export function toChannelError(err: unknown): ChannelError {
  if (err instanceof ChannelError) return err;
  if (err instanceof GrammyError) {
    const what = redactSecrets(`telegram ${err.method}: ${err.error_code} ${err.description}`);
    const code = err.error_code;
    if (code === 429) return new RateLimitedError(err.parameters.retry_after ?? 1, what);
    if (code === 403) return new RecipientGoneError(what);
    if (code === 400 && GONE_400.test(err.description)) return new RecipientGoneError(what);
    if (code === 401 || code === 404) return new ChannelAuthError(what);
    if (code >= 500) return new ChannelNetworkError(what);
    return new ChannelError(what);
  }
  // A network failure: the request may have reached Telegram unless the connection was never made.
  if (err instanceof HttpError) {
    return new ChannelNetworkError(redactSecrets(`telegram: ${err.message}`), !neverConnected(err.error));
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ChannelNetworkError(redactSecrets(`telegram: ${message}`), !neverConnected(err));
}

/**
 * A log-safe summary of an error. Never log grammY errors whole: an HttpError holds the
 * fetch error, whose message contains the request URL and so the token; a GrammyError holds
 * the payload (message texts).
 */
function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof GrammyError) {
    return { name: err.name, method: err.method, errorCode: err.error_code, description: err.description };
  }
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return {
      name: err.name,
      message: redactSecrets(err.message).slice(0, 300),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  return { message: redactSecrets(String(err)).slice(0, 300) };
}
