/**
 * The operators' CLI runs compiled JavaScript and loads only what a command uses (issue 24: every
 * command took 4–8 s through tsx; `npm run bench:cli` measures the time). A command that reads
 * the database must not load the bots, the queues, the logger, the Excel and chart stacks, the
 * embedded database or the migration engine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/cli.js';

/** Runs the compiled CLI with a loader hook that writes down every module it loads. */
function runRecorded(args: string[]): Promise<{ code: number | null; stdout: string; loaded: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dondoc-cli-modules-'));
  const list = path.join(dir, 'loaded.txt');
  writeFileSync(
    path.join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(list)}, url + '\\n');
  return next(url, context);
}
`,
  );
  writeFileSync(
    path.join(dir, 'register.mjs'),
    `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)});
`,
  );
  writeFileSync(list, '');
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', pathToFileURL(path.join(dir, 'register.mjs')).href, 'dist/src/cli/main.js', ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: inject('databaseUrl') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.on('exit', (code) => {
      resolve({ code, stdout, loaded: readFileSync(list, 'utf8').split('\n').filter(Boolean) });
    });
  });
}

describe('the operators CLI', () => {
  it('runs the compiled code and loads only what a command uses', async () => {
    const r = await runRecorded(['units:list', '--format', 'json']);
    expect(r.code).toBe(0);
    const units = JSON.parse(r.stdout) as { code: string }[];
    expect(units.map((u) => u.code)).toContain('STP_HANOI');
    // Compiled JavaScript from dist/, no TypeScript loader.
    expect(r.loaded.some((u) => u.includes('/dist/src/cli/main.js'))).toBe(true);
    expect(r.loaded.filter((u) => /\.ts$|\/tsx\//.test(u))).toEqual([]);
    const heavy = [
      'grammy',
      'bullmq',
      'ioredis',
      'pino',
      'exceljs',
      'vega',
      '@resvg',
      '@electric-sql/pglite',
      '@prisma/schema-engine-wasm',
      'node-cron',
    ];
    const loadedPackages = r.loaded.map((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1]);
    for (const name of heavy) {
      expect(
        loadedPackages.filter((p) => p === name || p?.startsWith(`${name}/`) || p?.startsWith(`${name}-`)),
      ).toEqual([]);
    }
  });
});
