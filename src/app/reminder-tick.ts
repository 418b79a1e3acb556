/**
 * One tick as an operator runs it (`reminders:tick`): the planning pass and the weekly digests
 * at an instant, then what they planned told by name — grouped by kind, report and stage, each
 * message with its unit(s), recipient and channel, and one example text per group in its
 * recipient's language. Whether anything is kept is the caller's choice of sinks (a preview runs
 * this in a rolled-back transaction with a queue that enqueues nothing; `--send` for real).
 */
import { inSendingWindow } from '../domain/reminders.js';
import type { ChannelName } from '../ports/channel.js';
import type { LedgerKind, LedgerRow } from '../ports/reminder-ledger.js';
import type {
  NamedUnit,
  PlannedRowNames,
  PlannedRowNamesAnswer,
  ReminderPlanningStore,
} from '../ports/reminder-planning.js';
import type { Locale } from '../ports/translator.js';
import { type ComposeDeps, composeLedgerMessage } from './compose-ledger-message.js';
import { type PlanDeps, type PlanSummary, planDueReminders, recordCreated } from './plan-reminders.js';

/** One message a tick planned: what, about which unit(s), to whom and where. */
export interface PlannedMessage {
  kind: LedgerKind;
  stage: string;
  dutyCode: string | null;
  periodCode: string | null;
  /**
   * The units it is about: a reminder's unit, an escalation's units still missing, a weekly
   * digest's recipient's own units (their scope).
   */
  units: NamedUnit[];
  recipient: string;
  channel: ChannelName;
}

/** The messages of one kind, report and stage, with the text one of them would have. */
export interface PlannedGroup {
  kind: LedgerKind;
  stage: string;
  dutyCode: string | null;
  periodCode: string | null;
  messages: PlannedMessage[];
  /** One message of the group as its recipient would read it (null when none has a text). */
  example: { recipient: string; locale: Locale; text: string } | null;
}

/** What a tick did (or, in a preview, would do): the counts and the messages by group. */
export interface TickReport extends PlanSummary {
  /** Weekly digests planned. */
  digests: number;
  /** Whether `now` is inside the sending window (outside it no stage is due). */
  inWindow: boolean;
  groups: PlannedGroup[];
  /** Units with a reminder due whom nobody can receive (no bound focal point), by name. */
  unreached: NamedUnit[];
}

/** The ports of a tick. `plan.ledger` must be the same ledger `digests` writes through. */
export interface TickDeps {
  plan: PlanDeps;
  /** The weekly digests' pass (the managers' actions), writing through `plan.ledger`'s inserts. */
  digests: (ledger: Pick<PlanDeps['ledger'], 'insert'>, now: Date) => Promise<number>;
  calendar: Pick<ReminderPlanningStore, 'holidays'>;
  names: PlannedRowNames;
  /** The reads a message's text is made of; its clock should read the tick's instant. */
  compose: ComposeDeps;
}

/** Example texts tried per group before giving up (a row may have nothing left to say). */
const EXAMPLE_TRIES = 3;

/**
 * Runs the planning pass and the weekly digests at `now` through `deps` and describes every row
 * they created. What is kept depends only on the sinks in `deps`.
 */
export async function runTick(deps: TickDeps, now: Date): Promise<TickReport> {
  const { ledger, created } = recordCreated(deps.plan.ledger);
  // The pass asks for the focal points of the units with a stage due: those it gets none for
  // are due a reminder nobody receives.
  const unreached = new Set<number>();
  const recipients: PlanDeps['recipients'] = {
    ...deps.plan.recipients,
    async focalRecipients(unitIds) {
      const found = await deps.plan.recipients.focalRecipients(unitIds);
      for (const id of unitIds) if ((found.get(id) ?? []).length === 0) unreached.add(id);
      return found;
    },
  };
  const summary = await planDueReminders({ ...deps.plan, ledger, recipients }, now);
  const digests = await deps.digests(ledger, now);
  const holidays = await deps.calendar.holidays();
  const inWindow = inSendingWindow(now, deps.plan.timeZone, holidays, deps.plan.window);
  const names = await deps.names.names({
    people: unique(created.map((r) => r.recipientId)),
    assignments: unique(created.flatMap((r) => (r.assignmentId === null ? [] : [r.assignmentId]))),
    units: unique([...created.flatMap((r) => r.unitIds), ...unreached]),
    duties: unique(created.flatMap((r) => (r.dutyId === null ? [] : [r.dutyId]))),
  });
  const groups = new Map<string, { group: PlannedGroup; rows: LedgerRow[] }>();
  for (const row of created) {
    const message = describe(row, names);
    const key = [message.kind, message.dutyCode, message.periodCode, message.stage].join('|');
    let entry = groups.get(key);
    if (!entry) {
      entry = {
        group: { ...pick(message), messages: [], example: null },
        rows: [],
      };
      groups.set(key, entry);
    }
    entry.group.messages.push(message);
    entry.rows.push(row);
  }
  for (const { group, rows } of groups.values()) {
    group.example = await example(deps.compose, rows, names);
  }
  return {
    ...summary,
    digests,
    inWindow,
    groups: [...groups.values()].map((g) => g.group),
    unreached: [...unreached]
      .flatMap((id) => names.units.get(id) ?? [])
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}

const unique = (ids: number[]) => [...new Set(ids)];

function pick(m: PlannedMessage): Pick<PlannedGroup, 'kind' | 'stage' | 'dutyCode' | 'periodCode'> {
  return { kind: m.kind, stage: m.stage, dutyCode: m.dutyCode, periodCode: m.periodCode };
}

/** A created row by name: its assignment's unit and duty, or its listed units, or the recipient's. */
function describe(row: LedgerRow, names: PlannedRowNamesAnswer): PlannedMessage {
  const person = names.people.get(row.recipientId);
  const assignment = row.assignmentId === null ? undefined : names.assignments.get(row.assignmentId);
  const listed = row.unitIds.flatMap((id) => {
    const u = names.units.get(id);
    return u ? [u] : [];
  });
  const units = assignment ? [assignment.unit] : listed.length > 0 ? listed : (person?.units ?? []);
  return {
    kind: row.kind,
    stage: row.stage,
    dutyCode: assignment?.dutyCode ?? (row.dutyId === null ? null : (names.duties.get(row.dutyId) ?? null)),
    periodCode: row.periodCode,
    units,
    recipient: person?.name ?? `#${row.recipientId}`,
    channel: row.channel,
  };
}

/** The text of one of `rows` in its recipient's language (the first that has one). */
async function example(
  deps: ComposeDeps,
  rows: readonly LedgerRow[],
  names: PlannedRowNamesAnswer,
): Promise<PlannedGroup['example']> {
  for (const row of rows.slice(0, EXAMPLE_TRIES)) {
    const person = names.people.get(row.recipientId);
    const locale = person?.locale ?? 'vi';
    const message = await composeLedgerMessage(deps, row, locale);
    if (message) return { recipient: person?.name ?? `#${row.recipientId}`, locale, text: message.text };
  }
  return null;
}
