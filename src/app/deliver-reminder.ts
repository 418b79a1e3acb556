/**
 * Delivers one ledger row through its channel. The row is claimed (planned → sending) before
 * the platform call, so it is sent at most once; a send whose message may have arrived is
 * never repeated.
 */
import { localDateOf } from '../domain/calendar.js';
import { quietEndsAt } from '../domain/quiet-hours.js';
import { nextWindowOpening, type SendingWindow } from '../domain/reminders.js';
import {
  type Channel,
  type ChannelName,
  ChannelNetworkError,
  type OutgoingMessage,
  PartlySentError,
  RateLimitedError,
  RecipientGoneError,
} from '../ports/channel.js';
import type { Logger } from '../ports/logger.js';
import type { ClaimedLedgerRow, ReminderLedger } from '../ports/reminder-ledger.js';
import type { ReminderPlanningStore } from '../ports/reminder-planning.js';
import type { ReminderQueue } from '../ports/reminder-queue.js';
import type { ReminderRecipients } from '../ports/reminder-recipients.js';
import { type ComposeDeps, composeLedgerMessage } from './compose-ledger-message.js';

/** How a delivery ended (a thrown error aside): what the worker logs and returns. */
export type DeliveryOutcome = 'sent' | 'not_planned' | 'skipped' | 'recipient_gone' | 'uncertain';

/** The ports and settings of a delivery. */
export interface DeliverDeps extends ComposeDeps {
  ledger: Pick<
    ReminderLedger,
    'claim' | 'markSent' | 'release' | 'markSkipped' | 'markRecipientGone' | 'markUncertain' | 'insert'
  >;
  /** The holidays, for the sending window a delivery put off by quiet hours waits for. */
  calendar: Pick<ReminderPlanningStore, 'holidays'>;
  recipients: Pick<ReminderRecipients, 'escalationRecipients' | 'goneNotice'>;
  channels: Pick<ReadonlyMap<ChannelName, Pick<Channel, 'send'>>, 'get'>;
  /** Where notices to managers go (a focal point who blocked the bot). */
  queue?: Pick<ReminderQueue, 'enqueueDelivery'>;
  /** The sending window deliveries put off by quiet hours wait for (default 08:00-17:00). */
  window?: SendingWindow;
  logger: Logger;
}

/**
 * Thrown when the recipient is in their quiet hours: the worker puts the job off until `until`
 * (a delay, never a drop: quiet hours are not an opt-out), the attempt is not counted.
 */
export class DeliveryDeferredError extends Error {
  override readonly name = 'DeliveryDeferredError';
  readonly code = 'DELIVERY_DEFERRED';
  constructor(
    readonly until: Date,
    /** From now by the service's clock (which `APP_NOW` may shift from the real one). */
    readonly delayMs: number,
  ) {
    super(`recipient in quiet hours until ${until.toISOString()}`);
  }
}

/** Thrown when the platform asked to wait: the worker rate-limits the queue, the attempt is not counted. */
export class DeliveryRateLimitedError extends Error {
  override readonly name = 'DeliveryRateLimitedError';
  readonly code = 'DELIVERY_RATE_LIMITED';
  constructor(readonly retryAfterSec: number) {
    super(`rate limited for ${retryAfterSec}s`);
  }
}

/**
 * Sends one ledger row. Claims it first (planned → sending); a row not planned (already sent,
 * being sent, skipped) is left alone — except that a `resumed` job (its previous worker died)
 * finding its row `sending` marks it `uncertain`. A reminder whose assignment was completed meanwhile is
 * skipped. Errors: rate limit → row back to planned, DeliveryRateLimitedError; recipient gone →
 * failed, the identity marked blocked and the unit's managers told; a failure after which the
 * message may have arrived (a timeout or reset after the request left, a long text cut off
 * after its first pieces) → uncertain, never sent again; anything else → row back to planned
 * and rethrown for the worker's retry (the worker marks it failed after the last attempt).
 */
export async function deliverReminder(
  deps: DeliverDeps,
  ledgerId: number,
  opts: { resumed?: boolean } = {},
): Promise<DeliveryOutcome> {
  const row = await deps.ledger.claim(ledgerId);
  if (!row) {
    // A job resumed after its worker died finds its row still `sending`: the platform may or
    // may not have the message. Never send it again; count it as uncertain.
    if (opts.resumed && (await deps.ledger.markUncertain(ledgerId))) return 'uncertain';
    return 'not_planned';
  }
  const now = deps.clock.now();
  const quietEnd = quietEndsAt(now, deps.timeZone, row.quiet);
  if (quietEnd) {
    // After the quiet hours, and inside the sending window: quiet 16:30-06:30 must not turn a
    // Friday-afternoon reminder into a Saturday-morning one. A manager's answer to an exception
    // request waits only for the quiet hours (a person is waiting for it).
    const until =
      row.kind === 'exception'
        ? quietEnd
        : nextWindowOpening(quietEnd, deps.timeZone, await deps.calendar.holidays(), deps.window);
    // The ledger's timestamps are real time (see stalePlanned): the same delay from the real now.
    const delayMs = Math.max(0, until.getTime() - now.getTime());
    await deps.ledger.release(row.id, null, true, new Date(Date.now() + delayMs));
    throw new DeliveryDeferredError(until, delayMs);
  }
  let message: OutgoingMessage | null;
  try {
    message = await composeLedgerMessage(deps, row, row.locale);
  } catch (err) {
    await deps.ledger.release(row.id, errorText(err), false);
    throw err;
  }
  if (!message) {
    await deps.ledger.markSkipped(row.id, 'submitted before sending');
    return 'skipped';
  }
  const channel = deps.channels.get(row.channel);
  if (!channel) {
    await deps.ledger.release(row.id, `channel ${row.channel} is not configured here`, false);
    throw new Error(`channel ${row.channel} is not configured`);
  }
  let messageId: string;
  try {
    ({ messageId } = await channel.send(row.chatId, message));
  } catch (err) {
    return failedSend(deps, row, err);
  }
  // The platform has the message: from here on the row must never go back to planned, or it
  // would be sent twice. Marking is retried; a row that still cannot be marked stays `sending`
  // and the recovery pass resolves it as uncertain.
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.ledger.markSent(row.id, messageId, deps.clock.now());
      return 'sent';
    } catch (err) {
      if (attempt >= 3) {
        deps.logger.error({ ledgerId: row.id, err: errorText(err) }, 'sent but not marked: left sending');
        return 'uncertain';
      }
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

/** What a failed platform call does to the row: see `deliverReminder`. Throws what the worker must act on. */
async function failedSend(deps: DeliverDeps, row: ClaimedLedgerRow, err: unknown): Promise<DeliveryOutcome> {
  if (err instanceof RateLimitedError) {
    await deps.ledger.release(row.id, 'rate limited', true);
    throw new DeliveryRateLimitedError(err.retryAfterSec);
  }
  if (err instanceof RecipientGoneError) {
    await deps.ledger.markRecipientGone(row);
    const told = await reportRecipientGone(deps, row).catch((e: unknown) => {
      deps.logger.error(
        { ledgerId: row.id, err: errorText(e) },
        'could not tell managers of a blocked recipient',
      );
      return 0;
    });
    deps.logger.warn(
      { ledgerId: row.id, channel: row.channel, managersTold: told },
      'recipient gone: marked, not retried',
    );
    return 'recipient_gone';
  }
  if (err instanceof PartlySentError || (err instanceof ChannelNetworkError && err.maybeDelivered)) {
    // Neither Telegram nor Zalo has an idempotency key: sending again could deliver it twice.
    await deps.ledger.markUncertain(row.id, `may have been delivered: ${errorText(err)}`);
    deps.logger.warn(
      { ledgerId: row.id, channel: row.channel },
      'send failed after it may have arrived: uncertain',
    );
    return 'uncertain';
  }
  await deps.ledger.release(row.id, errorText(err), false);
  throw err;
}

/**
 * A focal point's reminder could not reach them (they blocked the bot, the chat is gone): the
 * unit's managers in scope hear it once a day per person and channel, with whether the person
 * can still be reached elsewhere. Returns how many notices were queued.
 */
async function reportRecipientGone(deps: DeliverDeps, row: ClaimedLedgerRow): Promise<number> {
  if (row.kind !== 'reminder' && row.kind !== 'nudge') return 0;
  if (row.assignmentId === null || row.dutyId === null) return 0;
  const view = row.view ?? (await deps.views.reminderView(row.assignmentId));
  if (!view) return 0;
  // The unit's managers only: the focal points of the cluster's lead units cannot act on it.
  const managers =
    (await deps.recipients.escalationRecipients([view.unitId], row.dutyId, { clusterLeads: false })).get(
      view.unitId,
    ) ?? [];
  const now = deps.clock.now();
  const day = localDateOf(now, deps.timeZone);
  const created = await deps.ledger.insert(
    managers
      .filter((m) => m.personId !== row.recipientId)
      .map((recipient) => ({
        kind: 'recipient_gone' as const,
        dedupeKey: `g:${row.recipientId}:${row.channel}:${day}:${recipient.personId}`,
        assignmentId: null,
        dutyId: row.dutyId,
        periodCode: row.periodCode,
        stage: `gone-${row.recipientId}-${row.channel}`,
        recipient,
        plannedFor: now,
        unitIds: [view.unitId],
      })),
  );
  await deps.queue?.enqueueDelivery(created.map((r) => ({ id: r.id, channel: r.channel })));
  return created.length;
}

function errorText(err: unknown): string {
  return (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 300);
}
