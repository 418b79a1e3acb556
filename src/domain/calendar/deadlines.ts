/**
 * Deadlines of reporting duties: the rule per unit type, the nominal date written in the plan,
 * the date in force after weekend and holiday shifting, and the assignments (duty × period ×
 * unit) the duties create. Pure: `today` and the holidays arrive as parameters.
 *
 * @module
 */
import { datePartsOf, daysInMonth, formatIsoDate, type IsoDate } from './dates.js';
import { type PeriodPattern, periodCodeFor } from './periods.js';
import { type HolidayTable, onOrAfterWorkingDay } from './working-days.js';

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
  periodPattern: PeriodPattern;
  /** First year the duty exists (inclusive), `null` = no lower bound. */
  fromYear: number | null;
  /** Last year the duty exists (inclusive), `null` = no upper bound. */
  toYear: number | null;
  rules: DeadlineRule[];
  /**
   * The unit the reports are sent to (Vụ TĐKT): it receives them and owes none to itself, whatever
   * its type's rule says. Absent or null: every unit of an applying type reports.
   */
  recipientUnitCode?: string | null;
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
        if (!unit.active || unit.code === duty.recipientUnitCode) continue;
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
  const { year } = datePartsOf(today);
  return [year, year + 1];
}
