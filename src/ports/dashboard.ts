/**
 * What the managers' web dashboard reads and writes beyond the status report: one-time sign-in
 * links and sessions (only hashes of their tokens are stored), a unit's full record for one duty
 * and period, the duties a manager may pick, and a mark that changes when a figure is stored.
 * Implementation: src/storage/dashboard-store.ts. Scope checks happen in the use case
 * (src/app/dashboard.ts); this store trusts its caller.
 */
import type { StatusIndicator } from '../domain/status.js';
import type { Scope } from './status-store.js';

/** A signed-in person as a session knows them. */
export interface SessionPerson {
  personId: number;
  name: string;
  locale: string;
  expiresAt: Date;
}

/** Where the stored data stood: the newest revision and the newest change of an assignment. */
export interface ChangeMark {
  revisionId: number;
  assignmentsAt: Date;
}

/** Sign-in links and sessions. Every method takes hashes, never tokens. */
export interface DashboardSessionStore {
  /** Stores a new link; links and sessions ended 30 days before it are deleted meanwhile. */
  createLink(personId: number, tokenHash: string, expiresAt: Date): Promise<void>;
  /**
   * Uses a link once: marks it used and returns its person, in one conditional statement; null
   * when no such link, used already or expired at `now`.
   */
  useLink(tokenHash: string, now: Date): Promise<number | null>;
  createSession(personId: number, tokenHash: string, expiresAt: Date): Promise<void>;
  /** The session's person while it is neither expired nor revoked. */
  session(tokenHash: string, now: Date): Promise<SessionPerson | null>;
  /** Ends one session (signing out on the page). */
  revoke(tokenHash: string, now: Date): Promise<void>;
  /** Ends every session and unused link of a person (`/dangxuat`); how many sessions ended. */
  revokeAll(personId: number, now: Date): Promise<number>;
}

/** One change of a value. */
export interface RevisionRow {
  at: Date;
  personName: string;
  channel: 'telegram' | 'zalo' | 'web';
  oldValue: number | null;
  newValue: number | null;
  oldText: string | null;
  newText: string | null;
  reason: string | null;
  rawMessage: string;
}

/** A unit's record for one duty and period (null pieces: no assignment). */
export interface UnitRecord {
  unit: {
    id: number;
    code: string;
    name: string;
    typeCode: string;
    typeNameVi: string;
    typeNameEn: string;
    clusters: string[];
  };
  dutyCode: string;
  dutyNameVi: string;
  dutyNameEn: string;
  assignment: {
    id: number;
    locked: boolean;
    openUntil: Date | null;
    documentRef: string | null;
    documentSentAt: Date | null;
  } | null;
  /** The duty's indicators for the unit's type, in order, each with the value stored and its changes. */
  figures: {
    indicator: Pick<StatusIndicator, 'code' | 'labelVi' | 'labelEn' | 'kind'>;
    stored: boolean;
    value: number | null;
    textValue: string | null;
    /** Newest first. */
    revisions: RevisionRow[];
  }[];
  /** Focal points now and before, oldest first. */
  focalPoints: {
    personId: number;
    name: string;
    since: Date;
    endedAt: Date | null;
    endReason: string | null;
  }[];
  /** Requests to edit after the lock, newest first. */
  exceptions: {
    id: number;
    requestedBy: string;
    reason: string | null;
    status: 'pending' | 'allowed' | 'refused';
    createdAt: Date;
    decidedBy: string | null;
    decidedAt: Date | null;
    openUntil: Date | null;
  }[];
}

/** Reads of the dashboard's pages. */
export interface DashboardStore {
  /** A unit's record for the duty and period; null when the unit or the duty does not exist. */
  unitRecord(unitId: number, dutyCode: string, periodCode: string): Promise<UnitRecord | null>;
  /** Active duties with the periods that have assignments within the scope, newest first. */
  duties(scope: Scope): Promise<{ code: string; nameVi: string; nameEn: string; periods: string[] }[]>;
  /** Unit types (sectors) by code, with their names. */
  unitTypes(): Promise<{ code: string; nameVi: string; nameEn: string }[]>;
  /**
   * What changed since `since` (a mark this method returned; null: nothing yet, only the mark):
   * the units whose figures, document, state or lock were stored since, and the new mark.
   * Cheap: polled every few seconds while an overview is open.
   */
  changes(since: ChangeMark | null): Promise<{ mark: ChangeMark; unitIds: number[] }>;
}
