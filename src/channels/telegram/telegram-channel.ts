/**
 * The Telegram channel: grammY translating Bot API updates into DialogInputs and
 * OutgoingMessages into Bot API calls. Nothing else in the service imports grammY.
 *
 * Quirks handled here are listed in `src/channels/README.md`.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, InputFile } from 'grammy';
import type { Message, UserFromGetMe } from 'grammy/types';
import {
  type Channel,
  type ChannelCapabilities,
  ChannelError,
  type DialogInput,
  PartlySentError,
} from '../../ports/channel.js';
import type { Translator } from '../../ports/translator.js';
import { createInputDispatcher } from '../dispatcher.js';
import type { Pacer } from '../pacer.js';
import { type BotChannelOptions, checkWebhookRoutes, type PlatformMode } from '../platform-mode.js';
import { splitText } from '../split-text.js';
import { createBotApiFetch } from './bot-api-fetch.js';
import { telegramCommands } from './telegram-commands.js';
import { describeError, toChannelError } from './telegram-errors.js';
import { createTelegramReceiver } from './telegram-receiver.js';
import { toChatId, toDialogInput, toInlineKeyboard } from './telegram-translate.js';

/** Telegram's limit on a message's text (Bot API, 2026). */
export const TELEGRAM_MAX_TEXT = 4096;
/** Telegram's limit on a file's caption (Bot API, 2026). */
export const TELEGRAM_MAX_CAPTION = 1024;

/** Long polling or a webhook (see PlatformMode). */
export type TelegramMode = PlatformMode;

/** How to reach Telegram and how to run; `webhookPath` defaults to `/telegram/webhook`. */
export interface TelegramChannelOptions extends BotChannelOptions {
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
   * auto-retry (see ../pacer.ts). Without it they go out at once.
   */
  pacer?: Pacer;
  /** Describes the command menu in each language; `registerCommands` needs it. */
  translator?: Translator;
}

/** The Channel, plus what only Telegram has: a command menu and a bot username. */
export type TelegramChannel = Channel & {
  /** Publishes the command menu (Vietnamese default, English for `en` clients). */
  registerCommands(): Promise<void>;
  /** The bot's @username (without `@`). */
  username(): Promise<string>;
};

/**
 * Creates the Telegram channel. Long polling (`bot.start`, one poller per token) or webhook
 * (a POST route on `routes` checked against the secret header, then `setWebhook`); the two
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
  const retry = options.retry ?? { maxRetryAttempts: 3, maxDelaySeconds: 5 };
  const pollTimeoutSec = mode.kind === 'polling' ? (mode.timeoutSec ?? 30) : 0;
  checkWebhookRoutes('telegram', options);

  const bot = new Bot(options.token, {
    client: {
      apiRoot: options.apiRoot.replace(/\/+$/, ''),
      // A hung request must not hold a delivery worker for grammY's default 500 s; long polls
      // need their own timeout plus a margin.
      timeoutSeconds: Math.max(60, pollTimeoutSec + 30),
      // Keep-alive connections through undici (see ./bot-api-fetch.ts): a fan-out of thousands
      // of reminders must neither open one connection per message nor spend its CPU in node-fetch.
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
  const concurrency = options.concurrency ?? 32;
  // Inputs received and not started yet: waiting for a slot, or for their chat's earlier inputs.
  // A webhook input keeps waiting after its delivery was answered at the 9 s timeout; past
  // `concurrency` of them, new deliveries are refused (503) and Telegram keeps the backlog.
  let waiting = 0;
  const dispatcher = createInputDispatcher(
    concurrency,
    () => {
      waiting--;
      return onInput;
    },
    (input, err) =>
      log.error({ chatId: input.chatId, err: describeError(err) }, 'telegram input handler failed'),
  );
  const receiver = createTelegramReceiver(bot, {
    mode,
    ...(options.routes ? { routes: options.routes } : {}),
    webhookPath: options.webhookPath ?? '/telegram/webhook',
    log,
    running: () => running,
    saturated: () => waiting >= concurrency,
    pollingFailed: () => {
      running = false;
    },
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
    waiting++;
    await dispatcher.admit();
    const done = dispatcher.dispatch(input);
    // Webhook: answer Telegram once the input is handled (or the 9 s timeout passed).
    // Polling: do not hold the loop; the dispatcher keeps order per chat.
    if (mode.kind === 'webhook') await done;
  });

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
        await receiver.start();
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
      await receiver.stop();
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
      const translator = options.translator;
      if (!translator) throw new ChannelError('telegram: registerCommands needs options.translator');
      try {
        await bot.api.setMyCommands(telegramCommands(translator, 'vi'));
        await bot.api.setMyCommands(telegramCommands(translator, 'en'), { language_code: 'en' });
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
