/**
 * Operators' commands for targets and deadlines on the real PostgreSQL database, called as the
 * command line calls them (a CommandContext, parsed values and positionals).
 *
 * Other test files share the database in parallel: targets use years nobody else uses
 * (2031–2033); deadlines change the SKD1 rule of clusters, which no other test reads, on fresh
 * clusters created here (and seeded ones), and put it back at the end. No unit type or
 * deadline rule is created, so the seed test's row counts hold.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Command, CommandContext } from '../../src/cli/commands.js';
import { operatorCommands } from '../../src/cli/operator-commands.js';
import { parseConfig } from '../../src/config/config.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import type { Locale } from '../../src/ports/translator.js';
import type { Database } from '../../src/storage/database.js';
import { materialiseYears } from '../../src/storage/materialise-assignments.js';
import { defaultSeed } from '../../src/storage/seed/default-seed.js';
import { seedDatabase } from '../../src/storage/seed/seed-database.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';

let db: Database;
const dir = mkdtempSync(path.join(tmpdir(), 'dondoc-operators-'));
const i18n = createTranslator();
// 1 December 2026 in Hà Nội: "the current and next year" are 2026 and 2027, as everywhere else.
const clock = createFixedClock(new Date('2026-12-01T09:00:00+07:00'));

/** Runs one operator command as `npm run cli -- <name> …` would, collecting its output. */
async function run(
  name: string,
  values: Record<string, string | boolean | undefined> = {},
  positionals: string[] = [],
  locale: Locale = 'vi',
) {
  const parsed = parseConfig({ DATABASE_URL: inject('databaseUrl') });
  if (!parsed.ok) throw new Error(parsed.error);
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CommandContext = {
    config: parsed.config,
    clock,
    locale,
    t: (id, args) => i18n.t(locale, id, args),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  const command = asCliCommands[name];
  if (!command) throw new Error(`no command ${name}`);
  const code = await command.run(ctx, values, positionals);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

// Compile-time check: the operator commands fit the command table of src/cli/commands.ts.
const asCliCommands: Record<string, Command> = operatorCommands;

const iso = (d: Date | null | undefined) => d?.toISOString().slice(0, 10) ?? null;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('targets:import', () => {
  it('imports a good CSV (82,5 and 82.5 alike) as the operator’s rows, with one audit row', async () => {
    const file = path.join(dir, 'chi-tieu-2031.csv');
    writeFileSync(
      file,
      [
        '\uFEFFindicator,year,scope,kind,min,max,inclusive,note',
        'thads_viec,2031,CUC_THADS,floor,"82,5",,không,Tổng cục THADS giao năm 2031',
        'thads_tien,2031,CUC_THADS,floor,45.5,,false,',
        'thads_giam_viec,2031,CUC_THADS,range,8,10,,',
        'khai_sinh_chua,2031,SO_TU_PHAP,ceiling,,0,,',
        'ho_ngheo_nha,2031,CUC_THADS,sum,15,,,Toàn hệ thống',
        'vbqppl,2031,ALL,floor,100,,,',
        'hoa_giai_thanh,2031,cum_stp_1,floor,"85,5",,,',
        'thads_viec,2031,THADS_HANOI,floor,90,,,',
        '',
      ].join('\n'),
    );
    const r = await run('targets:import', {}, [file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Đã nhập 8 mức chỉ tiêu (8 mới, 0 cập nhật) từ ${file}.`);

    const rows = await db.prisma.target.findMany({ where: { year: 2031 }, include: { indicator: true } });
    expect(rows).toHaveLength(8);
    expect(rows.every((t) => t.updatedBy === 'cli')).toBe(true);
    const viec = rows.find((t) => t.indicator.code === 'thads_viec' && t.scope === 'CUC_THADS')!;
    expect([viec.kind, Number(viec.minValue), viec.maxValue, viec.inclusive, viec.note]).toEqual([
      'floor',
      82.5,
      null,
      false,
      'Tổng cục THADS giao năm 2031',
    ]);
    const range = rows.find((t) => t.indicator.code === 'thads_giam_viec')!;
    expect([range.kind, Number(range.minValue), Number(range.maxValue)]).toEqual(['range', 8, 10]);
    expect(rows.find((t) => t.indicator.code === 'hoa_giai_thanh')?.scope).toBe('CUM_STP_1');
    expect(Number(rows.find((t) => t.indicator.code === 'thads_tien')?.minValue)).toBe(45.5);

    const audit = await db.prisma.auditLog.findMany({
      where: { action: 'targets.import', data: { path: ['source'], equals: file } },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('cli');
    expect(audit[0]!.entity).toBe('Target');
    expect(audit[0]!.data).toMatchObject({ created: 8, updated: 0 });
    expect((audit[0]!.data as { changes: unknown[] }).changes).toContainEqual({
      indicator: 'thads_viec',
      year: 2031,
      scope: 'CUC_THADS',
      before: null,
      after: { kind: 'floor', min: 82.5, max: null, inclusive: false },
    });
  });

  it('updates by (indicator, year, scope), and a later seeding leaves the operator’s row alone', async () => {
    const file = path.join(dir, 'sua-2031.csv');
    writeFileSync(file, 'indicator,year,scope,kind,min,max\nthads_viec,2031,CUC_THADS,floor,83,\n');
    const r = await run('targets:import', {}, [file], 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Imported 1 target (0 new, 1 updated) from ${file}.`);
    const where = { indicator: { code: 'thads_viec' }, year: 2031, scope: 'CUC_THADS' };
    const row = await db.prisma.target.findFirstOrThrow({ where });
    expect([Number(row.minValue), row.inclusive, row.note, row.updatedBy]).toEqual([83, true, null, 'cli']);
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'targets.import', data: { path: ['source'], equals: file } },
    });
    expect(audit.data).toMatchObject({
      created: 0,
      updated: 1,
      changes: [
        { before: { kind: 'floor', min: 82.5, inclusive: false }, after: { min: 83, inclusive: true } },
      ],
    });

    // The seed names the same target with another value: it must not overwrite the operator's.
    await seedDatabase(db.prisma, {
      unitTypes: [],
      units: [],
      clusters: [],
      movements: [],
      indicators: defaultSeed.indicators,
      duties: [],
      targets: [{ indicator: 'thads_viec', year: 2031, scope: 'CUC_THADS', kind: 'floor', min: 1 }],
      holidays: [],
    });
    const after = await db.prisma.target.findFirstOrThrow({ where });
    expect([Number(after.minValue), after.updatedBy]).toEqual([83, 'cli']);
  });

  it('imports an XLSX file with the same columns (numbers as numbers or text)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Chỉ tiêu');
    ws.addRow(['indicator', 'year', 'scope', 'kind', 'min', 'max', 'inclusive', 'note']);
    ws.addRow(['thads_viec', 2032, 'CUC_THADS', 'floor', 84.25, null, 'không', 'Chỉ tiêu năm 2032']);
    ws.addRow(['thads_giam_tien', 2032, 'CUC_THADS', 'range', '6,5', 8, null, null]);
    ws.addRow(['ho_ngheo_nha', '2032', 'ALL', 'sum', 20, null, null, null]);
    const file = path.join(dir, 'chi-tieu-2032.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await run('targets:import', {}, [file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = await db.prisma.target.findMany({ where: { year: 2032 }, include: { indicator: true } });
    const byCode = new Map(rows.map((t) => [t.indicator.code, t]));
    expect(rows).toHaveLength(3);
    expect(Number(byCode.get('thads_viec')?.minValue)).toBe(84.25);
    expect(byCode.get('thads_viec')?.inclusive).toBe(false);
    expect([
      Number(byCode.get('thads_giam_tien')?.minValue),
      Number(byCode.get('thads_giam_tien')?.maxValue),
    ]).toEqual([6.5, 8]);
    expect(byCode.get('ho_ngheo_nha')?.kind).toBe('sum');
    expect(rows.every((t) => t.updatedBy === 'cli')).toBe(true);
    expect(
      await db.prisma.auditLog.count({
        where: { action: 'targets.import', data: { path: ['source'], equals: file } },
      }),
    ).toBe(1);
  });

  it('a bad row refuses the whole file: every error by line, nothing written', async () => {
    const file = path.join(dir, 'sai-2033.csv');
    writeFileSync(
      file,
      [
        'indicator,year,scope,kind,min,max',
        'thads_viec,2033,CUC_THADS,floor,"82,5",',
        'thads_tien,2033,CUC_THADS,floor,45,',
        'thads_xyz,2033,CUC_THADS,floor,1,',
        'thads_giam_viec,2033,CUC_THADS,range,10,8',
        'thads_viec,2033,CUC_THADS,floor,120,',
        '',
      ].join('\n'),
    );
    const audits = await db.prisma.auditLog.count({ where: { action: 'targets.import' } });
    const r = await run('targets:import', {}, [file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      `Không nhập tệp ${file}: có 4 lỗi, chưa ghi dòng nào.`,
      'Dòng 4: chỉ tiêu "thads_xyz" không tồn tại (dùng mã chỉ tiêu, ví dụ thads_viec, hoa_giai_thanh)',
      'Dòng 5: min (10) lớn hơn max (8)',
      'Dòng 6: cột min: 120 nằm ngoài giới hạn của chỉ tiêu (từ 0 đến 100)',
      'Dòng 6: chỉ tiêu thads_viec năm 2033 cho phạm vi CUC_THADS đã có ở dòng 2',
    ]);
    expect(await db.prisma.target.count({ where: { year: 2033 } })).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: 'targets.import' } })).toBe(audits);
  });

  it('refuses a missing file argument, another kind of file, an unreadable one', async () => {
    expect((await run('targets:import')).code).toBe(2);
    const txt = path.join(dir, 'chi-tieu.txt');
    writeFileSync(txt, 'indicator,year\n');
    const r = await run('targets:import', {}, [txt]);
    expect([r.code, r.stderr]).toEqual([1, 'Chỉ nhận tệp .csv hoặc .xlsx.']);
    const gone = await run('targets:import', {}, [path.join(dir, 'khong-co.csv')]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('Không đọc được tệp');
  });
});

describe('targets:list', () => {
  it('lists one year as JSON and as text', async () => {
    const r = await run('targets:list', { year: '2032', format: 'json' });
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { indicator: string; year: number; scope: string; min: number }[];
    expect(rows.map((t) => [t.indicator, t.year, t.scope, t.min])).toEqual([
      ['ho_ngheo_nha', 2032, 'ALL', 20],
      ['thads_giam_tien', 2032, 'CUC_THADS', 6.5],
      ['thads_viec', 2032, 'CUC_THADS', 84.25],
    ]);
    expect(rows[0]).toMatchObject({ kind: 'sum', max: null, inclusive: true, updatedBy: 'cli' });

    const text = await run('targets:list', { year: '2032' });
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe('Năm | Chỉ tiêu | Phạm vi | Mức yêu cầu | Ghi chú | Người cập nhật');
    expect(lines.find((l) => l.includes('(thads_viec)'))).toMatch(
      /^2032 \| .+ \(thads_viec\) \| CUC_THADS \| trên 84,25 % \| Chỉ tiêu năm 2032 \| cli$/,
    );
    expect(text.stdout).toContain('| ALL | tổng cộng từ 20 trở lên |');
    expect(text.stdout).toContain('| CUC_THADS | từ 6,5 % đến 8 % |');
    expect(lines.at(-1)).toBe('3 mức chỉ tiêu.');
  });

  it('says so when a year has no targets, and refuses a bad year or format', async () => {
    expect((await run('targets:list', { year: '2099' })).stdout).toBe(
      'Chưa có mức chỉ tiêu nào cho năm 2099.',
    );
    const bad = await run('targets:list', { year: '27' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Năm "27" không hợp lệ');
    expect((await run('targets:list', { format: 'xml' })).code).toBe(2);
  });
});

describe('duties:set-deadline and duties:list', () => {
  const rule = () =>
    db.prisma.deadlineRule.findFirstOrThrow({ where: { duty: { code: 'SKD1' }, unitTypeCode: 'CLUSTER' } });
  const due = async (unitId: number, period: string) => {
    const a = await db.prisma.assignment.findFirstOrThrow({
      where: { unitId, periodCode: period, duty: { code: 'SKD1' } },
    });
    return [iso(a.nominalDueDate), iso(a.dueDate), a.state];
  };
  const deadlineAudits = () => db.prisma.auditLog.count({ where: { action: 'duty.deadline' } });

  it('sets the deadline of a duty for a unit type, re-dates pending assignments, records who and when', async () => {
    // Two fresh clusters with their SKD1 assignments; one has already reported for 2027-H1.
    const [pending, reported] = await Promise.all(
      ['CUM_OP', 'CUM_OP'].map((p, i) =>
        db.prisma.unit.create({
          data: { code: uniqueCode(p), name: `Cụm thi đua thử ${i}`, typeCode: 'CLUSTER' },
        }),
      ),
    );
    await materialiseYears(db.prisma, [2026, 2027]);
    expect(await due(pending!.id, '2027-H1')).toEqual(['2027-07-05', '2027-07-05', 'pending']);
    await db.prisma.assignment.updateMany({
      where: { unitId: reported!.id, periodCode: '2027-H1', duty: { code: 'SKD1' } },
      data: { state: 'on_time', submittedAt: new Date('2027-06-20T03:00:00Z') },
    });
    const before = await rule();
    expect([before.day, before.month]).toEqual([5, 7]);
    const seeded = await db.prisma.unit.findUniqueOrThrow({ where: { code: 'CUM_STP_1' } });

    try {
      // 13 March 2027 is a Saturday: the deadline in force is Monday 15 March.
      const r = await run('duties:set-deadline', { duty: 'skd1', 'unit-type': 'cluster', date: '13/03' });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe(
        'Đã đặt hạn nộp báo cáo SKD1 cho CLUSTER: 13/03 (trước đây: 05/07).',
      );
      expect(r.stdout).toMatch(/Đã cập nhật hạn của \d+ nhiệm vụ báo cáo chưa nộp các năm 2026, 2027\./);

      const after = await rule();
      expect([after.day, after.month, after.applies, after.updatedBy]).toEqual([13, 3, true, 'cli']);
      expect(await due(pending!.id, '2027-H1')).toEqual(['2027-03-13', '2027-03-15', 'pending']);
      expect(await due(pending!.id, '2026-H1')).toEqual(['2026-03-13', '2026-03-13', 'pending']);
      expect((await due(seeded.id, '2027-H1')).slice(0, 2)).toEqual(['2027-03-13', '2027-03-15']);
      // A submitted assignment keeps the deadline it was judged against.
      expect(await due(reported!.id, '2027-H1')).toEqual(['2027-07-05', '2027-07-05', 'on_time']);
      // Other unit types keep theirs.
      const stp = await db.prisma.unit.findUniqueOrThrow({ where: { code: 'STP_HANOI' } });
      expect((await due(stp.id, '2027-H1')).slice(0, 2)).toEqual(['2027-06-30', '2027-06-30']);

      const audit = await db.prisma.auditLog.findFirstOrThrow({
        where: { action: 'duty.deadline', entity: 'Duty:SKD1' },
        orderBy: { id: 'desc' },
      });
      expect(audit.actor).toBe('cli');
      expect(audit.data).toEqual({ unitType: 'CLUSTER', from: '05/07', to: '13/03', newRule: false });

      const list = await run('duties:list', { format: 'json' });
      expect(list.code).toBe(0);
      const duties = JSON.parse(list.stdout) as {
        code: string;
        periodPattern: string;
        reminderStages: number[];
        deadlines: { unitType: string; applies: boolean; date: string | null; updatedBy: string }[];
      }[];
      expect(duties.map((d) => d.code)).toEqual(['BC6T', 'BCNAM', 'DKTD', 'SKD1']);
      const skd1 = duties.find((d) => d.code === 'SKD1')!;
      expect(skd1.periodPattern).toBe('YYYY-H1');
      expect(skd1.reminderStages).toEqual([-7, -3, -1, 0, 1, 3]);
      expect(skd1.deadlines.map((x) => [x.unitType, x.applies, x.date])).toEqual([
        ['*', true, '30/06'],
        ['CLUSTER', true, '13/03'],
        ['CUC_THADS', false, null],
        ['TONG_CUC_THADS', true, '05/07'],
      ]);
      expect(skd1.deadlines[1]?.updatedBy).toBe('cli');
      const dktd = duties.find((d) => d.code === 'DKTD')!;
      expect(dktd.deadlines.find((x) => x.unitType === 'CUC_THADS')?.date).toBeNull();

      const text = await run('duties:list');
      expect(text.stdout).toContain(
        'SKD1 — Báo cáo sơ kết đợt thi đua thứ nhất: hằng năm, kỳ YYYY-H1, nhắc vào các mốc -7, -3, -1, 0, +1, +3 ngày so với hạn',
      );
      expect(text.stdout).toContain('  • CLUSTER: 13/03 (cập nhật bởi cli)');
      expect(text.stdout).toContain('  • CUC_THADS: không áp dụng (cập nhật bởi seed)');
      expect(text.stdout).toContain('  • CUC_THADS: chưa ấn định (cập nhật bởi seed)');
      expect(text.stdout).toContain('  • mặc định (các loại đơn vị khác): 15/02 (cập nhật bởi seed)');
    } finally {
      // Put the clusters' SKD1 deadline back as the seed has it, even when an assertion failed.
      await run('duties:set-deadline', { duty: 'SKD1', 'unit-type': 'CLUSTER', date: '05/07' });
    }
    // Back to 5 July (a Monday in 2027).
    expect([(await rule()).day, (await rule()).month]).toEqual([5, 7]);
    expect(await due(pending!.id, '2027-H1')).toEqual(['2027-07-05', '2027-07-05', 'pending']);
    expect((await due(seeded.id, '2027-H1')).slice(0, 2)).toEqual(['2027-07-05', '2027-07-05']);
  });

  it.each<[string, Record<string, string>, number, string]>([
    ['31/02', { duty: 'SKD1', 'unit-type': 'CLUSTER', date: '31/02' }, 2, 'Không có ngày "31/02" trong năm'],
    ['31/04', { duty: 'SKD1', 'unit-type': 'CLUSTER', date: '31/04' }, 2, 'Không có ngày "31/04" trong năm'],
    [
      'a full date',
      { duty: 'SKD1', 'unit-type': 'CLUSTER', date: '05/07/2027' },
      2,
      'Ngày "05/07/2027" không hợp lệ: dùng dạng ngày/tháng',
    ],
    ['no date', { duty: 'SKD1', 'unit-type': 'CLUSTER' }, 2, 'Thiếu --duty <code> --date <dd/mm|none>.'],
    [
      'an unknown duty',
      { duty: 'BC9T', date: '05/07' },
      1,
      'Không có loại báo cáo mã "BC9T". Các mã hiện có: BC6T, BCNAM, DKTD, SKD1.',
    ],
    [
      'an unknown unit type',
      { duty: 'SKD1', 'unit-type': 'PHUONG_XA', date: '05/07' },
      1,
      'Không có loại đơn vị "PHUONG_XA". Các loại hiện có: CLUSTER,',
    ],
    [
      'a unit type that does not carry the duty',
      { duty: 'SKD1', 'unit-type': 'CUC_THADS', date: '05/07' },
      1,
      'Đơn vị loại CUC_THADS không phải gửi báo cáo SKD1, nên không đặt hạn.',
    ],
  ])('refuses %s and changes nothing', async (_name, values, code, message) => {
    const audits = await deadlineAudits();
    const rules = await db.prisma.deadlineRule.findMany({
      where: { duty: { code: 'SKD1' } },
      orderBy: { id: 'asc' },
    });
    const r = await run('duties:set-deadline', values);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(await deadlineAudits()).toBe(audits);
    expect(
      await db.prisma.deadlineRule.findMany({ where: { duty: { code: 'SKD1' } }, orderBy: { id: 'asc' } }),
    ).toEqual(rules);
  });
});

describe('duties:set-reminders', () => {
  // BCNAM: no other test file plans its reminders. Its stages change only inside one test and
  // are put back in `finally`, since other files plan reminders with the seeded stages.
  const SEEDED = [-7, -3, -1, 0, 1, 3];
  const stagesOf = async (code: string) =>
    (await db.prisma.duty.findUniqueOrThrow({ where: { code }, select: { reminderStages: true } }))
      .reminderStages;
  const allStages = () =>
    db.prisma.duty.findMany({ select: { code: true, reminderStages: true }, orderBy: { code: 'asc' } });
  const reminderAudits = () => db.prisma.auditLog.count({ where: { action: 'duty.reminders' } });

  it('sets a duty’s stages, shows them in duties:list, records who and when, and restores the default', async () => {
    expect(await stagesOf('BCNAM')).toEqual(SEEDED);
    try {
      const r = await run('duties:set-reminders', { duty: 'bcnam', stages: 'T+3 -14, -7 0 T-14' });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(
        'Đã đặt các mốc nhắc của báo cáo BCNAM: -14, -7, 0, +3 ngày so với hạn (trước đây: -7, -3, -1, 0, +1, +3).',
      );
      expect(await stagesOf('BCNAM')).toEqual([-14, -7, 0, 3]);
      // The other duties keep theirs.
      expect(await stagesOf('BC6T')).toEqual(SEEDED);

      const list = await run('duties:list', { format: 'json' });
      const duties = JSON.parse(list.stdout) as { code: string; reminderStages: number[] }[];
      expect(duties.find((d) => d.code === 'BCNAM')?.reminderStages).toEqual([-14, -7, 0, 3]);
      const text = await run('duties:list');
      expect(text.stdout).toMatch(/^BCNAM — .*nhắc vào các mốc -14, -7, 0, \+3 ngày so với hạn$/m);

      const audit = await db.prisma.auditLog.findFirstOrThrow({
        where: { action: 'duty.reminders', entity: 'Duty:BCNAM' },
        orderBy: { id: 'desc' },
      });
      expect(audit.actor).toBe('cli');
      expect(audit.data).toEqual({ from: SEEDED, to: [-14, -7, 0, 3] });
      expect(audit.createdAt).toEqual(clock.now());

      const en = await run('duties:set-reminders', { duty: 'BCNAM', stages: '-7' }, [], 'en');
      expect(en.stdout).toBe(
        'Reminder stages of BCNAM set to: -7 (in days from the deadline; before: -14, -7, 0, +3).',
      );

      const back = await run('duties:set-reminders', { duty: 'BCNAM', stages: 'default' });
      expect(back.code).toBe(0);
      expect(back.stdout).toBe(
        'Đã đặt các mốc nhắc của báo cáo BCNAM: -7, -3, -1, 0, +1, +3 ngày so với hạn (trước đây: -7).',
      );
      expect(await stagesOf('BCNAM')).toEqual(SEEDED);
      const trail = await db.prisma.auditLog.findMany({
        where: { action: 'duty.reminders', entity: 'Duty:BCNAM', id: { gte: audit.id } },
        orderBy: { id: 'asc' },
      });
      expect(trail.map((a) => a.data)).toEqual([
        { from: SEEDED, to: [-14, -7, 0, 3] },
        { from: [-14, -7, 0, 3], to: [-7] },
        { from: [-7], to: SEEDED },
      ]);
    } finally {
      // Put the seeded stages back even when an assertion failed.
      await db.prisma.duty.update({ where: { code: 'BCNAM' }, data: { reminderStages: SEEDED } });
    }
  });

  it.each<[string, Record<string, string>, number, string, Locale?]>([
    [
      'an empty list',
      { duty: 'BCNAM', stages: ' , ' },
      2,
      'Chưa có mốc nhắc nào: đề nghị ghi số ngày so với hạn',
    ],
    [
      'a stage that is not a whole number of days',
      { duty: 'BCNAM', stages: '-7, 1.5' },
      2,
      'Mốc nhắc "1.5" không hợp lệ: mỗi mốc là một số ngày (số nguyên) so với hạn',
    ],
    [
      'a stage beyond the planning horizon',
      { duty: 'BCNAM', stages: '-60,-7,0' },
      2,
      'Mốc nhắc "-60" cách hạn quá xa: hệ thống chỉ nhắc trong vòng 45 ngày trước hoặc sau hạn',
    ],
    [
      'a stage beyond the planning horizon (in English)',
      { duty: 'BCNAM', stages: 'T+50' },
      2,
      'Reminder stage "T+50" is too far from the deadline: reminders are only planned up to 45 days',
      'en',
    ],
    ['no stages', { duty: 'BCNAM' }, 2, 'Thiếu --duty <code> --stages=<list|default>.'],
    ['no duty', { stages: 'default' }, 2, 'Thiếu --duty <code> --stages=<list|default>.'],
    [
      'an unknown duty',
      { duty: 'BC9T', stages: '-7' },
      1,
      'Không có loại báo cáo mã "BC9T". Các mã hiện có: BC6T, BCNAM, DKTD, SKD1.',
    ],
  ])('refuses %s and changes nothing', async (_name, values, code, message, locale = 'vi') => {
    const audits = await reminderAudits();
    const before = await allStages();
    const r = await run('duties:set-reminders', values, [], locale);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(await reminderAudits()).toBe(audits);
    expect(await allStages()).toEqual(before);
  });
});
