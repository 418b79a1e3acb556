/**
 * bench/turn-cpu.ts — the pure CPU of one figures turn, outside the database: parsing the
 * bench:submit message against each open report of a Cục THADS (`parseFigures`) and naming the
 * report (`reportsNamedIn`), in microseconds of CPU a call (CPU time, so other load on the machine
 * matters less). Reads the open reports once from a scratch
 * database, then loops.
 *
 *   npx tsx bench/turn-cpu.ts [--n 3000]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { parseFigures } from '../src/domain/figures/index.js';
import { reportsNamedIn } from '../src/domain/report-named.js';
import { splitReason } from '../src/domain/submission.js';
import { openDatabase } from '../src/storage/database.js';
import { materialiseYears } from '../src/storage/materialise-assignments.js';
import { runSeed } from '../src/storage/seed/bootstrap.js';
import { createPrismaSubmissionStore } from '../src/storage/submission-store.js';
import { createFixedClock } from '../src/wiring/system-clock.js';

const { values: args } = parseArgs({ options: { n: { type: 'string', default: '3000' } } });
const ADMIN_URL = process.env.BENCH_POSTGRES_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const TEXT = 'việc 83,5% tiền 46,2% giảm việc 9% giảm tiền 7% nhà 2 xã 1 ủng hộ 15 triệu';

async function main() {
  const name = `dondoc_turncpu_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const db = await openDatabase({ kind: 'postgres', url: ADMIN_URL.replace(/\/[^/]*$/, `/${name}`) });
  try {
    const clock = createFixedClock(new Date('2027-07-08T02:00:00Z'));
    await db.migrate();
    await runSeed(db.prisma, clock, 'Asia/Ho_Chi_Minh');
    const tc = await db.prisma.unit.findUniqueOrThrow({ where: { code: 'TCTHADS' } });
    const unit = await db.prisma.unit.create({
      data: { code: 'CPU_THADS', name: 'Cục THADS đo CPU', typeCode: 'CUC_THADS', parentId: tc.id },
    });
    await materialiseYears(db.prisma, [2027]);
    const store = createPrismaSubmissionStore(db.prisma, 'Asia/Ho_Chi_Minh');
    const open = (await store.openAssignments([unit.id], clock.now())).filter((a) => a.indicators.length > 0);
    console.log(
      `open reports with figures: ${open.length} (${open.map((a) => `${a.dutyCode} ${a.indicators.length}`).join(', ')})`,
    );
    const n = Number(args.n);
    const time = (label: string, fn: () => unknown) => {
      for (let i = 0; i < 200; i++) fn();
      const t0 = process.cpuUsage();
      for (let i = 0; i < n; i++) fn();
      const { user, system } = process.cpuUsage(t0);
      console.log(`${label.padEnd(34)} ${((user + system) / n).toFixed(1)} µs`);
    };
    const { figures } = splitReason(TEXT);
    time('splitReason', () => splitReason(TEXT));
    time('reportsNamedIn', () => reportsNamedIn(TEXT, open));
    for (const a of open) time(`parseFigures ${a.dutyCode}`, () => parseFigures(figures, a.indicators));
    time('turn (all of the above)', () => {
      splitReason(TEXT);
      reportsNamedIn(TEXT, open);
      for (const a of open) parseFigures(figures, a.indicators);
    });
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
