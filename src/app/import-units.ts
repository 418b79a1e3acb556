import { addDays, localDateOf, yearsToMaterialise } from '../domain/calendar.js';
import { type RawUnitRow, type UnitImportError, validateUnitImport } from '../domain/units-import.js';
import type { Clock } from '../ports/clock.js';
import type { UnitStore } from '../ports/unit-store.js';

/**
 * What `importUnits` did: every row upserted (`count`, of which `created` new and `updated`
 * existing; `renamed` of those got a new name, their old one kept in the history as in use until
 * `renamedUntil`, the day before the import), or nothing stored and every error of the file by
 * line (`units:import` prints them). The reporting assignments of the current and next year are
 * created in the import's transaction (`assignments`): the units take part at once.
 */
export type ImportUnitsResult =
  | {
      ok: true;
      count: number;
      created: number;
      updated: number;
      renamed: number;
      renamedUntil: string;
      /** Reporting assignments created with the import (the current and next year), by duty code. */
      assignments: { created: number; byDuty: Record<string, number>; years: number[] };
    }
  | { ok: false; errors: UnitImportError[] };

/**
 * Imports units from a parsed table (header + rows). All or nothing: a single bad row refuses
 * the whole file, with every error reported by line. A row with an existing code and a new name
 * renames the unit (codes never change): the rename takes effect on the import's date in
 * `timeZone`, so reports of earlier dates keep reading the old name.
 */
export async function importUnits(
  deps: { units: UnitStore; clock: Clock; timeZone: string },
  table: { header: string[]; rows: RawUnitRow[] },
  actor: string,
): Promise<ImportUnitsResult> {
  const [types, existing] = await Promise.all([deps.units.unitTypes(), deps.units.existing()]);
  const checked = validateUnitImport(table.header, table.rows, types, existing);
  if (!checked.ok) return checked;
  const on = localDateOf(deps.clock.now(), deps.timeZone);
  const years = yearsToMaterialise(on);
  const { created, updated, renamed, assignments } = await deps.units.importUnits(
    checked.units,
    actor,
    on,
    years,
  );
  return {
    ok: true,
    count: checked.units.length,
    created,
    updated,
    renamed,
    renamedUntil: addDays(on, -1),
    assignments: { ...assignments, years },
  };
}
