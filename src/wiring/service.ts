/**
 * The service's assembly: config → logger → database → Redis → HTTP → reminders → dialog →
 * channels → workers and scheduler. Shutdown runs in reverse, once, on SIGINT/SIGTERM.
 */
import { createHash } from 'node:crypto';
import { startScheduler } from '../../jobs/scheduler.js';
import { startWorkers } from '../../jobs/workers.js';
import { createPacer } from '../channels/pacer.js';
import type { BotChannelOptions } from '../channels/platform-mode.js';
import { createTelegramChannel } from '../channels/telegram/telegram-channel.js';
import { createWebChannel } from '../channels/web/web-channel.js';
import { createZaloChannel } from '../channels/zalo/zalo-channel.js';
import { type ChannelMode, parseConfig } from '../config/config.js';
import { registerDashboard } from '../dashboard/plugin.js';
import { createHttpServer } from '../http/server.js';
import { createSignedFileLinks } from '../http/signed-file-links.js';
import { createTranslator } from '../i18n/fluent.js';
import { createLogger } from '../logging/logger.js';
import { DASHBOARD_ASSETS_DIR } from '../paths.js';
import type { Channel, ChannelName, DialogInput } from '../ports/channel.js';
import {
  createRedis,
  ensureRedis,
  evictionPolicy,
  RedisUnavailableError,
  safeUrl,
} from '../redis/connection.js';
import { createRedisFileBlobStore, fileLinkSecret } from '../redis/file-blob-store.js';
import { holdLease } from '../redis/lease.js';
import { DatabaseBusyError, openDatabase } from '../storage/database.js';
import { ensureSeeded } from '../storage/seed/bootstrap.js';
import { createWebChatUsers, ensureDemoUsers } from '../storage/seed/demo-users.js';
import { createDashboardOnPrisma } from './dashboard.js';
import { createDialogOnPrisma } from './dialog.js';
import { createReminderRuntime } from './reminder-runtime.js';
import { createSystemClock } from './system-clock.js';
import { createWebChatHistory } from './web-chat-history.js';

/** Starts the whole service from the environment; exits the process on a fatal start error. */
export async function startService(env: Record<string, string | undefined> = process.env): Promise<void> {
  const parsed = parseConfig(env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n`);
    process.exit(2);
  }
  const config = parsed.config;
  const logger = createLogger(config.logLevel);
  const clock = createSystemClock(config.startAt);
  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down');
    // A step that hangs must not keep the process alive forever.
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(code || 1);
    }, 15_000).unref();
    for (const stop of stops.reverse()) {
      await stop().catch((err: unknown) => logger.error({ err }, 'shutdown step failed'));
    }
    process.exit(code);
  };
  // `on`, not `once`: a second signal during shutdown must not kill the process mid-way.
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const db = await openDatabase(config.database);
    stops.push(() => db.close());
    logger.info({ database: db.kind }, 'database ready');
    if (db.kind === 'pglite') {
      const seeded = await ensureSeeded(db.prisma, clock, config.timeZone);
      if (seeded) logger.info(seeded, 'default data loaded');
    }

    const local = await ensureRedis(config.redisUrl, config.redisUrlIsDefault, config.dataDir);
    stops.push(() => local.stop());
    if (local.child)
      logger.info({ redis: safeUrl(config.redisUrl) }, 'started a local redis-server for this session');
    const redis = createRedis(config.redisUrl);
    redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
    stops.push(async () => {
      redis.disconnect();
    });
    const policy = await evictionPolicy(redis);
    if (policy !== undefined && policy !== 'noeviction') {
      logger.warn({ policy }, 'Redis maxmemory-policy should be noeviction, or queued jobs may be evicted');
    }

    const http = createHttpServer({
      logger,
      trustProxy: config.trustProxy,
      health: async () => {
        const [dbOk, redisOk] = await Promise.all([
          db.ping(),
          redis
            .ping()
            .then((r) => r === 'PONG')
            .catch(() => false),
        ]);
        return { ok: dbOk && redisOk, checks: { database: dbOk, redis: redisOk } };
      },
    });
    const translator = createTranslator();
    // Reminders: every instance ticks; the plan job id makes one planning pass per minute.
    // The channel map is filled once the channels exist (the dialog needs the runtime first).
    const channelMap = new Map<ChannelName, Channel>();
    const reminders = createReminderRuntime({
      prisma: db.prisma,
      redis,
      prefix: config.redisPrefix,
      channels: channelMap,
      translator,
      clock,
      timeZone: config.timeZone,
      logger,
    });
    // The managers' dashboard on the same HTTP server (signed in with `/web` from the chat).
    const { dashboard, status } = createDashboardOnPrisma(db.prisma, {
      translator,
      clock,
      timeZone: config.timeZone,
      actions: reminders.managerActions,
      baseUrl: config.publicBaseUrl,
    });
    await registerDashboard(http.app, {
      dashboard,
      files: status,
      translator,
      logger,
      timeZone: config.timeZone,
      now: () => clock.now(),
      secureCookies: config.publicBaseUrl.startsWith('https:'),
      assetsDir: DASHBOARD_ASSETS_DIR,
      rateLimitRedis: redis,
    });
    const engine = createDialogOnPrisma(db.prisma, {
      dashboard,
      translator,
      clock,
      timeZone: config.timeZone,
      defaultLocale: config.defaultLocale,
      logger,
      actions: reminders.managerActions,
    });
    const channels: Channel[] = [];
    /** Channels that long-poll, with the token's fingerprint: one poller per token. */
    const pollers = new Map<Channel, string>();
    const converse = (channel: Channel) => async (input: DialogInput) => {
      const started = performance.now();
      const replies = await engine.handle(input);
      for (const reply of replies) await channel.send(input.chatId, reply);
      // What an operator needs to follow a conversation, never what was said or pressed.
      logger.debug(
        {
          channel: channel.name,
          kind: input.file ? 'file' : input.buttonData !== undefined ? 'button' : 'text',
          chars: input.text?.length ?? 0,
          replies: replies.length,
          ms: Math.round(performance.now() - started),
        },
        'input answered',
      );
    };
    if (config.webChat) {
      await ensureDemoUsers(db.prisma);
      channels.push(
        createWebChannel({
          routes: http,
          logger,
          users: createWebChatUsers(db.prisma),
          translator,
          locale: config.defaultLocale,
          // The conversation kept in the database: the page shows it again after a restart.
          ...createWebChatHistory(db.prisma, clock),
        }),
      );
    }
    const tg = config.telegram;
    if (tg.mode !== 'off') {
      const telegram = createTelegramChannel({
        ...platform(tg),
        routes: http,
        logger,
        translator,
        // Every request that sends, replies and retries included, at the delivery rate.
        pacer: createPacer(config.delivery.ratePerSecond.telegram),
      });
      channels.push(telegram);
      if (tg.mode === 'polling') pollers.set(telegram, tokenFingerprint(tg.token));
      telegram
        .registerCommands()
        .catch((err: unknown) => logger.warn({ err: (err as Error).message }, 'setMyCommands failed'));
    }
    const zl = config.zalo;
    if (zl.mode !== 'off') {
      // Zalo sends only text and photos by URL: files go out as short-lived signed links
      // served here (bytes in Redis, so any instance can serve them).
      const fileLinks = createSignedFileLinks({
        store: createRedisFileBlobStore(redis, config.redisPrefix),
        baseUrl: config.publicBaseUrl,
        secret: await fileLinkSecret(redis, config.redisPrefix),
        logger,
      });
      fileLinks.register(http);
      const zalo = createZaloChannel({
        ...platform(zl),
        routes: http,
        logger,
        translator,
        locale: config.defaultLocale,
        fileLinks,
        pacer: createPacer(config.delivery.ratePerSecond.zalo),
      });
      channels.push(zalo);
      if (zl.mode === 'polling') pollers.set(zalo, tokenFingerprint(zl.token));
    }

    for (const c of channels) channelMap.set(c.name, c);
    const workers = startWorkers({
      connection: redis,
      prefix: config.redisPrefix,
      queues: reminders.queues,
      hold: reminders.hold,
      plan: () => reminders.plan(clock.now()),
      deliver: (id, opts) => reminders.deliver(id, opts),
      ledger: reminders.ledger,
      logger,
      channels: channels.map((c) => c.name),
      options: config.delivery,
    });
    stops.push(async () => {
      await workers.close();
      await reminders.queues.close();
    });
    const scheduler = startScheduler({ queues: reminders.queues, clock, timeZone: config.timeZone, logger });
    stops.push(async () => scheduler.stop());

    const port = await http.listen(config.port);
    stops.push(() => http.close());
    for (const channel of channels) {
      const fingerprint = pollers.get(channel);
      if (fingerprint) {
        // Long polling: one consumer per bot token across every instance (Telegram's rule).
        // The others stand by for the lease; all of them still send reminders and replies.
        const lease = holdLease(
          {
            redis,
            key: `${config.redisPrefix}:lease:poll:${channel.name}:${fingerprint}`,
            ttlMs: config.pollingLeaseMs,
            logger: logger.child({ channel: channel.name }),
          },
          {
            onAcquired: () => channel.start(converse(channel)),
            onLost: () => channel.stop(),
          },
        );
        stops.push(() => lease.stop());
        continue;
      }
      // Not awaited: polling waits for the platform to answer, which must not hold up the rest.
      channel
        .start(converse(channel))
        .then(() => logger.info({ channel: channel.name }, 'channel started'))
        .catch((err: unknown) =>
          logger.error({ channel: channel.name, err: (err as Error).message }, 'channel failed to start'),
        );
      stops.push(() => channel.stop());
    }
    logger.info(
      { port, channels: channels.map((c) => c.name), now: clock.now().toISOString() },
      'Đôn Đốc is running',
    );
    if (config.webChat) logger.info({ port }, `Web chat: http://localhost:${port}/`);
  } catch (err) {
    if (err instanceof DatabaseBusyError || err instanceof RedisUnavailableError) {
      process.stderr.write(`${err.message}\n`);
      await shutdown(1);
      return;
    }
    logger.fatal({ err }, 'could not start');
    await shutdown(1);
  }
}

/** A bot platform's token, API root and how updates arrive, as its adapter takes them. */
function platform(
  c: Exclude<ChannelMode, { mode: 'off' }>,
): Pick<BotChannelOptions, 'token' | 'apiRoot' | 'mode'> {
  return {
    token: c.token,
    apiRoot: c.apiRoot,
    mode: c.mode === 'webhook' ? { kind: 'webhook', url: c.url, secret: c.secret } : { kind: 'polling' },
  };
}

/** A short, non-reversible name for a bot token (lease keys); never the token itself. */
function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}
