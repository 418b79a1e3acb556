/**
 * Issue 23, "partial" end to end on PostgreSQL: figures stored through the real submission
 * store (as the dialog stores them) make a unit `partial` — in the CLI's JSON, the report the
 * chat answers are written from, the Excel sheet and the chart's data — until the report is
 * complete, when it is `on_time` or `late`. Only the signed document, or a figure declared
 * "không có số liệu", is partial too.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStatusService } from '../../src/app/status.js';
import type { StatusReport } from '../../src/domain/status.js';
import { completionSpec } from '../../src/exports/completion-chart.js';
import { exportLabels } from '../../src/exports/export-labels.js';
import { createStatusExporter } from '../../src/exports/status-files.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { statusPages, summaryParagraph } from '../../src/messages/status-view.js';
import type { SubmissionStore } from '../../src/ports/submissions.js';
import type { Database } from '../../src/storage/database.js';
import { createPrismaStatusStore } from '../../src/storage/status-store.js';
import { createPrismaSubmissionStore } from '../../src/storage/submission-store.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { runCli } from '../support/cli.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { makeUnit } from '../support/org.js';

const TZ = 'Asia/Ho_Chi_Minh';
const translator = createTranslator();
const exporter = createStatusExporter(translator);
let db: Database;
let submissions: SubmissionStore;
const tag = uniqueCode('PS');
const clusterName = `Cụm thử phần ${tag}`;
/** The units of the test: `a`, `b` send figures in parts, `c` only its document, `d` declares a figure none, `e` nothing. */
const units = {} as Record<
  'a' | 'b' | 'c' | 'd' | 'e',
  { id: number; code: string; focal: number; asg: number }
>;
/** The indicators BC6T requires of a Cục THADS, in order. */
let required: string[];

const at = (iso: string) => new Date(iso);

/** The report as a manager of these five units would get it at `now`. */
async function reportAt(now: string): Promise<StatusReport> {
  const service = createStatusService({
    store: createPrismaStatusStore(db.prisma),
    clock: createFixedClock(at(now)),
    timeZone: TZ,
    exporter,
  });
  const r = await service.forScope(
    { kind: 'units', unitIds: Object.values(units).map((u) => u.id) },
    { dutyCode: 'BC6T', periodCode: '2027-H1' },
  );
  if (!r.ok) throw new Error(`no report: ${r.reason}`);
  return r.report;
}

/** `status --format json` as an operator runs it, keeping this test's units. */
async function cliJsonAt(appNow: string) {
  const r = await runCli(['status', '--duty', 'BC6T', '--period', '2027-H1', '--format', 'json'], {
    DATABASE_URL: inject('databaseUrl'),
    APP_NOW: appNow,
  });
  expect(r.code, r.stderr).toBe(0);
  const json = JSON.parse(r.stdout) as {
    units: { code: string; state: string; values: Record<string, number>; missingIndicators: string[] }[];
    totals: Record<string, number>;
  };
  const codes = new Set(Object.values(units).map((u) => u.code));
  return {
    totals: json.totals,
    units: Object.fromEntries(json.units.filter((u) => codes.has(u.code)).map((u) => [u.code, u])),
  };
}

/** The status sheet's state and still-owed cells by unit code. */
async function workbookCells(report: StatusReport): Promise<Record<string, [unknown, unknown]>> {
  const file = await exporter.workbook(report, 'vi', {
    timeZone: TZ,
    generatedAt: at('2027-07-20T03:00:00Z'),
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.data as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Tình hình')!;
  const out: Record<string, [unknown, unknown]> = {};
  ws.eachRow((row) => {
    const code = row.getCell(2).value;
    if (typeof code === 'string' && Object.values(units).some((u) => u.code === code))
      out[code] = [row.getCell(4).value, row.getCell(8).value];
  });
  return out;
}

/** The completion chart's segments for the cluster: state label → count label. */
function chartSegments(report: StatusReport): Record<string, string> {
  const L = exportLabels((id, args) => translator.t('vi', id, args));
  const spec = completionSpec(report, 'vi', L) as unknown as {
    data: { values: { group: string; state: string; label: string }[] };
  };
  return Object.fromEntries(
    spec.data.values.filter((v) => v.group.startsWith('Cụm thử phần')).map((v) => [v.state, v.label]),
  );
}

const save = (u: (typeof units)['a'], now: string, values: { code: string; value: number | null }[]) =>
  submissions.saveConfirmed({
    assignmentId: u.asg,
    personId: u.focal,
    channel: 'telegram',
    values,
    reason: null,
    rawMessage: values.map((v) => `${v.code} ${v.value ?? 'không có số liệu'}`).join(' '),
    now: at(now),
    timeZone: TZ,
  });

/** A plausible figure for an indicator (rates in %, counts whole). */
const figure = (code: string) => (code.startsWith('thads_') ? 84.5 : 3);

beforeAll(async () => {
  db = await openTestDatabase();
  submissions = createPrismaSubmissionStore(db.prisma, TZ);
  const cluster = await db.prisma.unit.create({
    data: { code: `${tag}_CUM`, name: clusterName, typeCode: 'CLUSTER' },
  });
  for (const key of ['a', 'b', 'c', 'd', 'e'] as const) {
    const u = await makeUnit(db.prisma, 'CUC_THADS', {
      cluster: cluster.code,
      name: `Cục THADS thử phần ${key.toUpperCase()} ${tag}`,
    });
    const person = await db.prisma.person.create({
      data: { fullName: `Đầu mối ${key} ${tag}`, roles: { create: { role: 'focal', unitId: u.id } } },
    });
    const asg = await db.prisma.assignment.findFirstOrThrow({
      where: { unitId: u.id, periodCode: '2027-H1', duty: { code: 'BC6T' } },
    });
    expect(asg.dueDate?.toISOString().slice(0, 10)).toBe('2027-07-15');
    units[key] = { id: u.id, code: u.code, focal: person.id, asg: asg.id };
  }
  const links = await db.prisma.dutyIndicator.findMany({
    where: { duty: { code: 'BC6T' }, unitTypeCode: 'CUC_THADS', required: true },
    include: { indicator: true },
    orderBy: { position: 'asc' },
  });
  required = links.map((l) => l.indicator.code);
  expect(required.length).toBeGreaterThan(3);

  // Before the deadline (15 July): a and b send some figures, c only its signed report, d
  // declares one figure has none.
  expect(await save(units.a, '2027-07-10T02:00:00Z', [{ code: required[0]!, value: 85 }])).toMatchObject({
    ok: true,
    complete: false,
  });
  await save(units.a, '2027-07-10T03:00:00Z', [{ code: required[1]!, value: 40 }]);
  await save(units.b, '2027-07-11T02:00:00Z', [{ code: required[0]!, value: 80 }]);
  await submissions.recordDocument({
    assignmentId: units.c.asg,
    personId: units.c.focal,
    channel: 'telegram',
    ref: 'số 123/BC-THADS ngày 09/07/2027',
    now: at('2027-07-11T02:00:00Z'),
  });
  await save(units.d, '2027-07-11T02:00:00Z', [{ code: required.at(-1)!, value: null }]);
});

afterAll(async () => {
  await db.close();
});

describe('a report sent in part is partial everywhere a manager looks', () => {
  it('before the deadline: partial with what is still owed; nothing sent is pending', async () => {
    const report = await reportAt('2027-07-12T03:00:00Z');
    const byCode = Object.fromEntries(report.units.map((u) => [u.code, u]));
    expect(byCode[units.a.code]).toMatchObject({ state: 'partial', missingIndicators: required.slice(2) });
    expect(byCode[units.b.code]).toMatchObject({ state: 'partial', missingIndicators: required.slice(1) });
    // Only the signed document: partial, every figure still owed.
    expect(byCode[units.c.code]).toMatchObject({ state: 'partial', missingIndicators: required });
    // A declared "không có số liệu" is given: partial, and not listed as owed.
    expect(byCode[units.d.code]).toMatchObject({
      state: 'partial',
      missingIndicators: required.slice(0, -1),
      declaredNone: [required.at(-1)],
    });
    expect(byCode[units.e.code]).toMatchObject({ state: 'pending', missingIndicators: required });
    expect(report.totals).toEqual({ on_time: 0, late: 0, partial: 4, pending: 1, missing: 0 });
    // What /tinhhinh lists: every unit not complete, by cluster, with its state.
    expect(report.incompleteByCluster).toHaveLength(1);
    expect(report.incompleteByCluster[0]!.cluster?.name).toBe(clusterName);
    expect(report.incompleteByCluster[0]!.units.map((u) => u.state).sort()).toEqual([
      'partial',
      'partial',
      'partial',
      'partial',
      'pending',
    ]);

    const cells = await workbookCells(report);
    expect(cells[units.a.code]?.[0]).toBe('Nộp một phần');
    expect(cells[units.c.code]?.[0]).toBe('Nộp một phần');
    expect(cells[units.e.code]?.[0]).toBe('Chưa đến hạn');
    expect(String(cells[units.a.code]?.[1])).not.toBe('');
    expect(chartSegments(report)).toEqual({ 'Nộp một phần': '4 · 80 %', 'Chưa đến hạn': '1 · 20 %' });

    // What the chat says: /tinhhinh names the partial unit with what it owes; /tonghop counts it.
    const t = (id: string, args?: Record<string, string | number>) => translator.t('vi', id, args);
    const page = statusPages(report, 'vi', t, false, TZ).join('\n');
    expect(page).toContain('Nộp một phần 4');
    expect(page).toContain(`• Cục THADS thử phần A ${tag} — Nộp một phần, còn thiếu: `);
    const paragraph = summaryParagraph(report, 'vi', t, '2027-07-12');
    expect(paragraph).toContain('4 đơn vị mới gửi một phần');
  });

  it('after the deadline: still partial, not missing, in the CLI JSON, the Excel sheet and the chart', async () => {
    const json = await cliJsonAt('2027-07-16T10:00:00+07:00');
    expect(json.units[units.a.code]).toMatchObject({
      state: 'partial',
      values: { [required[0]!]: 85, [required[1]!]: 40 },
      missingIndicators: required.slice(2),
    });
    expect(json.units[units.c.code]).toMatchObject({ state: 'partial', missingIndicators: required });
    expect(json.units[units.d.code]).toMatchObject({
      state: 'partial',
      missingIndicators: required.slice(0, -1),
    });
    expect(json.units[units.e.code]).toMatchObject({ state: 'missing', missingIndicators: required });
    expect(json.totals.partial).toBeGreaterThanOrEqual(4);

    const report = await reportAt('2027-07-16T03:00:00Z');
    const cells = await workbookCells(report);
    expect(cells[units.b.code]?.[0]).toBe('Nộp một phần');
    expect(cells[units.e.code]?.[0]).toBe('Chưa nộp');
    expect(chartSegments(report)).toEqual({ 'Nộp một phần': '4 · 80 %', 'Chưa nộp': '1 · 20 %' });
  });

  it('completing it makes it on_time before the deadline and late after it; a declared none completes too', async () => {
    const rest = (from: number) => required.slice(from).map((code) => ({ code, value: figure(code) }));
    expect(await save(units.a, '2027-07-14T02:00:00Z', rest(2))).toMatchObject({
      ok: true,
      state: 'on_time',
    });
    expect(await save(units.b, '2027-07-18T02:00:00Z', rest(1))).toMatchObject({ ok: true, state: 'late' });
    expect(
      await save(
        units.d,
        '2027-07-14T02:00:00Z',
        required.slice(0, -1).map((code) => ({ code, value: figure(code) })),
      ),
    ).toMatchObject({ ok: true, state: 'on_time', complete: true });

    const json = await cliJsonAt('2027-07-20T10:00:00+07:00');
    expect(json.units[units.a.code]).toMatchObject({ state: 'on_time', missingIndicators: [] });
    expect(json.units[units.b.code]).toMatchObject({ state: 'late', missingIndicators: [] });
    expect(json.units[units.c.code]).toMatchObject({ state: 'partial', missingIndicators: required });
    expect(json.units[units.d.code]).toMatchObject({ state: 'on_time', missingIndicators: [] });
    expect(json.units[units.e.code]?.state).toBe('missing');

    const report = await reportAt('2027-07-20T03:00:00Z');
    expect(report.totals).toEqual({ on_time: 2, late: 1, partial: 1, pending: 0, missing: 1 });
    expect(report.late.map((u) => u.code)).toEqual([units.b.code]);
    const cells = await workbookCells(report);
    expect(cells[units.a.code]).toEqual(['Đúng hạn', '']);
    expect(cells[units.b.code]).toEqual(['Nộp muộn', '']);
    expect(cells[units.c.code]?.[0]).toBe('Nộp một phần');
    expect(chartSegments(report)).toEqual({
      'Đúng hạn': '2 · 40 %',
      'Nộp muộn': '1 · 20 %',
      'Nộp một phần': '1 · 20 %',
      'Chưa nộp': '1 · 20 %',
    });
  });
});
