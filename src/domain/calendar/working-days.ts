/**
 * Working days: the Monday–Friday week with its exceptions, public holidays off work and
 * make-up working days, which arrive as data (a {@link HolidayTable}). Pure.
 *
 * @module
 */
import {
  addDays,
  compareDates,
  datePartsOf,
  dayOfWeek,
  daysBetween,
  type IsoDate,
  mondayOf,
} from './dates.js';

/**
 * One row of the editable holiday data: a public holiday (or compensation day) off work, or a
 * make-up working day (`workday`, usually a Saturday worked in exchange for a bridge day).
 */
export interface HolidayRow {
  date: IsoDate;
  kind: 'holiday' | 'workday';
}

/**
 * The exceptions to the Monday–Friday working week, built by {@link createHolidayTable}.
 * Treat as opaque and immutable; query it with {@link isWorkingDay} and friends.
 */
export interface HolidayTable {
  /** Dates off work although they may fall Monday–Friday. */
  readonly holidays: ReadonlySet<IsoDate>;
  /** Dates worked although they may fall on a Saturday or Sunday. */
  readonly workdays: ReadonlySet<IsoDate>;
}

/**
 * Builds a {@link HolidayTable} from holiday rows (typically the Holiday table or the seed).
 * Extra fields on the rows (such as a name) are ignored; a date listed twice with the same kind
 * counts once. A holiday on a weekend or a `workday` on a weekday changes nothing, and is
 * accepted so that data can be entered exactly as announced.
 * @throws RangeError when a row's date is not a valid {@link IsoDate}, or when the same date is
 *   listed both as a holiday and as a working day (the data contradicts itself).
 */
export function createHolidayTable(rows: readonly HolidayRow[]): HolidayTable {
  const holidays = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  for (const row of rows) {
    datePartsOf(row.date);
    const [own, other] = row.kind === 'holiday' ? [holidays, workdays] : [workdays, holidays];
    if (other.has(row.date)) {
      throw new RangeError(`Holiday data lists ${row.date} both as a holiday and as a working day`);
    }
    own.add(row.date);
  }
  return { holidays, workdays };
}

/** An empty {@link HolidayTable}: every Monday–Friday is a working day, no weekend day is. */
export const NO_HOLIDAYS: HolidayTable = createHolidayTable([]);

/**
 * Whether `date` is a working day: a Monday–Friday not listed as a holiday, or any date (in
 * practice a Saturday or Sunday) listed as a make-up `workday`.
 * @throws RangeError when `date` is not a valid {@link IsoDate}.
 */
export function isWorkingDay(date: IsoDate, table: HolidayTable): boolean {
  if (table.workdays.has(date)) return true;
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  return !table.holidays.has(date);
}

function stepToWorkingDay(date: IsoDate, step: 1 | -1, table: HolidayTable): IsoDate {
  // Terminates: the table is finite, so past its last entry every week has working days.
  let current = date;
  while (!isWorkingDay(current, table)) current = addDays(current, step);
  return current;
}

/**
 * The first working day of the ISO week of `date` (Monday, or later when Monday is a holiday or
 * part of Tết); null when the whole working week is off.
 */
export function firstWorkingDayOfWeek(date: IsoDate, table: HolidayTable): IsoDate | null {
  const monday = mondayOf(date);
  for (let i = 0; i < 5; i++) {
    const d = addDays(monday, i);
    if (isWorkingDay(d, table)) return d;
  }
  return null;
}

/**
 * The last working day strictly before `date`.
 * @throws RangeError when `date` is not a valid {@link IsoDate}.
 */
export function previousWorkingDay(date: IsoDate, table: HolidayTable): IsoDate {
  return stepToWorkingDay(addDays(date, -1), -1, table);
}

/**
 * The first working day strictly after `date`.
 * @throws RangeError when `date` is not a valid {@link IsoDate}.
 */
export function nextWorkingDay(date: IsoDate, table: HolidayTable): IsoDate {
  return stepToWorkingDay(addDays(date, 1), 1, table);
}

/**
 * `date` itself when it is a working day, otherwise the last working day before it.
 * @throws RangeError when `date` is not a valid {@link IsoDate}.
 */
export function onOrBeforeWorkingDay(date: IsoDate, table: HolidayTable): IsoDate {
  return stepToWorkingDay(date, -1, table);
}

/**
 * `date` itself when it is a working day, otherwise the first working day after it.
 * @throws RangeError when `date` is not a valid {@link IsoDate}.
 */
export function onOrAfterWorkingDay(date: IsoDate, table: HolidayTable): IsoDate {
  return stepToWorkingDay(date, 1, table);
}

/**
 * Moves `n` working days from `date`: forward when `n > 0`, backward when `n < 0`; `n === 0`
 * returns `date` unchanged even when it is not a working day. Each step lands on the next (or
 * previous) working day, so `addWorkingDays(friday, 1)` is the following Monday when that is
 * a working day, and `addWorkingDays(saturday, 1)` is the Monday as well.
 * @throws RangeError when `date` is not a valid {@link IsoDate} or `n` is not an integer.
 */
export function addWorkingDays(date: IsoDate, n: number, table: HolidayTable): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer, got ${n}`);
  datePartsOf(date);
  let current = date;
  for (let i = 0; i < Math.abs(n); i += 1) {
    current = n > 0 ? nextWorkingDay(current, table) : previousWorkingDay(current, table);
  }
  return current;
}

/**
 * Signed count of working days from `a` to `b`: the number of working days `d` with
 * `a < d ≤ b` when `a ≤ b`, and minus the count of `b < d ≤ a` otherwise (so swapping the
 * arguments flips the sign only when both ends are working days). `a` itself is never counted,
 * which makes "working days left until the deadline" read naturally:
 * `workingDaysBetween(today, dueDate)` is 0 on the due date and 1 on the working day before.
 * @throws RangeError when either argument is not a valid {@link IsoDate}.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, table: HolidayTable): number {
  const span = daysBetween(a, b);
  const [from, to, sign] = span >= 0 ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let current = addDays(from, 1); compareDates(current, to) <= 0; current = addDays(current, 1)) {
    if (isWorkingDay(current, table)) count += 1;
  }
  return sign * count;
}
