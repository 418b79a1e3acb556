import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, DatabaseBusyError, openDatabase } from '../../src/storage/database.js';
import { runSeed } from '../../src/storage/seed/bootstrap.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { runCli } from '../support/cli.js';
import { seedCounts } from '../support/counts.js';

// The embedded backend: same schema, same migrations, same seed as PostgreSQL.
const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-pglite-'));
let db: Database;

beforeAll(async () => {
  db = await openDatabase({ kind: 'pglite', dataDir });
}, 120_000);
afterAll(async () => {
  await db?.close();
});

describe('embedded PGlite database', () => {
  it('is migrated at open and records the migrations like prisma migrate deploy', async () => {
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null }[]>(
      'SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(await db.migrate()).toEqual([]);
  });

  it('seeds idempotently: two seeds give the same row counts', async () => {
    const clock = createFixedClock(new Date('2026-11-23T02:00:00Z'));
    await runSeed(db.prisma, clock, 'Asia/Ho_Chi_Minh');
    const first = await seedCounts(db.prisma);
    await runSeed(db.prisma, clock, 'Asia/Ho_Chi_Minh');
    expect(await seedCounts(db.prisma)).toEqual(first);
    expect(first.units).toBeGreaterThan(60);
    expect(first.assignments).toBeGreaterThan(200);
    const a = await db.prisma.assignment.findFirstOrThrow({
      where: { duty: { code: 'DKTD' }, periodCode: '2027', unit: { code: 'CUM_STP_1' } },
    });
    expect(a.dueDate?.toISOString().slice(0, 10)).toBe('2027-02-22');
  });

  it('belongs to one process: a second open is refused, and so is a CLI command', async () => {
    const second = await openDatabase({ kind: 'pglite', dataDir }).then(
      () => 'opened',
      (err: unknown) => (err instanceof DatabaseBusyError ? err.code : String(err)),
    );
    expect(second).toBe('DATABASE_BUSY');
    const r = await runCli(['units:list'], { DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `The embedded database in ${dataDir} is in use by another process (pid ${process.pid})`,
    );
  });
});
