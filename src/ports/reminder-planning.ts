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
