import { type ChildProcess, spawn } from 'node:child_process';
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

export interface RunningService {
  port: number;
  child: ChildProcess;
  logs(): string;
  stop(): Promise<number | null>;
}

/** Starts the service as `npm start` does (tsx src/main.ts) and waits for /healthz = 200. */
export async function startService(env: Record<string, string>, port?: number): Promise<RunningService> {
  const p = port ?? (await freePort());
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(p), LOG_LEVEL: 'info', ...env },
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
    if (child.exitCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    return new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
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
