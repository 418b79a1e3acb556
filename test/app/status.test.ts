import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DialogEngine } from '../../src/dialog/engine.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import type { Database } from '../../src/storage/database.js';
import { materialiseYears } from '../../src/storage/materialise-assignments.js';
import { createDialogOnPrisma } from '../../src/wiring/dialog.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { chatWith } from '../support/chat.js';
import { runCli } from '../support/cli.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';

// 20 July 2027: five days after the 6-month report (BC6T 2027-H1) was due on 15 July.
const clock = createFixedClock(new Date('2027-07-20T03:00:00Z'));
let db: Database;
let engine: DialogEngine;
const tag = uniqueCode('S');
const codes = {
  parent: `${tag}_TC`,
  c1: `${tag}_CUM1`,
  c2: `${tag}_CUM2`,
  a: `${tag}_A`,
  b: `${tag}_B`,
  c: `${tag}_C`,
  d: `${tag}_D`,
};
let managerChat: string;
let focalChat: string;

beforeAll(async () => {
  db = await openTestDatabase();
  engine = createDialogOnPrisma(db.prisma, {
    translator: createTranslator(),
    clock,
    timeZone: 'Asia/Ho_Chi_Minh',
    defaultLocale: 'vi',
    logger: createLogger('silent'),
  });
  // A Tổng cục of its own with four Cục THADS in two clusters.
  const p = await db.prisma.unit.create({
    data: { code: codes.parent, name: `Tổng cục thử ${tag}`, typeCode: 'TONG_CUC_THADS' },
  });
  const c1 = await db.prisma.unit.create({
    data: { code: codes.c1, name: `Cụm Bắc ${tag}`, typeCode: 'CLUSTER' },
  });
  const c2 = await db.prisma.unit.create({
    data: { code: codes.c2, name: `Cụm Nam ${tag}`, typeCode: 'CLUSTER' },
  });
  const mk = async (code: string, name: string, cluster: number) => {
    const u = await db.prisma.unit.create({ data: { code, name, typeCode: 'CUC_THADS', parentId: p.id } });
    await db.prisma.clusterMember.create({ data: { clusterId: cluster, unitId: u.id } });
    return u;
  };
  const a = await mk(codes.a, `Cục An ${tag}`, c1.id);
  const b = await mk(codes.b, `Cục Bình ${tag}`, c1.id);
  await mk(codes.c, `Cục Cà Mau ${tag}`, c2.id);
  await mk(codes.d, `Cục Đà Nẵng ${tag}`, c2.id);
  await materialiseYears(db.prisma, [2026, 2027]);
  const viec = await db.prisma.indicator.findUniqueOrThrow({ where: { code: 'thads_viec' } });
  const submit = async (
    unitId: number,
    state: 'on_time' | 'late',
    at: string,
    value: number,
    periodCode = '2027-H1',
  ) => {
    const asg = await db.prisma.assignment.findFirstOrThrow({
      where: { unitId, periodCode, duty: { code: 'BC6T' } },
    });
    await db.prisma.assignment.update({ where: { id: asg.id }, data: { state, submittedAt: new Date(at) } });
    await db.prisma.submissionValue.create({ data: { assignmentId: asg.id, indicatorId: viec.id, value } });
  };
  await submit(a.id, 'on_time', '2027-07-10T03:00:00Z', 85);
  await submit(b.id, 'late', '2027-07-18T03:00:00Z', 80);
  // A year earlier, the same two sent 78 % and 81 %: "cùng kỳ năm trước 79,5 %".
  await submit(a.id, 'on_time', '2026-07-10T03:00:00Z', 78, '2026-H1');
  await submit(b.id, 'on_time', '2026-07-10T03:00:00Z', 81, '2026-H1');
  managerChat = uniqueCode('mgr');
  focalChat = uniqueCode('focal');
  await db.prisma.person.create({
    data: {
      fullName: 'Lãnh đạo thử',
      identities: { create: { channel: 'web', externalId: managerChat, chatId: managerChat } },
      roles: { create: { role: 'manager', unitId: p.id } },
    },
  });
  await db.prisma.person.create({
    data: {
      fullName: 'Đầu mối thử',
      identities: { create: { channel: 'web', externalId: focalChat, chatId: focalChat } },
      roles: { create: { role: 'focal', unitId: a.id } },
    },
  });
});
afterAll(async () => {
  await db.close();
});

describe('managers ask where things stand', () => {
  it('/tinhhinh: counts, the units not complete grouped by cluster with their state, the late — within the manager’s scope only', async () => {
    const reply = await chatWith(engine, { chatId: managerChat }).say('/tinhhinh BC6T 2027-H1');
    expect(reply).toContain('6 tháng đầu năm 2027 (4 đơn vị trong phạm vi)');
    expect(reply).toContain(
      'Đúng hạn 1 · Nộp muộn 1 · Nộp một phần 0 · Chưa đến hạn 0 · Chưa nộp 2 — đã nộp đủ 2/4 (50 %)',
    );
    expect(reply).toMatch(
      new RegExp(
        `Đơn vị chưa nộp đủ \\(2\\):\\nCụm Nam ${tag} \\(2\\):\\n• Cục Cà Mau ${tag} — Chưa nộp\\n• Cục Đà Nẵng ${tag} — Chưa nộp`,
      ),
    );
    expect(reply).toMatch(new RegExp(`Nộp muộn:\\n• Cục Bình ${tag} — nộp 18/07`));
    // Nothing from outside the scope.
    expect(reply).not.toContain('Hà Nội');
  });

  it('understands a plain question', async () => {
    const reply = await chatWith(engine, { chatId: managerChat }).say(
      'đơn vị nào chưa nộp báo cáo 6 tháng năm 2027?',
    );
    expect(reply).toContain(`Cục Cà Mau ${tag}`);
    expect(reply).toContain('Chưa nộp 2');
  });

  it('a focal point gets a refusal, never data', async () => {
    const reply = await chatWith(engine, { chatId: focalChat }).say('/tinhhinh BC6T 2027-H1');
    expect(reply).toBe(
      'Chức năng này dành cho lãnh đạo, quản lý. Tài khoản của đồng chí chưa có vai trò quản lý.',
    );
  });

  it('CLI status --format json for operators (whole sector)', async () => {
    const r = await runCli(['status', '--duty', 'BC6T', '--period', '2027-H1', '--format', 'json'], {
      DATABASE_URL: inject('databaseUrl'),
      APP_NOW: '2027-07-20T10:00:00+07:00',
    });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      duty: string;
      period: string;
      units: {
        code: string;
        state: string;
        submittedAt: string | null;
        values: Record<string, number>;
        missingIndicators: string[];
      }[];
      totals: Record<string, number>;
    };
    expect(json.duty).toBe('BC6T');
    expect(json.period).toBe('2027-H1');
    const mine = Object.fromEntries(json.units.filter((u) => u.code.startsWith(tag)).map((u) => [u.code, u]));
    expect(mine[codes.a]).toMatchObject({ state: 'on_time', values: { thads_viec: 85 } });
    expect(mine[codes.b]).toMatchObject({ state: 'late', submittedAt: '2027-07-18T03:00:00.000Z' });
    expect(mine[codes.c]?.state).toBe('missing');
    expect(Object.keys(json.totals).sort()).toEqual(['late', 'missing', 'on_time', 'partial', 'pending']);
    // Nothing given: every required indicator still owed, in the report's order.
    expect(mine[codes.c]?.missingIndicators).toContain('thads_viec');
    expect(mine[codes.a]?.missingIndicators).not.toContain('thads_viec');
    expect(json.totals.missing).toBeGreaterThanOrEqual(2);
  });
});

describe('files for managers', () => {
  it('/xuat sends an .xlsx document and /bieudo a PNG chart, within scope', async () => {
    const chat = chatWith(engine, { chatId: managerChat });
    await chat.say('/xuat BC6T 2027-H1');
    const xlsx = chat.last()[0]!;
    expect(xlsx.text).toContain('Tệp Excel tình hình');
    expect(xlsx.file?.name).toBe('tinh-hinh-BC6T-6-thang-dau-nam-2027.xlsx');
    expect(Buffer.from(xlsx.file!.data).subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.file!.data) as unknown as ArrayBuffer);
    const names: string[] = [];
    wb.eachSheet((ws) => {
      names.push(ws.name);
    });
    expect(names).toEqual(['Tình hình', 'Số liệu']);
    let cells = '';
    wb.worksheets[0]!.eachRow((row) => {
      cells += `${JSON.stringify(row.values)}\n`;
    });
    expect(cells).toContain(`Cục Cà Mau ${tag}`);
    expect(cells).not.toContain('Hà Nội');

    await chat.say('/bieudo BC6T 2027-H1');
    const png = chat.last()[0]!;
    expect(png.file?.mime).toBe('image/png');
    expect(png.file?.asPhoto).toBe(true);
    expect(Buffer.from(png.file!.data).subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(png.file!.data.length).toBeGreaterThan(10_000);

    // A focal point gets the refusal, not a file.
    const focal = chatWith(engine, { chatId: focalChat });
    await focal.say('/xuat BC6T 2027-H1');
    expect(focal.last()[0]!.file).toBeUndefined();
    expect(focal.last()[0]!.text).toContain('dành cho lãnh đạo, quản lý');
  });
});

describe('targets and the drafted paragraph', () => {
  it('/chitieu shows the mean, who meets the target, best and worst, who is below', async () => {
    const reply = await chatWith(engine, { chatId: managerChat }).say('/chitieu BC6T 2027-H1');
    expect(reply).toContain('Số liệu so với chỉ tiêu — Báo cáo công tác thi đua, khen thưởng 6 tháng');
    expect(reply).toContain(
      `• Tỷ lệ thi hành xong về việc: bình quân 82,5 % · đạt chỉ tiêu 1/2 đơn vị (> 82,5 %) · cao nhất Cục An ${tag} 85 %; thấp nhất Cục Bình ${tag} 80 %`,
    );
    expect(reply).toContain(`⚠ Chưa đạt: Cục Bình ${tag} (80 %)`);
  });

  it('/tonghop drafts a paragraph whose numbers come from the stored values', async () => {
    const reply = await chatWith(engine, { chatId: managerChat }).say('/tonghop BC6T 2027-H1');
    // The target beside the figure (issue 23): a drafter pastes the comparison as it stands.
    expect(reply).toBe(
      'Đến ngày 20/07/2027, 2/4 THADS tỉnh đã gửi báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2027 (1 đúng hạn, 1 nộp muộn); tỷ lệ thi hành xong về việc bình quân 82,5 %, 1/2 đơn vị đạt chỉ tiêu (> 82,5 %), cùng kỳ năm trước 79,5 %; còn 2 đơn vị chưa gửi.',
    );
  });
});
