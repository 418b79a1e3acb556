/**
 * The status report as an Excel workbook (`/xuat`, `status --format xlsx`): a sheet of who stands
 * where and a sheet of figures against the year's targets. Words from `locales/<lang>/exports.ftl`.
 */
import ExcelJS from 'exceljs';
import { STATUS_STATES, type StatusReport, type UnitStatus } from '../domain/status.js';
import { formatDateTime, formatValue } from '../messages/format.js';
import { groupHeading } from '../messages/status-view.js';
import type { IndicatorMeta, WorkbookOptions } from '../ports/status-exporter.js';
import type { Locale, Translator } from '../ports/translator.js';
import { type ExportLabels, exportLabels } from './export-labels.js';
import { indicatorMeta, relevantTargets, scopeNamer, targetText } from './report-facts.js';
import {
  BELOW_TARGET_FILL,
  BELOW_TARGET_FONT,
  excelLocalDate,
  fitColumns,
  printSetup,
  STATE_FILL,
  solid,
  styleHeader,
  valueFormat,
} from './xlsx-style.js';

/**
 * The cluster column: the unit's clusters; in none, the group `/tinhhinh` lists it under (its
 * type's plural for a type not organised in clusters, else "no cluster").
 */
function clusterNames(u: UnitStatus, report: StatusReport, locale: Locale, labels: ExportLabels): string {
  if (u.clusters.length > 0) return u.clusters.map((c) => c.name).join(', ');
  const unitType = report.unitTypes?.find((t) => t.code === u.typeCode && !t.clustered) ?? null;
  return groupHeading({ cluster: null, unitType }, locale, labels.noCluster);
}

/**
 * What a unit still owes, by the indicators' names: empty when nothing, "all n indicators" when
 * it gave nothing yet (more than two owed), else the names in the report's order.
 */
function missingText(u: UnitStatus, name: (code: string) => string, L: ExportLabels): string {
  const owed = u.missingIndicators;
  if (owed.length > 2 && (u.state === 'pending' || u.state === 'missing')) return L.missingAll(owed.length);
  return owed.map(name).join('; ');
}

function addStatusSheet(
  wb: ExcelJS.Workbook,
  report: StatusReport,
  locale: Locale,
  L: ExportLabels,
  title: string,
  opts: WorkbookOptions,
) {
  const ws = wb.addWorksheet(L.sheetStatus, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  const h = L.headers;
  const header = [
    h.unit,
    h.code,
    h.cluster,
    h.state,
    h.submittedAt,
    h.sender,
    h.document,
    h.missingIndicators,
  ];
  const names = new Map(
    report.indicators.map((s) => {
      const meta = indicatorMeta(s, opts.indicators);
      return [s.code, locale === 'vi' ? meta.labelVi : meta.labelEn];
    }),
  );
  const name = (code: string) => names.get(code) ?? code;
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
      clusterNames(u, report, locale, L),
      L.states[u.state],
      u.submittedAt ? excelLocalDate(new Date(u.submittedAt), opts.timeZone) : null,
      (u.focalPoints ?? []).map((p) => p.name).join(', '),
      u.documentSent ? L.documentSent : L.documentNotSent,
      missingText(u, name, L),
    ];
    row.getCell(5).numFmt = 'dd/mm/yyyy hh:mm';
    row.getCell(8).alignment = { vertical: 'top', wrapText: true };
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
    ...STATUS_STATES.map((s): [string, number] => [L.states[s], report.totals[s]]),
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
  L: ExportLabels,
  title: string,
  given: readonly IndicatorMeta[] | undefined,
) {
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
      L.t,
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
    row.getCell(3).value = clusterNames(u, report, locale, L);
    metas.forEach(({ meta }, i) => {
      const v = u.values[meta.code];
      if (v === undefined) return;
      const cell = row.getCell(first + i);
      cell.value = v;
      const fmt = valueFormat(meta.kind, locale, !Number.isInteger(v), L);
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
      const fmt = valueFormat(meta.kind, locale, !Number.isInteger(summary.aggregate), L);
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
 * submission time (wall clock in `opts.timeZone`), sender, document and the required indicators
 * it still owes (by name), then counts and shares of `report.total` per state in the order of
 * `STATUS_STATES`; sheet 2 (`Số liệu` / `Figures`) unit × indicator values as numbers, the year's
 * targets above the header, below-target cells in light red, and the scope's aggregate (mean or
 * sum as the indicator defines). Headers bold, frozen and filterable. Words from `translator`.
 *
 * `opts.indicators` supplies names, kinds and targets when the report does not carry them.
 */
export async function statusWorkbook(
  translator: Translator,
  report: StatusReport,
  locale: Locale,
  opts: WorkbookOptions,
): Promise<Buffer> {
  const L = exportLabels((id, args) => translator.t(locale, id, args));
  const wb = new ExcelJS.Workbook();
  wb.creator = L.creator;
  wb.created = opts.generatedAt;
  const title = L.title(
    locale === 'vi' ? report.dutyNameVi : report.dutyNameEn,
    report.periodCode,
    formatDateTime(opts.generatedAt, opts.timeZone, L.t),
  );
  addStatusSheet(wb, report, locale, L, title, opts);
  addFiguresSheet(wb, report, locale, L, title, opts.indicators);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
