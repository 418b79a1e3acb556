/**
 * Composition root: config → logger → database → Redis → HTTP (→ channels, jobs in later
 * stages). Shutdown runs in reverse, once, on SIGINT/SIGTERM.
 */
import { createRedis, ensureRedis, evictionPolicy, RedisUnavailableError, safeUrl } from '../jobs/redis.js';
import { createSystemClock } from './app/system-clock.js';
import { parseConfig } from './config/config.js';
import { createHttpServer } from './http/server.js';
import { createLogger } from './logger.js';
import { ensureSeeded } from './storage/bootstrap.js';
import { DatabaseBusyError, openDatabase } from './storage/database.js';

async function main(): Promise<void> {
  const parsed = parseConfig(process.env);
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
    for (const stop of stops.reverse()) {
      await stop().catch((err: unknown) => logger.error({ err }, 'shutdown step failed'));
    }
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

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
    const port = await http.listen(config.port);
    stops.push(() => http.close());
    logger.info({ port, webChat: config.webChat, now: clock.now().toISOString() }, 'Đôn Đốc is running');
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

void main();
