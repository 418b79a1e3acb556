/** What reminders and escalation digests say about assignments: the reads behind their texts. */
import type { IndicatorSpec } from '../domain/figures/index.js';
import type { ScopedTarget } from '../domain/submission.js';

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
  /**
   * Required indicators without a value, in the report's order, each with the period's target
   * that applies to the unit (null when none): the reminder's example stays within it.
   */
  missing: (IndicatorSpec & { target: ScopedTarget | null })[];
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

/** A unit still missing in an escalation digest. */
export interface MissingUnit {
  id: number;
  name: string;
  cluster: string | null;
  /** Its own deadline (units of one duty may have different ones). */
  dueDate: string | null;
}

/** A duty's progress in a period over active units, with its earliest deadline. */
export interface DutyProgress {
  nameVi: string;
  nameEn: string;
  dueDate: string | null;
  total: number;
  done: number;
}

/**
 * The reads behind a reminder's and a digest's text. A fan-out asks them once per message, so
 * an implementation may cache what every message of a fan-out shares (peer counts, the
 * required indicators) for a few seconds: a count a few seconds old is fine in a reminder.
 * "Complete" means on time or late; only active units count.
 */
export interface ReminderViewStore {
  /** The assignment as a reminder shows it (one statement: the hot path of a fan-out). */
  reminderView(assignmentId: number): Promise<ReminderView | null>;
  /** How the units of the same type stand on the same duty and period. */
  peerStats(of: {
    dutyId: number;
    periodCode: string;
    typeCode: string;
    clusterId: number | null;
  }): Promise<PeerStats>;
  /** Of these units, those whose assignment for the duty and period is still not complete, by name. */
  stillMissing(dutyId: number, periodCode: string, unitIds: readonly number[]): Promise<MissingUnit[]>;
  /** The duty's names and progress in the period; null when the duty is gone. */
  dutyInfo(dutyId: number, periodCode: string): Promise<DutyProgress | null>;
}
