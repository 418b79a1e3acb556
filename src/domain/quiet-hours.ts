/**
 * Quiet hours: a daily period, chosen by one person, during which reminders to that person are
 * held and delivered when the period ends — a delay, never a drop. The product rule: a person
 * may not opt out of the pre-deadline reminder stages, but may choose quiet hours.
 *
 * A period is stored as minutes after local midnight in the application's time zone
 * (`Person.quietFrom`, `Person.quietTo`): `from` inclusive, `to` exclusive, crossing midnight
 * when `from > to` (`22:00–06:00`). `from === to` is not a period.
 *
 * Pure: imports only the calendar and text modules; never reads the clock or the environment.
 *
 * @module
 */
import { addDays, instantAt, localDateOf, localTimeOf } from './calendar.js';
import { foldForMatch } from './text.js';

/** A daily quiet period in minutes after local midnight: `from` inclusive, `to` exclusive. */
export interface QuietHours {
  /** 0–1439. */
  from: number;
  /** 0–1439, different from `from`; smaller than `from` when the period crosses midnight. */
  to: number;
}

/**
 * Result of {@link parseQuietHours}: the period read (`null` when the person cleared it), or why
 * the text was refused.
 */
export type QuietHoursParseResult =
  | { ok: true; value: QuietHours | null }
  | { ok: false; reason: 'format' | 'too_long' | 'empty' };

const MINUTES_PER_DAY = 1440;

/**
 * The cap, so that quiet hours can never become an opt-out.
 *
 * Reminders matter during office hours, when a focal point can act on them; the product
 * requires that a quiet period leave at least 2 hours of the 08:00–17:00 window open every
 * day. Two limits, both checked:
 * - at most 3 hours of the period may fall inside 08:00–17:00, so at least 6 of those 9 office
 *   hours stay open every day (three times the required floor). Three hours fit every ordinary
 *   reason — a lunch break (11:30–13:30), a morning hearing or meeting — but not a whole
 *   afternoon or morning off;
 * - at most 14 hours in all (`18:00–08:00` is the longest overnight period), so at least
 *   10 hours of every day are open and no reminder is ever held longer than 14 hours.
 * Without the second limit, `15:30–09:30` (3 office hours, 18 hours in all) would pass.
 */
export const QUIET_HOURS_LIMITS = {
  /** The office-hours window the cap protects, minutes after midnight (08:00–17:00). */
  workingFrom: 8 * 60,
  workingTo: 17 * 60,
  /** Longest part of a quiet period inside the window. */
  maxInWorkingWindow: 3 * 60,
  /** Longest quiet period. */
  maxTotal: 14 * 60,
} as const;

/** Length of a period in minutes (1–1439). */
export function quietLength(q: QuietHours): number {
  return (q.to - q.from + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

/** Minutes of the period that fall inside the 08:00–17:00 office window. */
export function quietMinutesInWorkingWindow(q: QuietHours): number {
  const { workingFrom, workingTo } = QUIET_HOURS_LIMITS;
  const overlap = (a: number, b: number) => Math.max(0, Math.min(b, workingTo) - Math.max(a, workingFrom));
  return q.from < q.to ? overlap(q.from, q.to) : overlap(q.from, MINUTES_PER_DAY) + overlap(0, q.to);
}

const isMinuteOfDay = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < MINUTES_PER_DAY;

/** Whether `q` is a well-formed period (both ends 0–1439, different) within the cap. */
export function isAllowedQuietHours(q: QuietHours): boolean {
  return (
    isMinuteOfDay(q.from) &&
    isMinuteOfDay(q.to) &&
    q.from !== q.to &&
    quietLength(q) <= QUIET_HOURS_LIMITS.maxTotal &&
    quietMinutesInWorkingWindow(q) <= QUIET_HOURS_LIMITS.maxInWorkingWindow
  );
}

/**
 * The quiet hours a person has, from the two stored columns: `null` when both are null, and
 * also when the stored pair is not an allowed period (one end missing, out of range, equal ends,
 * or beyond the cap — e.g. written by hand in the database). Ignoring such a pair means
 * reminders go out at once: no stored value can turn into an opt-out.
 */
export function storedQuietHours(from: number | null, to: number | null): QuietHours | null {
  if (from === null || to === null) return null;
  const q = { from, to };
  return isAllowedQuietHours(q) ? q : null;
}

/** Words that clear quiet hours, folded (no diacritics): tắt, không, xóa, off, none. */
const OFF_WORDS = new Set(['tat', 'khong', 'xoa', 'off', 'none']);
/** Longest text read as a period; anything longer is not one. */
const MAX_INPUT = 64;
/** `12`, `12:30`, `12h`, `12h30`, `12g30`, `12 giờ 30`, `12.30`, `10pm`, `10:30 am`. */
const TIME = String.raw`(\d{1,2})(?:\s*(?::|gio|h|g|\.)\s*(\d{2})?)?(?:\s*(am|pm))?`;
const RANGE_RE = new RegExp(
  String.raw`^(?:tu|from)?\s*${TIME}\s*(?:-|–|—|~|den|toi|to|until|till)\s*${TIME}$`,
);

function minuteOfDay(hourText: string, minuteText: string | undefined, meridiem: string | undefined) {
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (hour === 24 && minute === 0) {
    hour = 0; // "22:00-24:00": midnight as an end
  } else if (hour > 23) {
    return null;
  }
  return hour * 60 + minute;
}

/**
 * Reads quiet hours as people type them after `/giotinh`: `12:00-13:30`, `12h-13h30`,
 * `12g-13g`, `12 giờ đến 13 giờ 30`, `từ 12h đến 13h`, `22:00 - 6:00` (across midnight),
 * `12.00–13.30`, `10pm-6am`; a bare hour counts as whole (`12-13`); `24:00` means midnight.
 * `tắt`/`tat`, `không`/`khong`, `xóa`, `off`, `none` clear them (`value: null`).
 *
 * Refusals (a user's mistake is a result, not an exception):
 * - `empty`: nothing but spaces;
 * - `format`: anything else, including a start equal to the end and texts over 64 characters;
 * - `too_long`: a well-formed period beyond the cap ({@link QUIET_HOURS_LIMITS}).
 */
export function parseQuietHours(text: string): QuietHoursParseResult {
  const t = foldForMatch(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '');
  if (!t) return { ok: false, reason: 'empty' };
  if (t.length > MAX_INPUT) return { ok: false, reason: 'format' };
  if (OFF_WORDS.has(t)) return { ok: true, value: null };
  const m = RANGE_RE.exec(t);
  if (!m) return { ok: false, reason: 'format' };
  const from = minuteOfDay(m[1]!, m[2], m[3]);
  const to = minuteOfDay(m[4]!, m[5], m[6]);
  if (from === null || to === null || from === to) return { ok: false, reason: 'format' };
  const value = { from, to };
  if (!isAllowedQuietHours(value)) return { ok: false, reason: 'too_long' };
  return { ok: true, value };
}

/** A minute of the day as `HH:MM` (24-hour): `formatTimeOfDay(390) === '06:30'`. */
export function formatTimeOfDay(minuteOfDay: number): string {
  const m = ((Math.trunc(minuteOfDay) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** A period as people read it, with an en dash: `12:00–13:30`, `22:00–06:00`. */
export function formatQuietHours(q: QuietHours): string {
  return `${formatTimeOfDay(q.from)}–${formatTimeOfDay(q.to)}`;
}

/** Minutes the zone's wall clock is ahead of UTC at `instant` (whole-minute offsets). */
function offsetMinutesAt(instant: Date, timeZone: string): number {
  const wall = Date.parse(
    `${localDateOf(instant, timeZone)}T${formatTimeOfDay(wallMinuteOf(instant, timeZone))}:00Z`,
  );
  return (wall - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000;
}

/** The wall clock's minute of the day in `timeZone` at `instant` (seconds dropped). */
function wallMinuteOf(instant: Date, timeZone: string): number {
  const { hour, minute } = localTimeOf(instant, timeZone);
  return hour * 60 + minute;
}

function isInside(q: QuietHours, minuteOfDay: number): boolean {
  return q.from < q.to
    ? minuteOfDay >= q.from && minuteOfDay < q.to
    : minuteOfDay >= q.from || minuteOfDay < q.to;
}

/**
 * When the quiet period `now` falls in ends: the first instant after `now` at which the wall
 * clock in `timeZone` (an IANA name, normally APP_TIMEZONE) has left the period — the moment
 * it shows `to`; `null` when `now` is not inside a period (or `quiet` is `null`), so the
 * reminder may go out at once.
 *
 * Inside means the wall clock's hour and minute (seconds dropped) are in `[from, to)`, or in
 * `[from, 24:00) ∪ [00:00, to)` across midnight: at 12:00:00 a `12:00–13:30` period has begun,
 * at 13:29:59 it still holds (ending 13:30:00), at 13:30:00 it is over. A period crossing
 * midnight entered before midnight ends the next calendar day.
 *
 * Daylight saving time (not in Vietnam, but any IANA zone works): the wall clock is what
 * counts. When clocks set forward skip `to`, the period ends at the jump; when clocks set back
 * show `to` twice, it ends at the occurrence after `now`.
 *
 * A period that {@link parseQuietHours} would refuse (malformed, or beyond the cap) is
 * ignored — `null`, never a longer hold — so that no stored value can become an opt-out.
 * @throws RangeError for an invalid `now` or an unknown time zone.
 */
export function quietEndsAt(now: Date, timeZone: string, quiet: QuietHours | null): Date | null {
  // Most people have none: no time-zone arithmetic on the hot path of a fan-out for them.
  if (!quiet || !isAllowedQuietHours(quiet)) return null;
  const date = localDateOf(now, timeZone);
  const m = wallMinuteOf(now, timeZone);
  if (!isInside(quiet, m)) return null;
  const { from, to } = quiet;
  // Across midnight and before it: the period ends tomorrow.
  const endDate = from > to && m >= from ? addDays(date, 1) : date;
  const end = instantAt(endDate, formatTimeOfDay(to), timeZone);
  if (wallMinuteOf(end, timeZone) !== to) {
    // `to` was skipped (clocks set forward; instantAt moved it past the gap): find the jump,
    // the first minute whose wall clock is outside. From `now` to `end` the wall clock only
    // moves forward, so "inside" holds up to one minute and never again.
    let inside = Math.floor(now.getTime() / 60_000);
    let outside = Math.floor(end.getTime() / 60_000);
    while (outside - inside > 1) {
      const mid = Math.floor((inside + outside) / 2);
      if (isInside(quiet, wallMinuteOf(new Date(mid * 60_000), timeZone))) inside = mid;
      else outside = mid;
    }
    return new Date(outside * 60_000);
  }
  if (end.getTime() > now.getTime()) return end;
  // Clocks set back and `now` is in the repeated hour, past the first `to`: the second one.
  const shift =
    offsetMinutesAt(end, timeZone) - offsetMinutesAt(new Date(end.getTime() + 86_400_000), timeZone);
  const later = new Date(end.getTime() + shift * 60_000);
  return later.getTime() > now.getTime() ? later : null;
}
