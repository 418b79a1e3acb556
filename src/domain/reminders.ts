/**
 * The reminder planner: which reminder stages of which assignments are due at an instant.
 *
 * Pure: it imports only the calendar and the stages, never reads the clock or the environment.
 * The caller passes `now`, the time zone, the holiday data and the stages already in the
 * reminder ledger; the planner answers with the stages to send now and the stages to record as
 * skipped. Running it twice with the same input gives the same answer, and once its answer is
 * stored in the ledger (and fed back as `planned`) the next run does not repeat it.
 *
 * A stage is a number of calendar days relative to the deadline (`-7`, `0`, `+3`), written
 * `T-7`, `T0`, `T+3` in the ledger; how stages are labelled, read and dated is in
 * `reminder-stages.ts`, whose names this module re-exports.
 *
 * @module
 */

import { parseHhmm } from './calendar/time-zones.js';
import {
  addDays,
  compareDates,
  type HolidayTable,
  type IsoDate,
  instantAt,
  isWorkingDay,
  localDateOf,
  workingDaysBetween,
} from './calendar.js';
import { isStageOffset, stageDate, stageLabel } from './reminder-stages.js';

export {
  DEFAULT_REMINDER_STAGES,
  isStageOffset,
  MAX_STAGE_OFFSET,
  type ParsedStageList,
  PLANNING_HORIZON_DAYS,
  parseStageLabel,
  parseStageList,
  plannedKey,
  stageDate,
  stageLabel,
} from './reminder-stages.js';

/** What the planner needs to know about one assignment (duty × period × unit). */
export interface PlannerAssignment {
  id: number;
  dutyCode: string;
  periodCode: string;
  unitCode: string;
  /** Effective deadline (already a working day), null while not set: no reminders then. */
  dueDate: IsoDate | null;
  /** Fully submitted: no reminder of any stage. */
  complete: boolean;
}

/**
 * The reminder stages of one duty. Stages that are not {@link isStageOffset valid offsets}
 * are ignored by the planner; a stage listed twice counts once; order does not matter.
 */
export interface ReminderPolicy {
  dutyCode: string;
  /** days relative to the deadline, e.g. [-7,-3,-1,0,1,3] */
  stages: number[];
}

/**
 * The local hours in which reminders are sent, `'HH:MM'` (or `'H:MM'`) 24-hour wall-clock
 * times in the planner's time zone: from `start` (inclusive) to `end` (exclusive), on working
 * days only. A stage becomes due at `start` on its {@link stageDate}.
 */
export interface SendingWindow {
  start: string /* 'HH:MM' */;
  end: string /* 'HH:MM', exclusive */;
}

/** The default sending window: 08:00–17:00 local time. */
export const DEFAULT_WINDOW: SendingWindow = { start: '08:00', end: '17:00' };

/** The default of {@link PlanInput.catchUpWorkingDays}: a missed stage stays sendable 3 working days. */
export const DEFAULT_CATCH_UP_WORKING_DAYS = 3;

/** Input of {@link planReminders}. */
export interface PlanInput {
  /** The instant planned for (the tick). */
  now: Date;
  /** IANA time zone of the sending window and of "today", e.g. `Asia/Ho_Chi_Minh`. */
  timeZone: string;
  /** Assignment ids are expected to be unique. */
  assignments: readonly PlannerAssignment[];
  /** One policy per duty; when a duty has several, the first wins. A duty without one gets no reminders. */
  policies: readonly ReminderPolicy[];
  holidays: HolidayTable;
  /** Defaults to {@link DEFAULT_WINDOW}. */
  window?: SendingWindow;
  /** Stages already in the ledger (any status), as `${assignmentId}|${stageLabel}`. */
  planned: ReadonlySet<string>;
  /** A missed stage is still sent this many working days after its date at most (default 3). */
  catchUpWorkingDays?: number;
}

/** A stage to send now. */
export interface DueStage {
  assignmentId: number;
  dutyCode: string;
  periodCode: string;
  unitCode: string;
  /** The ledger label, {@link stageLabel} of `offset`. */
  stage: string;
  offset: number;
  /** offset > 0: overdue stages also escalate to managers */
  escalate: boolean;
  /** The working day the stage belongs to ({@link stageDate}); earlier than today when caught up. */
  stageDate: IsoDate;
}

/**
 * A stage that will never be sent, to be recorded in the ledger as skipped:
 * `superseded` — a later stage of the same assignment has also become due;
 * `too_old` — more than `catchUpWorkingDays` working days have passed since its date.
 */
export interface SkippedStage {
  assignmentId: number;
  stage: string;
  reason: 'superseded' | 'too_old';
}

/** Result of {@link planReminders}: both lists sorted by assignment id, then stage offset. */
export interface ReminderPlan {
  due: DueStage[];
  skipped: SkippedStage[];
}

function minutesOf(hhmm: string, field: string): number {
  const time = parseHhmm(hhmm);
  if (time === null) {
    throw new RangeError(`Sending window ${field} is not a 24-hour time HH:MM: ${JSON.stringify(hhmm)}`);
  }
  return time.hour * 60 + time.minute;
}

/** The valid offsets of a policy, each once, ascending. */
function offsetsOf(policy: ReminderPolicy): number[] {
  return [...new Set(policy.stages.filter(isStageOffset))].sort((a, b) => a - b);
}

/** True on a working day between the window's start (inclusive) and end (exclusive), local time. */
export function inSendingWindow(
  now: Date,
  timeZone: string,
  holidays: HolidayTable,
  window: SendingWindow = DEFAULT_WINDOW,
): boolean {
  const today = localDateOf(now, timeZone);
  const nowMs = now.getTime();
  return (
    isWorkingDay(today, holidays) &&
    nowMs >= instantAt(today, window.start, timeZone).getTime() &&
    nowMs < instantAt(today, window.end, timeZone).getTime()
  );
}

/**
 * The first instant at or after `at` inside the sending window: `at` itself when it is inside,
 * else the window's start on the next working day (today's, when `at` is before it). Searches
 * 400 days at most (a holiday table cannot close a whole year).
 */
export function nextWindowOpening(
  at: Date,
  timeZone: string,
  holidays: HolidayTable,
  window: SendingWindow = DEFAULT_WINDOW,
): Date {
  if (inSendingWindow(at, timeZone, holidays, window)) return at;
  let day = localDateOf(at, timeZone);
  for (let i = 0; i < 400; i++, day = addDays(day, 1)) {
    if (!isWorkingDay(day, holidays)) continue;
    const start = instantAt(day, window.start, timeZone);
    if (start.getTime() >= at.getTime()) return start;
  }
  return at;
}

/**
 * The reminder stages due at `now`, and the stages to record as skipped.
 *
 * A stage becomes due at `window.start` local time on its {@link stageDate} (its start
 * instant). For each assignment that is not complete and has a `dueDate`, and each stage of
 * its duty's policy (valid offsets only, each once, in offset order) that is not in `planned`:
 * - its start instant is still in the future → nothing;
 * - a later stage of the same assignment (planned or not) has also reached its start
 *   instant → skipped, `superseded`: only the latest reached stage can be sent, so there is
 *   no burst of stale reminders after an outage or on a fresh install;
 * - more than `catchUpWorkingDays` working days lie between its stage date and today (the local
 *   date of `now`, counted by {@link workingDaysBetween}) → skipped, `too_old`, whatever the
 *   time of day;
 * - otherwise it is due — but only while `now` is inside the sending window on a working day
 *   (local time ≥ `start` and < `end`, today a working day). Outside the window it stays pending:
 *   neither due nor skipped, it is sent in the next window while still valid.
 *
 * Complete assignments and assignments without a `dueDate` produce nothing. Overdue stages
 * (offset > 0) carry `escalate: true`. Both lists are sorted by `assignmentId`, then offset, so
 * the output does not depend on the order of the inputs. Malformed policy stages are ignored,
 * never thrown on.
 * @throws RangeError for an unknown time zone or invalid `now`, a malformed sending window or one
 *   that never opens (`start` ≥ `end`), a `catchUpWorkingDays` that is not a non-negative
 *   integer, or an assignment whose `dueDate` is not a valid {@link IsoDate} (corrupt data).
 */
export function planReminders(input: PlanInput): ReminderPlan {
  const { now, timeZone, holidays, planned } = input;
  const window = input.window ?? DEFAULT_WINDOW;
  const catchUp = input.catchUpWorkingDays ?? DEFAULT_CATCH_UP_WORKING_DAYS;
  if (!Number.isSafeInteger(catchUp) || catchUp < 0) {
    throw new RangeError(`catchUpWorkingDays must be a non-negative integer, got ${catchUp}`);
  }
  if (minutesOf(window.start, 'start') >= minutesOf(window.end, 'end')) {
    throw new RangeError(`Sending window never opens: ${window.start}–${window.end}`);
  }

  const today = localDateOf(now, timeZone);
  const nowMs = now.getTime();
  const inWindow = inSendingWindow(now, timeZone, holidays, window);

  const offsetsByDuty = new Map<string, number[]>();
  for (const policy of input.policies) {
    if (!offsetsByDuty.has(policy.dutyCode)) offsetsByDuty.set(policy.dutyCode, offsetsOf(policy));
  }

  // Many assignments share a deadline: compute each stage date and start instant once.
  const stageDates = new Map<string, IsoDate>();
  const dateOf = (dueDate: IsoDate, offset: number): IsoDate => {
    const key = `${dueDate}|${offset}`;
    let date = stageDates.get(key);
    if (date === undefined) {
      date = stageDate(dueDate, offset, holidays);
      stageDates.set(key, date);
    }
    return date;
  };
  const startInstants = new Map<IsoDate, number>();
  const reached = (date: IsoDate): boolean => {
    // Cheap exits first: only a stage dated today needs its start instant.
    const order = compareDates(date, today);
    if (order !== 0) return order < 0;
    let start = startInstants.get(date);
    if (start === undefined) {
      start = instantAt(date, window.start, timeZone).getTime();
      startInstants.set(date, start);
    }
    return nowMs >= start;
  };

  // The stages a (duty, deadline) pair has reached, and whether the latest is too old to send:
  // the same for every assignment sharing them (a fan-out has thousands per pair).
  interface Reached {
    offset: number;
    date: IsoDate;
    stage: string;
    latest: boolean;
    tooOld: boolean;
  }
  const reachedByDeadline = new Map<string, Reached[]>();
  const reachedOf = (dutyCode: string, dueDate: IsoDate): Reached[] => {
    const key = `${dutyCode}|${dueDate}`;
    let list = reachedByDeadline.get(key);
    if (list === undefined) {
      const offsets = offsetsByDuty.get(dutyCode) ?? [];
      const stages = offsets
        .map((offset) => ({ offset, date: dateOf(dueDate, offset) }))
        .filter((stage) => reached(stage.date));
      const last = stages.at(-1);
      list = stages.map(({ offset, date }) => ({
        offset,
        date,
        stage: stageLabel(offset),
        latest: offset === last?.offset,
        tooOld: offset === last?.offset && workingDaysBetween(date, today, holidays) > catchUp,
      }));
      reachedByDeadline.set(key, list);
    }
    return list;
  };

  const due: DueStage[] = [];
  const skipped: SkippedStage[] = [];
  const assignments = [...input.assignments].sort((a, b) => a.id - b.id);
  for (const assignment of assignments) {
    const { dueDate } = assignment;
    if (assignment.complete || dueDate === null) continue;
    for (const { offset, date, stage, latest, tooOld } of reachedOf(assignment.dutyCode, dueDate)) {
      if (planned.has(`${assignment.id}|${stage}`)) continue;
      if (!latest) {
        skipped.push({ assignmentId: assignment.id, stage, reason: 'superseded' });
      } else if (tooOld) {
        skipped.push({ assignmentId: assignment.id, stage, reason: 'too_old' });
      } else if (inWindow) {
        due.push({
          assignmentId: assignment.id,
          dutyCode: assignment.dutyCode,
          periodCode: assignment.periodCode,
          unitCode: assignment.unitCode,
          stage,
          offset,
          escalate: offset > 0,
          stageDate: date,
        });
      }
    }
  }
  return { due, skipped };
}
