/**
 * What a ledger row says, in the recipient's language, read at the moment of sending: a
 * reminder whose assignment was completed meanwhile, an escalation whose units have all sent,
 * a decided exception request, a notice about a person reachable again — each has nothing
 * left to say (null), and the delivery skips the row.
 */
import { localDateOf } from '../domain/calendar.js';
import type { StatusReport } from '../domain/status.js';
import {
  digestMessage,
  escalationMessage,
  exceptionDecisionMessage,
  exceptionRequestMessage,
  recipientGoneMessage,
  reminderMessage,
} from '../messages/reminders.js';
import { narrowReport } from '../messages/status-view.js';
import type { ChannelName, OutgoingMessage } from '../ports/channel.js';
import type { Clock } from '../ports/clock.js';
import type { ManagerStore } from '../ports/manager-store.js';
import type { LedgerRow } from '../ports/reminder-ledger.js';
import type { ReminderRecipients } from '../ports/reminder-recipients.js';
import type { ReminderView, ReminderViewStore } from '../ports/reminder-views.js';
import type { Locale, Translator } from '../ports/translator.js';
import type { StatusService } from './status.js';

/** The reads a ledger row's message is composed from. */
export interface ComposeDeps {
  views: ReminderViewStore;
  recipients: Pick<ReminderRecipients, 'goneNotice'>;
  /** Lock exceptions and duty codes (rows of kind `exception`, `digest` and `escalation`). */
  managers?: Pick<ManagerStore, 'exception' | 'dutyCode'>;
  /** Managers' status (rows of kind `digest`; an `escalation`'s counts of its own group). */
  status?: Pick<StatusService, 'forPerson'>;
  translator: Translator;
  clock: Clock;
  timeZone: string;
}

/**
 * The message of a ledger row in locale `l`; null when there is nothing left to say. A claimed
 * reminder carries its assignment's view (`row.view`); otherwise it is read here.
 */
export async function composeLedgerMessage(
  deps: ComposeDeps,
  row: LedgerRow & { view?: ReminderView | null },
  l: Locale,
): Promise<OutgoingMessage | null> {
  switch (row.kind) {
    case 'exception':
      return composeException(deps, row, l);
    case 'recipient_gone':
      return composeRecipientGone(deps, row, l);
    case 'digest':
      return composeDigest(deps, row, l);
    case 'escalation':
      return composeEscalation(deps, row, l);
    default:
      return composeReminder(deps, row, l);
  }
}

async function composeReminder(
  deps: ComposeDeps,
  row: LedgerRow & { view?: ReminderView | null },
  l: Locale,
): Promise<OutgoingMessage | null> {
  if (row.assignmentId === null) return null;
  const view = row.view ?? (await deps.views.reminderView(row.assignmentId));
  if (!view || view.complete) return null;
  const peers = await deps.views.peerStats({
    dutyId: view.dutyId,
    periodCode: view.periodCode,
    typeCode: view.typeCode,
    clusterId: view.clusterId,
  });
  return reminderMessage(deps.translator, l, {
    view,
    peers,
    nudge: row.kind === 'nudge',
    today: today(deps),
  });
}

/**
 * An escalation digest: the row's units still not complete, and — from the recipient's status
 * report — how the digest's own group (the recipient's units of the same deadline) stands.
 */
async function composeEscalation(
  deps: ComposeDeps,
  row: LedgerRow,
  l: Locale,
): Promise<OutgoingMessage | null> {
  if (row.dutyId === null || row.periodCode === null) return null;
  const missing = await deps.views.stillMissing(row.dutyId, row.periodCode, row.unitIds);
  if (missing.length === 0) return null;
  const [info, report] = await Promise.all([
    deps.views.dutyInfo(row.dutyId, row.periodCode),
    recipientReport(deps, row),
  ]);
  // The digest's units share one deadline (it is part of the row's key).
  const due = missing[0]!.dueDate;
  const group =
    report && due
      ? narrowReport(
          report,
          report.units.filter((u) => u.dueDate === due),
          today(deps),
        )
      : null;
  return escalationMessage(deps.translator, l, { periodCode: row.periodCode, missing, info, group });
}

/**
 * The weekly digest: the recipient's report over the units of the deadline it was planned for
 * (`digest-<date>-due-<deadline>`; an older row without one: the next deadline in scope).
 */
async function composeDigest(deps: ComposeDeps, row: LedgerRow, l: Locale): Promise<OutgoingMessage | null> {
  const report = await recipientReport(deps, row);
  if (!report) return null;
  const now = today(deps);
  const due =
    /-due-(\d{4}-\d{2}-\d{2})$/.exec(row.stage)?.[1] ??
    report.units
      .map((u) => u.dueDate)
      .filter((d): d is string => d !== null && d >= now)
      .sort()[0];
  const group = report.units.filter((u) => u.dueDate === due);
  if (!due || group.length === 0) return null;
  return digestMessage(deps.translator, l, {
    report: narrowReport(report, group, now),
    due,
    timeZone: deps.timeZone,
  });
}

/** The recipient's status report on the row's duty and period; null when it cannot be read. */
async function recipientReport(deps: ComposeDeps, row: LedgerRow): Promise<StatusReport | null> {
  if (!deps.status || !deps.managers || row.dutyId === null || row.periodCode === null) return null;
  const dutyCode = await deps.managers.dutyCode(row.dutyId);
  if (!dutyCode) return null;
  const r = await deps.status.forPerson(row.recipientId, { dutyCode, periodCode: row.periodCode });
  return r.ok ? r.report : null;
}

const today = (deps: ComposeDeps) => localDateOf(deps.clock.now(), deps.timeZone);

/**
 * A lock-exception row (stage `exception-<id>` to managers, `decision-<id>` to the focal
 * point): a request decided before its row is sent is skipped, as is a decision still pending.
 */
async function composeException(
  deps: ComposeDeps,
  row: LedgerRow,
  l: Locale,
): Promise<OutgoingMessage | null> {
  const m = /^(exception|decision)-(\d+)$/.exec(row.stage);
  if (!m || !deps.managers) return null;
  const ex = await deps.managers.exception(Number(m[2]));
  if (!ex) return null;
  if (m[1] === 'exception')
    return ex.status === 'pending' ? exceptionRequestMessage(deps.translator, l, ex) : null;
  return exceptionDecisionMessage(deps.translator, l, ex, deps.timeZone);
}

/**
 * A notice about an unreachable focal point (stage `gone-<personId>-<channel>`, the unit in
 * `unitIds`): nothing to report once they are reached on that channel again.
 */
async function composeRecipientGone(
  deps: ComposeDeps,
  row: LedgerRow,
  l: Locale,
): Promise<OutgoingMessage | null> {
  const m = /^gone-(\d+)-(telegram|zalo|web)$/.exec(row.stage);
  const unitId = row.unitIds[0];
  if (!m || unitId === undefined) return null;
  const notice = await deps.recipients.goneNotice(Number(m[1]), unitId);
  // Reached on that channel again (they wrote to the bot since): nothing to report any more.
  if (!notice || notice.reachedOn === m[2]) return null;
  return recipientGoneMessage(deps.translator, l, notice, m[2] as ChannelName);
}
