/** What the reminder planner reads: the assignments around now, the policies, the calendar. */
import type { HolidayTable } from '../domain/calendar.js';
import type { PlannerAssignment, ReminderPolicy } from '../domain/reminders.js';

/** Everything one planning pass needs, read at once. */
export interface PlanningData {
  assignments: (PlannerAssignment & { unitId: number; dutyId: number })[];
  policies: ReminderPolicy[];
  holidays: HolidayTable;
  /** `${assignmentId}|${stage}` already in the ledger or recorded as skipped. */
  planned: Set<string>;
}

/**
 * The planner's reads. `planningData` covers the assignments of active duties and units due
 * within the planning horizon of `now` (with a margin for stages moved off holidays), and the
 * stages already planned or skipped for them; it runs every minute, also in the middle of a
 * fan-out, so it must stay a few plain statements. `holidays` may be cached briefly: every
 * delivery put off by quiet hours asks it.
 */
export interface ReminderPlanningStore {
  /** The assignments, policies, holidays and planned stages around `now` in `timeZone`. */
  planningData(now: Date, timeZone: string): Promise<PlanningData>;
  /** The holiday table (cached briefly: deliveries ask it). */
  holidays(): Promise<HolidayTable>;
}

/** A unit as an operator reads it in a preview or a listing. */
export interface NamedUnit {
  id: number;
  code: string;
  name: string;
}

/** A person a planned message goes to: their name, language, and the units they hold a role in. */
export interface NamedRecipient {
  name: string;
  locale: 'vi' | 'en';
  /** Units of their current roles (a manager's scope unit, a focal point's unit), by code. */
  units: NamedUnit[];
}

/** Who and what these ledger rows are about, by name (the reads behind a tick's report). */
export interface PlannedRowNamesQuery {
  people: readonly number[];
  assignments: readonly number[];
  units: readonly number[];
  duties: readonly number[];
}

/** The answers to a {@link PlannedRowNamesQuery}; ids not found are left out. */
export interface PlannedRowNamesAnswer {
  people: Map<number, NamedRecipient>;
  /** Assignment id → its unit and duty. */
  assignments: Map<number, { unit: NamedUnit; dutyCode: string }>;
  units: Map<number, NamedUnit>;
  /** Duty id → duty code. */
  duties: Map<number, string>;
}

/**
 * Names for planned ledger rows, so an operator reads "Cục THADS tỉnh Hà Giang → Nguyễn Thị Lan"
 * rather than ids. Read-only; one round of statements per call.
 */
export interface PlannedRowNames {
  names(q: PlannedRowNamesQuery): Promise<PlannedRowNamesAnswer>;
}
