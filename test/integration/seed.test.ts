import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { seedDatabase } from '../../src/storage/seed/seed-database.js';
import { createPrismaUnitStore } from '../../src/storage/unit-store.js';
import { runCli } from '../support/cli.js';
import { seedCounts } from '../support/counts.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const iso = (d: Date | null | undefined) => d?.toISOString().slice(0, 10) ?? null;

describe('db:seed on PostgreSQL', () => {
  it('is idempotent: seeding again leaves the same rows', async () => {
    const env = { DATABASE_URL: inject('databaseUrl'), APP_NOW: '2026-11-23T09:00:00+07:00' };
    const first = await runCli(['db:seed'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Đã nạp dữ liệu mặc định: \d+ đơn vị, 4 loại báo cáo/);
    const before = await seedCounts(db.prisma);
    const history = () => db.prisma.unitName.count({ where: { source: 'QĐ 1898/QĐ-BTP' } });
    const historyBefore = await history();
    const second = await runCli(['db:seed'], env);
    expect(second.code).toBe(0);
    // Other test files add units in parallel: compare what the seed owns.
    const after = await seedCounts(db.prisma);
    for (const k of [
      'unitTypes',
      'movements',
      'duties',
      'deadlineRules',
      'indicators',
      'dutyIndicators',
      'targets',
      'holidays',
      'periods',
    ]) {
      expect(after[k], k).toBe(before[k]);
    }
    // The Tổng cục, the 34 provincial THADS and the 3 THADS clusters: one former name each.
    expect(await history()).toBe(38);
    expect(historyBefore).toBe(38);
  }, 180_000);

  it('shows the names of 1 July 2025 (QĐ 1898/QĐ-BTP), the earlier ones kept as history', async () => {
    const name = async (code: string) => (await db.prisma.unit.findUniqueOrThrow({ where: { code } })).name;
    expect(await name('TCTHADS')).toBe('Cục Quản lý Thi hành án dân sự');
    expect(await name('THADS_HANOI')).toBe('Thi hành án dân sự thành phố Hà Nội');
    expect(await name('THADS_BACNINH')).toBe('Thi hành án dân sự tỉnh Bắc Ninh');
    expect(await name('THADS_HOCHIMINH')).toBe('Thi hành án dân sự Thành phố Hồ Chí Minh');
    expect(await name('STP_HANOI')).toBe('Sở Tư pháp Hà Nội');
    const units = createPrismaUnitStore(db.prisma);
    const tc = await db.prisma.unit.findUniqueOrThrow({ where: { code: 'TCTHADS' } });
    expect(await units.nameOn(tc.id, '2024-12-31')).toBe('Tổng cục Thi hành án dân sự');
    expect(await units.nameOn(tc.id, '2025-06-30')).toBe('Tổng cục Thi hành án dân sự');
    expect(await units.nameOn(tc.id, '2025-07-01')).toBe('Cục Quản lý Thi hành án dân sự');
    const types = Object.fromEntries((await db.prisma.unitType.findMany()).map((t) => [t.code, t]));
    expect(types.CUC_THADS).toMatchObject({
      nameVi: 'Thi hành án dân sự tỉnh, thành phố',
      pluralVi: 'THADS tỉnh',
    });
    expect(types.TONG_CUC_THADS).toMatchObject({
      nameVi: 'Cục Quản lý Thi hành án dân sự',
      pluralVi: 'Cục Quản lý THADS',
    });
  });

  it('keeps a name an operator gave; gives its own names only to units bearing one of them', async () => {
    const [mine, theirs] = [uniqueCode('SEEDTEST'), uniqueCode('SEEDTEST')];
    const unit = (code: string) => ({
      code,
      name: `Đơn vị mới ${code}`,
      type: 'MINISTRY_DEPT',
      formerNames: [{ name: `Đơn vị cũ ${code}`, validTo: '2025-06-30', source: 'thử' }],
    });
    const data = {
      unitTypes: [],
      units: [unit(mine), unit(theirs)],
      clusters: [],
      movements: [],
      indicators: [],
      duties: [],
      targets: [],
      holidays: [],
    };
    // Installed under the former names, one then renamed by an operator.
    await db.prisma.unit.create({
      data: { code: mine, name: `Đơn vị cũ ${mine}`, typeCode: 'MINISTRY_DEPT' },
    });
    await db.prisma.unit.create({
      data: { code: theirs, name: 'Tên do quản trị đặt', typeCode: 'MINISTRY_DEPT' },
    });
    await seedDatabase(db.prisma, data);
    await seedDatabase(db.prisma, data);
    const rows = await db.prisma.unit.findMany({
      where: { code: { in: [mine, theirs] } },
      include: { formerNames: true },
      orderBy: { code: 'asc' },
    });
    expect(rows.map((r) => [r.code, r.name, r.formerNames.map((f) => f.name)])).toEqual([
      [mine, `Đơn vị mới ${mine}`, [`Đơn vị cũ ${mine}`]],
      [theirs, 'Tên do quản trị đặt', []],
    ]);
  });

  it('holds the plans: stable codes, indicators with synonyms, targets per year', async () => {
    const types = (await db.prisma.unitType.findMany()).map((t) => t.code).sort();
    expect(types).toEqual(['CLUSTER', 'CUC_THADS', 'MINISTRY_DEPT', 'SO_TU_PHAP', 'TONG_CUC_THADS']);
    const duties = (await db.prisma.duty.findMany()).map((d) => d.code).sort();
    expect(duties).toEqual(['BC6T', 'BCNAM', 'DKTD', 'SKD1']);
    const viec = await db.prisma.indicator.findUniqueOrThrow({ where: { code: 'thads_viec' } });
    expect(viec.kind).toBe('percent');
    expect(viec.synonyms.length).toBeGreaterThan(2);
    const ldxs = await db.prisma.indicator.findUniqueOrThrow({ where: { code: 'dk_tt_ldxs' } });
    expect(ldxs.synonyms.map((s) => s.toLowerCase())).toContain('ttlđxs');
    const target = await db.prisma.target.findFirstOrThrow({
      where: { indicator: { code: 'thads_viec' }, year: 2023 },
    });
    expect(target.kind).toBe('floor');
    expect(Number(target.minValue)).toBe(82.5);
    const thadsOnBc6t = await db.prisma.dutyIndicator.findMany({
      where: { duty: { code: 'BC6T' }, unitTypeCode: 'CUC_THADS' },
      include: { indicator: true },
      orderBy: { position: 'asc' },
    });
    expect(thadsOnBc6t.map((d) => d.indicator.code)).toEqual([
      'thads_viec',
      'thads_tien',
      'thads_giam_viec',
      'thads_giam_tien',
      'ho_ngheo_nha',
      'xa_ngheo',
      'ung_ho',
    ]);
    const cluster = await db.prisma.unit.findFirstOrThrow({
      where: { typeCode: 'CLUSTER', members: { some: { role: 'head' } } },
      include: { members: true },
    });
    expect(cluster.members.filter((m) => m.role === 'deputy')).toHaveLength(1);
  });

  it('materialises assignments with per-unit-type deadlines, shifted off weekends and Tết', async () => {
    const due = async (duty: string, period: string, unit: string) => {
      const a = await db.prisma.assignment.findFirstOrThrow({
        where: { duty: { code: duty }, periodCode: period, unit: { code: unit } },
      });
      return [iso(a.nominalDueDate), iso(a.dueDate)];
    };
    // 15/2 for a Sở Tư pháp, 20/2 for a cluster (2027: Monday 15 Feb, Saturday 20 Feb → Monday 22).
    expect(await due('DKTD', '2027', 'STP_HANOI')).toEqual(['2027-02-15', '2027-02-15']);
    expect(await due('DKTD', '2027', 'CUM_STP_1')).toEqual(['2027-02-20', '2027-02-22']);
    // 30/6 for a Sở Tư pháp, 5/7 for the Tổng cục (5 Jul 2026 is a Sunday).
    expect(await due('SKD1', '2026-H1', 'STP_HANOI')).toEqual(['2026-06-30', '2026-06-30']);
    expect(await due('SKD1', '2026-H1', 'TCTHADS')).toEqual(['2026-07-05', '2026-07-06']);
    // 15 Nov 2026 is a Sunday.
    expect(await due('BCNAM', '2026', 'THADS_HANOI')).toEqual(['2026-11-15', '2026-11-16']);
    // 15 Feb 2026 falls in Tết (14–22 Feb 2026).
    expect(await due('DKTD', '2026', 'STP_HANOI')).toEqual(['2026-02-15', '2026-02-23']);
    // A date the Tổng cục has not set yet: the assignment exists without a deadline.
    expect(await due('DKTD', '2027', 'THADS_HANOI')).toEqual([null, null]);
    // Vụ TĐKT receives the reports: it owes none to itself, unlike the other departments.
    const owed = (unit: string) =>
      db.prisma.assignment.count({
        where: { duty: { code: 'BC6T' }, periodCode: '2027-H1', unit: { code: unit } },
      });
    expect(await owed('VU_TDKT')).toBe(0);
    expect(await owed('VU_TCCB')).toBe(1);
  });
});
