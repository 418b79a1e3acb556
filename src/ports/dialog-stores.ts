/**
 * Stores the dialog engine and its use cases talk to, by role. Implementations live in
 * src/storage (Prisma on PostgreSQL or PGlite).
 */
import type { IndicatorSpec } from '../domain/figures/index.js';
import type { QuietHours } from '../domain/quiet-hours.js';
import type { ScopedTarget } from '../domain/submission.js';
import type { ChannelName } from './channel.js';
import type { Locale } from './translator.js';

export interface UnitRef {
  id: number;
  code: string;
  name: string;
  typeCode: string;
}

export interface RoleRef {
  role: 'focal' | 'manager' | 'admin';
  unit: UnitRef;
}

/** Who is behind a chat identity, with the roles they hold now. */
export interface Binding {
  personId: number;
  fullName: string;
  locale: Locale;
  roles: RoleRef[];
  /** When this identity last wrote (null: never recorded). Reminders go to the channel used last. */
  lastSeenAt: Date | null;
  /** A send to this identity was refused as blocked: reminders skip it until it writes again. */
  blocked?: boolean;
}

export type LinkResult =
  | { ok: true; personId: number; fullName: string }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'already_bound' };

export interface IdentityStore {
  /** The person bound to this platform account, or null when unbound. */
  find(channel: ChannelName, externalId: string): Promise<Binding | null>;
  setLocale(personId: number, locale: Locale): Promise<void>;
  /** The channel reminders go to (null: the one used last); only a channel the person is bound on. */
  setPreferredChannel(personId: number, channel: ChannelName | null): Promise<boolean>;
  /** The channels this person is bound on (not blocked), and the chosen one. */
  channelsOf(personId: number): Promise<{ channels: ChannelName[]; preferred: ChannelName | null }>;
  /**
   * The person's daily quiet hours (reminders held until they end), or null for none. A stored
   * pair that is not an allowed period reads as null (see `storedQuietHours`).
   */
  quietHoursOf(personId: number): Promise<QuietHours | null>;
  /**
   * Sets the person's daily quiet hours, or clears them with null. `value` must be an allowed
   * period (`isAllowedQuietHours`; the dialog reads it with `parseQuietHours`): anything else
   * is a programming error and throws a RangeError, storing nothing.
   */
  setQuietHours(personId: number, value: QuietHours | null): Promise<void>;
  /**
   * Records that this identity wrote now, and so that it no longer blocks the bot. Advisory (it
   * decides which channel reminders go to): implementations may batch it; the chat id stays the
   * one bound.
   */
  touch(channel: ChannelName, externalId: string, chatId: string, now: Date): Promise<void>;
  /** A one-time code (hash stored) for binding this person on another channel. */
  createLinkCode(personId: number, codeHash: string, expiresAt: Date): Promise<void>;
  /**
   * Binds this chat identity to the person of a link code, once. An identity bound to someone
   * else is refused (`already_bound`); bound to the same person, it is a success.
   */
  redeemLinkCode(input: {
    codeHash: string;
    channel: ChannelName;
    externalId: string;
    chatId: string;
    displayName: string | null;
    now: Date;
  }): Promise<LinkResult>;
}

export type RedeemResult =
  | { ok: true; unit: UnitRef; role: 'focal' | 'manager'; handedOverFrom: string | null; personId: number }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'retired_unit' };

export interface InviteRedeemer {
  /**
   * Binds the identity to the invite's unit and role, atomically and once: the invite is marked
   * used, the person and identity created if new, the role granted. A focal invite for a unit
   * that already has a focal point hands the role over (the previous one's role ends, recorded).
   */
  redeem(input: {
    codeHash: string;
    channel: ChannelName;
    externalId: string;
    chatId: string;
    displayName: string | null;
    locale: Locale;
    now: Date;
  }): Promise<RedeemResult>;
}

/** One indicator as a report asks it of a unit, with context for checking a value. */
export interface AssignmentIndicator extends IndicatorSpec {
  required: boolean;
  unitVi: string | null;
  unitEn: string | null;
  /** The target of the period's year that applies to this unit, if any. */
  target: ScopedTarget | null;
}

/** An assignment as the dialog shows it. Dates are ISO calendar dates. */
export interface AssignmentView {
  id: number;
  dutyCode: string;
  dutyNameVi: string;
  dutyNameEn: string;
  periodCode: string;
  unit: UnitRef;
  /** Clusters the unit belongs to now. */
  clusterCodes: string[];
  dueDate: string | null;
  state: 'pending' | 'on_time' | 'late' | 'missing';
  /** Locked for edits (and no exception open now). */
  locked: boolean;
  documentRef: string | null;
  documentSent: boolean;
  indicators: AssignmentIndicator[];
  /** Current stored values by indicator code. */
  values: Record<string, number>;
  /** The unit's values for the same duty in the previous period (filled by `get` only). */
  previous: Record<string, number>;
  /** Median of the unit's cluster peers (or same-type units) for this period (filled by `get` only). */
  peerMedian: Record<string, number>;
}

export type SaveResult =
  | { ok: true; state: AssignmentView['state']; complete: boolean }
  | { ok: false; reason: 'locked' | 'not_allowed' };

export interface SubmissionStore {
  /** Assignments of these units a focal point may submit or correct now (light views). */
  openAssignments(unitIds: readonly number[], now: Date): Promise<AssignmentView[]>;
  /** The full view (with previous-period and peer context unless `context: false`) of one assignment. */
  get(assignmentId: number, now: Date, opts?: { context?: boolean }): Promise<AssignmentView | null>;
  /** Adds previous-period and peer context to a light view. */
  withContext(view: AssignmentView): Promise<AssignmentView>;
  /**
   * Stores confirmed values in one transaction: every value upserted with a revision (who,
   * when, channel, old → new, reason, raw message), the assignment's state updated. Refuses a
   * locked assignment or a person who is not its unit's focal point; nothing is half-written.
   */
  saveConfirmed(input: {
    assignmentId: number;
    personId: number;
    channel: ChannelName;
    values: { code: string; value: number }[];
    reason: string | null;
    rawMessage: string;
    now: Date;
    timeZone: string;
  }): Promise<SaveResult>;
  /** Records that the signed report was sent (a file or its number and date). */
  recordDocument(input: {
    assignmentId: number;
    personId: number;
    channel: ChannelName;
    ref: string;
    now: Date;
  }): Promise<SaveResult>;
  /** Records a focal point's request to reopen a locked assignment. */
  requestUnlock(input: {
    assignmentId: number;
    personId: number;
    reason: string | null;
    now: Date;
  }): Promise<void>;
}

export interface StoredConversation {
  state: unknown;
  version: number;
}

/**
 * Persisted conversation state, one per (channel, chat). `save` is optimistic: it succeeds only
 * if the stored version is still `expectedVersion` (0 = not stored yet), so two instances
 * handling the same chat never overwrite each other silently.
 */
export interface ConversationStore {
  load(channel: ChannelName, chatId: string): Promise<StoredConversation | null>;
  save(channel: ChannelName, chatId: string, state: unknown, expectedVersion: number): Promise<boolean>;
}
