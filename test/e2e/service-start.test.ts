import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { pingRedis } from '../../src/redis/connection.js';
import { ROOT } from '../support/cli.js';
import { freePort, type RunningService, startService } from '../support/service.js';

const running: RunningService[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});

/** `npm start`, as the README's first command, with this environment. */
async function npmStart(env: Record<string, string>): Promise<RunningService> {
  const r = await startService(env, undefined, { viaNpmStart: true });
  running.push(r);
  return r;
}

describe('the service starts', () => {
  it('on embedded defaults: PGlite under DATA_DIR, seeded, /healthz checks DB and Redis', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-start-'));
    const service = await npmStart({ DATA_DIR: dataDir, REDIS_URL: inject('redisUrl') });
    const res = await fetch(`http://127.0.0.1:${service.port}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok', checks: { database: true, redis: true } });
    expect(service.logs()).toContain('default data loaded');
    expect(await service.stop()).toBe(0);
  }, 120_000);

  it('on PostgreSQL when DATABASE_URL is set', async () => {
    const service = await npmStart({ DATABASE_URL: inject('databaseUrl'), REDIS_URL: inject('redisUrl') });
    const res = await fetch(`http://127.0.0.1:${service.port}/healthz`);
    expect(res.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${service.port}/nope`)).status).toBe(404);
    // The shared Redis keeps every job (noeviction, as .ci/run and docker-compose start it).
    expect(service.logs()).not.toContain('maxmemory-policy');
    expect(await service.stop()).toBe(0);
  }, 120_000);

  it('warns at start when Redis may evict queued jobs (maxmemory-policy other than noeviction)', async () => {
    const redisPort = await freePort();
    const args = ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    const redis = spawn('redis-server', [...args, '--maxmemory-policy', 'allkeys-lru'], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 50 && !(await pingRedis(`redis://127.0.0.1:${redisPort}`, 200)); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const service = await npmStart({
        DATABASE_URL: inject('databaseUrl'),
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        REDIS_PREFIX: 'evicting',
      });
      expect(service.logs()).toContain('Redis maxmemory-policy should be noeviction');
      expect(service.logs()).toContain('"policy":"allkeys-lru"');
      expect(await service.stop()).toBe(0);
    } finally {
      redis.kill('SIGKILL');
    }
  }, 120_000);

  it('stops with one clear line when Redis is not answering and cannot be started', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-noredis-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: inject('databaseUrl'),
        // An explicit URL: the service never starts a Redis of its own for it.
        REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr?.on('data', (d) => {
      err += d;
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(err.trim()).toMatch(
      /^Redis is not answering at redis:\/\/127\.0\.0\.1:\d+: install it \(apt-get install redis-server\) or set REDIS_URL to a running Redis\.$/,
    );
  }, 60_000);
});
