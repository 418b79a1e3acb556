/**
 * A single-holder lease in Redis. Long polling allows one consumer per bot token (Telegram
 * answers a second `getUpdates` with 409 and ends the first; Zalo hands each event to one
 * caller): of N instances only the lease holder polls, the others stand by and take over within
 * about `ttlMs` when the holder stops or dies. Webhook mode needs none of this.
 *
 * The holder renews every `ttlMs / 3`; a holder that cannot renew (Redis unreachable, or the key
 * taken over after it expired) stops consuming before anyone else can have started, because the
 * key outlives the holder's last successful renewal by `ttlMs`.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** Takes a free key or renews our own: 1 when we hold it afterwards, 0 when someone else does. */
const CLAIM = `local v = redis.call('get', KEYS[1])
if v == ARGV[1] then redis.call('pexpire', KEYS[1], ARGV[2]) return 1 end
if not v then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Where and how the lease is held: the Redis connection, the key (one per bot token), the logger,
 * `ttlMs` (15 s by default, at least 300 ms) and this instance's name.
 */
export interface LeaseOptions {
  redis: Redis;
  key: string;
  logger: Logger;
  ttlMs?: number;
  /** This instance's name in the key (random by default; never a secret). */
  owner?: string;
}

/** The handle `holdLease` returns: whether this instance holds the lease, and how to stop at shutdown. */
export interface Lease {
  /** True while this instance holds the lease (and runs what `onAcquired` started). */
  held(): boolean;
  /** Stops trying; when held, runs `onLost` and releases the key so a standby takes over at once. */
  stop(): Promise<void>;
}

/**
 * Runs `onAcquired` whenever this instance gets the lease and `onLost` whenever it loses it.
 * The two never overlap, and a failing `onAcquired` gives the lease back for another instance.
 */
export function holdLease(
  options: LeaseOptions,
  handlers: { onAcquired: () => Promise<void>; onLost: () => Promise<void> },
): Lease {
  const { redis, key, logger } = options;
  const ttlMs = Math.max(300, options.ttlMs ?? 15_000);
  const owner = options.owner ?? randomUUID();
  const every = Math.max(100, Math.floor(ttlMs / 3));
  let held = false;
  let stopped = false;
  let lastRenewed = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  let starting: Promise<void> = Promise.resolve();
  let generations = 0;

  async function lose(reason: string): Promise<void> {
    held = false;
    generations++;
    logger.warn({ key, reason }, 'lease lost: stopping this instance’s consumer');
    await handlers.onLost().catch((err: unknown) => {
      logger.warn({ key, err: (err as Error).message }, 'stopping the consumer failed');
    });
    await starting;
  }

  // The service's connection queues commands while Redis is away: bound every call, so a
  // holder notices in time that it can no longer renew.
  const bounded = <T>(p: Promise<T>): Promise<T> =>
    Promise.race([
      p,
      new Promise<T>((_, reject) => {
        setTimeout(() => reject(new Error('redis did not answer')), every).unref();
      }),
    ]);

  async function tick(): Promise<void> {
    if (stopped) return;
    try {
      const ours = Number(await bounded(redis.eval(CLAIM, 1, key, owner, String(ttlMs)))) === 1;
      if (stopped) return;
      if (ours) lastRenewed = Date.now();
      if (ours && !held) {
        held = true;
        logger.info({ key }, 'lease acquired: this instance consumes updates');
        // Not awaited: starting may wait for the platform, and renewals must go on meanwhile.
        const generation = ++generations;
        starting = handlers.onAcquired().catch(async (err: unknown) => {
          if (generation !== generations || !held) return;
          logger.warn({ key, err: (err as Error).message }, 'consumer failed to start: lease given back');
          held = false;
          await bounded(redis.eval(RELEASE, 1, key, owner)).catch(() => undefined);
        });
      } else if (!ours && held) {
        await lose('taken over or expired');
      }
    } catch (err) {
      // Redis unreachable: keep consuming only while the key certainly still names us.
      if (held && Date.now() - lastRenewed > ttlMs - every) await lose((err as Error).message);
    }
  }

  function schedule(delay: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(() => schedule(every));
    }, delay);
  }
  schedule(0);

  return {
    held: () => held,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      if (held) {
        held = false;
        generations++;
        await handlers.onLost().catch(() => undefined);
        await starting;
      }
      await bounded(redis.eval(RELEASE, 1, key, owner)).catch(() => undefined);
    },
  };
}
