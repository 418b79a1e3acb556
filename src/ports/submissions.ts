/**
 * Submissions: the reports a focal point may fill now, as the dialog shows them, and the one
 * place confirmed values, documents and unlock requests are stored (with every revision).
 * Implementation: src/storage/submission-store.ts.
 */
import type { IndicatorSpec } from '../domain/figures/index.js';
import type { ScopedTarget } from '../domain/submission.js';
import type { ChannelName } from './channel.js';
import type { UnitRef } from './identities.js';

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
  /** Indicators the focal point declared to have no figure for ("không có số liệu"): given. */
  declaredNone: string[];
  /** The unit's values for the same duty in the previous period (filled by `get` only). */
  previous: Record<string, number>;
  /** Median of the unit's cluster peers (or same-type units) for this period (filled by `get` only). */
  peerMedian: Record<string, number>;
}

/** What storing did: the assignment's new state, or why nothing was stored. */
export type SaveResult =
  | { ok: true; state: AssignmentView['state']; complete: boolean }
  | { ok: false; reason: 'locked' | 'not_allowed' };

/**
 * The dialog's access to reports (`DialogDeps.submissions`, e.g. src/dialog/flows/confirm.ts):
 * what a focal point may fill now, and the only writer of their values, documents and unlock
 * requests. Implementation: `createPrismaSubmissionStore` (src/storage/submission-store.ts).
 *
 * Contract: an assignment is open from 60 days before its deadline until 180 days after it (an
 * undated one while its period runs and 180 days after). `saveConfirmed` and `recordDocument`
 * check inside their transaction that the person is the unit's focal point now and that the
 * assignment is not locked (or an allowed exception keeps it open), else they answer
 * `not_allowed` or `locked`. `saveConfirmed` serialises confirmations of one assignment (row
 * lock) and sets the submission time and on-time/late state only the first time the report is
 * complete. `requestUnlock` only records the request (an audit row). Reads may serve a duty's
 * indicators and targets from a cache, which must notice an operator's change by the next read.
 */
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
    /** `null`: the focal point declared there is no figure ("không có số liệu"); it counts as given. */
    values: { code: string; value: number | null }[];
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
