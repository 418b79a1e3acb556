import type { StatusInput } from '../domain/status.js';

/** The units a manager may see: everything, or a list of unit ids. */
export type Scope = { kind: 'all' } | { kind: 'units'; unitIds: number[] };

/**
 * Reads what status reports need. Scopes: a manager of a receiving unit (Vụ TĐKT) sees all;
 * of Tổng cục THADS, the units under it; of a cluster, its members; of another unit, that unit
 * and the units under it.
 *
 * Contract for `statusInput`: one row per assignment in scope, with the stored state as written
 * (never `partial`: that is computed by the domain at read time), the stored values, `required`
 * (the codes the duty requires of the unit's type, in position order; empty when it requires
 * none) and `declaredNone` (required codes stored with neither value nor text: the focal point declared
 * there is no figure, which counts as given), and `unitTypes` for the types of those rows (their
 * plural names; `clustered` when more than half of the type's active units, over the whole
 * organisation, are members of a cluster now). Its cost does not grow with a query per unit.
 */
export interface StatusStore {
  /** The scope of a person's manager roles (null when they manage nothing). */
  scopeOf(personId: number): Promise<Scope | null>;
  /** The rows of a duty × period within a scope; null when the duty or period does not exist. */
  statusInput(dutyCode: string, periodCode: string, scope: Scope, today: string): Promise<StatusInput | null>;
  /** The duty and period a manager most likely means: the nearest deadline (past or ahead) in scope. */
  nearestDuty(scope: Scope, today: string): Promise<{ dutyCode: string; periodCode: string } | null>;
  /** Period codes of a duty (e.g. for "báo cáo năm 2026" → '2026'). */
  periodFor(dutyCode: string, year: number): Promise<string | null>;
}
