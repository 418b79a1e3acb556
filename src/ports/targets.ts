/**
 * Targets, duties and their deadline rules and reminder stages: data the operators change from
 * the command line (targets every year, deadlines when announced). Every write is one
 * transaction with its audit row (who, when, what) and marks the row as the operator's, so a
 * later seeding leaves it alone. Implementation: src/storage/target-store.ts.
 */
import type { ImportedTarget, KnownIndicator, TargetScopes } from '../domain/targets-import.js';

/** A stored target, as listed: the imported fields (but its line) with the indicator's labels. */
export interface TargetRow extends Omit<ImportedTarget, 'line'> {
  labelVi: string;
  labelEn: string;
  indicatorKind: KnownIndicator['kind'];
  updatedBy: string;
  updatedAt: string;
}

/** A deadline rule of a duty for one unit type (`*` = every other type). */
export interface DeadlineRuleRow {
  unitType: string;
  /** Whether units of that type carry the duty. */
  applies: boolean;
  day: number | null;
  month: number | null;
  /** One-off duties: the year of the single deadline. */
  year: number | null;
  /** `dd/mm`, or null while not set ("chưa ấn định"). */
  date: string | null;
  updatedBy: string;
  updatedAt: string;
}

/** A duty with its recurrence, reminder stages and deadline rules, as listed. */
export interface DutyRow {
  code: string;
  nameVi: string;
  nameEn: string;
  recurrence: 'yearly' | 'one_off';
  periodPattern: string;
  reminderStages: number[];
  active: boolean;
  fromYear: number | null;
  toYear: number | null;
  deadlines: DeadlineRuleRow[];
}

/** The year's targets. */
export interface TargetStore {
  /** The indicators and scopes a target file may name. */
  importContext(): Promise<{ indicators: KnownIndicator[]; scopes: TargetScopes }>;
  /** Upserts by (indicator, year, scope) in one transaction, with one `targets.import` audit row. */
  saveTargets(
    targets: readonly ImportedTarget[],
    actor: string,
    source: string,
  ): Promise<{ created: number; updated: number }>;
  /** The stored targets of `year` (every year when omitted), by year, indicator and scope. */
  list(year?: number): Promise<TargetRow[]>;
}

/** Duties, their deadline rules and reminder stages. */
export interface DeadlineStore {
  /** Every duty with its rules, by code. */
  duties(): Promise<DutyRow[]>;
  /** The known unit type codes. */
  unitTypes(): Promise<Set<string>>;
  /**
   * Upserts the duty's rule for a unit type (`*` = every other type) with its audit row, and
   * re-dates the pending assignments of `years` (creating missing ones; submitted ones never),
   * in one transaction: the new deadline is in force as soon as it is committed. Returns the
   * previous `dd/mm` (null when not set, undefined when new) and the assignments created and
   * re-dated.
   */
  saveRule(input: {
    dutyCode: string;
    unitType: string;
    day: number | null;
    month: number | null;
    actor: string;
    years: readonly number[];
  }): Promise<{ previous: string | null | undefined; created: number; redated: number }>;
  /**
   * Sets a duty's reminder stages with its audit row, in one transaction. Returns the stages
   * before, or null (nothing written) for an unknown duty.
   */
  saveReminderStages(input: {
    dutyCode: string;
    stages: number[];
    actor: string;
    now: Date;
  }): Promise<{ previous: number[] } | null>;
}
