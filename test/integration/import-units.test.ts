import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
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
});
