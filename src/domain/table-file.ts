/**
 * What every table import (units, targets) checks before its own rules: the file as rows of
 * cells, its header naming every required column, and at least one row holding data. Pure: the
 * caller reads the CSV or XLSX file.
 */

/** One row of a table file as read, before any check: its line (header = line 1) and its cells. */
export interface RawTableRow {
  /** Line number in the file as a person sees it (header = line 1). */
  line: number;
  cells: Partial<Record<string, string>>;
}

/** A refusal of the whole file, before its rows are read: always on line 1, the header. */
export interface TableFileError {
  line: number;
  code: 'missing_columns' | 'empty_file';
  /** `columns`: the missing columns, joined by `, `. */
  args: Record<string, string | number>;
}

/** A cell as compared and stored: NFC, runs of whitespace as one space, trimmed; `''` when absent. */
export function cell(row: RawTableRow, name: string): string {
  return (row.cells[name] ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The rows holding data (some cell of `columns` not blank), once the header (compared trimmed
 * and lowercase) names every `required` column. Refused whole, on line 1: `missing_columns`
 * when the header lacks any, else `empty_file` when no row holds data.
 */
export function dataRowsOf(
  header: readonly string[],
  rows: readonly RawTableRow[],
  required: readonly string[],
  columns: readonly string[],
): { ok: true; rows: RawTableRow[] } | { ok: false; errors: TableFileError[] } {
  const cols = header.map((h) => h.trim().toLowerCase());
  const missing = required.filter((c) => !cols.includes(c));
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [{ line: 1, code: 'missing_columns', args: { columns: missing.join(', ') } }],
    };
  }
  const dataRows = rows.filter((r) => columns.some((c) => cell(r, c) !== ''));
  if (dataRows.length === 0) return { ok: false, errors: [{ line: 1, code: 'empty_file', args: {} }] };
  return { ok: true, rows: dataRows };
}
