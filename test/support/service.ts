import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ROOT } from './cli.js';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** `npm start`'s node flags, read from package.json so the two never drift apart. */
const START_FLAGS: string[] = (() => {
  const start: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start;
  // `exec node <flags> dist/src/main.js`: the flags, to run the sources with them through tsx.
  return [...start.split(/\s+/).filter((w) => w.startsWith('--')), '--import', 'tsx'];
})();

export interface RunningService {
  port: number;
  child: ChildProcess;
  logs(): string;
  stop(): Promise<number | null>;
}

/**
 * Starts the service's entry point (src/main.ts through tsx's loader) and waits for /healthz =
 * 200. One process, not the `tsx` CLI (which runs the program in a child of its own): a
 * SIGKILL must reach the service itself, or a "killed" service keeps running, orphaned.
 */
export async function startService(
  env: Record<string, string>,
  port?: number,
  opts: { viaNpmStart?: boolean; nodeArgs?: string[] } = {},
): Promise<RunningService> {
  const p = port ?? (await freePort());
  const fullEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(p),
    LOG_LEVEL: 'info',
    ...env,
  };
  // `npm start` exactly as the README says: npm runs the service as a child, so it gets a
  // process group of its own and is stopped as a group.
  const child = opts.viaNpmStart
    ? spawn('npm', ['start', '--silent'], {
        cwd: ROOT,
        env: fullEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      })
    : // The same flags as `npm start` (package.json), with a test's own first.
      spawn(process.execPath, [...(opts.nodeArgs ?? []), ...START_FLAGS, 'src/main.ts'], {
        cwd: ROOT,
        env: fullEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // Under npm, signal the service itself (its pid is in every log line): it shuts down and
    // npm exits with its code. Without a pid yet, stop the whole group.
    const pid = Number(/"pid":(\d+)/.exec(out)?.[1]);
    if (opts.viaNpmStart && pid) process.kill(pid, 'SIGTERM');
    else if (opts.viaNpmStart && child.pid) process.kill(-child.pid, 'SIGTERM');
    else child.kill('SIGTERM');
    return exited;
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`service exited ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`http://127.0.0.1:${p}/healthz`);
      if (res.status === 200) return { port: p, child, logs: () => out, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`service did not become healthy:\n${out}`);
}
