/**
 * Issue 23: the migration that gives the civil-judgment units their names of 1 July 2025
 * (Quyết định 1898/QĐ-BTP), run on an install made before it: the default organisation under its
 * old names, a unit an operator renamed, a unit still named after a merged province and a test
 * unit. It must bring the default units to exactly the names a fresh install shows, keep the old
 * ones in the history, leave the others alone, and change nothing when run again.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, PrismaClient } from '../../src/storage/database.js';
import { applyMigrations } from '../../src/storage/schema/schema-engine.js';
import { defaultSeed } from '../../src/storage/seed/default-seed.js';
import { type SeedData, seedDatabase } from '../../src/storage/seed/seed-database.js';
import { createPrismaUnitStore } from '../../src/storage/unit-store.js';
import { ADMIN_URL } from '../support/global-setup.js';

const MIGRATION = readdirSync(MIGRATIONS_DIR).find((d) => d.endsWith('_unit_name_history'))!;
const SQL = readFileSync(path.join(MIGRATIONS_DIR, MIGRATION, 'migration.sql'), 'utf8');
/** The migration's data part (what an install that already has the table would run again). */
const DATA_SQL = SQL.slice(SQL.indexOf('-- Data migration'));

/** The unit types' labels before the migration, as the default install had them. */
const OLD_TYPES: Record<string, { nameVi: string; nameEn: string; pluralVi: string; pluralEn: string }> = {
  CUC_THADS: {
    nameVi: 'Cục Thi hành án dân sự',
    nameEn: 'Provincial Civil Judgment Enforcement Department',
    pluralVi: 'Cục THADS',
    pluralEn: 'provincial Civil Judgment Enforcement Departments',
  },
  TONG_CUC_THADS: {
    nameVi: 'Tổng cục Thi hành án dân sự',
    nameEn: 'General Department of Civil Judgment Enforcement',
    pluralVi: 'Tổng cục THADS',
    pluralEn: 'General Departments of Civil Judgment Enforcement',
  },
};

/** The default seed as it was before the renaming: the former names as names, no history. */
const oldSeed: SeedData = {
  ...defaultSeed,
  unitTypes: defaultSeed.unitTypes.map((t) => ({ ...t, ...OLD_TYPES[t.code] })),
  units: defaultSeed.units.map(({ formerNames, ...u }) => ({ ...u, name: formerNames?.[0]?.name ?? u.name })),
  clusters: defaultSeed.clusters.map(({ formerNames, ...c }) => ({
    ...c,
    name: formerNames?.[0]?.name ?? c.name,
  })),
  duties: [],
  targets: [],
  holidays: [],
};

/** An empty database of either backend: its adapter factory, a way to run a script, and its end. */
interface Backend {
  factory: SqlMigrationAwareDriverAdapterFactory;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

async function pgliteBackend(): Promise<Backend> {
  const client = await PGlite.create();
  return {
    factory: new PrismaPGlite(client),
    exec: async (sql) => void (await client.exec(sql)),
    close: () => client.close(),
  };
}

async function postgresBackend(): Promise<Backend> {
  const name = `dondoc_rename_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    factory: new PrismaPg({ connectionString: url, max: 2 }),
    exec: async (sql) => void (await client.query(sql)),
    async close() {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

describe.each([
  ['PGlite', pgliteBackend],
  ['PostgreSQL', postgresBackend],
])(`migration ${MIGRATION} on %s`, (_backend, open) => {
  let backend: Backend;
  let prisma: PrismaClient;
  const dir = mkdtempSync(path.join(tmpdir(), 'dondoc-migrations-'));

  const unitNames = async () =>
    Object.fromEntries(
      (await prisma.unit.findMany({ select: { code: true, name: true } })).map((u) => [u.code, u.name]),
    );

  beforeAll(async () => {
    // The migrations before this one: an install as it was.
    for (const entry of readdirSync(MIGRATIONS_DIR)) {
      if (entry !== MIGRATION)
        cpSync(path.join(MIGRATIONS_DIR, entry), path.join(dir, entry), { recursive: true });
    }
    backend = await open();
    expect(await applyMigrations(backend.factory, dir)).not.toContain(MIGRATION);
    prisma = new PrismaClient({ adapter: backend.factory });
    await seedDatabase(prisma, oldSeed);
    const thadsType = { typeCode: 'CUC_THADS' };
    // An operator's own name, the same name spelled with "tỉnh", a unit of a merged province (its
    // merger pending), a test unit, a unit of another type.
    await prisma.unit.update({
      where: { code: 'THADS_CAOBANG' },
      data: { name: 'Cục THADS Cao Bằng (đổi tên)' },
    });
    await prisma.unit.update({
      where: { code: 'THADS_BACNINH' },
      data: { name: 'Cục Thi hành án dân sự tỉnh Bắc Ninh' },
    });
    await prisma.unit.create({
      data: { code: 'THADS_BACGIANG', name: 'Cục Thi hành án dân sự tỉnh Bắc Giang', ...thadsType },
    });
    await prisma.unit.create({ data: { code: 'THADS_THU', name: 'Cục THADS thử 00001', ...thadsType } });
    await prisma.unit.update({ where: { code: 'STP_HANOI' }, data: { name: 'Sở Tư pháp thành phố Hà Nội' } });
    cpSync(path.join(MIGRATIONS_DIR, MIGRATION), path.join(dir, MIGRATION), { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await prisma?.$disconnect();
    await backend?.close();
  });

  it('renames the default THADS units to the names a fresh install shows, keeping the old ones', async () => {
    const before = await unitNames();
    expect(await applyMigrations(backend.factory, dir)).toEqual([MIGRATION]);
    const after = await unitNames();

    const fresh = new Map([...defaultSeed.units, ...defaultSeed.clusters].map((u) => [u.code, u.name]));
    const expected = { ...before };
    for (const u of [...defaultSeed.units, ...defaultSeed.clusters]) {
      if (u.formerNames && !['THADS_CAOBANG'].includes(u.code)) expected[u.code] = fresh.get(u.code)!;
    }
    expect(after).toEqual(expected);
    expect(after.TCTHADS).toBe('Cục Quản lý Thi hành án dân sự');
    expect(after.THADS_HANOI).toBe('Thi hành án dân sự thành phố Hà Nội');
    expect(after.THADS_HOCHIMINH).toBe('Thi hành án dân sự Thành phố Hồ Chí Minh');
    expect(after.THADS_HUE).toBe('Thi hành án dân sự thành phố Huế');
    // Already spelled with "tỉnh": renamed the same way.
    expect(after.THADS_BACNINH).toBe('Thi hành án dân sự tỉnh Bắc Ninh');
    expect(after.CUM_THADS_1).toBe('Cụm thi đua số 1 – Thi hành án dân sự các tỉnh, thành phố miền Bắc');
    // Left alone: an operator's name, a merged province (its merger is pending), test units, others.
    expect(after.THADS_CAOBANG).toBe('Cục THADS Cao Bằng (đổi tên)');
    expect(after.THADS_BACGIANG).toBe('Cục Thi hành án dân sự tỉnh Bắc Giang');
    expect(after.THADS_THU).toBe('Cục THADS thử 00001');
    expect(after.STP_HANOI).toBe('Sở Tư pháp thành phố Hà Nội');

    const hanoi = await prisma.unit.findUniqueOrThrow({ where: { code: 'THADS_HANOI' } });
    expect(hanoi.nameEn).toBe('Hà Nội Civil Judgment Enforcement Office');
    const units = createPrismaUnitStore(prisma);
    expect(await units.nameOn(hanoi.id, '2025-06-30')).toBe('Cục Thi hành án dân sự Hà Nội');
    expect(await units.nameOn(hanoi.id, '2025-07-01')).toBe('Thi hành án dân sự thành phố Hà Nội');
    const listed = (await units.list()).find((u) => u.code === 'TCTHADS')!;
    expect(listed.formerNames).toEqual([
      {
        name: 'Tổng cục Thi hành án dân sự',
        validFrom: null,
        validTo: '2025-06-30',
        source: 'QĐ 1898/QĐ-BTP',
      },
    ]);
    // 1 Tổng cục + 33 provincial units (Cao Bằng kept its operator's name) + 3 clusters.
    expect(await prisma.unitName.count()).toBe(37);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'units.rename' } });
    expect(audit.actor).toBe('migration');
    expect((audit.data as { codes: string[] }).codes).toHaveLength(37);

    const types = Object.fromEntries((await prisma.unitType.findMany()).map((t) => [t.code, t]));
    for (const t of defaultSeed.unitTypes) {
      expect(types[t.code]).toMatchObject({
        nameVi: t.nameVi,
        nameEn: t.nameEn,
        pluralVi: t.pluralVi,
        pluralEn: t.pluralEn,
      });
    }
    expect(types.CUC_THADS!.pluralVi).toBe('THADS tỉnh');
  });

  it('changes nothing when run again, and the seed afterwards adds no second history', async () => {
    const names = await unitNames();
    const history = await prisma.unitName.count();
    await backend.exec(DATA_SQL);
    expect(await unitNames()).toEqual(names);
    expect(await prisma.unitName.count()).toBe(history);
    expect(await prisma.auditLog.count({ where: { action: 'units.rename' } })).toBe(1);

    await seedDatabase(prisma, { ...defaultSeed, duties: [], targets: [], holidays: [] });
    expect(await prisma.unitName.count()).toBe(history);
    // The seed keeps the operator's name, and gives a fresh install's names to the rest.
    const seeded = await unitNames();
    expect(seeded.THADS_CAOBANG).toBe('Cục THADS Cao Bằng (đổi tên)');
    expect(seeded.THADS_HANOI).toBe('Thi hành án dân sự thành phố Hà Nội');
    expect(seeded).toEqual(names);
  }, 60_000);
});
