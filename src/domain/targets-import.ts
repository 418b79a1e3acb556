/**
 * Operators' inputs for targets and deadlines, checked before anything is written.
 *
 * - {@link validateTargetImport}: a target import (CSV or XLSX with columns
 *   `indicator,year,scope,kind,min,max`, optional `inclusive,note`). Pure: the caller reads the
 *   file and passes the known indicators and scopes; a file with any bad row is refused whole,
 *   every error with its line (as the unit import).
 * - {@link parseDayMonth}: the `dd/mm` (or `none`) of `duties:set-deadline`.
 *
 * Targets change every year (the THADS rates are set anew each year): they are data, never code.
 */
import { decimalValue, type IndicatorKind, readNumberToken } from './figures/index.js';
import { cell, dataRowsOf, type RawTableRow } from './table-file.js';

export type { RawTableRow } from './table-file.js';

/** The columns of a target import file; all but `inclusive` and `note` are required. */
export const TARGET_IMPORT_COLUMNS = [
  'indicator',
  'year',
  'scope',
  'kind',
  'min',
  'max',
  'inclusive',
  'note',
] as const;
const REQUIRED_COLUMNS = ['indicator', 'year', 'scope', 'kind', 'min', 'max'] as const;

/** The kinds a target may have, as written in the `kind` column (see {@link TargetKind}). */
export const TARGET_KINDS = ['floor', 'ceiling', 'range', 'sum'] as const;
/**
 * `floor`: each unit at least `min`; `ceiling`: each unit at most `max`; `range`: each unit
 * between `min` and `max`; `sum`: the scope's total at least `min` (the 15 houses of THADS).
 */
export type TargetKind = (typeof TARGET_KINDS)[number];

/** The scope every unit falls in. */
export const ALL_SCOPE = 'ALL';
/** Earliest year a target may be imported for. */
export const TARGET_YEAR_MIN = 2000;
/** Latest year a target may be imported for. */
export const TARGET_YEAR_MAX = 2100;
const NOTE_MAX = 1000;

/** One valid row of a target import, ready to store; `line` is its line in the file. */
export interface ImportedTarget {
  line: number;
  /** The indicator's code as stored (codes are matched case-insensitively). */
  indicator: string;
  year: number;
  /** `ALL`, a unit type code, or a unit code (clusters are units), upper case. */
  scope: string;
  kind: TargetKind;
  min: number | null;
  max: number | null;
  /** Whether the bound itself meets the target (≥ rather than >). Default true. */
  inclusive: boolean;
  note: string | null;
}

/** What the validation needs to know about an indicator. */
export interface KnownIndicator {
  code: string;
  kind: IndicatorKind;
  /** The indicator's own bounds, when it has them (a percent without bounds is 0–100). */
  min: number | null;
  max: number | null;
}

/** The scopes a target may name, besides `ALL`. */
export interface TargetScopes {
  unitTypes: ReadonlySet<string>;
  /** Unit codes, clusters included (a cluster is a unit of type CLUSTER). */
  units: ReadonlySet<string>;
}

/** Why a target import or one of its rows was refused; each code has a localised message. */
export type TargetImportErrorCode =
  | 'missing_columns'
  | 'empty_file'
  | 'missing_value'
  | 'unknown_indicator'
  | 'bad_year'
  | 'unknown_scope'
  | 'bad_kind'
  | 'bad_number'
  | 'ambiguous_number'
  | 'missing_min'
  | 'missing_max'
  | 'unexpected_min'
  | 'unexpected_max'
  | 'min_above_max'
  | 'out_of_range'
  | 'bad_inclusive'
  | 'note_too_long'
  | 'duplicate';

/** One refusal: the line of the file (1 = the header) and the message's code and arguments. */
export interface TargetImportError {
  line: number;
  code: TargetImportErrorCode;
  /** Values to interpolate in the localised message. */
  args: Record<string, string | number>;
}

/** Result of {@link validateTargetImport}: every row valid, or every error of the file. */
export type TargetImportResult =
  | { ok: true; targets: ImportedTarget[] }
  | { ok: false; errors: TargetImportError[] };

type NumberReading =
  | { ok: true; value: number | null }
  | { ok: false; code: 'bad_number' | 'ambiguous_number' };

/**
 * Reads a bound written the Vietnamese way (`82,5`, `1.500`) or the English way (`82.5`,
 * `1,500`), with an optional sign and a trailing `%`. When one separator is followed by exactly
 * three digits (`1.500`) the indicator decides: a percent reads a decimal (1,5), a count or an
 * amount reads thousands (1 500); other kinds are refused as ambiguous. Empty → `null`.
 */
export function readBound(text: string, kind: IndicatorKind): NumberReading {
  const t = text.replace(/[\s\u00a0]/g, '').replace(/%$/, '');
  if (t === '') return { ok: true, value: null };
  const m = /^([-+\u2212]?)(.*)$/.exec(t);
  const sign = m?.[1] === '-' || m?.[1] === '\u2212' ? -1 : 1;
  const readings = readNumberToken(m?.[2] ?? '');
  if (readings.length === 0) return { ok: false, code: 'bad_number' };
  let reading = readings[0]!;
  if (readings.length > 1) {
    if (kind === 'percent') reading = readings.find((r) => r.form === 'decimal') ?? reading;
    else if (kind === 'count' || kind === 'money')
      reading = readings.find((r) => r.form === 'thousands') ?? reading;
    else return { ok: false, code: 'ambiguous_number' };
  }
  const value = decimalValue(reading);
  if (!Number.isFinite(value)) return { ok: false, code: 'bad_number' };
  return { ok: true, value: sign * value + 0 };
}

const TRUE_WORDS = new Set(['true', 'yes', '1', 'có', 'co', 'x']);
const FALSE_WORDS = new Set(['false', 'no', '0', 'không', 'khong']);

/**
 * Checks header and rows. Indicator codes are matched case-insensitively and stored as
 * defined; scopes and kinds are upper/lower-cased (`cuc_thads` → `CUC_THADS`, `Floor` →
 * `floor`). A percent indicator's bounds must lie within its own range (0–100 unless the
 * indicator says otherwise, e.g. a growth rate from −100); other indicators' bounds within
 * their min/max where set — except a `sum` target's upper side, since a total exceeds what one
 * unit may report.
 */
export function validateTargetImport(
  header: readonly string[],
  rows: readonly RawTableRow[],
  indicators: readonly KnownIndicator[],
  scopes: TargetScopes,
): TargetImportResult {
  const table = dataRowsOf(header, rows, REQUIRED_COLUMNS, TARGET_IMPORT_COLUMNS);
  if (!table.ok) return table;
  const dataRows = table.rows;

  const byCode = new Map(indicators.map((i) => [i.code.toLowerCase(), i]));
  const errors: TargetImportError[] = [];
  const targets: ImportedTarget[] = [];
  const seen = new Map<string, number>();
  for (const row of dataRows) {
    const rowErrors: TargetImportError[] = [];
    const err = (code: TargetImportErrorCode, args: Record<string, string | number> = {}) =>
      rowErrors.push({ line: row.line, code, args });

    const indicatorText = cell(row, 'indicator');
    const indicator = byCode.get(indicatorText.toLowerCase());
    if (indicatorText === '') err('missing_value', { column: 'indicator' });
    else if (!indicator) err('unknown_indicator', { value: indicatorText.slice(0, 60) });

    const yearText = cell(row, 'year');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    if (yearText === '') err('missing_value', { column: 'year' });
    else if (!(year >= TARGET_YEAR_MIN && year <= TARGET_YEAR_MAX)) {
      err('bad_year', {
        value: yearText.slice(0, 20),
        from: String(TARGET_YEAR_MIN),
        to: String(TARGET_YEAR_MAX),
      });
    }

    const scope = cell(row, 'scope').toUpperCase();
    if (scope === '') err('missing_value', { column: 'scope' });
    else if (scope !== ALL_SCOPE && !scopes.unitTypes.has(scope) && !scopes.units.has(scope)) {
      err('unknown_scope', { value: scope.slice(0, 70) });
    }

    const kindText = cell(row, 'kind').toLowerCase();
    const kind = (TARGET_KINDS as readonly string[]).includes(kindText) ? (kindText as TargetKind) : null;
    if (kindText === '') err('missing_value', { column: 'kind' });
    else if (!kind) err('bad_kind', { value: kindText.slice(0, 30) });

    const bound = (column: 'min' | 'max'): number | null => {
      const text = cell(row, column);
      const r = readBound(text, indicator?.kind ?? 'percent');
      if (r.ok) return r.value;
      err(r.code, { column, value: text.slice(0, 40) });
      return null;
    };
    const minText = cell(row, 'min');
    const maxText = cell(row, 'max');
    const min = bound('min');
    const max = bound('max');
    if (kind) {
      const needsMin = kind !== 'ceiling';
      const needsMax = kind === 'ceiling' || kind === 'range';
      if (needsMin && minText === '') err('missing_min', { kind });
      if (!needsMin && minText !== '') err('unexpected_min', { kind });
      if (needsMax && maxText === '') err('missing_max', { kind });
      if (!needsMax && maxText !== '') err('unexpected_max', { kind });
      if (kind === 'range' && min !== null && max !== null && min > max) err('min_above_max', { min, max });
    }
    if (indicator) {
      const low = indicator.min ?? (indicator.kind === 'percent' ? 0 : null);
      const high = kind === 'sum' ? null : (indicator.max ?? (indicator.kind === 'percent' ? 100 : null));
      for (const [column, value] of [
        ['min', min],
        ['max', max],
      ] as const) {
        if (value === null) continue;
        if ((low !== null && value < low) || (high !== null && value > high)) {
          err('out_of_range', {
            column,
            value,
            low: low ?? '−∞',
            high: high ?? '∞',
          });
        }
      }
    }

    const inclusiveText = cell(row, 'inclusive').toLowerCase();
    let inclusive = true;
    if (FALSE_WORDS.has(inclusiveText)) inclusive = false;
    else if (inclusiveText !== '' && !TRUE_WORDS.has(inclusiveText)) {
      err('bad_inclusive', { value: inclusiveText.slice(0, 20) });
    }

    const note = cell(row, 'note');
    if (note.length > NOTE_MAX) err('note_too_long', { max: NOTE_MAX });

    if (indicator && Number.isInteger(year) && scope !== '') {
      const key = `${indicator.code}|${year}|${scope}`;
      const first = seen.get(key);
      if (first !== undefined) {
        err('duplicate', { indicator: indicator.code, year: String(year), scope, first });
      } else seen.set(key, row.line);
    }

    if (rowErrors.length > 0) errors.push(...rowErrors);
    else {
      targets.push({
        line: row.line,
        indicator: indicator!.code,
        year,
        scope,
        kind: kind!,
        min,
        max,
        inclusive,
        note: note === '' ? null : note,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, targets };
}

// ─────────────────────────────── Deadline dates ───────────────────────────────

/** A deadline as an operator writes it: a day and month, or "not set yet". */
export type DayMonth = { kind: 'date'; day: number; month: number } | { kind: 'none' };

/** Result of {@link parseDayMonth}: the day and month (or `none`), or why the text is not one. */
export type DayMonthResult =
  | { ok: true; value: DayMonth }
  /** `bad_format`: not `dd/mm`; `no_such_day`: 31/02, 31/04, 00/05, 12/13… */
  | { ok: false; code: 'bad_format' | 'no_such_day' };

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const NONE_WORDS = new Set(['none', '-', 'chưa', 'chua', 'chưa ấn định', 'chua an dinh']);

/**
 * Parses `dd/mm` (also `d/m`, `dd-mm`, `dd.mm`) or `none` (also `chưa`): the deadline of a
 * yearly rule, in any year. 29/02 is accepted (it falls on 28/02 in common years, see
 * `nominalDeadline`); 31/02 and 31/04 are not.
 */
export function parseDayMonth(text: string): DayMonthResult {
  const t = text.normalize('NFC').trim().toLowerCase();
  if (NONE_WORDS.has(t)) return { ok: true, value: { kind: 'none' } };
  const m = /^(\d{1,2})[/.-](\d{1,2})$/.exec(t);
  if (!m) return { ok: false, code: 'bad_format' };
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) {
    return { ok: false, code: 'no_such_day' };
  }
  return { ok: true, value: { kind: 'date', day, month } };
}

/** `15/02` for a day and month; `null` when not set. */
export function formatDayMonth(day: number | null, month: number | null): string | null {
  if (day === null || month === null) return null;
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}`;
}
