/**
 * Plans what is due at an instant: reminders to focal points and escalation digests to
 * managers, written to the ledger first and then queued. The ledger is the truth: a lost queue
 * loses no reminder (stale planned rows are re-enqueued) and a row caught mid-send by a crash
 * becomes uncertain, never sent again in a loop.
 *
 * A preview (`reminders:tick` without `--send`) is this same pass with sinks that keep nothing:
 * its ledger writes go to a transaction that is rolled back, and its queue is
 * {@link discardingQueue}; {@link recordCreated} tells what the pass created.
 */
import { localDateOf, yearsToMaterialise } from '../domain/calendar.js';
import { type DueStage, inSendingWindow, planReminders, type SendingWindow } from '../domain/reminders.js';
import type { LedgerRow, NewLedgerRow, ReminderLedger } from '../ports/reminder-ledger.js';
import type { PlanningData, ReminderPlanningStore } from '../ports/reminder-planning.js';
import type { ReminderQueue } from '../ports/reminder-queue.js';
import type { Recipient, ReminderRecipients } from '../ports/reminder-recipients.js';

/** What one planning pass did. */
export interface PlanSummary {
  planned: number;
  skipped: number;
  escalations: number;
  /** Planned rows re-enqueued because their job may have been lost (Redis restart). */
  requeued: number;
  /** Rows caught in flight by a crash, now `uncertain`. */
  uncertain: number;
}

/** The ports and settings of a planning pass. */
export interface PlanDeps {
  planning: Pick<ReminderPlanningStore, 'planningData'>;
  recipients: Pick<ReminderRecipients, 'focalRecipients' | 'escalationRecipients'>;
  ledger: Pick<ReminderLedger, 'insert' | 'recordSkipped' | 'stalePlanned' | 'resolveStaleSending'>;
  queue: ReminderQueue;
  /** Creates the assignments of the years around `now` (idempotent). */
  materialise: (years: number[]) => Promise<unknown>;
  timeZone: string;
  window?: SendingWindow;
  /** A planned row untouched this long is re-enqueued (default 2 minutes). */
  requeueAfterMs?: number;
  /** A sending row untouched this long is resolved as uncertain (default 5 minutes). */
  uncertainAfterMs?: number;
}

type PlannedAssignment = PlanningData['assignments'][number];

/** The queue of a preview: takes the rows a pass would enqueue and enqueues nothing. */
export const discardingQueue: ReminderQueue = {
  async enqueueDelivery() {},
};

/**
 * The ledger with a record of what it creates: every row `insert` returns (new rows only, the
 * dedupe applied) is added to `created`, in order — what a tick reports as planned.
 */
export function recordCreated<L extends Pick<ReminderLedger, 'insert'>>(
  ledger: L,
): { ledger: L; created: LedgerRow[] } {
  const created: LedgerRow[] = [];
  return {
    created,
    ledger: {
      ...ledger,
      async insert(rows: readonly NewLedgerRow[]) {
        const out = await ledger.insert(rows);
        created.push(...out);
        return out;
      },
    },
  };
}

/** One planning pass at `now`. Safe to run concurrently and repeatedly: the ledger dedupes. */
export async function planDueReminders(deps: PlanDeps, now: Date): Promise<PlanSummary> {
  const today = localDateOf(now, deps.timeZone);
  await deps.materialise(yearsToMaterialise(today));
  const data = await deps.planning.planningData(now, deps.timeZone);
  const plan = planReminders({
    now,
    timeZone: deps.timeZone,
    assignments: data.assignments,
    policies: data.policies,
    holidays: data.holidays,
    planned: data.planned,
    ...(deps.window ? { window: deps.window } : {}),
  });
  const byId = new Map(data.assignments.map((a) => [a.id, a]));
  const assignmentOf = (d: DueStage) => byId.get(d.assignmentId)!;

  const reminders = await reminderRows(deps, plan.due, assignmentOf, now);
  const escalations = await escalationRows(
    deps,
    plan.due.filter((d) => d.escalate),
    assignmentOf,
    now,
  );
  const created = await deps.ledger.insert([...reminders, ...escalations]);
  await deps.ledger.recordSkipped(
    plan.skipped.map((s) => ({ assignmentId: s.assignmentId, stage: s.stage, reason: s.reason })),
  );

  // Recovery: jobs lost with Redis are re-enqueued (the row id dedupes a job still queued) —
  // inside the sending window only, so a queue lost at night sends nothing before the morning
  // (an answer to a manager's exception request excepted: a person is waiting for it);
  // rows caught mid-send by a crash become uncertain, never re-sent in a loop.
  const inWindow = inSendingWindow(now, deps.timeZone, data.holidays, deps.window);
  const stale = (await deps.ledger.stalePlanned(deps.requeueAfterMs ?? 120_000, 5_000)).filter(
    (r) => inWindow || r.kind === 'exception',
  );
  const uncertain = await deps.ledger.resolveStaleSending(deps.uncertainAfterMs ?? 300_000);
  await deps.queue.enqueueDelivery(created.map((r) => ({ id: r.id, channel: r.channel })));
  await deps.queue.enqueueDelivery(
    stale.map((r) => ({ id: r.id, channel: r.channel })),
    { requeue: true },
  );

  return {
    planned: created.filter((r) => r.kind === 'reminder').length,
    skipped: plan.skipped.length,
    escalations: created.filter((r) => r.kind === 'escalation').length,
    requeued: stale.length,
    uncertain,
  };
}

/** A row about stage `d` of assignment `a`; a digest (not a reminder) names no single assignment. */
function stageRow(
  kind: 'reminder' | 'escalation',
  dedupeKey: string,
  a: PlannedAssignment,
  d: DueStage,
  recipient: Recipient,
  plannedFor: Date,
): NewLedgerRow {
  return {
    kind,
    dedupeKey,
    assignmentId: kind === 'reminder' ? a.id : null,
    dutyId: a.dutyId,
    periodCode: a.periodCode,
    stage: d.stage,
    recipient,
    plannedFor,
  };
}

/** One reminder row per due stage and focal point of its unit. */
async function reminderRows(
  deps: PlanDeps,
  due: readonly DueStage[],
  assignmentOf: (d: DueStage) => PlannedAssignment,
  now: Date,
): Promise<NewLedgerRow[]> {
  const unitIds = [...new Set(due.map((d) => assignmentOf(d).unitId))];
  const focal = await deps.recipients.focalRecipients(unitIds);
  const rows: NewLedgerRow[] = [];
  for (const d of due) {
    const a = assignmentOf(d);
    for (const recipient of focal.get(a.unitId) ?? []) {
      rows.push(stageRow('reminder', `r:${a.id}:${d.stage}:${recipient.personId}`, a, d, recipient, now));
    }
  }
  return rows;
}

/**
 * Overdue stages escalate: one digest per manager, duty, period, deadline and stage, listing
 * the units still missing. The deadline is part of the key: one duty may fall due on different
 * days for different unit types (DKTD: 15 Feb, clusters 20 Feb), and each group's stage is its
 * own digest.
 */
async function escalationRows(
  deps: PlanDeps,
  overdue: readonly DueStage[],
  assignmentOf: (d: DueStage) => PlannedAssignment,
  now: Date,
): Promise<NewLedgerRow[]> {
  const digests = new Map<string, NewLedgerRow & { unitIds: number[] }>();
  for (const dutyId of new Set(overdue.map((d) => assignmentOf(d).dutyId))) {
    const ofDuty = overdue.filter((d) => assignmentOf(d).dutyId === dutyId);
    const managers = await deps.recipients.escalationRecipients(
      [...new Set(ofDuty.map((d) => assignmentOf(d).unitId))],
      dutyId,
    );
    for (const d of ofDuty) {
      const a = assignmentOf(d);
      for (const m of managers.get(a.unitId) ?? []) {
        const key = `e:${a.dutyId}:${a.periodCode}:${a.dueDate}:${d.stage}:${m.personId}`;
        const digest = digests.get(key) ?? { ...stageRow('escalation', key, a, d, m, now), unitIds: [] };
        if (!digest.unitIds.includes(a.unitId)) digest.unitIds.push(a.unitId);
        digests.set(key, digest);
      }
    }
  }
  return [...digests.values()];
}
