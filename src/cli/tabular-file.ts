import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import type { RawUnitRow } from '../domain/units-import.js';

/**
 * Why `readTable` could not read a file: `bad_extension` (neither `.csv` nor `.xlsx`; the message
 * is the extension) or `unreadable` (missing or not parsable; the message says why). CLI commands
 * print it as a refusal (`readTableArg`).
 */
export class TabularFileError extends Error {
  override readonly name = 'TabularFileError';
  readonly code: 'bad_extension' | 'unreadable';
  constructor(code: 'bad_extension' | 'unreadable', message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * Reads a CSV (UTF-8, with or without BOM; `,` or `;`) or the first sheet of an XLSX file into
 * a header and rows keyed by lower-case column name, with file line numbers.
 */
export async function readTable(file: string): Promise<{ header: string[]; rows: RawUnitRow[] }> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new TabularFileError('bad_extension', ext);
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (err) {
    throw new TabularFileError('unreadable', (err as NodeJS.ErrnoException).code ?? 'error');
  }
  if (ext === '.csv') return readCsv(buf);
  return readXlsx(buf);
}

function readCsv(buf: Buffer): { header: string[]; rows: RawUnitRow[] } {
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    throw new TabularFileError('unreadable', (err as Error).message.slice(0, 200));
  }
  const [head, ...body] = records;
  const header = (head?.record ?? []).map((h) => h.trim().toLowerCase());
  const rows = body.map(({ record, info }) => ({
    line: info.lines,
    cells: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])),
  }));
  return { header, rows };
}

async function readXlsx(buf: Buffer): Promise<{ header: string[]; rows: RawUnitRow[] }> {
  // exceljs (~20 MB) only when someone imports a workbook.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (err) {
    throw new TabularFileError('unreadable', (err as Error).message.slice(0, 200));
  }
  const ws = wb.worksheets[0];
  if (!ws) return { header: [], rows: [] };
  const text = (v: ExcelJS.CellValue): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'object') {
      if ('richText' in v) return v.richText.map((r) => r.text).join('');
      if ('text' in v) return String(v.text);
      if ('result' in v) return String(v.result ?? '');
      if (v instanceof Date) return v.toISOString();
    }
    return String(v);
  };
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (c, col) => {
    header[col - 1] = text(c.value).trim().toLowerCase();
  });
  const rows: RawUnitRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Record<string, string> = {};
    header.forEach((h, i) => {
      cells[h] = text(row.getCell(i + 1).value).trim();
    });
    rows.push({ line: r, cells });
  }
  return { header, rows };
}
