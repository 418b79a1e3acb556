/**
 * The one way a unit is found from what a manager typed, for every command that takes a unit
 * (`/nhac`, `/danhac`): its code in any case, its full name, or part of its name, with or
 * without accents — so the same unit gives the same answer however it is named. A trailing
 * duty code (`/nhac Sở Tư pháp Hà Nội BC6T`) is split off only when it is a real duty's code:
 * the last word of a name ("… Bắc Ninh") is never taken for one.
 */
import { normalizeText } from '../domain/figures/index.js';
import { compareNames } from '../domain/text.js';
import type { UnitRef } from '../ports/identities.js';

/** Units listed to choose from when a name matches several. */
const CHOICES = 8;

/**
 * A unit found from what a manager typed, within their scope. Refusals: `no_scope` (they manage
 * nothing), `missing_unit` (nothing typed), `unknown_unit` (no match in scope — a unit outside
 * it is never named), `out_of_scope` (an exact code outside it: the manager typed a real code
 * and should know why nothing happens), `ambiguous_unit` (several match equally well: up to
 * eight, in Vietnamese order, to choose from).
 */
export type UnitLookup =
  | { ok: true; unit: UnitRef }
  | { ok: false; reason: 'no_scope' | 'missing_unit' | 'unknown_unit' | 'out_of_scope' }
  | { ok: false; reason: 'ambiguous_unit'; units: UnitRef[] };

/**
 * Splits what follows a command into the unit's words and a duty code: the last word is a
 * duty code only when it is one of `dutyCodes` (any case) and something precedes it.
 */
export function splitDutyCode(
  text: string,
  dutyCodes: readonly string[],
): { unitQuery: string; dutyCode: string | undefined } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const last = words.at(-1)?.toUpperCase();
  if (words.length > 1 && last && dutyCodes.includes(last)) {
    return { unitQuery: words.slice(0, -1).join(' '), dutyCode: last };
  }
  return { unitQuery: words.join(' '), dutyCode: undefined };
}

/**
 * The unit `query` names among `units`, seeing only those `inScope`. Tried in order, the first
 * that matches anything decides: the code (any case); the whole name; every typed word a word
 * of the name (any order: "bac ninh", "Ninh Bắc"); the typed text inside the name.
 */
export function resolveUnit(
  units: readonly UnitRef[],
  query: string,
  inScope: (unitId: number) => boolean,
): Exclude<UnitLookup, { reason: 'no_scope' }> {
  const q = query.trim().slice(0, 100);
  if (!q) return { ok: false, reason: 'missing_unit' };
  const byCode = units.filter((u) => u.code === q.toUpperCase());
  if (byCode.length > 0) {
    const unit = byCode.find((u) => inScope(u.id));
    return unit ? { ok: true, unit } : { ok: false, reason: 'out_of_scope' };
  }
  const typed = normalizeText(q);
  const words = typed.split(' ').filter(Boolean);
  if (words.length === 0) return { ok: false, reason: 'unknown_unit' };
  const visible = units.filter((u) => inScope(u.id)).map((u) => ({ unit: u, name: normalizeText(u.name) }));
  const tiers: ((x: { name: string }) => boolean)[] = [
    (x) => x.name === typed,
    (x) => {
      const own = new Set(x.name.split(' '));
      return words.every((w) => own.has(w));
    },
    (x) => x.name.includes(typed),
  ];
  for (const matches of tiers) {
    const found = visible.filter(matches).map((x) => x.unit);
    if (found.length === 1) return { ok: true, unit: found[0]! };
    if (found.length > 1) {
      const units = found.sort((a, b) => compareNames(a.name, b.name)).slice(0, CHOICES);
      return { ok: false, reason: 'ambiguous_unit', units };
    }
  }
  return { ok: false, reason: 'unknown_unit' };
}
