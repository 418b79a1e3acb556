import { type RawUnitRow, type UnitImportError, validateUnitImport } from '../domain/units-import.js';
import type { UnitStore } from '../ports/unit-store.js';

/**
 * What `importUnits` did: every row upserted (`count`, of which `created` new and `updated`
 * existing), or nothing stored and every error of the file by line (`units:import` prints them).
 */
export type ImportUnitsResult =
  | { ok: true; count: number; created: number; updated: number }
  | { ok: false; errors: UnitImportError[] };

/**
 * Imports units from a parsed table (header + rows). All or nothing: a single bad row refuses
 * the whole file, with every error reported by line.
 */
export async function importUnits(
  deps: { units: UnitStore },
  table: { header: string[]; rows: RawUnitRow[] },
  actor: string,
): Promise<ImportUnitsResult> {
  const [types, existing] = await Promise.all([deps.units.unitTypes(), deps.units.existing()]);
  const checked = validateUnitImport(table.header, table.rows, types, existing);
  if (!checked.ok) return checked;
  const { created, updated } = await deps.units.importUnits(checked.units, actor);
  return { ok: true, count: checked.units.length, created, updated };
}
