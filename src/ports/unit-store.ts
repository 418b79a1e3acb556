/**
 * Units of the organisation as operators manage them (import, list, find), and what a unit is
 * asked to report. Implementation: src/storage/unit-store.ts.
 */
import type { IndicatorSpec } from '../domain/figures/index.js';
import type { ExistingUnits, ImportedUnit } from '../domain/units-import.js';

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

/**
 * Units of the organisation. Units are never deleted (retired or merged instead) so history
 * keeps its references. `importUnits` is all-or-nothing.
 */
export interface UnitStore {
  /** The known unit type codes. */
  unitTypes(): Promise<Set<string>>;
  /** Codes, parents and clusters of the units there are, to check an import against. */
  existing(): Promise<ExistingUnits>;
  /** Upserts by code in one transaction; cluster memberships listed are added. */
  importUnits(units: readonly ImportedUnit[], actor: string): Promise<{ created: number; updated: number }>;
  /** Every unit, by code. */
  list(): Promise<UnitSummary[]>;
  /** The unit of this code (exact), or null. */
  find(code: string): Promise<UnitSummary | null>;
  /** The indicators a duty asks of units of this unit's type, in the report's order. */
  indicatorsFor(unit: UnitSummary, dutyCode: string): Promise<IndicatorSpec[]>;
}
