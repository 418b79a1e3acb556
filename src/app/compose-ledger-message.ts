/**
 * What a ledger row says, in the recipient's language, read at the moment of sending: a
 * reminder whose assignment was completed meanwhile, an escalation whose units have all sent,
 * a decided exception request, a notice about a person reachable again — each has nothing
 * left to say (null), and the delivery skips the row.
 */
import { localDateOf } from '../domain/calendar.js';
import {
  digestMessage,
  escalationMessage,
  exceptionDecisionMessage,
  exceptionRequestMessage,
  recipientGoneMessage,
  reminderMessage,
} from '../messages/reminders.js';
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
  /** Lock exceptions and duty codes (rows of kind `exception` and `digest`). */
  managers?: Pick<ManagerStore, 'exception' | 'dutyCode'>;
  /** Managers' status (rows of kind `digest`). */
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
  const today = localDateOf(deps.clock.now(), deps.timeZone);
  const peers = await deps.views.peerStats({
    dutyId: view.dutyId,
    periodCode: view.periodCode,
    typeCode: view.typeCode,
    clusterId: view.clusterId,
  });
  return reminderMessage(deps.translator, l, { view, peers, nudge: row.kind === 'nudge', today });
}

async function composeEscalation(
  deps: ComposeDeps,
  row: LedgerRow,
  l: Locale,
): Promise<OutgoingMessage | null> {
  if (row.dutyId === null || row.periodCode === null) return null;
  const missing = await deps.views.stillMissing(row.dutyId, row.periodCode, row.unitIds);
  if (missing.length === 0) return null;
  const info = await deps.views.dutyInfo(row.dutyId, row.periodCode);
  return escalationMessage(deps.translator, l, { periodCode: row.periodCode, missing, info });
}

async function composeDigest(deps: ComposeDeps, row: LedgerRow, l: Locale): Promise<OutgoingMessage | null> {
  if (!deps.status || !deps.managers || row.dutyId === null || row.periodCode === null) return null;
  const dutyCode = await deps.managers.dutyCode(row.dutyId);
  if (!dutyCode) return null;
  const r = await deps.status.forPerson(row.recipientId, { dutyCode, periodCode: row.periodCode });
  if (!r.ok) return null;
  return digestMessage(deps.translator, l, {
    report: r.report,
    scopeAll: r.scope.kind === 'all',
    timeZone: deps.timeZone,
  });
}

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
