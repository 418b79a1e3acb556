/**
 * How the status workbook looks: fills, number formats, header rows, column widths, printing.
 */

import type ExcelJS from 'exceljs';
import { localDateOf, localTimeOf } from '../domain/calendar.js';
import type { IndicatorKind } from '../domain/figures/index.js';
import type { StatusState } from '../domain/status.js';
import type { Locale } from '../ports/translator.js';
import type { ExportLabels } from './export-labels.js';

// Excel's own "light red fill with dark red text", and quieter tints for the states.
/** Fill of a value (or an aggregate) below its target. */
export const BELOW_TARGET_FILL = 'FFFFC7CE';
/** Font colour of a value below its target. */
export const BELOW_TARGET_FONT = 'FF9C0006';
const HEADER_FILL = 'FFD9E1F2';
/** Fill of a unit's state cell; none for a report not yet due. */
export const STATE_FILL: Record<StatusState, string | null> = {
  on_time: 'FFC6EFCE',
  late: 'FFFFEB9C',
  partial: 'FFDDEBF7',
  missing: 'FFFFC7CE',
  pending: null,
};

/** The wall-clock time in `timeZone` as a Date whose UTC fields are that time (Excel has no zones). */
export function excelLocalDate(instant: Date, timeZone: string): Date {
  const [y = 0, m = 1, d = 1] = localDateOf(instant, timeZone).split('-').map(Number);
  const { hour, minute } = localTimeOf(instant, timeZone);
  return new Date(Date.UTC(y, m - 1, d, hour, minute));
}

/** Printed on A4 landscape, as wide as one page, the header repeated on every page. */
export function printSetup(ws: ExcelJS.Worksheet, headerRow: number): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
}

/** A solid fill of one colour (ARGB). */
export function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/**
 * The cell number format of a value of `kind` in `locale`, so the cell stays a number Excel can
 * sum while it reads as the chat writes it (`85,2 %`, `1.500.000 đồng`, `có`).
 */
export function valueFormat(
  kind: IndicatorKind,
  locale: Locale,
  fractional: boolean,
  L: ExportLabels,
): string | undefined {
  switch (kind) {
    case 'percent':
      return locale === 'vi' ? '0.0#" %"' : '0.0#"%"';
    case 'count':
      return fractional ? '#,##0.0' : '#,##0';
    case 'money':
      return `#,##0" ${L.moneyUnit}"`;
    case 'boolean':
      return `"${L.yes}";"${L.yes}";"${L.no}"`;
    default:
      return undefined;
  }
}

/** Bold, tinted, wrapped header cells from column `from` to `to`. */
export function styleHeader(row: ExcelJS.Row, from: number, to: number): void {
  row.font = { bold: true };
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.fill = solid(HEADER_FILL);
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  }
}

/** Column widths from the longest text in each column, within [min, max] characters. */
export function fitColumns(ws: ExcelJS.Worksheet, fromRow: number, min: number, max: number): void {
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
