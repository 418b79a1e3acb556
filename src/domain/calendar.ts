/**
 * The deadline calendar: calendar-date arithmetic, working days and public holidays, time zones,
 * and the deadlines of reporting duties per unit type and period. This file is the calendar's
 * one entry point; each concern lives in a module of `calendar/`:
 * - `dates.ts`: ISO dates and day arithmetic;
 * - `working-days.ts`: the working week, holidays and make-up working days;
 * - `time-zones.ts`: the wall clock of an IANA zone at an instant, and back;
 * - `periods.ts`: period codes (`2026`, `2026-H1`) and the dates they cover;
 * - `deadlines.ts`: duties' deadline rules, nominal and effective deadlines, assignments.
 *
 * Pure: these modules import nothing outside the domain, never read the clock or the
 * environment. Time arrives as a parameter (`today`, an instant), holidays arrive as data (a
 * {@link HolidayTable}).
 *
 * Calendar dates are ISO strings `YYYY-MM-DD` (years 0001–9999) and carry no time zone: they are
 * dates on the wall calendar of the application's time zone. Functions taking an {@link IsoDate}
 * throw a `RangeError` when given a string that is not a real calendar date (`2026-02-30`), because
 * that is a programming or data error, not a user's mistake.
 *
 * @module
 */

export {
  addDays,
  compareDates,
  dayOfWeek,
  daysBetween,
  type IsoDate,
  isIsoDate,
  mondayOf,
} from './calendar/dates.js';
export {
  type CalendarUnit,
  type DeadlineRule,
  type DutyCalendar,
  effectiveDeadline,
  type MaterialisedAssignment,
  type MaterialiseInput,
  materialiseAssignments,
  type NominalDeadline,
  nominalDeadline,
  ruleFor,
  yearsToMaterialise,
} from './calendar/deadlines.js';
export { type PeriodInfo, parsePeriodCode, periodCodeFor, samePeriodYearBefore } from './calendar/periods.js';
export { instantAt, type LocalTime, localDateOf, localTimeOf } from './calendar/time-zones.js';
export {
  addWorkingDays,
  createHolidayTable,
  firstWorkingDayOfWeek,
  type HolidayRow,
  type HolidayTable,
  isWorkingDay,
  NO_HOLIDAYS,
  nextWorkingDay,
  onOrAfterWorkingDay,
  onOrBeforeWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from './calendar/working-days.js';
