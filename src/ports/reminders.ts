/**
 * Ports of the reminder pipeline: the ledger (the truth) and the queue (only carries work).
 */
import type { HolidayTable, IsoDate } from '../domain/calendar.js';
import type { IndicatorSpec } from '../domain/figures/index.js';
import type { QuietHours } from '../domain/quiet-hours.js';
import type { PlannerAssignment, ReminderPolicy } from '../domain/reminders.js';
import type { ChannelName } from './channel.js';

/** Where a person is reached: their preferred bound identity. */
export interface Recipient {
  personId: number;
  channel: ChannelName;
  chatId: string;
}

export interface PlanningData {
  assignments: (PlannerAssignment & { unitId: number; dutyId: number })[];
  policies: ReminderPolicy[];
  holidays: HolidayTable;
  /** `${assignmentId}|${stage}` already in the ledger or recorded as skipped. */
  planned: Set<string>;
}

/**
 * What a ledger row carries: a reminder to a focal point, an escalation digest, a manager's
 * nudge, a weekly digest, a lock exception (request or decision), or a notice to a unit's
 * managers that its focal point can no longer be reached (blocked the bot).
 */
export type LedgerKind = 'reminder' | 'escalation' | 'nudge' | 'digest' | 'exception' | 'recipient_gone';

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
  status: 'planned' | 'sending' | 'sent' | 'failed' | 'skipped' | 'uncertain';
  attempts: number;
  unitIds: number[];
}

/** How a unit's peers stand on the same duty and period. */
export interface PeerStats {
  typeCode: string;
  pluralVi: string;
  pluralEn: string;
  done: number;
  total: number;
  /** Units of the person's cluster still not complete (null without a cluster). */
  clusterLeft: number | null;
}

/** What a reminder says about one assignment. */
export interface ReminderView {
  assignmentId: number;
  dutyNameVi: string;
  dutyNameEn: string;
  periodCode: string;
  unitId: number;
  unitName: string;
  dutyId: number;
  typeCode: string;
  clusterId: number | null;
  dueDate: string | null;
  complete: boolean;
  documentSent: boolean;
  /** Required indicators without a value, in the report's order. */
  missing: IndicatorSpec[];
}

/** A unit still missing in an escalation digest. */
export interface MissingUnit {
  id: number;
  name: string;
  cluster: string | null;
  /** Its own deadline (units of one duty may have different ones). */
  dueDate: string | null;
}

/**
 * The reminder ledger. Inserting is idempotent by `dedupeKey` (and by assignment × stage ×
 * recipient); `claim` moves a row from planned to sending atomically, so a row is sent by at
 * most one worker, and a sent row is never sent again.
 */
export interface ReminderStore {
  planningData(now: Date, timeZone: string): Promise<PlanningData>;
  /** Focal points of these units (bound, not blocked), by unit id. */
  focalRecipients(unitIds: readonly number[]): Promise<Map<number, Recipient[]>>;
  /**
   * Managers who must hear about a unit on a duty: the managers of the unit the duty reports to
   * (Vụ TĐKT), of the unit's parents (Tổng cục THADS for a Cục THADS) and of its cluster, and
   * (unless `clusterLeads: false`) the focal points of its cluster's head and deputy units.
   */
  escalationRecipients(
    unitIds: readonly number[],
    dutyId: number,
    opts?: { clusterLeads?: boolean },
  ): Promise<Map<number, Recipient[]>>;
  /** Where each of these people is reached (people with no usable identity are left out). */
  recipientsOf(personIds: readonly number[]): Promise<Map<number, Recipient>>;
  /** Inserts rows not yet in the ledger; returns the new rows only. */
  insert(rows: readonly NewLedgerRow[]): Promise<LedgerRow[]>;
  recordSkipped(rows: readonly { assignmentId: number; stage: string; reason: string }[]): Promise<number>;
  /**
   * Rows still `planned` untouched for `graceMs` of real time (their job may be lost with
   * Redis). Real time, not the service clock: row timestamps are written in real time.
   */
  stalePlanned(graceMs: number, limit: number): Promise<LedgerRow[]>;
  /** `sending` rows untouched for `graceMs` of real time become `uncertain`. */
  resolveStaleSending(graceMs: number): Promise<number>;
  /**
   * A `sending` row whose message may or may not have arrived (its worker died, or the
   * connection failed after the request left) becomes `uncertain`; true when it was.
   */
  markUncertain(id: number, reason?: string): Promise<boolean>;
  /**
   * What a notice about an unreachable focal point says: their name, the unit's, and the
   * channel they can still be reached on (null when none is left).
   */
  goneNotice(
    personId: number,
    unitId: number,
  ): Promise<{ personName: string; unitName: string; reachedOn: ChannelName | null } | null>;
  /**
   * planned → sending, atomically; null when the row is not planned. Carries the recipient's
   * locale and, for a reminder, the assignment as the message shows it.
   */
  claim(
    id: number,
  ): Promise<
    (LedgerRow & { locale: 'vi' | 'en'; quiet: QuietHours | null; view: ReminderView | null }) | null
  >;
  markSent(id: number, platformMessageId: string, at: Date): Promise<void>;
  /**
   * Back to planned (rate limit, retryable error, quiet hours); the attempt is not counted when
   * `uncount`. With `notBefore` (a delivery put off until then) the row counts as untouched
   * from that instant only, so the re-queue of lost jobs leaves it alone until then.
   */
  release(id: number, error: string | null, uncount: boolean, notBefore?: Date): Promise<void>;
  /** The holiday table (cached briefly: deliveries ask it). */
  holidays(): Promise<HolidayTable>;
  markFailed(id: number, error: string): Promise<void>;
  markSkipped(id: number, reason: string): Promise<void>;
  markRecipientGone(row: LedgerRow): Promise<void>;
  list(filter: { dutyCode?: string; periodCode?: string; unitCode?: string }): Promise<LedgerListing[]>;
  peerStats(of: {
    dutyId: number;
    periodCode: string;
    typeCode: string;
    clusterId: number | null;
  }): Promise<PeerStats>;
  /** The assignment as a reminder shows it (one statement: the hot path of a fan-out). */
  reminderView(assignmentId: number): Promise<ReminderView | null>;
  /** Of these units, those whose assignment for the duty and period is still not complete. */
  stillMissing(dutyId: number, periodCode: string, unitIds: readonly number[]): Promise<MissingUnit[]>;
  dutyInfo(
    dutyId: number,
    periodCode: string,
  ): Promise<{ nameVi: string; nameEn: string; dueDate: string | null; total: number; done: number } | null>;
}

export interface LedgerListing {
  id: number;
  kind: string;
  unit: string | null;
  duty: string | null;
  period: string | null;
  stage: string;
  recipient: string;
  channel: string;
  status: string;
  attempts: number;
  plannedFor: string;
  sentAt: string | null;
  error: string | null;
}

/** The work queue of deliveries: one job per ledger row, the row id as the job id. */
export interface ReminderQueue {
  /**
   * `requeue`: rows queued before whose job may be lost (Redis restarted); they are mostly still
   * queued, and re-adding them never holds this process's deliveries as a fan-out does.
   */
  enqueueDelivery(
    rows: readonly { id: number; channel: ChannelName }[],
    opts?: { requeue?: boolean },
  ): Promise<void>;
}

export type { IsoDate };
