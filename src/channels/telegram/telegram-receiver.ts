/**
 * How the Telegram adapter receives updates: long polling (grammY's `bot.start`, one poller
 * per token) or a webhook (a POST route checked against the secret header, then `setWebhook`).
 * The two never run together for one token.
 */
import { type Bot, webhookCallback } from 'grammy';
import type { RouteRegistrar } from '../../ports/http-routes.js';
import type { Logger } from '../../ports/logger.js';
import type { PlatformMode } from '../platform-mode.js';
import { describeError, toChannelError } from './telegram-errors.js';

/** The only update kinds the adapter asks for (polling and webhook alike). */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** Starts and stops the flow of updates into the bot's middleware. */
export interface TelegramReceiver {
  /**
   * Polling: resolves once the first poll started (grammY retries `deleteWebhook`/`getMe`
   * with backoff until Telegram answers), rejects with a ChannelError when the token is refused.
   * Webhook: registers the route (once) and sets the webhook.
   */
  start(): Promise<void>;
  /** Polling: stops polling and waits for the batch in hand. Webhook: the webhook stays set. */
  stop(): Promise<void>;
}

/** What the receiver needs of its channel. */
export interface TelegramReceiverOptions {
  mode: PlatformMode;
  /** Where the webhook route goes (webhook mode). */
  routes?: RouteRegistrar;
  webhookPath: string;
  log: Logger;
  /** Whether the channel is running: a stopped instance answers webhook deliveries 503. */
  running(): boolean;
  /**
   * Whether the instance already holds as many inputs waiting as it may (past capacity): a
   * webhook delivery is then answered 503 at once, unread, and Telegram keeps the update
   * (and that chat's later ones behind it) to deliver again later.
   */
  saturated?(): boolean;
  /** Called when polling ends by itself after it had started (the channel is no longer running). */
  pollingFailed(): void;
}

/** Creates the receiver of `bot` for the channel's mode. */
export function createTelegramReceiver(bot: Bot, options: TelegramReceiverOptions): TelegramReceiver {
  const { mode, log } = options;
  let pollingDone: Promise<void> | null = null;
  let webhookRegistered = false;

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
            options.pollingFailed();
            const mapped = toChannelError(err);
            if (!started) reject(mapped);
            else log.error({ err: describeError(err) }, 'telegram polling stopped');
          },
        );
    });
  }

  function registerWebhookRoute(routes: RouteRegistrar, secret: string): void {
    if (webhookRegistered) return;
    webhookRegistered = true;
    const handler = webhookCallback(bot, 'http', {
      secretToken: secret,
      onTimeout: 'return',
      timeoutMilliseconds: 9000,
    });
    routes.route(options.webhookPath, async (req, res) => {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      if (!options.running()) {
        // Telegram retries non-2xx answers later, possibly on another instance.
        res.writeHead(503).end();
        return;
      }
      if (options.saturated?.()) {
        req.resume();
        res.writeHead(503, { 'retry-after': '5' }).end();
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
  }

  return {
    async start() {
      if (mode.kind === 'polling') {
        await startPolling(mode.timeoutSec ?? 30);
        return;
      }
      registerWebhookRoute(options.routes!, mode.secret);
      try {
        await bot.api.setWebhook(mode.url, {
          secret_token: mode.secret,
          allowed_updates: [...ALLOWED_UPDATES],
          drop_pending_updates: false,
        });
      } catch (err) {
        throw toChannelError(err);
      }
    },

    async stop() {
      if (mode.kind !== 'polling') return;
      try {
        await bot.stop();
      } catch (err) {
        log.warn({ err: describeError(err) }, 'telegram polling stop failed');
      }
      await pollingDone;
    },
  };
}
