/**
 * The Zalo channel: the in-house Zalo Bot Platform client translating Zalo events into
 * DialogInputs and OutgoingMessages into API calls. Zalo has no buttons and sends no files
 * (only text and photos by URL): choices become numbered lines the user answers with a digit,
 * and files become short-lived signed links served by this service (`FileLinks`).
 *
 * Quirks handled here are listed in `src/channels/README.md`.
 */
import {
  type Button,
  type Channel,
  ChannelAuthError,
  type ChannelCapabilities,
  ChannelError,
  ChannelNetworkError,
  type DialogInput,
  type OutgoingMessage,
  PartlySentError,
} from '../../ports/channel.js';
import type { FileLink, FileLinks } from '../../ports/file-links.js';
import type { Locale, Translator } from '../../ports/translator.js';
import { createInputDispatcher } from '../dispatcher.js';
import { type BotChannelOptions, checkWebhookRoutes, type PlatformMode } from '../platform-mode.js';
import { splitText } from '../split-text.js';
import {
  createZaloClient,
  scrubToken,
  ZALO_MAX_TEXT,
  type ZaloClient,
  type ZaloClientOptions,
  type ZaloMessage,
  type ZaloUpdate,
} from './zalo-client.js';
import { registerZaloWebhook } from './zalo-webhook.js';

/** Zalo documents no caption limit; the text limit is assumed. */
export const ZALO_MAX_CAPTION = 2000;

/** Long polling or a webhook (see PlatformMode). */
export type ZaloMode = PlatformMode;

/**
 * How to reach Zalo (`https://bot-api.zaloplatforms.com`, or a fake's URL) and how to run;
 * `webhookPath` defaults to `/zalo/webhook`.
 */
export interface ZaloChannelOptions extends BotChannelOptions {
  /** Texts the adapter adds itself (file links), in `locale` (default `vi`). */
  translator: Translator;
  locale?: Locale;
  /** Where files (xlsx, charts) are published as links. Without it a file is announced, not sent. */
  fileLinks?: FileLinks;
  /** Bounds of the client's retry (see ZaloClientOptions). */
  retry?: ZaloClientOptions['retry'];
  /** Spaces the requests that send a message, retries included (see ZaloClientOptions). */
  pacer?: ZaloClientOptions['pacer'];
  /** Message ids remembered to drop replayed events (per instance). Default 10,000. */
  recentIds?: number;
  /** A webhook delivery is answered once its input is handled, or after this long. Default 8 s. */
  webhookWaitMs?: number;
}

/** The Channel, with its API client (the CLI's checks and tests call it directly). */
export type ZaloChannel = Channel & { readonly client: ZaloClient };

/**
 * Creates the Zalo channel. Long polling (one poller per token: `getUpdates` returns one event
 * per call, 408 = nothing yet) or webhook (a POST route on `routes` checked against the secret
 * header in constant time, then `setWebhook`); never both for one token.
 *
 * Inputs: `message.text.received` → text; `message.image.received` → file (the photo URL as
 * ref, caption as text); stickers, voice and `message.unsupported.received` (content withheld
 * by Zalo) → an input without text, which the dialog answers politely; other events are
 * logged and ignored. Senders that are bots are ignored. An event whose message id was seen
 * recently (a replay) is dropped. A throwing `onInput` is logged and skipped.
 *
 * `send` works whether or not the channel was started. Buttons become numbered lines; texts
 * over 2,000 characters are split in order; a file goes out as a signed link (a chart as a
 * photo by URL). It throws the ChannelErrors of the client; no message carries the token.
 */
export function createZaloChannel(options: ZaloChannelOptions): ZaloChannel {
  const { mode, translator } = options;
  const locale = options.locale ?? 'vi';
  const log = options.logger.child({ channel: 'zalo' });
  const webhookPath = options.webhookPath ?? '/zalo/webhook';
  const pollTimeoutSec = mode.kind === 'polling' ? (mode.timeoutSec ?? 30) : 0;
  const webhookWaitMs = options.webhookWaitMs ?? 8_000;
  checkWebhookRoutes('zalo', options);
  const client = createZaloClient({
    token: options.token,
    apiRoot: options.apiRoot,
    logger: options.logger,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.pacer ? { pacer: options.pacer } : {}),
  });
  const scrub = (s: string) => scrubToken(s, options.token);
  const describe = (err: unknown) => ({
    name: err instanceof Error ? err.name : 'Error',
    message: scrub(err instanceof Error ? err.message : String(err)).slice(0, 300),
  });

  const recent = createRecentIds(options.recentIds ?? 10_000);
  let onInput: ((input: DialogInput) => Promise<void>) | null = null;
  let running = false;
  let routeRegistered = false;
  let abort: AbortController | null = null;
  let polling: Promise<void> | null = null;
  const dispatcher = createInputDispatcher(
    options.concurrency ?? 32,
    () => onInput,
    (input, err) => log.error({ chatId: input.chatId, err: describe(err) }, 'zalo input handler failed'),
  );

  /** An event → a DialogInput, or null (ignored, replayed, from a bot). Never throws. */
  function accept(update: ZaloUpdate): DialogInput | null {
    const event = update.event_name;
    const m = update.message;
    if (!m || typeof m !== 'object' || !m.chat?.id || !m.from?.id) {
      log.info({ event }, 'zalo event without a message ignored');
      return null;
    }
    if (m.from.is_bot) return null;
    if (m.message_id !== undefined && recent.seen(`${m.chat.id}|${m.message_id}`)) {
      log.info({ event, messageId: m.message_id }, 'zalo event replayed: ignored');
      return null;
    }
    const base = baseInput(m);
    switch (event) {
      case 'message.text.received':
        return typeof m.text === 'string' ? { ...base, text: m.text } : base;
      case 'message.image.received': {
        const url = m.photo ?? m.photo_url ?? m.url;
        const caption = m.caption ?? m.text;
        if (!url) return caption ? { ...base, text: caption } : base;
        return {
          ...base,
          ...(caption ? { text: caption } : {}),
          file: { name: `anh-${m.message_id}.jpg`, mime: 'image/jpeg', size: 0, ref: url },
        };
      }
      case 'message.sticker.received':
      case 'message.voice.received':
      case 'message.unsupported.received':
        // Content withheld or not readable: the dialog answers with what it understands.
        return base;
      default:
        log.info({ event }, 'zalo event of an unknown kind ignored');
        return null;
    }
  }

  async function handleUpdate(update: ZaloUpdate, wait: boolean): Promise<void> {
    const input = accept(update);
    if (!input) return;
    await dispatcher.admit();
    const done = dispatcher.dispatch(input);
    if (wait) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([done, new Promise<void>((r) => (timer = setTimeout(r, webhookWaitMs)))]);
      clearTimeout(timer);
    }
  }

  async function pollLoop(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      let update: ZaloUpdate | null;
      try {
        update = await client.getUpdates({ timeoutSec: pollTimeoutSec }, { signal });
        failures = 0;
      } catch (err) {
        if (signal.aborted) break;
        if (err instanceof ChannelAuthError) {
          log.error({ err: describe(err) }, 'zalo polling stopped: the token was refused');
          running = false;
          break;
        }
        failures++;
        log.warn({ err: describe(err), failures }, 'zalo getUpdates failed; retrying');
        await sleep(Math.min(30_000, 250 * 2 ** Math.min(failures, 7)), signal);
        continue;
      }
      if (update) await handleUpdate(update, false);
    }
  }

  /** Retries `step` on network failures until it succeeds or the channel is stopped. */
  async function untilReady(step: () => Promise<void>, signal: AbortSignal): Promise<void> {
    for (let failures = 0; ; failures++) {
      try {
        await step();
        return;
      } catch (err) {
        if (signal.aborted) throw new ChannelError('zalo channel stopped while starting');
        if (!(err instanceof ChannelNetworkError)) throw err;
        log.warn({ err: describe(err) }, 'zalo is not answering; retrying');
        await sleep(Math.min(30_000, 500 * 2 ** Math.min(failures, 6)), signal);
      }
    }
  }

  const capabilities: ChannelCapabilities = {
    maxTextLength: ZALO_MAX_TEXT,
    buttons: 'numbered',
    files: false,
  };

  async function publish(message: OutgoingMessage): Promise<FileLink | null> {
    const file = message.file;
    if (!file || !options.fileLinks) return null;
    try {
      return await options.fileLinks.publish(file);
    } catch (err) {
      throw new ChannelNetworkError(`zalo: could not publish the file link: ${describe(err).message}`);
    }
  }

  return {
    name: 'zalo',
    capabilities,
    client,

    async start(handler) {
      if (running) throw new ChannelError('zalo channel already started');
      onInput = handler;
      running = true;
      const controller = new AbortController();
      abort = controller;
      try {
        if (mode.kind === 'polling') {
          await untilReady(async () => {
            await client.getMe({ signal: controller.signal });
            // getUpdates does not work while a webhook is set.
            await client.deleteWebhook({ signal: controller.signal });
          }, controller.signal);
          polling = pollLoop(controller.signal);
        } else {
          if (!routeRegistered) {
            routeRegistered = true;
            registerZaloWebhook({
              routes: options.routes!,
              path: webhookPath,
              secret: mode.secret,
              log,
              running: () => running,
              handle: (update) => handleUpdate(update, true),
            });
          }
          await untilReady(async () => {
            await client.setWebhook(
              { url: mode.url, secret_token: mode.secret },
              { signal: controller.signal },
            );
          }, controller.signal);
        }
      } catch (err) {
        running = false;
        throw err instanceof ChannelError ? err : new ChannelError(describe(err).message);
      }
      log.info({ mode: mode.kind }, 'zalo channel started');
    },

    async stop() {
      const wasRunning = running;
      running = false;
      abort?.abort();
      abort = null;
      if (polling) {
        await polling;
        polling = null;
      }
      // Webhook: the webhook stays set, another instance may serve it.
      const drained = await dispatcher.drain(10_000);
      if (wasRunning && !drained) log.warn('zalo inputs still running after 10 s at stop');
    },

    async send(chatId, message) {
      // Where a figure may be typed next, a digit is that figure: the choices go by their word.
      const choices = message.expectsFigure ? wordChoices(message.buttons) : numberedChoices(message.buttons);
      let text = message.text.trim().length > 0 ? message.text : '';
      if (choices) text = text ? `${text}\n\n${choices}` : choices;
      const file = message.file;
      if (!file && text.length === 0) throw new ChannelError('zalo: nothing to send (empty text)');
      const link = await publish(message);
      let photo: { url: string; caption?: string } | null = null;
      if (file && link && file.asPhoto && file.mime.startsWith('image/')) {
        if (text.length <= ZALO_MAX_CAPTION) {
          photo = { url: link.url, ...(text ? { caption: text } : {}) };
          text = '';
        } else photo = { url: link.url };
      } else if (file) {
        const line = link
          ? translator.t(locale, 'zalo-file-link', {
              name: file.name,
              url: link.url,
              hours: Math.max(1, Math.round((link.expiresAt.getTime() - Date.now()) / 3_600_000)),
            })
          : translator.t(locale, 'zalo-file-unavailable', { name: file.name });
        text = text ? `${text}\n\n${line}` : line;
      }
      let last: string | undefined;
      let sent = 0;
      try {
        for (const piece of text ? splitText(text, ZALO_MAX_TEXT) : []) {
          last = (await client.sendMessage({ chat_id: chatId, text: piece })).message_id;
          sent++;
        }
        if (photo) {
          last = (
            await client.sendPhoto({
              chat_id: chatId,
              photo: photo.url,
              ...(photo.caption ? { caption: photo.caption } : {}),
            })
          ).message_id;
        }
      } catch (err) {
        if (sent > 0 && err instanceof ChannelError) throw new PartlySentError(sent, err);
        throw err;
      }
      if (last === undefined) throw new ChannelError('zalo: nothing was sent');
      return { messageId: String(last) };
    },
  };
}

function baseInput(m: ZaloMessage): DialogInput {
  const name = (m.from.display_name ?? m.from.name ?? '').trim();
  return {
    channel: 'zalo',
    chatId: String(m.chat.id),
    userId: String(m.from.id),
    ...(name ? { displayName: name } : {}),
  };
}

/**
 * Buttons → numbered lines, one line per row of buttons, numbered across rows in order (the
 * order in which the dialog remembers its choices): `1. Confirm  2. Edit  3. Cancel`.
 */
export function numberedChoices(rows: Button[][] | undefined): string {
  let n = 0;
  return (rows ?? [])
    .filter((r) => r.length > 0)
    .map((row) => row.map((b) => `${++n}. ${b.label}`).join('  '))
    .join('\n');
}

/**
 * Buttons → their words, unnumbered, for a message after which a figure may be typed (a digit
 * would be read as the figure): `“Lưu phần đã có” · “Từng chỉ tiêu” · “Hủy”`. Leading emoji and
 * symbols are left out, so what is shown is what the person types.
 */
export function wordChoices(rows: Button[][] | undefined): string {
  return (rows ?? [])
    .filter((r) => r.length > 0)
    .map((row) => row.map((b) => `“${b.label.replace(/^[^\p{L}\p{N}]+/u, '').trim()}”`).join(' · '))
    .join('\n');
}

/** The last `max` message ids seen, oldest forgotten first. `seen` records the id. */
function createRecentIds(max: number): { seen(id: string): boolean } {
  const ids = new Map<string, true>();
  return {
    seen(id) {
      if (ids.has(id)) return true;
      ids.set(id, true);
      if (ids.size > max) ids.delete(ids.keys().next().value as string);
      return false;
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
