import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/cli.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Starts the service exactly as `npm start` does, and waits for /healthz to answer 200. */
async function startService(
  env: Record<string, string>,
): Promise<{ port: number; child: ChildProcess; logs: () => string }> {
  const port = await freePort();
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`service exited ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return { port, child, logs: () => out };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`service did not become healthy:\n${out}`);
}

async function stop(child: ChildProcess): Promise<number | null> {
  child.kill('SIGTERM');
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('the service starts', () => {
  it('on embedded defaults: PGlite under DATA_DIR, seeded, /healthz checks DB and Redis', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-start-'));
    const { port, child, logs } = await startService({ DATA_DIR: dataDir, REDIS_URL: inject('redisUrl') });
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok', checks: { database: true, redis: true } });
    expect(logs()).toContain('default data loaded');
    expect(await stop(child)).toBe(0);
  }, 120_000);

  it('on PostgreSQL when DATABASE_URL is set', async () => {
    const { port, child } = await startService({
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: inject('redisUrl'),
    });
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);
    expect(await stop(child)).toBe(0);
  }, 120_000);

  it('stops with one clear line when Redis is not answering and cannot be started', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-noredis-'));
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
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
    children.push(child);
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
