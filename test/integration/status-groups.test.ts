/**
 * Who is listed where, on real PostgreSQL (issue 23): the Excel status and figures sheets and the
 * completion chart list units and clusters in Vietnamese order (Â < Đ < Ư < V < Y, which code-point
 * order gets wrong), and every view groups a unit in no cluster by what it is — the clusters
 * themselves under "Cụm thi đua", a Ministry department under "Đơn vị thuộc Bộ" (the unit types'
 * own plural names) — keeping "Không thuộc cụm" for a unit whose type belongs in clusters (a Sở
 * Tư pháp: the 34 of the seed are all in one) and that is in none.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatusService } from '../../src/app/status.js';
import type { StatusReport } from '../../src/domain/status.js';
import { completionSpec } from '../../src/exports/completion-chart.js';
import { exportLabels } from '../../src/exports/export-labels.js';
import { createStatusExporter } from '../../src/exports/status-files.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { statusPages } from '../../src/messages/status-view.js';
import type { Locale } from '../../src/ports/translator.js';
import type { Database } from '../../src/storage/database.js';
import { createPrismaStatusStore } from '../../src/storage/status-store.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { makeUnit } from '../support/org.js';

// Thursday 8 July 2027, 09:00 in Hà Nội: BC6T 2027-H1 is due on 15 July, nobody has sent yet.
const clock = createFixedClock(new Date('2027-07-08T02:00:00Z'));
const timeZone = 'Asia/Ho_Chi_Minh';
const translator = createTranslator();
const tag = uniqueCode('SG');

/** Created in this order; read in Vietnamese order. */
const created = ['Yên', 'Ưng', 'Vạn', 'Âu', 'Đông'];
const vietnamese = ['Âu', 'Đông', 'Ưng', 'Vạn', 'Yên'];
const clusterName = (w: string) => `Cụm ${w} ${tag}`;
const thadsName = (w: string) => `Cục THADS ${w} ${tag}`;
const ministryName = `Vụ Thử nghiệm ${tag}`;
const strayName = `Sở Tư pháp Lẻ ${tag}`;

let db: Database;
let report: StatusReport;

beforeAll(async () => {
  db = await openTestDatabase();
  const unitIds: number[] = [];
  // Five clusters of one Cục THADS each: the clusters report too.
  for (const w of created) {
    const cluster = await db.prisma.unit.create({
      data: { code: uniqueCode('SG_CUM'), name: clusterName(w), typeCode: 'CLUSTER' },
    });
    const thads = await makeUnit(db.prisma, 'CUC_THADS', { cluster: cluster.code, name: thadsName(w) });
    unitIds.push(cluster.id, thads.id);
  }
  unitIds.push((await makeUnit(db.prisma, 'MINISTRY_DEPT', { name: ministryName })).id);
  unitIds.push((await makeUnit(db.prisma, 'SO_TU_PHAP', { name: strayName })).id);

  const service = createStatusService({
    store: createPrismaStatusStore(db.prisma),
    clock,
    timeZone,
    exporter: createStatusExporter(translator),
  });
  const r = await service.forScope({ kind: 'units', unitIds }, { dutyCode: 'BC6T', periodCode: '2027-H1' });
  if (!r.ok) throw new Error(`no report: ${r.reason}`);
  report = r.report;
});

afterAll(async () => {
  await db?.close();
});

/** Every unit of the scope in Vietnamese order: Cục before Cụm, Â … Y within each. */
const inOrder = () => [...vietnamese.map(thadsName), ...vietnamese.map(clusterName), strayName, ministryName];

async function workbook(locale: Locale): Promise<ExcelJS.Workbook> {
  const file = await createStatusExporter(translator).workbook(report, locale, {
    timeZone,
    generatedAt: clock.now(),
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.data as unknown as ArrayBuffer);
  return wb;
}

/** Column `col` of rows `from` … `from + count - 1`. */
function column(ws: ExcelJS.Worksheet, col: number, from: number, count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => ws.getRow(from + i).getCell(col).value);
}

/** The completion chart's bars, top to bottom, each label on one line. */
function chartRows(locale: Locale): string[] {
  const L = exportLabels((id, args) => translator.t(locale, id, args));
  const spec = completionSpec(report, locale, L) as unknown as { encoding: { y: { sort: string[] } } };
  return spec.encoding.y.sort.map((label) => label.replace(/\n/g, ' '));
}

describe('Vietnamese order in the files', () => {
  it('the status and figures sheets list the units Â, Đ, Ư, V, Y — not in code-point order', async () => {
    const expected = inOrder();
    // Code-point order would put Y first and Â, Đ, Ư after every plain letter.
    expect(vietnamese.map(thadsName).sort()).not.toEqual(vietnamese.map(thadsName));
    expect(report.units.map((u) => u.name)).toEqual(expected);

    const wb = await workbook('vi');
    const status = wb.getWorksheet('Tình hình')!;
    expect(column(status, 1, 3, expected.length)).toEqual(expected);
    expect(status.getRow(3 + expected.length).getCell(1).value).toBeNull();
    const figures = wb.getWorksheet('Số liệu')!;
    expect(column(figures, 1, 4, expected.length)).toEqual(expected);
  });

  it('the completion chart draws the whole scope, then the clusters Â … Y, then the groups in no cluster', () => {
    expect(chartRows('vi')).toEqual([
      'Toàn bộ (12)',
      ...vietnamese.map((w) => `${clusterName(w)} (1)`),
      'Cụm thi đua (5)',
      'Đơn vị thuộc Bộ (1)',
      'Không thuộc cụm (1)',
    ]);
    expect(chartRows('en').slice(-3)).toEqual([
      'Emulation clusters (5)',
      'Departments of the Ministry (1)',
      'No cluster (1)',
    ]);
  });
});

describe('units in no cluster, by what they are', () => {
  it('/tinhhinh lists the clusters under "Cụm thi đua", a department under "Đơn vị thuộc Bộ", a lone Sở as "Không thuộc cụm"', () => {
    const t = (id: string, args?: Record<string, string | number>) => translator.t('vi', id, args);
    const lines = statusPages(report, 'vi', t, false, timeZone).join('\n').split('\n');
    const from = lines.indexOf('Đơn vị chưa nộp đủ (12):');
    expect(from).toBeGreaterThan(0);
    expect(lines.slice(from + 1)).toEqual([
      ...vietnamese.flatMap((w) => [`${clusterName(w)} (1):`, `• ${thadsName(w)} — Chưa đến hạn`]),
      'Cụm thi đua (5):',
      ...vietnamese.map((w) => `• ${clusterName(w)} — Chưa đến hạn`),
      'Đơn vị thuộc Bộ (1):',
      `• ${ministryName} — Chưa đến hạn`,
      'Không thuộc cụm (1):',
      `• ${strayName} — Chưa đến hạn`,
    ]);

    const en = (id: string, args?: Record<string, string | number>) => translator.t('en', id, args);
    const english = statusPages(report, 'en', en, false, timeZone).join('\n');
    expect(english).toContain(`Emulation clusters (5):\n• ${clusterName('Âu')} — Not yet due`);
    expect(english).toContain(`Departments of the Ministry (1):\n• ${ministryName} — Not yet due`);
    expect(english).toContain(`No cluster (1):\n• ${strayName} — Not yet due`);
  });

  it('the workbook names the same group where a unit has no cluster', async () => {
    const groupOf = async (locale: Locale) => {
      const ws = (await workbook(locale)).worksheets[0]!;
      const rows = new Map<string, unknown>();
      ws.eachRow((row) => {
        rows.set(String(row.getCell(1).value), row.getCell(3).value);
      });
      return (name: string) => rows.get(name);
    };
    const vi = await groupOf('vi');
    expect(vi(thadsName('Ưng'))).toBe(clusterName('Ưng'));
    expect(vi(clusterName('Ưng'))).toBe('Cụm thi đua');
    expect(vi(ministryName)).toBe('Đơn vị thuộc Bộ');
    expect(vi(strayName)).toBe('Không thuộc cụm');
    const en = await groupOf('en');
    expect([en(clusterName('Âu')), en(ministryName), en(strayName)]).toEqual([
      'Emulation clusters',
      'Departments of the Ministry',
      'No cluster',
    ]);
  });
});
