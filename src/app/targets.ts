/**
 * Operators' use cases for targets, deadlines and reminder policies: targets change every year,
 * deadlines are announced late and each duty's reminder stages are the administrator's choice,
 * so all are data an administrator changes from the command line, never code. Every change
 * records who and when (AuditLog) and marks the row as the operator's (reminder stages are the
 * operator's once seeded), so a later seeding leaves it alone.
 */
import { localDateOf, yearsToMaterialise } from '../domain/calendar.js';
import { isStageOffset, PLANNING_HORIZON_DAYS } from '../domain/reminders.js';
import {
  formatDayMonth,
  parseDayMonth,
  type RawTableRow,
  type TargetImportError,
  validateTargetImport,
} from '../domain/targets-import.js';
import type { DeadlineStore, DutyRow, TargetRow, TargetStore } from '../ports/targets.js';

export type { DeadlineRuleRow, DutyRow, TargetRow } from '../ports/targets.js';

/**
 * What `importTargets` did: `count` rows upserted (`created` new, `updated` existing), or nothing
 * stored and every error of the file by line.
 */
export type ImportTargetsResult =
  | { ok: true; count: number; created: number; updated: number }
  | { ok: false; errors: TargetImportError[] };

/**
 * Imports targets from a parsed table (header + rows). All or nothing: one bad row refuses the
 * whole file with every error by line; otherwise every row is upserted by (indicator, year,
 * scope) in one transaction, `updatedBy` = `actor`, with one `targets.import` audit row.
 * `source` (the file name) goes into the audit row.
 */
export async function importTargets(
  store: TargetStore,
  table: { header: string[]; rows: RawTableRow[] },
  actor: string,
  source = '',
): Promise<ImportTargetsResult> {
  const { indicators, scopes } = await store.importContext();
  const checked = validateTargetImport(table.header, table.rows, indicators, scopes);
  if (!checked.ok) return checked;
  const { created, updated } = await store.saveTargets(checked.targets, actor, source);
  return { ok: true, count: checked.targets.length, created, updated };
}

/** The stored targets of `year` (every year when omitted), by year, indicator and scope. */
export function listTargets(store: TargetStore, year?: number): Promise<TargetRow[]> {
  return store.list(year);
}

/** Every duty with its recurrence, period pattern, reminder stages and deadline rules. */
export function listDuties(store: DeadlineStore): Promise<DutyRow[]> {
  return store.duties();
}

/** What `setDeadline` is asked to set, as the `duties:set-deadline` command reads it. */
export interface SetDeadlineInput {
  /** Duty code, any case. */
  duty: string;
  /** Unit type code, or `*` (default) for every type without a rule of its own. */
  unitType?: string;
  /** `dd/mm`, or `none` when the date is not announced yet. */
  date: string;
  actor: string;
  now: Date;
  /** The application's time zone: decides which years are "current and next". */
  timeZone: string;
}

/**
 * Why `setDeadline` refused: `bad_format` (not `dd/mm` or `none`), `no_such_day` (31/02…), an
 * unknown duty or unit type, or a unit type that does not carry the duty.
 */
export type SetDeadlineError =
  | 'bad_format'
  | 'no_such_day'
  | 'unknown_duty'
  | 'unknown_unit_type'
  /** Units of that type do not carry the duty: a date would mean nothing. */
  | 'not_applicable';

/**
 * The rule as stored now, what it was and how many pending assignments of `years` were re-dated
 * or created; or the refusal, with the known codes when the duty or unit type is unknown.
 */
export type SetDeadlineResult =
  | {
      ok: true;
      duty: string;
      unitType: string;
      /** `dd/mm`, or null for "not set yet". */
      date: string | null;
      /** The rule's date before (null = not set), undefined when the rule is new. */
      previous: string | null | undefined;
      years: number[];
      /** Pending assignments of those years whose deadline changed. */
      redated: number;
      created: number;
    }
  | { ok: false; error: SetDeadlineError; known?: string[] };

/**
 * Sets the deadline of a duty for a unit type (upserting the DeadlineRule, `updatedBy` =
 * actor, with a `duty.deadline` audit row) and, in the same transaction, re-dates the pending
 * assignments of the current and next year (creating missing ones; submitted ones are never
 * touched).
 * Refuses a malformed or impossible date (31/02), an unknown duty or unit type, and a type
 * that does not carry the duty.
 */
export async function setDeadline(store: DeadlineStore, input: SetDeadlineInput): Promise<SetDeadlineResult> {
  const parsed = parseDayMonth(input.date);
  if (!parsed.ok) return { ok: false, error: parsed.code };
  const dutyCode = input.duty.trim().toUpperCase();
  const unitType = (input.unitType ?? '*').trim().toUpperCase() || '*';
  const duties = await store.duties();
  const duty = duties.find((d) => d.code === dutyCode);
  if (!duty) return { ok: false, error: 'unknown_duty', known: duties.map((d) => d.code) };
  if (unitType !== '*') {
    const types = await store.unitTypes();
    if (!types.has(unitType)) return { ok: false, error: 'unknown_unit_type', known: [...types].sort() };
  }
  const rule =
    duty.deadlines.find((r) => r.unitType === unitType) ?? duty.deadlines.find((r) => r.unitType === '*');
  if (rule && !rule.applies) return { ok: false, error: 'not_applicable' };

  const [day, month] = parsed.value.kind === 'date' ? [parsed.value.day, parsed.value.month] : [null, null];
  const years = yearsToMaterialise(localDateOf(input.now, input.timeZone));
  const { previous, created, redated } = await store.saveRule({
    dutyCode,
    unitType,
    day,
    month,
    actor: input.actor,
    years,
  });
  return {
    ok: true,
    duty: dutyCode,
    unitType,
    date: formatDayMonth(day, month),
    previous,
    years,
    redated,
    created,
  };
}

/** What `setReminderStages` is asked to set, as the `duties:set-reminders` command reads it. */
export interface SetReminderStagesInput {
  /** Duty code, any case. */
  duty: string;
  /** Days relative to the deadline, e.g. [-7,-3,-1,0,1,3] (from `parseStageList`). */
  stages: readonly number[];
  actor: string;
  /** When the change is made: the audit row's time. */
  now: Date;
}

/** The duty's stages before and now; or `unknown_duty`, with the known duty codes. */
export type SetReminderStagesResult =
  | {
      ok: true;
      duty: string;
      /** The stages before, as stored. */
      previous: number[];
      /** The stages now: each once, ascending. */
      stages: number[];
    }
  | { ok: false; error: 'unknown_duty'; known: string[] };

/**
 * Sets the reminder policy of a duty (`Duty.reminderStages`), with a `duty.reminders` audit row
 * (`{from, to}`) in the same transaction. The planner reads the new stages from its next pass;
 * reminders already in the ledger stay as they are. A later seeding leaves the stages alone.
 * Refuses an unknown duty, with the known codes.
 * @throws RangeError when `stages` is empty or holds an offset that is not an integer within
 *   ±PLANNING_HORIZON_DAYS (parse operator input with `parseStageList` first).
 */
export async function setReminderStages(
  store: DeadlineStore,
  input: SetReminderStagesInput,
): Promise<SetReminderStagesResult> {
  const stages = [...new Set(input.stages)].sort((a, b) => a - b);
  const bad = stages.find((s) => !isStageOffset(s) || Math.abs(s) > PLANNING_HORIZON_DAYS);
  if (stages.length === 0 || bad !== undefined) {
    throw new RangeError(
      `setReminderStages: stages must be integers within ±${PLANNING_HORIZON_DAYS} days, got [${input.stages.join(', ')}]`,
    );
  }
  const dutyCode = input.duty.trim().toUpperCase();
  const saved = await store.saveReminderStages({ dutyCode, stages, actor: input.actor, now: input.now });
  if (saved === null) {
    const duties = await store.duties();
    return { ok: false, error: 'unknown_duty', known: duties.map((d) => d.code) };
  }
  return { ok: true, duty: dutyCode, previous: saved.previous, stages };
}
