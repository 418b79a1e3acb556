/**
 * The deadline calendar: calendar-date arithmetic, working days and public holidays, time zones,
 * and the deadlines of reporting duties per unit type and period.
 *
 * Pure: this module imports nothing, never reads the clock or the environment. Time arrives as a
 * parameter (`today`, an instant), holidays arrive as data (a {@link HolidayTable}).
 *
 * Calendar dates are ISO strings `YYYY-MM-DD` (years 0001–9999) and carry no time zone: they are
 * dates on the wall calendar of the application's time zone. Functions taking an {@link IsoDate}
 * throw a `RangeError` when given a string that is not a real calendar date (`2026-02-30`), because
 * that is a programming or data error, not a user's mistake.
 *
 * @module
 */

/** A calendar date `YYYY-MM-DD` (proleptic Gregorian, no time zone), e.g. `2026-02-15`. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
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

function parts(value: IsoDate): DateParts {
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

function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// ---------------------------------------------------------------------------------------------
// Date arithmetic
// ---------------------------------------------------------------------------------------------

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
  return fromEpochDay(toEpochDay(parts(date)) + n);
}

/**
 * Day of the week of `date`: 0 = Sunday, 1 = Monday, …, 6 = Saturday (as `Date#getDay`).
 * @throws RangeError when `date` is not a valid {@link IsoDate}.
 */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(parts(date)) + 4) % 7) + 7) % 7;
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
  return toEpochDay(parts(a)) - toEpochDay(parts(b));
}

/**
 * Signed number of calendar days from `a` to `b`: `b − a`, so
 * `daysBetween('2026-07-10', '2026-07-15') === 5` and the reverse is −5;
 * `addDays(a, daysBetween(a, b)) === b` always holds.
 * @throws RangeError when either argument is not a valid {@link IsoDate}.
 */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(parts(b)) - toEpochDay(parts(a));
}

// ---------------------------------------------------------------------------------------------
// Working days and holidays
// ---------------------------------------------------------------------------------------------

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
    parts(row.date);
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
 * The last working day strictly before `date`.
 * @throws RangeError when `date` is not a valid {@link IsoDate}.
 */
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
  parts(date);
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

// ---------------------------------------------------------------------------------------------
// Time zones
// ---------------------------------------------------------------------------------------------

/** A wall-clock time of day, 24-hour: `hour` 0–23, `minute` 0–59. */
export interface LocalTime {
  hour: number;
  minute: number;
}

interface WallClock extends DateParts {
  hour: number;
  minute: number;
  second: number;
}

// Memoised formatters: building an Intl.DateTimeFormat is costly and the result is immutable.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown time zone.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The last minute read per zone: formatToParts costs tens of microseconds, and a fan-out asks
 * "what day is it" thousands of times a minute. Reused only within one UTC minute and only
 * when the zone's offset is a whole number of minutes there (true of every zone since about
 * 1900; local mean time with seconds, such as Vietnam's before 1906, is recomputed each time).
 */
const lastMinute = new Map<string, { minute: number; wall: WallClock }>();

function wallClockOf(instant: Date, timeZone: string): WallClock {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid Date');
  const minute = Math.floor(time / 60_000);
  const second = Math.floor((time - minute * 60_000) / 1000);
  const hit = lastMinute.get(timeZone);
  if (hit && hit.minute === minute) return { ...hit.wall, second };
  const wall = readWallClock(instant, timeZone);
  if (wall.second === second) lastMinute.set(timeZone, { minute, wall });
  return wall;
}

function readWallClock(instant: Date, timeZone: string): WallClock {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  const bc = fields.era !== undefined && /^B/i.test(fields.era);
  return {
    year: bc ? 1 - yearOfEra : yearOfEra,
    month: Number(fields.month),
    day: Number(fields.day),
    // Some engines print midnight as 24 even with h23.
    hour: Number(fields.hour) % 24,
    minute: Number(fields.minute),
    second: Number(fields.second),
  };
}

/** Milliseconds the zone's wall clock is ahead of UTC at `epochMs` (UTC+7 → 25 200 000). */
function offsetAt(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const wall = wallClockOf(new Date(wholeSecond), timeZone);
  return wallAsUtc(wall) - wholeSecond;
}

function wallAsUtc(wall: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date.getTime();
}

/**
 * The calendar date the wall clock shows in `timeZone` (an IANA name such as
 * `Asia/Ho_Chi_Minh`) at `instant`: `localDateOf(new Date('2026-07-14T17:30:00Z'),
 * 'Asia/Ho_Chi_Minh') === '2026-07-15'` because Vietnam is UTC+7.
 * @throws RangeError for an invalid `Date` or an unknown time zone.
 */
export function localDateOf(instant: Date, timeZone: string): IsoDate {
  const wall = wallClockOf(instant, timeZone);
  return formatIsoDate(wall.year, wall.month, wall.day);
}

/**
 * The wall-clock hour and minute in `timeZone` at `instant` (seconds are dropped, not rounded).
 * @throws RangeError for an invalid `Date` or an unknown time zone.
 */
export function localTimeOf(instant: Date, timeZone: string): LocalTime {
  const wall = wallClockOf(instant, timeZone);
  return { hour: wall.hour, minute: wall.minute };
}

const HHMM_RE = /^(\d{1,2}):(\d{2})$/;

/**
 * The instant at which the wall clock in `timeZone` shows `date` at `hhmm` (`"H:MM"` or
 * `"HH:MM"`, 24-hour, `00:00`–`23:59`). Uses the zone's real UTC offset for that moment (from
 * `Intl`), so it is right in zones with daylight saving time too. When the local time happens
 * twice (clocks set back) the earlier instant is returned; when it does not exist (clocks set
 * forward) the result is shifted forward by the gap, e.g. 02:30 on a spring-forward night
 * becomes 03:30 — the same choice as `Temporal`'s `"compatible"` disambiguation.
 * Asia/Ho_Chi_Minh is UTC+7 all year: `instantAt('2026-07-15', '00:30', 'Asia/Ho_Chi_Minh')`
 * is `2026-07-14T17:30:00Z`.
 * @throws RangeError when `date` is not a valid {@link IsoDate}, `hhmm` is malformed, or the
 *   time zone is unknown.
 */
export function instantAt(date: IsoDate, hhmm: string, timeZone: string): Date {
  const { year, month, day } = parts(date);
  const match = HHMM_RE.exec(hhmm);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) {
    throw new RangeError(`Not a 24-hour time HH:MM: ${JSON.stringify(hhmm)}`);
  }
  const wall: WallClock = { year, month, day, hour, minute, second: 0 };
  const naive = wallAsUtc(wall);
  // Offsets on either side of the wanted moment; time zones change offset at most once a day.
  const offsetBefore = offsetAt(naive - MS_PER_DAY, timeZone);
  const offsetAfter = offsetAt(naive + MS_PER_DAY, timeZone);
  const candidates = [naive - offsetBefore, naive - offsetAfter]
    .filter((epochMs) => wallAsUtc(wallClockOf(new Date(epochMs), timeZone)) === naive)
    .sort((x, y) => x - y);
  const first = candidates[0];
  if (first !== undefined) return new Date(first);
  // The wall time falls in a gap: read it with the offset in force before the transition.
  return new Date(naive - offsetBefore);
}

// ---------------------------------------------------------------------------------------------
// Duties, periods and deadlines
// ---------------------------------------------------------------------------------------------

/**
 * When a duty falls due for one unit type. `unitTypeCode` `'*'` is the default for every type
 * without a rule of its own.
 */
export interface DeadlineRule {
  /** A unit type code such as `SO_TU_PHAP`, or `'*'` for every other type. */
  unitTypeCode: string;
  /** `false`: units of that type do not carry the duty. */
  applies: boolean;
  /** 1–12; `null` while the date is not announced yet (a higher body sets it later). */
  month: number | null;
  /** 1–31; `null` while the date is not announced yet. */
  day: number | null;
  /** One-off duties only: the year of the single deadline. Ignored for yearly duties. */
  year: number | null;
}

/** The calendar side of a reporting duty (report type). */
export interface DutyCalendar {
  code: string;
  recurrence: 'yearly' | 'one_off';
  /** Period reported on: the whole year (`2026`) or its first half (`2026-H1`). */
  periodPattern: 'YYYY' | 'YYYY-H1';
  /** First year the duty exists (inclusive), `null` = no lower bound. */
  fromYear: number | null;
  /** Last year the duty exists (inclusive), `null` = no upper bound. */
  toYear: number | null;
  rules: DeadlineRule[];
}

/**
 * The code of the period a duty reports on in `year`: `'2026'` for pattern `YYYY`,
 * `'2026-H1'` for pattern `YYYY-H1`. The year is written with four digits.
 */
export function periodCodeFor(duty: Pick<DutyCalendar, 'periodPattern'>, year: number): string {
  const yyyy = pad(year, 4);
  return duty.periodPattern === 'YYYY-H1' ? `${yyyy}-H1` : yyyy;
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

/**
 * The rule of `duty` for units of type `unitTypeCode`: the rule naming that type, else the
 * default `'*'` rule, else `null`. A type-specific rule wins even when it says `applies: false`.
 * When several rules name the same type the first one wins.
 */
export function ruleFor(duty: Pick<DutyCalendar, 'rules'>, unitTypeCode: string): DeadlineRule | null {
  return (
    duty.rules.find((rule) => rule.unitTypeCode === unitTypeCode) ??
    duty.rules.find((rule) => rule.unitTypeCode === '*') ??
    null
  );
}

/**
 * The nominal deadline of a duty for one unit type and year:
 * - `{ kind: 'due', date }` — the rule's month and day in `year` (the period's own year:
 *   the 2026-H1 report is due 15 Jul 2026, the 2027 registration 15 Feb 2027);
 * - `{ kind: 'not_set' }` — the type carries the duty that year but the date is not announced
 *   yet (`month` or `day` is `null`);
 * - `{ kind: 'not_applicable' }` — the type does not carry the duty that year.
 */
export type NominalDeadline =
  | { kind: 'due'; date: IsoDate }
  | { kind: 'not_set' }
  | { kind: 'not_applicable' };

/**
 * The nominal (as written in the plan) deadline of `duty` for units of type `unitTypeCode` in
 * the period of `year`; see {@link NominalDeadline} for the result.
 *
 * Not applicable when: no rule covers the type ({@link ruleFor} is `null`); the rule has
 * `applies: false`; `year` is outside `fromYear..toYear`; or, for a one-off duty, `year` is not
 * the duty's single year — the rule's `year`, else the duty's `fromYear`; a one-off duty with
 * neither has no period yet and is not applicable in any year.
 *
 * A day past the end of the month is clamped to its last day (a "29 February" rule falls on
 * 28 February in common years). The nominal date may be a weekend or holiday; see
 * {@link effectiveDeadline}.
 * @throws RangeError when the rule's month is not 1–12 or its day not 1–31 (corrupt data).
 */
export function nominalDeadline(duty: DutyCalendar, unitTypeCode: string, year: number): NominalDeadline {
  const rule = ruleFor(duty, unitTypeCode);
  if (!rule?.applies) return { kind: 'not_applicable' };
  if (duty.fromYear !== null && year < duty.fromYear) return { kind: 'not_applicable' };
  if (duty.toYear !== null && year > duty.toYear) return { kind: 'not_applicable' };
  if (duty.recurrence === 'one_off') {
    const onlyYear = rule.year ?? duty.fromYear;
    if (onlyYear === null || year !== onlyYear) return { kind: 'not_applicable' };
  }
  if (rule.month === null || rule.day === null) return { kind: 'not_set' };
  const { month, day } = rule;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 31) {
    throw new RangeError(`Duty ${duty.code}: invalid deadline month/day ${month}/${day}`);
  }
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`Duty ${duty.code}: year out of range: ${year}`);
  }
  return { kind: 'due', date: formatIsoDate(year, month, Math.min(day, daysInMonth(year, month))) };
}

/**
 * The deadline actually in force for a nominal deadline: `nominal` itself when it is a working
 * day, otherwise the first working day after it.
 *
 * Why: Vietnam's Civil Code 2015 (Bộ luật Dân sự 2015), Article 148(5), says that when the last
 * day of a time limit is a weekly day off or a public holiday, the time limit ends at the end of
 * the next working day. So the registration deadline of 15 February 2026 — a Sunday inside the
 * Tết holiday of 14–22 February 2026 — moves to Monday 23 February 2026, and a unit reporting
 * that day is on time. Make-up working Saturdays in the table count as working days.
 * @throws RangeError when `nominal` is not a valid {@link IsoDate}.
 */
export function effectiveDeadline(nominal: IsoDate, table: HolidayTable): IsoDate {
  return onOrAfterWorkingDay(nominal, table);
}

/** The minimum the calendar needs to know about a reporting unit. */
export interface CalendarUnit {
  code: string;
  typeCode: string;
  /** Retired units get no new assignments. */
  active: boolean;
}

/** One duty × period × unit, with its deadlines (both `null` while the date is not set). */
export interface MaterialisedAssignment {
  dutyCode: string;
  periodCode: string;
  unitCode: string;
  /** The date written in the plan. */
  nominalDueDate: IsoDate | null;
  /** The date in force after weekend/holiday shifting ({@link effectiveDeadline}). */
  dueDate: IsoDate | null;
}

/** Input of {@link materialiseAssignments}. */
export interface MaterialiseInput {
  duties: readonly DutyCalendar[];
  units: readonly CalendarUnit[];
  years: readonly number[];
  holidays: HolidayTable;
}

function byCodeUnit(a: string, b: string): number {
  // Code-unit order, not localeCompare: the result must not depend on the runtime's locale.
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/**
 * Every assignment the duties create for the given years: one row per duty × year × active
 * unit whose type carries the duty that year ({@link nominalDeadline} is `due` or `not_set`;
 * `not_set` gives a row with both dates `null`; `not_applicable` gives no row). Inactive units
 * get none. Duplicate years are counted once.
 *
 * Deterministic: rows are sorted by `dutyCode`, then `periodCode`, then `unitCode`, in
 * code-unit order, whatever the order of the inputs. Idempotent by design: storing the rows
 * keyed on (duty, period, unit) lets a scheduler run it repeatedly.
 */
export function materialiseAssignments(input: MaterialiseInput): MaterialisedAssignment[] {
  const rows: MaterialisedAssignment[] = [];
  const years = [...new Set(input.years)];
  for (const duty of input.duties) {
    for (const year of years) {
      const periodCode = periodCodeFor(duty, year);
      for (const unit of input.units) {
        if (!unit.active) continue;
        const nominal = nominalDeadline(duty, unit.typeCode, year);
        if (nominal.kind === 'not_applicable') continue;
        const nominalDueDate = nominal.kind === 'due' ? nominal.date : null;
        rows.push({
          dutyCode: duty.code,
          periodCode,
          unitCode: unit.code,
          nominalDueDate,
          dueDate: nominalDueDate === null ? null : effectiveDeadline(nominalDueDate, input.holidays),
        });
      }
    }
  }
  return rows.sort(
    (a, b) =>
      byCodeUnit(a.dutyCode, b.dutyCode) ||
      byCodeUnit(a.periodCode, b.periodCode) ||
      byCodeUnit(a.unitCode, b.unitCode),
  );
}

/**
 * The years whose assignments should exist on `today`: this year and the next, so that a duty
 * due early in the next year (a 15 February registration) is planned, and reminded of, from
 * late in the current one.
 * @throws RangeError when `today` is not a valid {@link IsoDate}.
 */
export function yearsToMaterialise(today: IsoDate): [number, number] {
  const { year } = parts(today);
  return [year, year + 1];
}
