/**
 * bench:cli — how fast the operators' tools answer and the service starts (issue 24).
 *
 * CLI: `units:list --format json`, `parse`, `status --format json` and `invite`, each run N times
 * (default 10) as a fresh process of the compiled CLI (`node dist/src/cli/main.js`, what
 * `npm run cli` executes) against a scratch PostgreSQL database of its own (created, migrated and
 * seeded through the CLI, dropped at the end). Baseline in the same run: a plain `node -e`
 * script that opens one `pg` connection and runs one query. The runs are interleaved (one of
 * each per round) so a busy moment of the machine weighs on all alike. Targets: every command's
 * p50 ≤ 1.0 s and ≤ 5 × the baseline's p50.
 *
 * Service: `npm start` on embedded defaults (PGlite in a fresh DATA_DIR under the system's temp
 * folder, DATABASE_URL and REDIS_URL unset) until GET /healthz answers 200, stopped with SIGTERM,
 * then started again on the same folder. Targets: first start ≤ 10 s, restart ≤ 4 s.
 *
 * Prints one line per command and start, then a final line; exit code 1 when a target is missed.
 *
 *   npm run bench:cli [-- --runs 10]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { ROOT } from '../test/support/cli.js';
import { freePort } from '../test/support/service.js';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '10' }, only: { type: 'string' } },
});
/** `--only cli` or `--only service`: one half of the bench (while working on it). */
const ONLY = args.only;
const RUNS = Number(args.runs);
const ADMIN_URL = process.env.BENCH_POSTGRES_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const CLI_P50_MAX_S = 1.0;
const CLI_RATIO_MAX = 5;
const FIRST_START_MAX_S = 10;
const RESTART_MAX_S = 4;

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

/** Runs one process to its end; returns its wall time in ms, or throws with its output. */
function timed(command: string, argv: string[], env: Record<string, string | undefined>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else
        reject(new Error(`${path.basename(command)} ${argv.slice(0, 2).join(' ')} exited ${code}: ${err}`));
    });
  });
}

/** Runs the compiled CLI once and fails the bench on a non-zero exit. */
function cliOnce(argv: string[], env: Record<string, string | undefined>): void {
  const r = spawnSync(process.execPath, [CLI, ...argv], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cli ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
}

interface Started {
  ms: number;
  stop(): Promise<void>;
}

/** `npm start` with `env`; resolves when /healthz answers 200, with the time it took. */
async function npmStart(env: Record<string, string | undefined>, port: number): Promise<Started> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}: ${err}`);
    if (performance.now() - started > 120_000) {
      child.kill('SIGKILL');
      throw new Error('the service did not become healthy within 120 s');
    }
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const ms = performance.now() - started;
  return {
    ms,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function main(): Promise<number> {
  // What is measured is the build of the current sources.
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('dist/ could not be built');

  const lines: string[] = [];
  let missed = 0;
  if (ONLY !== 'service') missed += await benchCli(lines);
  if (ONLY !== 'cli') missed += await benchService(lines);
  for (const l of lines) console.log(l);
  console.log(
    `bench:cli: ${RUNS} runs per command; ${missed === 0 ? 'every target met' : `${missed} target(s) missed`}`,
  );
  return missed === 0 ? 0 : 1;
}

/** The CLI half: appends one line per command to `lines`; returns the targets missed. */
async function benchCli(lines: string[]): Promise<number> {
  const name = `dondoc_bench_cli_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: url, LOG_LEVEL: 'warn' };
  let missed = 0;
  try {
    cliOnce(['db:migrate'], env);
    cliOnce(['db:seed'], env);

    const baseline = {
      label: 'baseline: node -e (one pg connection, one query)',
      command: process.execPath,
      argv: [
        '-e',
        "const pg=require('pg');const c=new pg.Client({connectionString:process.env.DATABASE_URL});" +
          "c.connect().then(()=>c.query('SELECT 1')).then(()=>c.end())",
      ],
    };
    const commands = [
      ['units:list', '--format', 'json'],
      ['parse', '--duty', 'BC6T', '--unit', 'THADS_HANOI', 'việc 83,5% tiền 46,2%'],
      ['status', '--duty', 'BC6T', '--format', 'json'],
      ['invite', '--unit', 'STP_HANOI'],
    ].map((argv) => ({ label: argv.join(' '), command: process.execPath, argv: [CLI, ...argv] }));
    const all = [baseline, ...commands];
    const times = new Map(all.map((c) => [c.label, [] as number[]]));
    // One warm-up round (disk cache), not counted; then interleaved rounds.
    for (const c of all) await timed(c.command, c.argv, env);
    for (let round = 0; round < RUNS; round++) {
      for (const c of all) times.get(c.label)!.push(await timed(c.command, c.argv, env));
    }
    const base = p50(times.get(baseline.label)!);
    lines.push(`${baseline.label}: p50 ${s(base)}`);
    for (const c of commands) {
      const xs = times.get(c.label)!;
      const mid = p50(xs);
      const ratio = mid / base;
      const ok = mid <= CLI_P50_MAX_S * 1000 && ratio <= CLI_RATIO_MAX;
      if (!ok) missed++;
      lines.push(
        `cli ${c.label}: p50 ${s(mid)} (min ${s(Math.min(...xs))}, max ${s(Math.max(...xs))}), ` +
          `${ratio.toFixed(1)} × baseline — ${ok ? 'met' : 'MISSED'} (≤ ${CLI_P50_MAX_S} s, ≤ ${CLI_RATIO_MAX} ×)`,
      );
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
  return missed;
}

/** The service half: first start and restart on embedded defaults; returns the targets missed. */
async function benchService(lines: string[]): Promise<number> {
  let missed = 0;
  // The service on embedded defaults: nothing configured but a free port (and a prefix of its own
  // in the machine's Redis, removed afterwards, so its queues meet no one else's).
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-bench-cli-'));
  const prefix = `bench-cli-${process.pid}`;
  const port = await freePort();
  const serviceEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    PORT: String(port),
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'warn',
  };
  try {
    const first = await npmStart(serviceEnv, port);
    await first.stop();
    const again = await npmStart(serviceEnv, port);
    await again.stop();
    for (const [label, ms, max] of [
      ['first start on embedded defaults (npm start → /healthz 200)', first.ms, FIRST_START_MAX_S],
      ['restart on the same data (npm start → /healthz 200)', again.ms, RESTART_MAX_S],
    ] as const) {
      const ok = ms <= max * 1000;
      if (!ok) missed++;
      lines.push(`${label}: ${s(ms)} — ${ok ? 'met' : 'MISSED'} (≤ ${max} s)`);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
    } catch {
      /* no Redis to clean */
    } finally {
      redis.disconnect();
    }
  }
  return missed;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
