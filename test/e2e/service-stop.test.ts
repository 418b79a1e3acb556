/**
 * `npm start` stops when its process is stopped (issue 24): a SIGTERM or SIGINT sent to the npm
 * process reaches the service, which drains and exits; nothing it started keeps running (the
 * `node` child used to keep polling with parent 1) and the port is free again.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { freePort } from '../support/service.js';

/** The parent of every process, from /proc (Linux). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.set(Number(name), ppid);
    } catch {
      /* ended meanwhile */
    }
  }
  return out;
}

/** `pid` and every process below it. */
function tree(pid: number): number[] {
  const all = parents();
  const found = [pid];
  for (let i = 0; i < found.length; i++) {
    for (const [child, parent] of all) if (parent === found[i]) found.push(child);
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** The Redis key prefixes the services of this file use, emptied at the end. */
const PREFIXES = [`stop-${process.pid}`, `stopi-${process.pid}`];
afterAll(async () => {
  const redis = new Redis(inject('redisUrl'));
  try {
    for (const prefix of PREFIXES) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
});

const started: ChildProcess[] = [];
afterEach(() => {
  // A failed test must not leave a service behind: stop the whole group it runs in.
  for (const c of started.splice(0)) {
    if (c.pid && c.exitCode === null) {
      try {
        process.kill(-c.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
});

/** `npm start` as the README says, in a process group of its own; resolves once /healthz is 200. */
async function npmStart(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  started.push(child);
  let logs = '';
  child.stdout?.on('data', (d) => {
    logs += d;
  });
  child.stderr?.on('data', (d) => {
    logs += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${logs}`);
    if (Date.now() > deadline) throw new Error(`the service did not become healthy:\n${logs}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, port, exited, logs: () => logs };
}

/** Sends `signal` to the npm process only; checks the service is gone within 10 s. */
async function stopsOn(signal: NodeJS.Signals, env: Record<string, string>) {
  const service = await npmStart(env);
  const pids = tree(service.child.pid!);
  // npm, and the service under it: one node process, not a loader's child.
  expect(pids.length).toBeGreaterThanOrEqual(2);
  const sentAt = Date.now();
  process.kill(service.child.pid!, signal);
  const code = await Promise.race([
    service.exited,
    new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000)),
  ]);
  expect(code, service.logs()).toBe(0);
  // Everything npm started is gone too (an orphan would have been re-parented, still alive).
  for (;;) {
    const left = pids.filter(alive);
    if (left.length === 0) break;
    expect(Date.now() - sentAt, `still running: ${left.join(', ')}`).toBeLessThan(10_000);
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(await portOpen(service.port)).toBe(false);
  expect(Date.now() - sentAt).toBeLessThan(10_000);
  // It drained: the service's own shutdown ran (not a kill).
  expect(service.logs()).toContain('shutting down');
}

describe.skipIf(!existsSync('/proc/self/stat'))('npm start stops when its process is stopped', () => {
  it('SIGTERM to npm: the service drains and exits, the port closes, no process is left', async () => {
    await stopsOn('SIGTERM', {
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: PREFIXES[0]!,
    });
  }, 120_000);

  it('SIGINT to npm on embedded defaults: PGlite closed and unlocked, so the CLI can open it next', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-stop-'));
    await stopsOn('SIGINT', {
      DATA_DIR: dataDir,
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: PREFIXES[1]!,
    });
    expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});
