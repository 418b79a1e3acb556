/**
 * Validation of a unit import (CSV or XLSX with columns `code,name,type,parent,cluster`), and the
 * rules of a unit's name history (a row with an existing code and a new name renames the unit;
 * the old name stays readable for the days it was in use). Pure: the caller reads the file and
 * knows which codes exist; this decides whether the whole file is acceptable. A file with any
 * bad row is refused whole, each error with its line.
 */
import { addDays, compareDates, type IsoDate } from './calendar.js';
import { cell, dataRowsOf, type RawTableRow } from './table-file.js';

/** The columns of a unit import file; `parent` and `cluster` are optional. */
export const UNIT_IMPORT_COLUMNS = ['code', 'name', 'type', 'parent', 'cluster'] as const;

/** One row of a unit import file as read, before any check (a {@link RawTableRow}). */
export type RawUnitRow = RawTableRow;

/** One valid row of a unit import, ready to store; codes upper-cased, `line` its line in the file. */
export interface ImportedUnit {
  line: number;
  code: string;
  name: string;
  type: string;
  parent: string | null;
  /** Cluster codes (several separated by `|` or `;`). */
  clusters: string[];
}

/** Why a unit import or one of its rows was refused; each code has a localised message. */
export type UnitImportErrorCode =
  | 'missing_columns'
  | 'empty_file'
  | 'missing_code'
  | 'bad_code'
  | 'missing_name'
  | 'name_too_long'
  | 'unknown_type'
  | 'duplicate_code'
  | 'unknown_parent'
  | 'self_parent'
  | 'parent_cycle'
  | 'unknown_cluster'
  | 'not_a_cluster';

/** One refusal: the line of the file (1 = the header) and the message's code and arguments. */
export interface UnitImportError {
  line: number;
  code: UnitImportErrorCode;
  /** Values to interpolate in the localised message (never secrets). */
  args: Record<string, string | number>;
}

/** Result of {@link validateUnitImport}: every row valid, or every error of the file. */
export type UnitImportResult = { ok: true; units: ImportedUnit[] } | { ok: false; errors: UnitImportError[] };

/** What the database already holds that rows of the file may refer to. */
export interface ExistingUnits {
  /** unit code → unit type code, for units already in the database. */
  types: ReadonlyMap<string, string>;
  /** code → parent code, for units already in the database (cycle detection). */
  parents: ReadonlyMap<string, string | null>;
}

const CODE_RE = /^[A-Z0-9][A-Z0-9_.-]{0,63}$/;

/**
 * Checks header and rows. Codes are upper-cased (`stp_hanoi` → `STP_HANOI`). Parents and
 * clusters may refer to rows of the same file or to existing units.
 */
export function validateUnitImport(
  header: readonly string[],
  rows: readonly RawUnitRow[],
  unitTypes: ReadonlySet<string>,
  existing: ExistingUnits,
): UnitImportResult {
  const table = dataRowsOf(header, rows, ['code', 'name', 'type'], UNIT_IMPORT_COLUMNS);
  if (!table.ok) return table;
  const dataRows = table.rows;

  const errors: UnitImportError[] = [];
  const units: ImportedUnit[] = [];
  const seen = new Map<string, number>();
  for (const row of dataRows) {
    const err = (code: UnitImportErrorCode, args: Record<string, string | number> = {}) =>
      errors.push({ line: row.line, code, args });
    const code = cell(row, 'code').toUpperCase();
    const name = cell(row, 'name');
    const type = cell(row, 'type').toUpperCase();
    const parent = cell(row, 'parent').toUpperCase() || null;
    const clusters = cell(row, 'cluster')
      .split(/[|;]/)
      .map((c) => c.trim().toUpperCase())
      .filter((c) => c !== '');
    if (code === '') err('missing_code');
    else if (!CODE_RE.test(code)) err('bad_code', { value: code.slice(0, 70) });
    else if (seen.has(code)) err('duplicate_code', { value: code, first: seen.get(code)! });
    if (code !== '') seen.set(code, seen.get(code) ?? row.line);
    if (name === '') err('missing_name');
    else if (name.length > 300) err('name_too_long', { max: 300 });
    if (!unitTypes.has(type))
      err('unknown_type', { value: type.slice(0, 40), allowed: [...unitTypes].join(', ') });
    if (parent !== null && parent === code) err('self_parent', { value: code });
    units.push({ line: row.line, code, name, type, parent, clusters });
  }

  const typeOf = (c: string) => units.find((u) => u.code === c)?.type ?? existing.types.get(c);
  for (const u of units) {
    if (u.parent !== null && u.parent !== u.code && typeOf(u.parent) === undefined) {
      errors.push({ line: u.line, code: 'unknown_parent', args: { value: u.parent } });
    }
    for (const c of u.clusters) {
      const t = typeOf(c);
      if (t === undefined) errors.push({ line: u.line, code: 'unknown_cluster', args: { value: c } });
      else if (t !== 'CLUSTER') errors.push({ line: u.line, code: 'not_a_cluster', args: { value: c } });
    }
  }

  // Cycles through parents, across the file and the database.
  const parentOf = new Map(existing.parents);
  for (const u of units) parentOf.set(u.code, u.parent);
  for (const u of units) {
    const visited = new Set<string>([u.code]);
    let p = parentOf.get(u.code) ?? null;
    while (p !== null) {
      if (visited.has(p)) {
        if (p === u.code && u.parent !== u.code) {
          errors.push({ line: u.line, code: 'parent_cycle', args: { value: u.code } });
        }
        break;
      }
      visited.add(p);
      p = parentOf.get(p) ?? null;
    }
  }

  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, units };
}

/**
 * Orders units so that every parent comes before its children (parents from the file first).
 */
export function orderByParent(units: readonly ImportedUnit[]): ImportedUnit[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const out: ImportedUnit[] = [];
  const done = new Set<string>();
  const visit = (u: ImportedUnit) => {
    if (done.has(u.code)) return;
    done.add(u.code);
    const p = u.parent ? byCode.get(u.parent) : undefined;
    if (p) visit(p);
    out.push(u);
  };
  for (const u of units) visit(u);
  return out;
}

/** A name a unit bore before its current one, and the days it was in use (ISO dates, inclusive). */
export interface FormerName {
  name: string;
  /** First day in use; null: since before the service knew the unit. */
  validFrom: IsoDate | null;
  /** Last day in use. */
  validTo: IsoDate;
}

/**
 * The days a replaced name was in use when a rename takes effect on `renamedOn` (an import's
 * date): from the day after the unit's latest former name ended (`latestValidTo`; null when it
 * has none: since before the service knew the unit) to the day before the rename, so on the
 * import's date the new name holds. Null when that span is empty — a name given and replaced on
 * the same day was the unit's name on no date, and is not history.
 */
export function replacedNameSpan(
  latestValidTo: IsoDate | null,
  renamedOn: IsoDate,
): { validFrom: IsoDate | null; validTo: IsoDate } | null {
  const validFrom = latestValidTo === null ? null : addDays(latestValidTo, 1);
  const validTo = addDays(renamedOn, -1);
  if (validFrom !== null && compareDates(validFrom, validTo) > 0) return null;
  return { validFrom, validTo };
}

/**
 * The name a unit bore on `date`: the first former name (in order of `validTo`) whose days
 * include the date, else its current name (which holds after the latest former name ended, and
 * also stands for dates before anything is known).
 */
export function nameOn(current: string, former: readonly FormerName[], date: IsoDate): string {
  const sorted = [...former].sort((a, b) => compareDates(a.validTo, b.validTo));
  const hit = sorted.find(
    (f) =>
      compareDates(date, f.validTo) <= 0 && (f.validFrom === null || compareDates(f.validFrom, date) <= 0),
  );
  return hit?.name ?? current;
}
