import type { ExistingUnits, ImportedUnit } from '../domain/units-import.js';

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
  unitTypes(): Promise<Set<string>>;
  existing(): Promise<ExistingUnits>;
  /** Upserts by code in one transaction; cluster memberships listed are added. */
  importUnits(units: readonly ImportedUnit[], actor: string): Promise<{ created: number; updated: number }>;
  list(): Promise<UnitSummary[]>;
  find(code: string): Promise<UnitSummary | null>;
}
