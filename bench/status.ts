/**
 * bench:status — a manager's status question on a large organisation: 1,000 units in 20
 * clusters × 20 indicators × 10 periods (10,000 assignments, ~160,000 values), generated in a
 * fresh PostgreSQL database. In the same run it times the service's status for the whole
 * sector (what `/tinhhinh` and `/chitieu` compute: states with `partial` read off the required
 * indicators, the missing and the incomplete by cluster with what each still owes, the late,
 * each indicator's aggregate and targets) and a hand-written SQL aggregate giving the same
 * counts, lists and means, checks that both agree, and prints:
 *   status: units=1000 indicators=20 periods=10 service_p50_ms=<n> sql_p50_ms=<n> ratio=<n> agree=yes
 * Target: service p50 < 200 ms and ratio ≤ 2.
 *
 *   npm run bench:status [-- --units 1000 --indicators 20 --periods 10 --runs 15]
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createStatusService } from '../src/app/status.js';
import { STATUS_STATES } from '../src/domain/status.js';
import { createStatusExporter } from '../src/exports/status-files.js';
import { createTranslator } from '../src/i18n/fluent.js';
import { openDatabase } from '../src/storage/database.js';
import { createPrismaStatusStore } from '../src/storage/status-store.js';
import { createFixedClock } from '../src/wiring/system-clock.js';

const { values: args } = parseArgs({
  options: {
    units: { type: 'string', default: '1000' },
    indicators: { type: 'string', default: '20' },
    periods: { type: 'string', default: '10' },
    runs: { type: 'string', default: '15' },
  },
});
export const UNITS = Number(args.units);
export const INDICATORS = Number(args.indicators);
export const PERIODS = Number(args.periods);
const RUNS = Number(args.runs);
export const ADMIN_URL =
  process.env.BENCH_POSTGRES_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const FIRST_YEAR = 2040;
// The question is asked about the last period, 10 days after its deadline (15 November).
export const PERIOD = String(FIRST_YEAR + PERIODS - 1);
export const TODAY = `${PERIOD}-11-25`;
const clock = createFixedClock(new Date(`${TODAY}T03:00:00Z`));

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Generates the organisation and its history with set-based SQL (seconds, not minutes). */
export async function generate(client: pg.Client): Promise<void> {
  await client.query(`
    INSERT INTO "UnitType" (code, "nameVi", "nameEn", "pluralVi", "pluralEn") VALUES
      ('SO_TU_PHAP', 'Sở Tư pháp', 'Department of Justice', 'Sở Tư pháp', 'Departments of Justice'),
      ('CLUSTER', 'Cụm thi đua', 'Emulation cluster', 'cụm thi đua', 'emulation clusters')
    ON CONFLICT DO NOTHING`);
  await client.query(`
    INSERT INTO "Unit" (code, name, "typeCode", "updatedAt")
    SELECT 'BCUM_' || g, 'Cụm thi đua số ' || g, 'CLUSTER', now() FROM generate_series(1, 20) g`);
  await client.query(
    `INSERT INTO "Unit" (code, name, "typeCode", "updatedAt")
     SELECT 'BSTP_' || g, 'Sở Tư pháp thử số ' || g, 'SO_TU_PHAP', now() FROM generate_series(1, $1::int) g`,
    [UNITS],
  );
  await client.query(`
    INSERT INTO "ClusterMember" ("clusterId", "unitId", role)
    SELECT c.id, u.id, 'member'
    FROM "Unit" u JOIN "Unit" c ON c.code = 'BCUM_' || (1 + (substring(u.code from 6)::int % 20))
    WHERE u.code LIKE 'BSTP_%'`);
  await client.query(
    `INSERT INTO "Indicator" (code, "labelVi", "labelEn", kind, aggregate)
     SELECT 'bench_' || g, 'Chỉ tiêu thử ' || g, 'Bench indicator ' || g, 'percent', 'mean'
     FROM generate_series(1, $1::int) g`,
    [INDICATORS],
  );
  await client.query(`
    INSERT INTO "Duty" (code, "nameVi", "nameEn", recurrence, "periodPattern")
    VALUES ('BENCH', 'Báo cáo thử', 'Bench report', 'yearly', 'YYYY')`);
  await client.query(`
    INSERT INTO "DutyIndicator" ("dutyId", "indicatorId", "unitTypeCode", position)
    SELECT d.id, i.id, 'SO_TU_PHAP', row_number() OVER (ORDER BY i.code)
    FROM "Duty" d, "Indicator" i WHERE d.code = 'BENCH' AND i.code LIKE 'bench_%'`);
  await client.query(
    `INSERT INTO "Period" (code, kind, year, "startDate", "endDate")
     SELECT y::text, 'year', y, make_date(y, 1, 1), make_date(y, 12, 31)
     FROM generate_series($1::int, $2::int) y`,
    [FIRST_YEAR, FIRST_YEAR + PERIODS - 1],
  );
  await client.query(
    `INSERT INTO "Target" ("indicatorId", year, scope, kind, "minValue", "updatedAt")
     SELECT i.id, y, 'SO_TU_PHAP', 'floor', 80, now()
     FROM "Indicator" i, generate_series($1::int, $2::int) y WHERE i.code LIKE 'bench_%'`,
    [FIRST_YEAR, FIRST_YEAR + PERIODS - 1],
  );
  // 60 % on time, 15 % late, 10 % partly submitted (half the figures), 5 % only the signed
  // document, 5 % one figure declared "none", 5 % nothing (missing once the deadline has passed).
  await client.query(`
    INSERT INTO "Assignment" ("dutyId", "periodCode", "unitId", "nominalDueDate", "dueDate", state,
                              "submittedAt", "documentSentAt", "updatedAt")
    SELECT d.id, p.code, u.id, make_date(p.year, 11, 15), make_date(p.year, 11, 15),
           (CASE WHEN u.id % 20 < 12 THEN 'on_time' WHEN u.id % 20 < 15 THEN 'late' ELSE 'pending' END)::"AssignmentState",
           CASE WHEN u.id % 20 < 12 THEN make_date(p.year, 11, 10)::timestamp
                WHEN u.id % 20 < 15 THEN make_date(p.year, 11, 20)::timestamp END,
           CASE WHEN u.id % 20 = 17 THEN make_date(p.year, 11, 12)::timestamp END,
           now()
    FROM "Duty" d, "Period" p, "Unit" u
    WHERE d.code = 'BENCH' AND p.year >= ${FIRST_YEAR} AND u.code LIKE 'BSTP_%'`);
  await client.query(
    `INSERT INTO "SubmissionValue" ("assignmentId", "indicatorId", value, "updatedAt")
     SELECT a.id, i.id, 60 + ((a.id * 7 + i.id * 13) % 400) / 10.0, now()
     FROM "Assignment" a JOIN "Duty" d ON d.id = a."dutyId" AND d.code = 'BENCH'
     CROSS JOIN "Indicator" i
     WHERE i.code LIKE 'bench_%'
       AND (a.state IN ('on_time', 'late')
            OR (a."unitId" % 20 IN (15, 16) AND substring(i.code from 7)::int <= $1::int / 2))`,
    [INDICATORS],
  );
  await client.query(`
    INSERT INTO "SubmissionValue" ("assignmentId", "indicatorId", value, "updatedAt")
    SELECT a.id, i.id, NULL, now()
    FROM "Assignment" a JOIN "Duty" d ON d.id = a."dutyId" AND d.code = 'BENCH'
    JOIN "Indicator" i ON i.code = 'bench_1'
    WHERE a."unitId" % 20 = 18`);
  await client.query('ANALYZE');
}

/**
 * The same answer by hand, in one statement: per unit the required indicators given (a value,
 * or none declared: neither value nor text) and those still owed, hence its effective state
 * (`partial` when something was given); the counts per state, the missing and the incomplete
 * units grouped by (first) cluster with what each owes, the late units, and per indicator the
 * count, mean, how many meet the target, the units below it (worst first), the best and the worst.
 */
export const HAND_SQL = `
  WITH base AS (
    SELECT a.id, a."dutyId", a.state, a."dueDate", a."documentSentAt", a."submittedAt",
           u.id AS uid, u.code, u.name, u."typeCode",
           (SELECT c.name FROM "ClusterMember" m JOIN "Unit" c ON c.id = m."clusterId"
             WHERE m."unitId" = u.id AND m.until IS NULL ORDER BY m.id LIMIT 1) AS cluster,
           ARRAY(SELECT g."indicatorId" FROM "SubmissionValue" g
                  WHERE g."assignmentId" = a.id AND (g.value IS NOT NULL OR g."textValue" IS NULL)) AS given
    FROM "Assignment" a JOIN "Duty" d ON d.id = a."dutyId" JOIN "Unit" u ON u.id = a."unitId"
    WHERE d.code = $1 AND a."periodCode" = $2 AND u.active
  ), req AS (
    SELECT di."dutyId", di."unitTypeCode" AS type, array_agg(di."indicatorId" ORDER BY di.position) AS ids,
           array_agg(i.code ORDER BY di.position) AS codes
    FROM "DutyIndicator" di JOIN "Indicator" i ON i.id = di."indicatorId"
    WHERE di.required GROUP BY di."dutyId", di."unitTypeCode"
  ), a AS (
    SELECT b.id, b.uid, b.code, b.name, b."submittedAt", b.cluster,
           ARRAY(SELECT x.code FROM unnest(r.ids, r.codes) WITH ORDINALITY AS x(id, code, n)
                  WHERE NOT x.id = ANY(b.given) ORDER BY x.n) AS owed,
           CASE WHEN b.state IN ('on_time', 'late') THEN b.state::text
                WHEN b."documentSentAt" IS NOT NULL OR r.ids && b.given THEN 'partial'
                WHEN b."dueDate" < $3::date THEN 'missing' ELSE 'pending' END AS st
    FROM base b LEFT JOIN req r ON r."dutyId" = b."dutyId" AND r.type = b."typeCode"
  ), v AS (
    SELECT i.code AS ind, a.code, a.name, v.value::float8 AS value, t."minValue"::float8 AS min
    FROM a JOIN "SubmissionValue" v ON v."assignmentId" = a.id AND v.value IS NOT NULL
    JOIN "Indicator" i ON i.id = v."indicatorId"
    LEFT JOIN "Target" t ON t."indicatorId" = i.id AND t.year = $4 AND t.scope = 'SO_TU_PHAP' AND t.kind = 'floor'
  )
  SELECT
    (SELECT json_object_agg(st, n) FROM (SELECT st, count(*) n FROM a GROUP BY st) s) AS totals,
    (SELECT json_agg(json_build_object('cluster', cluster, 'units', units) ORDER BY cluster) FROM (
       SELECT cluster, json_agg(json_build_array(code, name) ORDER BY name) AS units
       FROM a WHERE st = 'missing' GROUP BY cluster) g) AS missing,
    (SELECT json_agg(json_build_object('cluster', cluster, 'units', units) ORDER BY cluster) FROM (
       SELECT cluster, json_agg(json_build_array(code, name, st, owed) ORDER BY name) AS units
       FROM a WHERE st NOT IN ('on_time', 'late') GROUP BY cluster) g) AS incomplete,
    (SELECT json_agg(json_build_array(code, name, "submittedAt") ORDER BY name) FROM a WHERE st = 'late') AS late,
    (SELECT json_object_agg(ind, json_build_object(
        'mean', mean, 'n', n, 'met', met, 'below', below, 'best', best, 'worst', worst)) FROM (
       SELECT ind, avg(value) AS mean, count(*) AS n,
              count(*) FILTER (WHERE value >= min) AS met,
              json_agg(json_build_array(code, name, value) ORDER BY value) FILTER (WHERE value < min) AS below,
              (array_agg(name ORDER BY value DESC, name))[1] AS best,
              (array_agg(name ORDER BY value, name DESC))[1] AS worst
       FROM v GROUP BY ind) y) AS indicators`;

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const name = `dondoc_bench_status_${process.pid}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const db = await openDatabase({ kind: 'postgres', url }, { poolSize: 10 });
  const client = new pg.Client({ connectionString: url });
  try {
    await db.migrate();
    await client.connect();
    // The hand-written statement's estimated cost crosses PostgreSQL's JIT threshold, and JIT
    // compilation would take longer than the query itself: off, so the SQL is timed at its best.
    await client.query('SET jit = off');
    const t0 = performance.now();
    await generate(client);
    const { rows: counts } = await client.query(
      `SELECT (SELECT count(*) FROM "Assignment")::int AS assignments, (SELECT count(*) FROM "SubmissionValue")::int AS "values"`,
    );
    console.log(
      `generated: units=${UNITS} indicators=${INDICATORS} periods=${PERIODS} assignments=${counts[0].assignments} values=${counts[0].values} in ${Math.round(performance.now() - t0)} ms`,
    );

    const service = createStatusService({
      store: createPrismaStatusStore(db.prisma),
      clock,
      timeZone: 'Asia/Ho_Chi_Minh',
      exporter: createStatusExporter(createTranslator()),
    });
    const ask = () => service.forScope({ kind: 'all' }, { dutyCode: 'BENCH', periodCode: PERIOD });
    const hand = () => client.query(HAND_SQL, ['BENCH', PERIOD, TODAY, Number(PERIOD)]);

    for (let i = 0; i < 3; i++) await Promise.all([ask(), hand()]);
    const serviceMs: number[] = [];
    const sqlMs: number[] = [];
    let report: Awaited<ReturnType<typeof ask>> | undefined;
    let sql: Awaited<ReturnType<typeof hand>> | undefined;
    for (let i = 0; i < RUNS; i++) {
      // Interleaved, so both see the same machine state.
      let t = performance.now();
      report = await ask();
      serviceMs.push(performance.now() - t);
      t = performance.now();
      sql = await hand();
      sqlMs.push(performance.now() - t);
    }
    if (!report?.ok || !sql) throw new Error('the status question failed');
    const r = report.report;
    const s = sql.rows[0] as {
      totals: Record<string, number>;
      missing: { cluster: string; units: [string, string][] }[];
      incomplete: { cluster: string; units: [string, string, string, string[]][] }[] | null;
      late: [string, string, string][];
      indicators: Record<string, { mean: number; n: number; met: number; below: unknown[] | null }>;
    };
    // Each incomplete unit's state and what it owes, as the service and the SQL see them.
    const owedBy = (rows: [string, string, string[]][]) =>
      new Map(rows.map(([code, st, owed]) => [code, `${st}:${owed.join(',')}`]));
    const serviceOwed = owedBy(
      r.incompleteByCluster.flatMap((g) =>
        g.units.map((u): [string, string, string[]] => [u.code, u.state, u.missingIndicators]),
      ),
    );
    const sqlOwed = owedBy(
      (s.incomplete ?? []).flatMap((g) =>
        g.units.map(([code, , st, owed]): [string, string, string[]] => [code, st, owed]),
      ),
    );
    const agree =
      STATUS_STATES.every((k) => (r.totals[k] ?? 0) === (s.totals[k] ?? 0)) &&
      r.totals.partial > 0 &&
      serviceOwed.size === sqlOwed.size &&
      [...serviceOwed].every(([code, owed]) => sqlOwed.get(code) === owed) &&
      r.late.length === (s.late?.length ?? 0) &&
      r.missingByCluster.reduce((n, g) => n + g.units.length, 0) ===
        s.missing.reduce((n, g) => n + g.units.length, 0) &&
      r.indicators.every((i) => {
        const h = s.indicators[i.code];
        return (
          h !== undefined &&
          h.n === i.reported &&
          h.met === i.met &&
          (h.below?.length ?? 0) === i.below.length &&
          Math.abs((i.aggregate ?? 0) - h.mean) < 1e-6
        );
      });
    const a = p50(serviceMs);
    const b = p50(sqlMs);
    console.log(
      `status: units=${UNITS} indicators=${INDICATORS} periods=${PERIODS} service_p50_ms=${a.toFixed(1)} sql_p50_ms=${b.toFixed(1)} ratio=${(a / b).toFixed(2)} agree=${agree ? 'yes' : 'NO'}`,
    );
    if (!agree) process.exitCode = 1;
  } finally {
    await client.end().catch(() => {});
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

// Run when started (`tsx bench/status.ts`), not when bench/dashboard.ts imports the data set.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
