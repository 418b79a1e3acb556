/**
 * Where reporting stands for one duty and period over a manager's scope: who submitted on time,
 * late, in part (and what they still owe), who is missing, figures against targets. Pure: the caller loads the rows; `today` is a
 * parameter.
 */
import type { IsoDate } from './calendar.js';
import type { IndicatorKind } from './figures/index.js';
import { evaluateTarget, resolveTarget, type ScopedTarget, type TargetStatus } from './submission.js';
import { compareNames } from './text.js';

/**
 * The state a manager sees: `on_time` and `late` (complete), `partial` (some required figures,
 * or only the signed document, stored — before or after the deadline), `pending` (nothing yet,
 * deadline ahead), `missing` (nothing, deadline passed).
 */
export type StatusState = 'pending' | 'partial' | 'on_time' | 'late' | 'missing';

/** Every state, in the order they are counted and listed: complete first, then the rest. */
export const STATUS_STATES: readonly StatusState[] = ['on_time', 'late', 'partial', 'pending', 'missing'];

/** A focal point of a unit as the status names them: their name and where reminders reach them. */
export interface StatusFocalPoint {
  name: string;
  /** Who it is (absent where the caller did not load it). */
  personId?: number;
  channel?: 'telegram' | 'zalo' | 'web';
}

/** One unit as the caller loads it for a duty and period: who it is, its deadline, what it sent. */
export interface StatusUnitRow {
  unitId: number;
  code: string;
  name: string;
  typeCode: string;
  /** Clusters the unit belongs to (codes and names), first = the one it is grouped under. */
  clusters: { code: string; name: string }[];
  /** Active for this period: a unit retired before the deadline leaves the denominators. */
  active: boolean;
  retiredAt: IsoDate | null;
  dueDate: IsoDate | null;
  submittedAt: string | null;
  /** The stored state (on_time/late once submitted; pending otherwise). */
  storedState: StatusState;
  locked: boolean;
  documentSent: boolean;
  /**
   * The unit's focal points now, oldest first: each name and the channel reminders reach them on
   * (absent: none usable). Absent when the caller did not load them.
   */
  focalPoints?: readonly StatusFocalPoint[];
  values: Record<string, number>;
  /**
   * The indicators the duty requires of this unit's type, in the report's order (absent: none
   * known — the unit counts as partial only by its document).
   */
  required?: readonly string[];
  /** Required indicators the focal point declared to have no figure for ("không có số liệu"): given. */
  declaredNone?: readonly string[];
}

/** An indicator of the duty, with its labels, how its values add up and the year's targets. */
export interface StatusIndicator {
  code: string;
  labelVi: string;
  labelEn: string;
  kind: IndicatorKind;
  aggregate: 'mean' | 'sum';
  /** The year's targets for this indicator (all scopes). */
  targets: ScopedTarget[];
}

/** Input of {@link buildStatus}: one duty and period, the units in scope and the indicators. */
export interface StatusInput {
  dutyCode: string;
  dutyNameVi: string;
  dutyNameEn: string;
  periodCode: string;
  today: IsoDate;
  units: readonly StatusUnitRow[];
  indicators: readonly StatusIndicator[];
  /** How to name the units in a sentence ("Cục THADS") when they share one type. */
  unitsPlural?: { vi: string; en: string } | undefined;
  /**
   * The unit types of the units (their plural names and whether they are organised in
   * clusters): units in no cluster are grouped by a type that is not, and listed as "no cluster"
   * only when their type is. Absent: every unit in no cluster is "no cluster".
   */
  unitTypes?: readonly StatusUnitType[] | undefined;
}

/** A unit type as the status groups read it (data of the `UnitType` table). */
export interface StatusUnitType {
  code: string;
  /** Plural names in a sentence ("đơn vị thuộc Bộ", "cụm thi đua"). */
  pluralVi: string;
  pluralEn: string;
  /**
   * Most of the type's active units are members of a cluster (Sở Tư pháp, THADS tỉnh): one of
   * them outside every cluster is "no cluster". False for the clusters themselves and for the
   * Ministry's departments, most of which belong to none.
   */
  clustered: boolean;
}

/**
 * Units listed together: those of one cluster (their first); else, in no cluster, those of a
 * type not organised in clusters (`unitType`, headed by its plural); else (both null) the units
 * that should be in a cluster and are in none.
 */
export interface UnitGroup {
  cluster: { code: string; name: string } | null;
  unitType: StatusUnitType | null;
  units: UnitStatus[];
}

/** A unit in the report: its row, its state today and its figures against their targets. */
export interface UnitStatus extends StatusUnitRow {
  state: StatusState;
  /** Required indicators still without a value (nor declared none), in the report's order. */
  missingIndicators: string[];
  /** Per indicator: the target that applies to this unit and whether it is met. */
  targetStatus: Record<string, TargetStatus>;
}

/** One indicator over the counted units: how many reported, the aggregate, targets met, extremes. */
export interface IndicatorSummary {
  code: string;
  labelVi: string;
  labelEn: string;
  kind: IndicatorKind;
  /** The year's targets for this indicator (all scopes). */
  targets: ScopedTarget[];
  /** Units that reported a value. */
  reported: number;
  /** Mean of the values (rates) or their sum (counts, money), as the indicator defines. */
  aggregate: number | null;
  aggregateKind: 'mean' | 'sum';
  /** Units with a per-unit target (floor/ceiling/range): met (incl. exceeded) / evaluated. */
  met: number;
  evaluated: number;
  /** Units below their target, worst first. */
  below: { code: string; name: string; value: number }[];
  best: { code: string; name: string; value: number } | null;
  worst: { code: string; name: string; value: number } | null;
  /** A system-wide sum target (e.g. 15 houses) and whether the scope's total meets it. */
  sumTarget: { min: number | null; total: number; status: TargetStatus } | null;
}

/**
 * Result of {@link buildStatus}: the counts per state, every counted unit, the missing and the
 * incomplete ones by cluster, the late ones and a summary per indicator.
 */
export interface StatusReport {
  dutyCode: string;
  dutyNameVi: string;
  dutyNameEn: string;
  periodCode: string;
  /** Counted units (active for the period). Completion never exceeds 100 %. */
  total: number;
  totals: Record<StatusState, number>;
  units: UnitStatus[];
  /** Missing units in the groups of {@link groupUnits}. */
  missingByCluster: UnitGroup[];
  /** Units not complete yet (partial, pending, missing) in the groups of {@link groupUnits}. */
  incompleteByCluster: UnitGroup[];
  late: UnitStatus[];
  indicators: IndicatorSummary[];
  unitsPlural?: { vi: string; en: string } | undefined;
  /** As given in the input (what the groups were made with). */
  unitTypes?: readonly StatusUnitType[] | undefined;
}

/**
 * The state of one unit today: stored on_time/late stand; otherwise partial when something was
 * given (a required figure, a declaration of none, or the signed document), else pending until
 * the deadline, then missing.
 */
export function effectiveState(
  row: Pick<
    StatusUnitRow,
    'storedState' | 'dueDate' | 'values' | 'documentSent' | 'required' | 'declaredNone'
  >,
  today: IsoDate,
): StatusState {
  if (row.storedState === 'on_time' || row.storedState === 'late') return row.storedState;
  const given =
    row.documentSent ||
    (row.declaredNone?.length ?? 0) > 0 ||
    (row.required ?? Object.keys(row.values)).some((code) => row.values[code] !== undefined);
  if (given) return 'partial';
  if (row.dueDate !== null && today > row.dueDate) return 'missing';
  return 'pending';
}

/** Required indicators of a row still without a value or a declaration of none, in order. */
export function missingIndicatorsOf(
  row: Pick<StatusUnitRow, 'values' | 'required' | 'declaredNone'>,
): string[] {
  // A handful of codes per unit, for every unit of every status question: a list, not a Set.
  const none = row.declaredNone ?? [];
  return (row.required ?? []).filter((code) => row.values[code] === undefined && !none.includes(code));
}

/**
 * Units in their groups: each cluster (a unit under its first), in Vietnamese order of the
 * clusters' names; then the units in no cluster by type where the type is not organised in
 * clusters (the clusters themselves, the Ministry's departments), in Vietnamese order of the
 * types' plural names; last, the units that should be in a cluster and are in none. Units keep
 * their order within a group.
 */
export function groupUnits(
  units: readonly UnitStatus[],
  unitTypes: readonly StatusUnitType[] = [],
): UnitGroup[] {
  const types = new Map(unitTypes.map((t) => [t.code, t]));
  const groups = new Map<string, UnitGroup>();
  for (const u of units) {
    const cluster = u.clusters[0] ?? null;
    const type = types.get(u.typeCode);
    const unitType = cluster === null && type !== undefined && !type.clustered ? type : null;
    // Cluster and type codes may coincide: the key says which.
    const key = cluster ? `c:${cluster.code}` : unitType ? `t:${unitType.code}` : '';
    const g = groups.get(key) ?? { cluster, unitType, units: [] };
    g.units.push(u);
    groups.set(key, g);
  }
  const rank = (g: UnitGroup) => (g.cluster ? 0 : g.unitType ? 1 : 2);
  const name = (g: UnitGroup) => g.cluster?.name ?? g.unitType?.pluralVi ?? '';
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || compareNames(name(a), name(b)));
}

/**
 * Builds the report. Units retired on or before the deadline (or inactive without a date) leave
 * the counts; units appear once even if listed twice.
 */
export function buildStatus(input: StatusInput): StatusReport {
  // Per indicator once, not per unit: the targets a unit's value is checked against.
  const checkable = input.indicators.map((ind) => ({
    ind,
    targets: ind.targets.filter((x) => x.kind !== 'sum'),
  }));
  const seen = new Set<number>();
  const counted = input.units.filter((u) => {
    if (seen.has(u.unitId)) return false;
    seen.add(u.unitId);
    if (u.active) return true;
    return u.retiredAt !== null && u.dueDate !== null && u.retiredAt > u.dueDate;
  });
  const units: UnitStatus[] = counted
    .map((u) => {
      const targetStatus: Record<string, TargetStatus> = {};
      const scopeOfUnit = { code: u.code, typeCode: u.typeCode, clusterCodes: u.clusters.map((c) => c.code) };
      for (const { ind, targets } of checkable) {
        const v = u.values[ind.code];
        const t = resolveTarget(targets, scopeOfUnit);
        targetStatus[ind.code] = v === undefined || !t ? 'not_applicable' : evaluateTarget(t, v);
      }
      return {
        ...u,
        state: effectiveState(u, input.today),
        missingIndicators: missingIndicatorsOf(u),
        targetStatus,
      };
    })
    .sort((a, b) => compareNames(a.name, b.name));
  const totals: Record<StatusState, number> = { pending: 0, partial: 0, on_time: 0, late: 0, missing: 0 };
  for (const u of units) totals[u.state]++;

  const missingByCluster = groupUnits(
    units.filter((x) => x.state === 'missing'),
    input.unitTypes,
  );
  const incompleteByCluster = groupUnits(
    units.filter((x) => x.state !== 'on_time' && x.state !== 'late'),
    input.unitTypes,
  );

  const indicators: IndicatorSummary[] = input.indicators.map((ind) => {
    // One pass per indicator (this runs for every status question over every unit).
    const higherIsBetter = !ind.targets.some((t) => t.kind === 'ceiling');
    const better = (a: number, b: number) => (higherIsBetter ? a > b : a < b);
    let count = 0;
    let sum = 0;
    let evaluatedCount = 0;
    let met = 0;
    let best: UnitStatus | null = null;
    let worst: UnitStatus | null = null;
    const belowUnits: { code: string; name: string; value: number }[] = [];
    for (const u of units) {
      const value = u.values[ind.code];
      if (value === undefined) continue;
      count++;
      sum += value;
      // Ties: the best is the first such unit by name, the worst the last.
      if (best === null || better(value, best.values[ind.code]!)) best = u;
      if (worst === null || !better(value, worst.values[ind.code]!)) worst = u;
      const status = u.targetStatus[ind.code];
      if (status === 'not_applicable' || status === undefined) continue;
      evaluatedCount++;
      if (status === 'met' || status === 'exceeded') met++;
      else if (status === 'not_met') belowUnits.push({ code: u.code, name: u.name, value });
    }
    const below = belowUnits.sort((a, b) => (higherIsBetter ? a.value - b.value : b.value - a.value));
    const aggregate = count === 0 ? null : ind.aggregate === 'sum' ? sum : sum / count;
    const pick = (u: UnitStatus | null) =>
      u ? { code: u.code, name: u.name, value: u.values[ind.code]! } : null;
    const sumT = ind.targets.find((t) => t.kind === 'sum');
    return {
      code: ind.code,
      labelVi: ind.labelVi,
      labelEn: ind.labelEn,
      kind: ind.kind,
      targets: ind.targets,
      reported: count,
      aggregate,
      aggregateKind: ind.aggregate,
      met,
      evaluated: evaluatedCount,
      below,
      best: pick(best),
      worst: pick(worst),
      sumTarget: sumT
        ? {
            min: sumT.min,
            total: sum,
            status: sumT.min === null ? 'not_applicable' : sum >= sumT.min ? 'met' : 'not_met',
          }
        : null,
    };
  });

  return {
    dutyCode: input.dutyCode,
    dutyNameVi: input.dutyNameVi,
    dutyNameEn: input.dutyNameEn,
    periodCode: input.periodCode,
    total: units.length,
    totals,
    units,
    missingByCluster,
    incompleteByCluster,
    late: units.filter((u) => u.state === 'late'),
    indicators,
    unitsPlural: input.unitsPlural,
    unitTypes: input.unitTypes,
  };
}
