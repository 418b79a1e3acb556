/**
 * Calendar-date arithmetic on ISO dates `YYYY-MM-DD` (years 0001–9999, proleptic Gregorian, no
 * time zone). Functions taking an {@link IsoDate} throw a `RangeError` for a string that is not
 * a real calendar date (`2026-02-30`): that is a programming or data error, not a user's mistake.
 * Pure.
 *
 * @module
 */

/** A calendar date `YYYY-MM-DD` (proleptic Gregorian, no time zone), e.g. `2026-02-15`. */
export type IsoDate = string;

/** Milliseconds in a calendar day of the UTC counting origin (no leap seconds, no time zone). */
export const MS_PER_DAY = 86_400_000;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as numbers: `year` 1–9999, `month` 1–12, `day` 1–31. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** `value` in decimal, left-padded with zeros to `width` digits (`pad(7, 2) === '07'`). */
export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Number of days in `month` (1–12) of `year`, leap years counted (Gregorian rule). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function tryParts(value: string): DateParts | null {
  const match = ISO_DATE_RE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * The year, month and day of `value`.
 * @throws RangeError when `value` is not a valid {@link IsoDate}.
 */
export function datePartsOf(value: IsoDate): DateParts {
  const result = tryParts(value);
  if (!result) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return result;
}

/** Days since 1970-01-01 of a valid date (the UTC epoch is only a counting origin here). */
function toEpochDay({ year, month, day }: DateParts): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

function fromEpochDay(epochDay: number): IsoDate {
  const date = new Date(epochDay * MS_PER_DAY);
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999)
    throw new RangeError(`Date out of the supported range 0001–9999: year ${year}`);
  return formatIsoDate(year, date.getUTCMonth() + 1, date.getUTCDate());
}

/** Writes a date `YYYY-MM-DD`; the caller guarantees the numbers form a real date. */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Whether `value` is a real calendar date written `YYYY-MM-DD` (year 0001–9999).
 * Never throws; use it to validate input before calling the other functions.
 */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && tryParts(value) !== null;
}

/**
 * The date `n` calendar days after `date` (before it when `n` is negative).
 * `n` must be an integer. Crosses month and year ends and leap days:
 * `addDays('2028-02-28', 1) === '2028-02-29'`.
 * @throws RangeError when `date` is not a valid {@link IsoDate}, `n` is not an integer, or the
 *   result leaves years 0001–9999.
 */
export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays: n must be an integer, got ${n}`);
  return fromEpochDay(toEpochDay(datePartsOf(date)) + n);
}

/**
 * Day of the week of `date`: 0 = Sunday, 1 = Monday, …, 6 = Saturday (as `Date#getDay`).
 * @throws RangeError when `date` is not a valid {@link IsoDate}.
 */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(datePartsOf(date)) + 4) % 7) + 7) % 7;
}

/** The Monday of the ISO week of `date`. */
export function mondayOf(date: IsoDate): IsoDate {
  const d = dayOfWeek(date);
  return addDays(date, d === 0 ? -6 : 1 - d);
}

/**
 * Orders two dates chronologically: a negative number when `a` is before `b`, 0 when equal,
 * a positive number when after. Usable directly as an `Array#sort` comparator.
 * @throws RangeError when either argument is not a valid {@link IsoDate}.
 */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return toEpochDay(datePartsOf(a)) - toEpochDay(datePartsOf(b));
}

/**
 * Signed number of calendar days from `a` to `b`: `b − a`, so
 * `daysBetween('2026-07-10', '2026-07-15') === 5` and the reverse is −5;
 * `addDays(a, daysBetween(a, b)) === b` always holds.
 * @throws RangeError when either argument is not a valid {@link IsoDate}.
 */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(datePartsOf(b)) - toEpochDay(datePartsOf(a));
}
