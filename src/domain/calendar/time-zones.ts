/**
 * Time zones: the calendar date and wall-clock time an instant shows in an IANA zone, and the
 * instant a wall-clock time falls on. Offsets come from `Intl`, so zones with daylight saving
 * time work too. Pure: the instant is always a parameter, never the clock.
 *
 * @module
 */
import { type DateParts, datePartsOf, formatIsoDate, type IsoDate, MS_PER_DAY } from './dates.js';

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

const HHMM_RE = /^(\d{1,2}):(\d{2})$/;

/**
 * The hour and minute of a 24-hour time written `"H:MM"` or `"HH:MM"` (`00:00`–`23:59`);
 * `null` for anything else (`24:00`, `8h`, `08:60`). Never throws: callers word their own error.
 */
export function parseHhmm(hhmm: string): LocalTime | null {
  const match = HHMM_RE.exec(hhmm);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  return !match || hour > 23 || minute > 59 ? null : { hour, minute };
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
  const { year, month, day } = datePartsOf(date);
  const time = parseHhmm(hhmm);
  if (time === null) throw new RangeError(`Not a 24-hour time HH:MM: ${JSON.stringify(hhmm)}`);
  const wall: WallClock = { year, month, day, hour: time.hour, minute: time.minute, second: 0 };
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
