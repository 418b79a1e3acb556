/**
 * What managers' actions read and write: manual nudges, locks, exceptions to a lock, the
 * reminder ledger of one unit, and the weekly digest's recipients. Scope checks happen in the
 * use case (src/app/manager-actions.ts) against `StatusStore.scopeOf`; this store trusts its
 * caller.
 */
import type { HolidayTable } from '../domain/calendar.js';
import type { UnitRef } from './identities.js';
import type { LedgerKind, LedgerStatus } from './reminder-ledger.js';
import type { Scope } from './status-store.js';

/** The assignment a manual nudge is about. */
export interface NudgeTarget {
  assignmentId: number;
  dutyId: number;
  dutyCode: string;
  /** The duty's name in each language (what people read). */
  dutyNameVi: string;
  dutyNameEn: string;
  periodCode: string;
  dueDate: string | null;
}

/** A focal point's request to edit a locked assignment, as the manager sees it. */
export interface ExceptionView {
  id: number;
  assignmentId: number;
  unit: UnitRef;
  dutyCode: string;
  dutyNameVi: string;
  dutyNameEn: string;
  periodCode: string;
  requestedById: number;
  requestedByName: string;
  reason: string | null;
  status: 'pending' | 'allowed' | 'refused';
  openUntil: Date | null;
}

/** One line of a unit's reminder history. */
export interface UnitLedgerLine {
  kind: LedgerKind;
  dutyCode: string | null;
  /** The duty's name in each language; null with `dutyCode`. */
  dutyNameVi: string | null;
  dutyNameEn: string | null;
  periodCode: string | null;
  stage: string;
  recipient: string;
  channel: string;
  status: LedgerStatus;
  plannedFor: Date;
  sentAt: Date | null;
  error: string | null;
}

/**
 * Storage behind managers' actions, for `createManagerActions` (src/app/manager-actions.ts) and,
 * for `exception` and `dutyCode`, the ledger message composer (src/app/compose-ledger-message.ts).
 * Implementation: `createPrismaManagerStore` (src/storage/manager-store.ts), wired in
 * src/wiring/reminder-runtime.ts.
 *
 * Contract: no scope or permission check (the use case does them first); null means no such row
 * (duty, period, exception, open assignment). `setLock` and `decideException` each run in one
 * transaction with their audit row. `createException` returns the pending request of the same
 * assignment and person instead of a second one (`created: false`); `decideException` decides
 * once (a conditional update: false for whoever comes second). It sends nothing: messages go
 * through the reminder ledger in the use case. Reads are not cached.
 */
export interface ManagerStore {
  /** Active units (id, code, name, type) — few hundred at most; matched by the use case. */
  units(): Promise<UnitRef[]>;
  /** Codes of the active duties (a trailing word of `/nhac <unit> BC6T` is one of them). */
  dutyCodes(): Promise<string[]>;
  /**
   * The assignment a nudge to this unit is about: of its incomplete, unlocked assignments
   * (optionally of one duty, and of one period) still open for submission (deadline within 60 days ahead or 180
   * days past), the one whose deadline is nearest to today. Null when nothing is open.
   */
  nudgeTarget(
    unitId: number,
    today: string,
    dutyCode?: string,
    periodCode?: string,
  ): Promise<NudgeTarget | null>;
  /** Whether a manual nudge for this unit was already planned with this stage (`nudge-<date>`). */
  nudged(unitId: number, stage: string): Promise<boolean>;
  /**
   * Locks or unlocks every assignment of a duty × period (an unlock also closes open
   * exceptions), with one audit row. Null when the duty or period does not exist.
   */
  setLock(input: {
    dutyCode: string;
    periodCode: string;
    locked: boolean;
    actorPersonId: number;
    now: Date;
  }): Promise<{ count: number; dutyNameVi: string; dutyNameEn: string } | null>;
  /** Records a request; one pending request per assignment and person (returns the existing one). */
  createException(input: {
    assignmentId: number;
    personId: number;
    reason: string | null;
  }): Promise<{ id: number; unitId: number; dutyId: number; created: boolean }>;
  exception(id: number): Promise<ExceptionView | null>;
  /**
   * Decides a pending request, once: allowing opens the assignment until `openUntil`. False
   * when the request was not pending (decided already, by someone else maybe).
   */
  decideException(input: {
    id: number;
    deciderId: number;
    allow: boolean;
    openUntil: Date | null;
    now: Date;
  }): Promise<boolean>;
  /**
   * The newest ledger lines about this unit, newest first: its reminders and nudges, and the
   * overdue digests and blocked-bot notices its managers got about it.
   */
  unitLedger(unitId: number, limit: number): Promise<UnitLedgerLine[]>;
  /**
   * The duty's id and the earliest deadline of its assignments for the period within a scope,
   * on or after `from` when given (one duty may fall due on several days: the next one).
   */
  dueDate(
    dutyCode: string,
    periodCode: string,
    scope: Scope,
    from?: string,
  ): Promise<{ dutyId: number; dueDate: string | null } | null>;
  /** A duty's code by id. */
  dutyCode(dutyId: number): Promise<string | null>;
  /** The holiday table (weekly digests go out on the first working day of the week). */
  holidays(): Promise<HolidayTable>;
  /** Records who did what (a manual nudge; locks and decisions record themselves). */
  audit(entry: {
    actorPersonId: number;
    action: string;
    entity: string;
    data: Record<string, unknown>;
  }): Promise<void>;
  /** People holding a manager role now (weekly digests go to them). */
  managerIds(): Promise<number[]>;
}
