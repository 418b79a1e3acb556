/**
 * Units of the organisation as operators manage them (import, list, find), their name history,
 * and what a unit is asked to report. Implementation: src/storage/unit-store.ts.
 */
import type { IndicatorSpec } from '../domain/figures/index.js';
import type { ExistingUnits, FormerName, ImportedUnit } from '../domain/units-import.js';

/** A unit as operators list it. */
export interface UnitSummary {
  id: number;
  code: string;
  name: string;
  type: string;
  parent: string | null;
  clusters: string[];
  active: boolean;
}

/** A name a unit bore before its current one, the days it was in use, and why it changed. */
export interface FormerUnitName extends FormerName {
  /** A decision ("QĐ 1898/QĐ-BTP"), or how it was changed ("units:import"). */
  source: string;
}

/**
 * A unit as `units:list` shows it: its summary, its former names (oldest first) and its focal
 * points now (oldest first; their person ids are what `invite --replace` also takes).
 */
export interface ListedUnit extends UnitSummary {
  formerNames: FormerUnitName[];
  focalPoints: { personId: number; name: string }[];
}

/**
 * What an import did: rows created, existing rows updated, and of those the ones renamed; and the
 * reporting assignments it created for the years asked (in all, and by duty code).
 */
export interface UnitImportCounts {
  created: number;
  updated: number;
  renamed: number;
  assignments: { created: number; byDuty: Record<string, number> };
}

/**
 * Units of the organisation. Units are never deleted (retired or merged instead) so history
 * keeps its references, and codes never change; a unit's name may, and each name it bore stays
 * readable for the days it bore it (`nameOn`), so earlier reports read with the names of their
 * time. `importUnits` is all-or-nothing.
 */
export interface UnitStore {
  /** The known unit type codes. */
  unitTypes(): Promise<Set<string>>;
  /** Codes, parents and clusters of the units there are, to check an import against. */
  existing(): Promise<ExistingUnits>;
  /**
   * Upserts by code in one transaction; cluster memberships listed are added. A row with an
   * existing code and another name renames the unit: the old name goes into its history, in use
   * until the day before `on` (the import's calendar date in the application's time zone). The
   * reporting assignments of `years` are materialised in the same transaction, so the units
   * are in every status and reminder as soon as the import is committed.
   */
  importUnits(
    units: readonly ImportedUnit[],
    actor: string,
    on: string,
    years: readonly number[],
  ): Promise<UnitImportCounts>;
  /** Every unit, by code, with its former names. */
  list(): Promise<ListedUnit[]>;
  /** The unit of this code (exact), or null. */
  find(code: string): Promise<UnitSummary | null>;
  /** The name the unit bore on an ISO calendar date (its current name when no former one fits); null: no such unit. */
  nameOn(unitId: number, date: string): Promise<string | null>;
  /** The indicators a duty asks of units of this unit's type, in the report's order. */
  indicatorsFor(unit: UnitSummary, dutyCode: string): Promise<IndicatorSpec[]>;
}
