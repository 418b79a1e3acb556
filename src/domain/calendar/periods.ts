/**
 * Reporting periods: the code of the period a duty reports on (`2026`, `2026-H1`) and the
 * calendar dates a period code covers. Pure.
 *
 * @module
 */
import { formatIsoDate, type IsoDate, pad } from './dates.js';

/** The period a duty reports on: the whole year (`2026`) or its first half (`2026-H1`). */
export type PeriodPattern = 'YYYY' | 'YYYY-H1';

/**
 * The code of the period a duty reports on in `year`: `'2026'` for pattern `YYYY`,
 * `'2026-H1'` for pattern `YYYY-H1`. The year is written with four digits.
 */
export function periodCodeFor(duty: { periodPattern: PeriodPattern }, year: number): string {
  const yyyy = pad(year, 4);
  return duty.periodPattern === 'YYYY-H1' ? `${yyyy}-H1` : yyyy;
}

/**
 * The same period a year earlier (`2027-H1` → `2026-H1`, `2027` → `2026`); null for a code that
 * is not a period, or for year 1.
 */
export function samePeriodYearBefore(code: string): string | null {
  const p = parsePeriodCode(code);
  if (!p || p.year <= 1) return null;
  const year = pad(p.year - 1, 4);
  return p.kind === 'year' ? year : `${year}-H${p.half}`;
}

/** A parsed period code with the calendar dates it covers (both ends inclusive). */
export interface PeriodInfo {
  year: number;
  kind: 'year' | 'half';
  /** Present only when `kind === 'half'`. */
  half?: 1 | 2;
  startDate: IsoDate;
  endDate: IsoDate;
}

/**
 * Parses a period code: `'2026'` (1 Jan–31 Dec 2026), `'2026-H1'` (1 Jan–30 Jun) or
 * `'2026-H2'` (1 Jul–31 Dec). Returns `null` for anything else (`'26'`, `'2026-H3'`,
 * `'2026-h1'`, `'0000'`, surrounding spaces): a malformed code is data, not a crash.
 */
export function parsePeriodCode(code: string): PeriodInfo | null {
  const match = /^(\d{4})(?:-H([12]))?$/.exec(code);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1) return null;
  if (match[2] === undefined) {
    return { year, kind: 'year', startDate: formatIsoDate(year, 1, 1), endDate: formatIsoDate(year, 12, 31) };
  }
  return match[2] === '1'
    ? {
        year,
        kind: 'half',
        half: 1,
        startDate: formatIsoDate(year, 1, 1),
        endDate: formatIsoDate(year, 6, 30),
      }
    : {
        year,
        kind: 'half',
        half: 2,
        startDate: formatIsoDate(year, 7, 1),
        endDate: formatIsoDate(year, 12, 31),
      };
}
