/**
 * The reminder ledger: one row per message the pipeline owes someone. The ledger, not the
 * queue, is the truth: a lost queue loses no row, and a row is sent at most once.
 */
import type { QuietHours } from '../domain/quiet-hours.js';
import type { ChannelName } from './channel.js';
import type { Recipient } from './reminder-recipients.js';
import type { ReminderView } from './reminder-views.js';

/**
 * What a ledger row carries: a reminder to a focal point, an escalation digest, a manager's
 * nudge, a weekly digest, a lock exception (request or decision), or a notice to a unit's
 * managers that its focal point can no longer be reached (blocked the bot).
 */
export type LedgerKind = 'reminder' | 'escalation' | 'nudge' | 'digest' | 'exception' | 'recipient_gone';

/**
 * Where a row stands: `planned` (waiting for its delivery), `sending` (claimed by one worker),
 * `sent`, `failed`, `skipped` (nothing left to say), `uncertain` (the platform may have it:
 * never sent again).
 */
export type LedgerStatus = 'planned' | 'sending' | 'sent' | 'failed' | 'skipped' | 'uncertain';

/** A row to plan; `dedupeKey` makes planning it twice a no-op. */
export interface NewLedgerRow {
  kind: LedgerKind;
  dedupeKey: string;
  assignmentId: number | null;
  dutyId: number | null;
  periodCode: string | null;
  stage: string;
  recipient: Recipient;
  plannedFor: Date;
  /** Escalations: the units missing when planned. */
  unitIds?: number[];
}

/** A row of the ledger as the pipeline reads it. */
export interface LedgerRow {
  id: number;
  kind: LedgerKind;
  assignmentId: number | null;
  dutyId: number | null;
  periodCode: string | null;
  stage: string;
  recipientId: number;
  channel: ChannelName;
  chatId: string;
  status: LedgerStatus;
  attempts: number;
  unitIds: number[];
}

/**
 * A row just claimed, with what its delivery needs: the recipient's locale and quiet hours
 * and, for a reminder, the assignment as the message shows it.
 */
export type ClaimedLedgerRow = LedgerRow & {
  locale: 'vi' | 'en';
  quiet: QuietHours | null;
  view: ReminderView | null;
};

/**
 * The ledger's writes and claims. Inserting is idempotent by `dedupeKey` (and by assignment ×
 * stage × recipient), so concurrent planning passes in several instances insert each row once.
 * `claim` moves a row from planned to sending atomically: a row is sent by at most one worker,
 * and a sent row is never sent again. A row whose message may have reached the platform is
 * never put back to planned (it becomes `uncertain`). Row timestamps are real time, not the
 * service clock (which `APP_NOW` may shift).
 */
export interface ReminderLedger {
  /** Inserts rows not yet in the ledger; returns the new rows only. */
  insert(rows: readonly NewLedgerRow[]): Promise<LedgerRow[]>;
  /** Records stages the planner will never send, so they are not planned again; returns how many were new. */
  recordSkipped(rows: readonly { assignmentId: number; stage: string; reason: string }[]): Promise<number>;
  /** planned → sending, atomically; null when the row is not planned. */
  claim(id: number): Promise<ClaimedLedgerRow | null>;
  /** sending → sent, with the platform's message id. */
  markSent(id: number, platformMessageId: string, at: Date): Promise<void>;
  /**
   * Back to planned (rate limit, retryable error, quiet hours); the attempt is not counted when
   * `uncount`. With `notBefore` (a delivery put off until then) the row counts as untouched
   * from that instant only, so the re-queue of lost jobs leaves it alone until then.
   */
  release(id: number, error: string | null, uncount: boolean, notBefore?: Date): Promise<void>;
  /** A planned or sending row becomes failed (its last attempt failed). */
  markFailed(id: number, error: string): Promise<void>;
  /** A planned or sending row becomes skipped: there is nothing left to say. */
  markSkipped(id: number, reason: string): Promise<void>;
  /** The row fails and the identity it was sent to is marked blocked (the person blocked the bot). */
  markRecipientGone(row: LedgerRow): Promise<void>;
  /**
   * A `sending` row whose message may or may not have arrived (its worker died, or the
   * connection failed after the request left) becomes `uncertain`; true when it was.
   */
  markUncertain(id: number, reason?: string): Promise<boolean>;
  /**
   * Rows still `planned` untouched for `graceMs` of real time (their job may be lost with
   * Redis). Real time, not the service clock: row timestamps are written in real time.
   */
  stalePlanned(graceMs: number, limit: number): Promise<LedgerRow[]>;
  /** `sending` rows untouched for `graceMs` of real time become `uncertain`; returns how many. */
  resolveStaleSending(graceMs: number): Promise<number>;
}
