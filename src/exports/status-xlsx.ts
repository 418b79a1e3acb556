/**
 * The status report as an Excel workbook (`/xuat`, `status --format xlsx`): a sheet of who stands
 * where and a sheet of figures against the year's targets. Also the labels and target wording the
 * chart export shares, so the file and the picture say the same thing.
 */
import ExcelJS from 'exceljs';
import { localDateOf, localTimeOf } from '../domain/calendar.js';
import { formatNumber, formatValue, type IndicatorKind } from '../domain/figures/index.js';
import type {
  IndicatorSummary,
  StatusIndicator,
  StatusReport,
  StatusState,
  UnitStatus,
} from '../domain/status.js';
import { resolveTarget, type ScopedTarget } from '../domain/submission.js';
import type { Locale } from '../ports/translator.js';

/** What an export needs to know about an indicator beyond its figures: names, kind, targets. */
export type IndicatorMeta = Pick<StatusIndicator, 'code' | 'labelVi' | 'labelEn' | 'kind' | 'targets'>;

/**
 * The indicator's names, kind and targets: taken from the summary when the report carries them,
 * else from `given` (the `indicators` of the `StatusInput`), else the code, a plain number and no
 * target — the file is still right, only less informative.
 */
export function indicatorMeta(summary: IndicatorSummary, given?: readonly IndicatorMeta[]): IndicatorMeta {
  const s: IndicatorSummary & Partial<IndicatorMeta> = summary;
  const g = given?.find((m) => m.code === summary.code);
  return {
    code: summary.code,
    labelVi: s.labelVi ?? g?.labelVi ?? summary.code,
    labelEn: s.labelEn ?? g?.labelEn ?? summary.code,
    kind: s.kind ?? g?.kind ?? 'text',
    targets: s.targets ?? g?.targets ?? [],
  };
}

/** Words the exports print, per locale (kept here until the exports get their own Fluent file). */
export interface ExportLabels {
  sheetStatus: string;
  sheetFigures: string;
  title: (duty: string, period: string, generatedAt: string) => string;
  headers: {
    unit: string;
    code: string;
    cluster: string;
    state: string;
    submittedAt: string;
    sender: string;
    document: string;
  };
  states: Record<StatusState, string>;
  documentSent: string;
  documentNotSent: string;
  noCluster: string;
  totalsTitle: string;
  totalsCount: string;
  totalsShare: string;
  totalUnits: string;
  submitted: string;
  target: string;
  aggregateHow: string;
  aggregateValue: string;
  targetMet: string;
  mean: string;
  sum: string;
  metOf: (met: number, evaluated: number) => string;
  sumTarget: (ok: boolean) => string;
  reached: (ok: boolean) => string;
  sumWord: string;
  all: string;
  noUnitTarget: string;
  met: string;
  notMet: string;
  completionTitle: string;
  submittedOf: (done: number, total: number, percent: string) => string;
  axisShare: string;
  notReported: (n: number) => string;
  shownWorst: (shown: number, total: number) => string;
  targetLabel: (text: string) => string;
  /** What the per-unit target marks on an indicator chart are. */
  targetMarks: string;
}

const LABELS: Record<Locale, ExportLabels> = {
  vi: {
    sheetStatus: 'Tình hình',
    sheetFigures: 'Số liệu',
    title: (duty, period, at) => `Tình hình báo cáo: ${duty} — kỳ ${period} (lập lúc ${at})`,
    headers: {
      unit: 'Đơn vị',
      code: 'Mã',
      cluster: 'Cụm',
      state: 'Trạng thái',
      submittedAt: 'Thời điểm nộp',
      sender: 'Người gửi',
      document: 'Văn bản',
    },
    states: { on_time: 'Đúng hạn', late: 'Nộp muộn', missing: 'Chưa nộp', pending: 'Chưa đến hạn' },
    documentSent: 'Đã gửi',
    documentNotSent: 'Chưa',
    noCluster: 'Không thuộc cụm',
    totalsTitle: 'Tổng hợp',
    totalsCount: 'Số đơn vị',
    totalsShare: 'Tỷ lệ',
    totalUnits: 'Tổng số đơn vị',
    submitted: 'Đã nộp',
    target: 'Chỉ tiêu',
    aggregateHow: 'Cách tổng hợp',
    aggregateValue: 'Giá trị tổng hợp',
    targetMet: 'Đạt chỉ tiêu',
    mean: 'bình quân',
    sum: 'tổng',
    metOf: (met, evaluated) => `${met}/${evaluated} đơn vị`,
    sumTarget: (ok) => (ok ? 'tổng đạt' : 'tổng chưa đạt'),
    reached: (ok) => (ok ? 'đạt' : 'chưa đạt'),
    sumWord: 'tổng',
    all: 'Toàn bộ',
    noUnitTarget: 'Không có chỉ tiêu riêng',
    met: 'Đạt chỉ tiêu',
    notMet: 'Chưa đạt',
    completionTitle: 'Tình hình nộp báo cáo theo cụm',
    submittedOf: (done, total, percent) => `đã nộp ${done}/${total} đơn vị (${percent})`,
    axisShare: 'Tỷ lệ đơn vị trong cụm',
    notReported: (n) => `${n} đơn vị chưa có số liệu`,
    shownWorst: (shown, total) => `${shown}/${total} đơn vị thấp nhất`,
    targetLabel: (text) => `Chỉ tiêu ${text}`,
    targetMarks: 'Chỉ tiêu (vạch đen)',
  },
  en: {
    sheetStatus: 'Status',
    sheetFigures: 'Figures',
    title: (duty, period, at) => `Reporting status: ${duty} — period ${period} (generated ${at})`,
    headers: {
      unit: 'Unit',
      code: 'Code',
      cluster: 'Cluster',
      state: 'State',
      submittedAt: 'Submitted at',
      sender: 'Sent by',
      document: 'Document',
    },
    states: { on_time: 'On time', late: 'Late', missing: 'Missing', pending: 'Not yet due' },
    documentSent: 'Sent',
    documentNotSent: 'Not sent',
    noCluster: 'No cluster',
    totalsTitle: 'Totals',
    totalsCount: 'Units',
    totalsShare: 'Share',
    totalUnits: 'Units counted',
    submitted: 'Submitted',
    target: 'Target',
    aggregateHow: 'Aggregated as',
    aggregateValue: 'Aggregate',
    targetMet: 'Target met',
    mean: 'mean',
    sum: 'sum',
    metOf: (met, evaluated) => `${met}/${evaluated} units`,
    sumTarget: (ok) => (ok ? 'total met' : 'total not met'),
    reached: (ok) => (ok ? 'met' : 'not met'),
    sumWord: 'total',
    all: 'All',
    noUnitTarget: 'No unit target',
    met: 'Target met',
    notMet: 'Below target',
    completionTitle: 'Reporting by cluster',
    submittedOf: (done, total, percent) => `${done}/${total} units submitted (${percent})`,
    axisShare: 'Share of the cluster’s units',
    notReported: (n) => `${n} units without figures`,
    shownWorst: (shown, total) => `lowest ${shown} of ${total} units`,
    targetLabel: (text) => `Target ${text}`,
    targetMarks: 'Targets (black marks)',
  },
};

export function exportLabels(locale: Locale): ExportLabels {
  return LABELS[locale];
}

/** The order states are listed and stacked in, best first. */
export const STATE_ORDER: readonly StatusState[] = ['on_time', 'late', 'missing', 'pending'];

/** `83,5 %` / `83.5%` for a share 0–1 (one decimal at most). */
export function formatShare(part: number, whole: number, locale: Locale): string {
  const share = whole === 0 ? 0 : Math.min(1, part / whole);
  return formatValue(Math.round(share * 1000) / 10, 'percent', locale);
}

function targetSpecText(t: ScopedTarget, kind: IndicatorKind, locale: Locale): string {
  const v = (x: number) => formatValue(x, kind, locale);
  switch (t.kind) {
    case 'floor':
      return t.min === null ? '' : `${t.inclusive ? '≥' : '>'} ${v(t.min)}`;
    case 'ceiling':
      return t.max === null ? '' : `${t.inclusive ? '≤' : '<'} ${v(t.max)}`;
    case 'range':
      if (t.min !== null && t.max !== null) return `${formatNumber(t.min, locale)}–${v(t.max)}`;
      if (t.min !== null) return `≥ ${v(t.min)}`;
      return t.max === null ? '' : `≤ ${v(t.max)}`;
    case 'sum':
      return t.min === null ? '' : `${LABELS[locale].sumWord} ≥ ${v(t.min)}`;
  }
}

/**
 * The targets that matter for this report: each per-unit target that applies to at least one of
 * its units (the most specific scope wins, as in the report), and the system-wide sums.
 */
export function relevantTargets(
  targets: readonly ScopedTarget[],
  units: readonly UnitStatus[],
): ScopedTarget[] {
  const perUnit = targets.filter((t) => t.kind !== 'sum');
  const used = new Set<ScopedTarget>();
  for (const u of units) {
    const t = resolveTarget(perUnit, {
      code: u.code,
      typeCode: u.typeCode,
      clusterCodes: u.clusters.map((c) => c.code),
    });
    if (t) used.add(t);
  }
  return targets.filter((t) => t.kind === 'sum' || used.has(t));
}

/** Names for target scopes: the report's clusters and units by code; other scopes (unit types) as they are. */
export function scopeNamer(report: StatusReport): (scope: string) => string {
  const names = new Map<string, string>();
  for (const u of report.units) {
    names.set(u.code, u.name);
    for (const c of u.clusters) names.set(c.code, c.name);
  }
  return (scope) => names.get(scope) ?? scope;
}

/**
 * The year's targets of an indicator in a few characters: `> 82,5 %`, `8–10 %`, `tổng ≥ 15`;
 * when several apply, those for a narrower scope than `ALL` are prefixed by the scope's name
 * (`Cụm …: ≥ 80 %`); `—` when there is none.
 */
export function targetText(
  targets: readonly ScopedTarget[],
  kind: IndicatorKind,
  locale: Locale,
  scopeName: (scope: string) => string = (s) => s,
): string {
  const parts = targets
    .map((t) => ({ t, text: targetSpecText(t, kind, locale) }))
    .filter((p) => p.text !== '');
  const many = parts.length > 1;
  const out = parts.map(({ t, text }) =>
    t.scope === 'ALL' || !many ? text : `${scopeName(t.scope)}: ${text}`,
  );
  return out.length === 0 ? '—' : out.join('; ');
}

/** A wall-clock instant in `timeZone` as `dd/mm/yyyy HH:MM`. */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const [y, m, d] = localDateOf(instant, timeZone).split('-');
  const { hour, minute } = localTimeOf(instant, timeZone);
  return `${d}/${m}/${y} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The wall-clock time in `timeZone` as a Date whose UTC fields are that time (Excel has no zones). */
function excelLocalDate(instant: Date, timeZone: string): Date {
  const [y = 0, m = 1, d = 1] = localDateOf(instant, timeZone).split('-').map(Number);
  const { hour, minute } = localTimeOf(instant, timeZone);
  return new Date(Date.UTC(y, m - 1, d, hour, minute));
}

// Excel's own "light red fill with dark red text", and quieter tints for the states.
const BELOW_TARGET_FILL = 'FFFFC7CE';
const BELOW_TARGET_FONT = 'FF9C0006';
const HEADER_FILL = 'FFD9E1F2';
const STATE_FILL: Record<StatusState, string | null> = {
  on_time: 'FFC6EFCE',
  late: 'FFFFEB9C',
  missing: 'FFFFC7CE',
  pending: null,
};

/** Printed on A4 landscape, as wide as one page, the header repeated on every page. */
function printSetup(ws: ExcelJS.Worksheet, headerRow: number): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
}

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function valueFormat(kind: IndicatorKind, locale: Locale, fractional: boolean): string | undefined {
  switch (kind) {
    case 'percent':
      return locale === 'vi' ? '0.0#" %"' : '0.0#"%"';
    case 'count':
      return fractional ? '#,##0.0' : '#,##0';
    case 'money':
      return locale === 'vi' ? '#,##0" đồng"' : '#,##0" VND"';
    case 'boolean':
      return locale === 'vi' ? '"có";"có";"không"' : '"yes";"yes";"no"';
    default:
      return undefined;
  }
}

function styleHeader(row: ExcelJS.Row, from: number, to: number): void {
  row.font = { bold: true };
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.fill = solid(HEADER_FILL);
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  }
}

/** Column widths from the longest text in each column, within [min, max] characters. */
function fitColumns(ws: ExcelJS.Worksheet, fromRow: number, min: number, max: number): void {
  ws.columns.forEach((col, i) => {
    let longest = 0;
    ws.getColumn(i + 1).eachCell({ includeEmpty: false }, (cell, rowNumber) => {
      if (rowNumber < fromRow) return;
      const v = cell.value;
      const text =
        v instanceof Date ? 'dd/mm/yyyy hh:mm  ' : typeof v === 'number' ? `${v}   ` : String(v ?? '');
      longest = Math.max(longest, ...text.split('\n').map((l) => l.length));
    });
    col.width = Math.min(max, Math.max(min, longest + 2));
  });
}

function clusterNames(u: UnitStatus, labels: ExportLabels): string {
  return u.clusters.length === 0 ? labels.noCluster : u.clusters.map((c) => c.name).join(', ');
}

function addStatusSheet(
  wb: ExcelJS.Workbook,
  report: StatusReport,
  locale: Locale,
  title: string,
  timeZone: string,
) {
  const L = LABELS[locale];
  const ws = wb.addWorksheet(L.sheetStatus, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  const h = L.headers;
  const header = [h.unit, h.code, h.cluster, h.state, h.submittedAt, h.sender, h.document];
  ws.columns = header.map(() => ({}));

  ws.getCell(1, 1).value = title;
  ws.getRow(1).font = { bold: true, size: 13 };
  ws.mergeCells(1, 1, 1, header.length);

  const headerRow = ws.getRow(2);
  headerRow.values = header;
  styleHeader(headerRow, 1, header.length);

  let r = 3;
  for (const u of report.units) {
    const row = ws.getRow(r++);
    row.values = [
      u.name,
      u.code,
      clusterNames(u, L),
      L.states[u.state],
      u.submittedAt ? excelLocalDate(new Date(u.submittedAt), timeZone) : null,
      u.focalName ?? '',
      u.documentSent ? L.documentSent : L.documentNotSent,
    ];
    row.getCell(5).numFmt = 'dd/mm/yyyy hh:mm';
    const fill = STATE_FILL[u.state];
    if (fill) row.getCell(4).fill = solid(fill);
  }
  const lastUnitRow = r - 1;
  ws.autoFilter = {
    from: { row: 2, column: 1 },
    to: { row: Math.max(2, lastUnitRow), column: header.length },
  };

  r++;
  const totalsHeader = ws.getRow(r++);
  totalsHeader.values = [L.totalsTitle, L.totalsCount, L.totalsShare];
  styleHeader(totalsHeader, 1, 3);
  const share = (n: number) => (report.total === 0 ? 0 : Math.min(1, n / report.total));
  const lines: [string, number][] = [
    [L.totalUnits, report.total],
    [L.submitted, report.totals.on_time + report.totals.late],
    ...STATE_ORDER.map((s): [string, number] => [L.states[s], report.totals[s]]),
  ];
  for (const [label, n] of lines) {
    const row = ws.getRow(r++);
    row.values = [label, n, share(n)];
    row.getCell(3).numFmt = '0.0%';
  }
  ws.getRow(r - lines.length).font = { bold: true };

  fitColumns(ws, 2, 8, 45);
  printSetup(ws, 2);
}

function addFiguresSheet(
  wb: ExcelJS.Workbook,
  report: StatusReport,
  locale: Locale,
  title: string,
  given: readonly IndicatorMeta[] | undefined,
) {
  const L = LABELS[locale];
  const metas = report.indicators.map((s) => ({ summary: s, meta: indicatorMeta(s, given) }));
  const first = 4; // first indicator column
  const lastCol = first - 1 + Math.max(1, metas.length);
  // Rows: 1 title, 2 targets, 3 header (frozen, filtered), then units, then the aggregate block.
  const ws = wb.addWorksheet(L.sheetFigures, { views: [{ state: 'frozen', xSplit: 1, ySplit: 3 }] });
  ws.columns = Array.from({ length: lastCol }, () => ({}));

  ws.getCell(1, 1).value = title;
  ws.getRow(1).font = { bold: true, size: 13 };
  ws.mergeCells(1, 1, 1, lastCol);

  const targetsRow = ws.getRow(2);
  targetsRow.getCell(1).value = L.target;
  targetsRow.getCell(1).font = { bold: true };
  metas.forEach(({ meta }, i) => {
    const cell = targetsRow.getCell(first + i);
    cell.value = targetText(
      relevantTargets(meta.targets, report.units),
      meta.kind,
      locale,
      scopeNamer(report),
    );
    cell.font = { italic: true };
    cell.alignment = { horizontal: 'right', wrapText: true };
  });

  const headerRow = ws.getRow(3);
  headerRow.values = [
    L.headers.unit,
    L.headers.code,
    L.headers.cluster,
    ...metas.map(({ meta }) => (locale === 'vi' ? meta.labelVi : meta.labelEn)),
  ];
  styleHeader(headerRow, 1, lastCol);

  let r = 4;
  for (const u of report.units) {
    const row = ws.getRow(r++);
    row.getCell(1).value = u.name;
    row.getCell(2).value = u.code;
    row.getCell(3).value = clusterNames(u, L);
    metas.forEach(({ meta }, i) => {
      const v = u.values[meta.code];
      if (v === undefined) return;
      const cell = row.getCell(first + i);
      cell.value = v;
      const fmt = valueFormat(meta.kind, locale, !Number.isInteger(v));
      if (fmt) cell.numFmt = fmt;
      if (u.targetStatus[meta.code] === 'not_met') {
        cell.fill = solid(BELOW_TARGET_FILL);
        cell.font = { color: { argb: BELOW_TARGET_FONT } };
      }
    });
  }
  const lastUnitRow = r - 1;
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(3, lastUnitRow), column: lastCol } };

  r++;
  const howRow = ws.getRow(r++);
  const valueRow = ws.getRow(r++);
  const metRow = ws.getRow(r++);
  howRow.getCell(1).value = L.aggregateHow;
  valueRow.getCell(1).value = L.aggregateValue;
  metRow.getCell(1).value = L.targetMet;
  valueRow.font = { bold: true };
  metas.forEach(({ summary, meta }, i) => {
    const c = first + i;
    howRow.getCell(c).value = summary.aggregateKind === 'sum' ? L.sum : L.mean;
    howRow.getCell(c).alignment = { horizontal: 'right' };
    if (summary.aggregate !== null) {
      const cell = valueRow.getCell(c);
      cell.value = summary.aggregate;
      const fmt = valueFormat(meta.kind, locale, !Number.isInteger(summary.aggregate));
      if (fmt) cell.numFmt = fmt;
      if (summary.sumTarget?.status === 'not_met') {
        cell.fill = solid(BELOW_TARGET_FILL);
        cell.font = { bold: true, color: { argb: BELOW_TARGET_FONT } };
      }
    }
    const met: string[] = [];
    if (summary.evaluated > 0) met.push(L.metOf(summary.met, summary.evaluated));
    if (summary.sumTarget && summary.sumTarget.status !== 'not_applicable') {
      met.push(L.sumTarget(summary.sumTarget.status === 'met'));
    }
    metRow.getCell(c).value = met.length === 0 ? '—' : met.join('; ');
    metRow.getCell(c).alignment = { horizontal: 'right' };
  });

  fitColumns(ws, 2, 8, 40);
  // Indicator names and targets can be long: wrap them in a narrower column, rows tall enough.
  const lines = (row: ExcelJS.Row, c: number) =>
    Math.ceil(String(row.getCell(c).value ?? '').length / Math.max(1, (ws.getColumn(c).width ?? 14) - 2));
  let headerLines = 1;
  let targetLines = 1;
  metas.forEach(({ summary, meta }, i) => {
    const col = ws.getColumn(first + i);
    // Numbers never wrap: the column is at least as wide as the longest value shown.
    const values = [...report.units.map((u) => u.values[meta.code]), summary.aggregate];
    const widest = Math.max(
      0,
      ...values
        .filter((v): v is number => v != null)
        .map((v) => formatValue(v, meta.kind, locale).length + 3),
    );
    col.width = Math.max(12, widest, Math.min(col.width ?? 14, 22));
    headerLines = Math.max(headerLines, lines(headerRow, first + i));
    targetLines = Math.max(targetLines, lines(targetsRow, first + i));
  });
  headerRow.height = 15 * Math.min(4, headerLines) + 4;
  printSetup(ws, 3);
  if (targetLines > 1) targetsRow.height = 15 * Math.min(6, targetLines) + 4;
}

/**
 * The report as an `.xlsx` file: sheet 1 (`Tình hình` / `Status`) one row per unit with its state,
 * submission time (wall clock in `opts.timeZone`), sender and document, then counts and shares of
 * `report.total`; sheet 2 (`Số liệu` / `Figures`) unit × indicator values as numbers, the year's
 * targets above the header, below-target cells in light red, and the scope's aggregate (mean or
 * sum as the indicator defines). Headers bold, frozen and filterable.
 *
 * `opts.indicators` supplies names, kinds and targets when the report does not carry them.
 */
export async function statusWorkbook(
  report: StatusReport,
  locale: Locale,
  opts: { timeZone: string; generatedAt: Date; indicators?: readonly IndicatorMeta[] },
): Promise<Buffer> {
  const L = LABELS[locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đôn Đốc';
  wb.created = opts.generatedAt;
  const title = L.title(
    locale === 'vi' ? report.dutyNameVi : report.dutyNameEn,
    report.periodCode,
    formatLocalDateTime(opts.generatedAt, opts.timeZone),
  );
  addStatusSheet(wb, report, locale, title, opts.timeZone);
  addFiguresSheet(wb, report, locale, title, opts.indicators);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
