/**
 * What the bot-platform adapters (Telegram, Zalo) share: how updates arrive (long polling or a
 * webhook, never both for one token) and the options that go with it.
 */
import type { RouteRegistrar } from '../ports/http-routes.js';
import type { Logger } from '../ports/logger.js';

/**
 * How a bot receives updates: it asks the platform (long polling, one poller per token), or
 * the platform posts them to `url`, proving itself with `secret` (a webhook).
 */
export type PlatformMode =
  | { kind: 'polling'; timeoutSec?: number }
  | { kind: 'webhook'; url: string; secret: string };

/** Options every bot-platform adapter takes. */
export interface BotChannelOptions {
  /** The bot's token: never logged, scrubbed from every error message. */
  token: string;
  /** API root without a trailing slash (the platform's, or a fake's URL). */
  apiRoot: string;
  mode: PlatformMode;
  /** Required for webhook mode: the webhook route is registered on it. */
  routes?: RouteRegistrar;
  /** Path of the webhook route. Default `/<channel>/webhook`. */
  webhookPath?: string;
  logger: Logger;
  /**
   * Inputs handled at once (different chats run concurrently, one chat's inputs in order).
   * Default 32. Polling stops fetching while this many are in flight.
   */
  concurrency?: number;
}

/** Throws unless webhook mode has routes to register its webhook on. */
export function checkWebhookRoutes(channel: string, options: BotChannelOptions): void {
  if (options.mode.kind === 'webhook' && !options.routes) {
    throw new Error(`${channel} webhook mode needs the HTTP routes (options.routes)`);
  }
}
