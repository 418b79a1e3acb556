import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { createPrismaUnitStore } from '../../src/storage/unit-store.js';
import { runCli } from '../support/cli.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';

let db: Database;
const dir = mkdtempSync(path.join(tmpdir(), 'dondoc-import-'));
const env = () => ({ DATABASE_URL: inject('databaseUrl') });

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('units:import', () => {
  it('imports a good CSV: units with parent and cluster membership, then updates by code', async () => {
    const stp = uniqueCode('STP');
    const cum = uniqueCode('CUM');
    const file = path.join(dir, 'good.csv');
    writeFileSync(
      file,
      `\uFEFFcode,name,type,parent,cluster\n${stp},"Sở Tư pháp Thử nghiệm, tỉnh A",SO_TU_PHAP,,${cum}\n${cum},Cụm thi đua thử,CLUSTER,,\n`,
    );
    const r = await runCli(['units:import', file], env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã nhập 2 đơn vị (2 mới, 0 cập nhật) từ ${file}.`);
    const unit = await db.prisma.unit.findUniqueOrThrow({
      where: { code: stp },
      include: { memberships: { include: { cluster: true } } },
    });
    expect(unit.name).toBe('Sở Tư pháp Thử nghiệm, tỉnh A');
    expect(unit.typeCode).toBe('SO_TU_PHAP');
    expect(unit.memberships.map((m) => m.cluster.code)).toEqual([cum]);

    writeFileSync(file, `code,name,type,parent,cluster\n${stp},Sở Tư pháp Đổi tên,SO_TU_PHAP,,\n`);
    const again = await runCli(['units:import', file, '--lang', 'en'], env());
    expect(again.stdout).toContain('Imported 1 unit (0 new, 1 updated)');
    expect((await db.prisma.unit.findUniqueOrThrow({ where: { code: stp } })).name).toBe(
      'Sở Tư pháp Đổi tên',
    );
  });

  it('imports an XLSX file with the same columns', async () => {
    const thads = uniqueCode('THADS');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow(['code', 'name', 'type', 'parent', 'cluster']);
    ws.addRow([thads, 'Cục THADS thử nghiệm', 'CUC_THADS', 'TCTHADS', 'CUM_THADS_1']);
    const file = path.join(dir, 'good.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await runCli(['units:import', file], env());
    expect(r.code).toBe(0);
    const unit = await db.prisma.unit.findUniqueOrThrow({
      where: { code: thads },
      include: { parent: true, memberships: { include: { cluster: true } } },
    });
    expect(unit.parent?.code).toBe('TCTHADS');
    expect(unit.memberships.map((m) => m.cluster.code)).toEqual(['CUM_THADS_1']);
  });

  it('a bad row is reported with its line number and nothing of the file is written', async () => {
    const good1 = uniqueCode('STP');
    const good2 = uniqueCode('STP');
    const file = path.join(dir, 'bad.csv');
    writeFileSync(
      file,
      [
        'code,name,type,parent,cluster',
        `${good1},Sở Tư pháp tốt 1,SO_TU_PHAP,,`,
        `${good2},Sở Tư pháp tốt 2,SO_TU_PHAP,,`,
        'XA_1,Ủy ban xã,PHUONG_XA,,',
        '',
      ].join('\n'),
    );
    const r = await runCli(['units:import', file], env());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Không nhập tệp ${file}: có 1 lỗi, chưa ghi dòng nào.`);
    expect(r.stderr).toContain('Dòng 4: loại đơn vị "PHUONG_XA" không tồn tại');
    // Nothing of the file: not the good rows either. (A global count would race with the other
    // test files creating units in the same database.)
    expect(await db.prisma.unit.count({ where: { code: { in: [good1, good2, 'XA_1'] } } })).toBe(0);
  });

  it('renames in bulk: an existing code with a new name, the old name kept until the day before', {
    timeout: 90_000,
  }, async () => {
    const [a, b, c] = [uniqueCode('THADS'), uniqueCode('THADS'), uniqueCode('THADS')];
    const file = path.join(dir, 'rename.csv');
    const csv = (rows: string[]) => `code,name,type,parent,cluster\n${rows.join('\n')}\n`;
    writeFileSync(
      file,
      csv([
        `${a},Cục Thi hành án dân sự tỉnh Thử A,CUC_THADS,TCTHADS,`,
        `${b},Cục Thi hành án dân sự tỉnh Thử B,CUC_THADS,TCTHADS,`,
        `${c},Thi hành án dân sự tỉnh Thử C,CUC_THADS,TCTHADS,`,
      ]),
    );
    const march = { ...env(), APP_NOW: '2027-03-05T09:00:00+07:00' };
    expect((await runCli(['units:import', file], march)).code).toBe(0);

    writeFileSync(
      file,
      csv([
        `${a},Thi hành án dân sự tỉnh Thử A,CUC_THADS,TCTHADS,`,
        `${b},Thi hành án dân sự tỉnh Thử B,CUC_THADS,TCTHADS,`,
        `${c},Thi hành án dân sự tỉnh Thử C,CUC_THADS,TCTHADS,`,
      ]),
    );
    const r = await runCli(['units:import', file], march);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã nhập 3 đơn vị (0 mới, 3 cập nhật) từ ${file}.`);
    expect(r.stdout).toContain(
      'Đã đổi tên 2 đơn vị; tên cũ được giữ trong lịch sử của đơn vị (dùng đến hết ngày 04/03/2027).',
    );

    // A second rename later: the history keeps both names, each with its days.
    writeFileSync(file, csv([`${a},THADS tỉnh Thử A (mới),CUC_THADS,TCTHADS,`]));
    const april = await runCli(['units:import', file, '--lang', 'en'], {
      ...env(),
      APP_NOW: '2027-04-10T09:00:00+07:00',
    });
    expect(april.stdout).toContain(
      "Renamed 1 unit; the old names are kept in the units' history (in use until 09/04/2027).",
    );

    const list = await runCli(['units:list', '--format', 'json'], env());
    const units = JSON.parse(list.stdout) as {
      code: string;
      name: string;
      formerNames: { name: string; validFrom: string | null; validTo: string; source: string }[];
    }[];
    const byCode = (code: string) => units.find((u) => u.code === code)!;
    expect(byCode(a).name).toBe('THADS tỉnh Thử A (mới)');
    expect(byCode(a).formerNames).toEqual([
      {
        name: 'Cục Thi hành án dân sự tỉnh Thử A',
        validFrom: null,
        validTo: '2027-03-04',
        source: 'units:import',
      },
      {
        name: 'Thi hành án dân sự tỉnh Thử A',
        validFrom: '2027-03-05',
        validTo: '2027-04-09',
        source: 'units:import',
      },
    ]);
    expect(byCode(b).formerNames.map((f) => f.name)).toEqual(['Cục Thi hành án dân sự tỉnh Thử B']);
    expect(byCode(c).formerNames).toEqual([]);

    const store = createPrismaUnitStore(db.prisma);
    const id = (await db.prisma.unit.findUniqueOrThrow({ where: { code: a } })).id;
    expect(await store.nameOn(id, '2027-03-04')).toBe('Cục Thi hành án dân sự tỉnh Thử A');
    expect(await store.nameOn(id, '2027-03-05')).toBe('Thi hành án dân sự tỉnh Thử A');
    expect(await store.nameOn(id, '2027-04-10')).toBe('THADS tỉnh Thử A (mới)');
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'units.import', data: { path: ['renamed'], array_contains: [b] } },
    });
    expect(audit.data).toMatchObject({ created: 0, updated: 3, renamed: [a, b] });
  });

  it('takes effect at once: the new units get their reports in the same import, and status lists them straight after', {
    timeout: 90_000,
  }, async () => {
    const [stp, thads] = [uniqueCode('STP'), uniqueCode('THADS')];
    const file = path.join(dir, 'new-units.csv');
    writeFileSync(
      file,
      [
        'code,name,type,parent,cluster',
        `${stp},Sở Tư pháp Mới Nhập,SO_TU_PHAP,,CUM_STP_1`,
        `${thads},Thi hành án dân sự tỉnh Mới Nhập,CUC_THADS,TCTHADS,`,
        '',
      ].join('\n'),
    );
    // 1 December 2026: the current and next year are 2026 and 2027. No service is running.
    const december = { ...env(), APP_NOW: '2026-12-01T09:00:00+07:00' };
    const r = await runCli(['units:import', file], december);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Đã tạo \d+ nhiệm vụ báo cáo các năm 2026, 2027 cho các đơn vị vừa nhập \(BC6T: \d+, BCNAM: \d+, DKTD: \d+, SKD1: \d+\); lệnh status và lời nhắc có ngay các đơn vị này\./,
    );
    const ours = await db.prisma.assignment.findMany({
      where: { unit: { code: { in: [stp, thads] } }, duty: { code: 'BC6T' } },
      select: { periodCode: true, unit: { select: { code: true } } },
    });
    expect(ours.map((a) => `${a.unit.code} ${a.periodCode}`).sort()).toEqual(
      [`${stp} 2026-H1`, `${stp} 2027-H1`, `${thads} 2026-H1`, `${thads} 2027-H1`].sort(),
    );

    const json = await runCli(
      ['status', '--duty', 'BC6T', '--period', '2027-H1', '--format', 'json'],
      december,
    );
    expect(json.code).toBe(0);
    const units = (JSON.parse(json.stdout) as { units: { code: string; name: string; state: string }[] })
      .units;
    expect(
      units.filter((u) => u.code === stp || u.code === thads).sort((a, b) => a.code.localeCompare(b.code)),
    ).toEqual(
      [
        { code: stp, name: 'Sở Tư pháp Mới Nhập', state: 'pending' },
        { code: thads, name: 'Thi hành án dân sự tỉnh Mới Nhập', state: 'pending' },
      ]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((u) => expect.objectContaining(u)),
    );

    // The text is one listing, not chat pages: the title once, however many units follow.
    const text = await runCli(['status', '--duty', 'BC6T', '--period', '2027-H1'], december);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(40);
    expect(lines.filter((l) => l === lines[0])).toHaveLength(1);
    expect(lines.some((l) => l.includes('Sở Tư pháp Mới Nhập'))).toBe(true);
    expect(lines.some((l) => l.includes('Thi hành án dân sự tỉnh Mới Nhập'))).toBe(true);
  });

  it('refuses a file of another kind politely', async () => {
    const file = path.join(dir, 'units.txt');
    writeFileSync(file, 'code,name,type\n');
    const r = await runCli(['units:import', file], env());
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Chỉ nhận tệp .csv hoặc .xlsx.');
  });
});

describe('units:list', () => {
  it('lists the seeded organisation as JSON', async () => {
    const r = await runCli(['units:list', '--format', 'json'], env());
    expect(r.code).toBe(0);
    const units = JSON.parse(r.stdout) as { code: string; type: string; parent: string | null }[];
    expect(units.find((u) => u.code === 'VU_TDKT')?.type).toBe('MINISTRY_DEPT');
    expect(units.filter((u) => u.type === 'SO_TU_PHAP').length).toBeGreaterThanOrEqual(34);
    expect(units.find((u) => u.code === 'THADS_HANOI')?.parent).toBe('TCTHADS');
  });

  it('lists each unit with its former names (the names until 1 July 2025)', async () => {
    const r = await runCli(['units:list', '--format', 'json'], env());
    const units = JSON.parse(r.stdout) as { code: string; name: string; formerNames: unknown[] }[];
    expect(units.find((u) => u.code === 'THADS_BACNINH')).toMatchObject({
      name: 'Thi hành án dân sự tỉnh Bắc Ninh',
      formerNames: [
        {
          name: 'Cục Thi hành án dân sự Bắc Ninh',
          validFrom: null,
          validTo: '2025-06-30',
          source: 'QĐ 1898/QĐ-BTP',
        },
      ],
    });
    expect(units.find((u) => u.code === 'VU_TDKT')?.formerNames).toEqual([]);
  });
});
