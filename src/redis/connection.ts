/**
 * Redis connections for the queues, and the embedded-defaults convenience: when the default
 * REDIS_URL does not answer and a `redis-server` binary is on PATH, start one for this session
 * with its data under DATA_DIR/redis.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';

export { Redis };

/**
 * A connection suitable for BullMQ workers (`maxRetriesPerRequest: null`). Commands issued in
 * the same tick go out in one write (auto-pipelining): a fan-out finishes dozens of jobs per
 * tick, and on this kind of machine each socket write is an expensive system call.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: false,
    enableAutoPipelining: true,
    ...options,
  });
}

/** Resolves true when PING is answered within `timeoutMs`. Never throws. */
export async function pingRedis(url: string, timeoutMs = 1_500): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const answer = await Promise.race([
      client.ping(),
      new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref()),
    ]);
    return answer === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Redis's eviction policy; BullMQ needs `noeviction` or jobs can silently vanish. */
export async function evictionPolicy(redis: Redis): Promise<string | undefined> {
  try {
    const res = (await redis.config('GET', 'maxmemory-policy')) as string[];
    return res[1];
  } catch {
    return undefined; // CONFIG may be disabled on managed Redis
  }
}

/** No Redis answers at the configured URL and none could be started: the message says how to fix it. */
export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
  readonly code = 'REDIS_UNAVAILABLE';
}

/**
 * A Redis answering at `url`, from `ensureRedis`: one already running (`stop` does nothing) or
 * one started for this process (`child`; `stop` ends it and waits for its exit).
 */
export interface LocalRedis {
  url: string;
  /** The redis-server started for this session, if any. */
  child?: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Makes sure Redis answers at `url`. If it does not, `mayStartLocal` is true (the default URL)
 * and `redis-server` is on PATH, starts one on that port with data under `dataDir/redis`.
 * Otherwise throws RedisUnavailableError with one line saying what to do.
 */
export async function ensureRedis(url: string, mayStartLocal: boolean, dataDir: string): Promise<LocalRedis> {
  if (await pingRedis(url)) return { url, stop: async () => undefined };
  const hasBinary = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!mayStartLocal || !hasBinary) {
    throw new RedisUnavailableError(
      `Redis is not answering at ${safeUrl(url)}: install it (apt-get install redis-server) or set REDIS_URL to a running Redis.`,
    );
  }
  const u = new URL(url);
  const dir = path.resolve(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    [
      '--port',
      u.port || '6379',
      '--bind',
      u.hostname === 'localhost' ? '127.0.0.1' : u.hostname,
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore' },
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  for (let i = 0; i < 50; i++) {
    if (await pingRedis(url, 300)) return { url, child, stop };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new RedisUnavailableError(
    `Could not start redis-server for ${safeUrl(url)}: set REDIS_URL to a running Redis.`,
  );
}

/** The URL without its password, for messages and logs. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '[invalid url]';
  }
}
