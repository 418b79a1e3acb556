/**
 * bench:dashboard — the managers' web dashboard on the `bench:status` data set (1,000 units in
 * 20 clusters × 20 indicators × 10 periods, generated in a fresh PostgreSQL database). The
 * dashboard runs in process as the service wires it (Fastify server, dashboard plugin, its use
 * cases on Prisma, the managers' actions on a BullMQ queue in Redis under a prefix of its own,
 * removed at the end). A manager of the duty's recipient unit (Vụ TĐKT: scope "all") signs in
 * with a one-time link; after a warm-up the run alternates, `--runs` times:
 *   - GET /dashboard/?duty=BENCH&period=<last> — the full overview page. Its time is the server's
 *     (Fastify's `reply.elapsedTime` in an `onResponse` hook: from the request's arrival to the
 *     response's last byte handed to the socket); the loopback round trip is printed beside it.
 *     The page must link every unit of the report, so a broken page cannot be fast;
 *   - bench:status's hand-written SQL for the same report (its counts, lists and means);
 *   - GET /dashboard/units/<id> — a unit's page (server time), a different unit each time.
 * Prints p50/p99 of each, the ratio of the page's p50 to the SQL's, the page's size, and:
 *   dashboard: units=1000 indicators=20 p50=<ms> p99=<ms> sqlP50=<ms> ratio=<x.xx> bytes=<n>
 * Target: overview p50 < 300 ms and ≤ 3 × the SQL.
 *
 *   npm run bench:dashboard [-- --units 1000 --indicators 20 --periods 10 --runs 30]
 *
 * The options are bench:status's (its data set reads them); `--runs` defaults to 30 here.
 * REDIS_URL (default redis://127.0.0.1:6379), BENCH_POSTGRES_ADMIN_URL as bench:status.
 * BENCH_PROFILE=<file.cpuprofile> writes a CPU profile of the timed phase; BENCH_SAVE_HTML=<file>
 * the last overview page.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { registerDashboard } from '../src/dashboard/plugin.js';
import { createHttpServer } from '../src/http/server.js';
import { createTranslator } from '../src/i18n/fluent.js';
import { createLogger } from '../src/logging/logger.js';
import { DASHBOARD_ASSETS_DIR } from '../src/paths.js';
import { openDatabase } from '../src/storage/database.js';
import { createDashboardOnPrisma } from '../src/wiring/dashboard.js';
import { createReminderRuntime } from '../src/wiring/reminder-runtime.js';
import { createFixedClock } from '../src/wiring/system-clock.js';
import { CookieClient } from '../test/support/cookie-client.js';
import { startCpuMeter, startProfile } from './profile.js';
import { ADMIN_URL, generate, HAND_SQL, INDICATORS, PERIOD, PERIODS, TODAY, UNITS } from './status.js';

const { values: args } = parseArgs({
  options: {
    // bench:status's options, read by its data set (./status.ts parses the same command line).
    units: { type: 'string', default: '1000' },
    indicators: { type: 'string', default: '20' },
    periods: { type: 'string', default: '10' },
    runs: { type: 'string', default: '30' },
  },
});
const RUNS = Number(args.runs);
const WARMUP = 3;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const clock = createFixedClock(new Date(`${TODAY}T03:00:00Z`));

/** The q-quantile (nearest rank) of `xs`. */
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};
const ms = (x: number) => x.toFixed(1);

/** The duty's recipient (Vụ TĐKT) and one of its managers: the scope "all" (StatusStore.scopeOf). */
async function addManager(client: pg.Client): Promise<number> {
  await client.query(`
    INSERT INTO "UnitType" (code, "nameVi", "nameEn", "pluralVi", "pluralEn")
    VALUES ('MINISTRY_DEPT', 'Đơn vị thuộc Bộ', 'Ministry department', 'đơn vị thuộc Bộ', 'Ministry departments')
    ON CONFLICT DO NOTHING`);
  const { rows: unit } = await client.query<{ id: number }>(`
    INSERT INTO "Unit" (code, name, "nameEn", "typeCode", "updatedAt")
    VALUES ('VU_TDKT', 'Vụ Thi đua – Khen thưởng', 'Department of Emulation and Commendation', 'MINISTRY_DEPT', now())
    RETURNING id`);
  await client.query(`UPDATE "Duty" SET "recipientUnitId" = $1 WHERE code = 'BENCH'`, [unit[0]!.id]);
  const { rows: person } = await client.query<{ id: number }>(
    `INSERT INTO "Person" ("fullName") VALUES ('Cán bộ Vụ TĐKT thử') RETURNING id`,
  );
  await client.query(`INSERT INTO "Role" ("personId", role, "unitId") VALUES ($1, 'manager', $2)`, [
    person[0]!.id,
    unit[0]!.id,
  ]);
  return person[0]!.id;
}

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const name = `dondoc_bench_dashboard_${process.pid}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const db = await openDatabase({ kind: 'postgres', url }, { poolSize: 10 });
  const client = new pg.Client({ connectionString: url });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const prefix = `bench-dashboard-${process.pid}-${Date.now()}`;
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    await db.migrate();
    await client.connect();
    // As bench:status: JIT would take longer than the hand-written statement itself.
    await client.query('SET jit = off');
    const t0 = performance.now();
    await generate(client);
    const personId = await addManager(client);
    const { rows: unitRows } = await client.query<{ id: number }>(
      `SELECT a."unitId" AS id FROM "Assignment" a JOIN "Duty" d ON d.id = a."dutyId"
       WHERE d.code = 'BENCH' AND a."periodCode" = $1 ORDER BY a."unitId"`,
      [PERIOD],
    );
    const unitIds = unitRows.map((r) => r.id);
    console.log(
      `generated: units=${UNITS} indicators=${INDICATORS} periods=${PERIODS} report_units=${unitIds.length} in ${Math.round(performance.now() - t0)} ms`,
    );

    // The service's wiring (src/wiring/service.ts, as test/support/dashboard.ts does it).
    const logger = createLogger('warn');
    const translator = createTranslator();
    const runtime = createReminderRuntime({
      prisma: db.prisma,
      redis,
      prefix,
      channels: new Map(),
      translator,
      clock,
      timeZone: TIME_ZONE,
      logger,
    });
    cleanups.push(() => runtime.queues.close());
    const http = createHttpServer({ logger, health: async () => ({ ok: true, checks: {} }) });
    // Server time of each request, by the bench's request id (hook before the plugin: it covers it).
    const serverMs = new Map<string, number>();
    http.app.addHook('onResponse', async (req, reply) => {
      const id = req.headers['x-bench-id'];
      if (typeof id === 'string') serverMs.set(id, reply.elapsedTime);
    });
    const wired = createDashboardOnPrisma(db.prisma, {
      translator,
      clock,
      timeZone: TIME_ZONE,
      actions: runtime.managerActions,
      baseUrl: 'http://127.0.0.1',
    });
    await registerDashboard(http.app, {
      dashboard: wired.dashboard,
      files: wired.status,
      translator,
      logger,
      timeZone: TIME_ZONE,
      now: () => clock.now(),
      secureCookies: false,
      assetsDir: DASHBOARD_ASSETS_DIR,
    });
    const port = await http.listen(0, '127.0.0.1');
    cleanups.push(() => http.close());

    const browser = new CookieClient(`http://127.0.0.1:${port}`);
    const link = await wired.dashboard.issueLink(personId);
    if (!link.ok) throw new Error(`no sign-in link: ${link.reason}`);
    const signed = await browser.signIn(link.url);
    await signed.arrayBuffer();
    if (signed.status !== 303 || !browser.jar.has('dondoc_session')) {
      throw new Error(`sign-in failed: HTTP ${signed.status}`);
    }

    let seq = 0;
    /** A GET: its body, status, server time and round trip. */
    const get = async (path: string) => {
      const id = String(++seq);
      const t = performance.now();
      const res = await browser.request(path, { headers: { 'x-bench-id': id } });
      const body = await res.text();
      const roundTrip = performance.now() - t;
      // onResponse runs when the last byte is handed to the socket: nearly always already.
      for (let i = 0; i < 100 && !serverMs.has(id); i++) await new Promise((r) => setTimeout(r, 1));
      const server = serverMs.get(id);
      serverMs.delete(id);
      if (server === undefined) throw new Error(`no server time for ${path}`);
      return { status: res.status, body, server, roundTrip };
    };
    const overviewPath = `/dashboard/?duty=BENCH&period=${PERIOD}`;
    const expected = new Set(unitIds);
    /** The overview, checked: HTTP 200 and a link to every unit of the report, none else. */
    const overview = async () => {
      const r = await get(overviewPath);
      if (r.status !== 200) throw new Error(`overview: HTTP ${r.status}\n${r.body.slice(0, 2000)}`);
      const linked = new Set([...r.body.matchAll(/\/dashboard\/units\/(\d+)/g)].map((m) => Number(m[1])));
      const missing = unitIds.filter((id) => !linked.has(id));
      const extra = [...linked].filter((id) => !expected.has(id));
      if (missing.length > 0 || extra.length > 0) {
        throw new Error(
          `overview: ${linked.size} units linked, ${missing.length} of ${unitIds.length} missing, ${extra.length} unexpected`,
        );
      }
      return r;
    };
    const unitPage = async (i: number) => {
      const id = unitIds[(i * 37) % unitIds.length]!;
      const r = await get(`/dashboard/units/${id}?duty=BENCH&period=${PERIOD}`);
      if (r.status !== 200 || !r.body.includes('Sở Tư pháp thử số')) {
        throw new Error(`unit page ${id}: HTTP ${r.status}\n${r.body.slice(0, 2000)}`);
      }
      return r;
    };
    const hand = () => client.query(HAND_SQL, ['BENCH', PERIOD, TODAY, Number(PERIOD)]);

    for (let i = 0; i < WARMUP; i++) {
      await overview();
      await hand();
      await unitPage(i);
    }

    const pageMs: number[] = [];
    const pageTripMs: number[] = [];
    const sqlMs: number[] = [];
    const unitMs: number[] = [];
    const unitBytes: number[] = [];
    let bytes = 0;
    let lastPage = '';
    const profile = process.env.BENCH_PROFILE ? await startProfile() : null;
    const cpu = await startCpuMeter();
    const tRun = performance.now();
    for (let i = 0; i < RUNS; i++) {
      // Interleaved, so each sees the same machine state.
      const page = await overview();
      pageMs.push(page.server);
      pageTripMs.push(page.roundTrip);
      bytes = Buffer.byteLength(page.body);
      lastPage = page.body;
      const t = performance.now();
      const sql = await hand();
      sqlMs.push(performance.now() - t);
      if (!sql.rows[0]?.totals) throw new Error('the hand-written SQL answered nothing');
      const unit = await unitPage(WARMUP + i);
      unitMs.push(unit.server);
      unitBytes.push(Buffer.byteLength(unit.body));
    }
    const wall = performance.now() - tRun;
    if (process.env.BENCH_SAVE_HTML) await writeFile(process.env.BENCH_SAVE_HTML, lastPage);
    const spent = await cpu.stop();
    if (profile && process.env.BENCH_PROFILE) await profile.stop(process.env.BENCH_PROFILE);

    const p50 = quantile(pageMs, 0.5);
    const p99 = quantile(pageMs, 0.99);
    const sqlP50 = quantile(sqlMs, 0.5);
    const ratio = p50 / sqlP50;
    console.log(
      `runs=${RUNS} (after ${WARMUP} warm-up rounds), server time = Fastify reply.elapsedTime (onResponse)`,
    );
    console.log(
      `  overview  server p50=${ms(p50)} p99=${ms(p99)} ms · loopback round trip p50=${ms(quantile(pageTripMs, 0.5))} p99=${ms(quantile(pageTripMs, 0.99))} ms · ${bytes} bytes, ${unitIds.length} units linked`,
    );
    console.log(`  hand SQL  p50=${ms(sqlP50)} p99=${ms(quantile(sqlMs, 0.99))} ms (pg client round trip)`);
    console.log(
      `  unit page server p50=${ms(quantile(unitMs, 0.5))} p99=${ms(quantile(unitMs, 0.99))} ms · ${quantile(unitBytes, 0.5)} bytes`,
    );
    console.log(
      `  CPU over the timed phase (${Math.round(wall)} ms wall): node ${Math.round(spent.nodeMs)} ms (system ${Math.round(spent.nodeSystemMs)}), postgres ${Math.round(spent.postgresMs)} ms`,
    );
    const met = p50 < 300 && ratio <= 3;
    console.log(`  target p50 < 300 ms and ratio ≤ 3: ${met ? 'met' : 'NOT met'}`);
    console.log(
      `dashboard: units=${unitIds.length} indicators=${INDICATORS} p50=${ms(p50)} p99=${ms(p99)} sqlP50=${ms(sqlP50)} ratio=${ratio.toFixed(2)} bytes=${bytes}`,
    );
  } finally {
    for (const c of cleanups.reverse()) await c().catch((err: unknown) => console.error(err));
    const keys = await redis.keys(`${prefix}:*`).catch(() => [] as string[]);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await client.end().catch(() => {});
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
