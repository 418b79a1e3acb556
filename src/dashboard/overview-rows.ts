/**
 * The overview's table: the units of a status report filtered and sorted as the manager asked,
 * grouped as the chat groups them. Pure.
 */
import {
  groupUnits,
  STATUS_STATES,
  type StatusReport,
  type StatusState,
  type UnitGroup,
  type UnitStatus,
} from '../domain/status.js';
import { foldForMatch } from '../domain/text.js';
import { compareNames } from '../messages/format.js';
import type { Locale } from '../ports/translator.js';
import type { OverviewFilters } from './model.js';

/** The cluster filter's value for units in no cluster. */
export const NO_CLUSTER = '-';

/** What the overview lists. */
export interface OverviewRows {
  /**
   * The units in their groups (by cluster, then by type, as `/tinhhinh` lists them) when sorted
   * by name; one group (cluster and type null) when sorted by anything else.
   */
  groups: UnitGroup[];
  /** Whether `groups` are real groups (with headings) or one flat list. */
  grouped: boolean;
  /** Units listed (all filters applied). */
  count: number;
  /**
   * Units per state among those the other filters (cluster, sector, text) keep — the state
   * filter left out, so each count says what choosing that state would list.
   */
  counts: Record<StatusState, number>;
  /** The sort applied (`name` when the asked one is unknown) and its direction. */
  sort: string;
  dir: 'asc' | 'desc';
}

/** The sort keys the overview knows, besides `ind:<indicator code>`. */
export const SORT_KEYS = ['name', 'state', 'submitted', 'due'] as const;

/**
 * The units of `report` that pass `filters` (cluster — `-` for none —, state, sector = the
 * unit's type, text over code and name without case or accents), sorted by `filters.sort`
 * (name in Vietnamese order by default; ties by name) and grouped like the chat when sorted by
 * name. Values missing for the sorted indicator come last in either direction.
 */
export function overviewRows(
  report: StatusReport,
  filters: OverviewFilters,
  // Names are Vietnamese in both languages: their order does not depend on the reader's.
  _locale: Locale,
): OverviewRows {
  const q = filters.q ? foldForMatch(filters.q.trim().replace(/\s+/g, ' ')) : '';
  const others = report.units.filter(
    (u) =>
      clusterMatches(u, filters.cluster) &&
      (!filters.sector || u.typeCode === filters.sector) &&
      (q === '' || foldForMatch(u.code).includes(q) || foldForMatch(u.name).includes(q)),
  );
  const counts: Record<StatusState, number> = { on_time: 0, late: 0, partial: 0, pending: 0, missing: 0 };
  for (const u of others) counts[u.state]++;
  const units = filters.state ? others.filter((u) => u.state === filters.state) : others;

  const known = report.indicators.some((i) => `ind:${i.code}` === filters.sort);
  const sort =
    filters.sort && ((SORT_KEYS as readonly string[]).includes(filters.sort) || known)
      ? filters.sort
      : 'name';
  const dir = filters.dir === 'desc' ? 'desc' : 'asc';
  const sign = dir === 'desc' ? -1 : 1;
  const byName = (a: UnitStatus, b: UnitStatus) =>
    compareNames(a.name, b.name) || a.code.localeCompare(b.code);

  if (sort === 'name') {
    const sorted = [...units].sort((a, b) => sign * byName(a, b));
    return {
      groups: groupUnits(sorted, report.unitTypes),
      grouped: true,
      count: units.length,
      counts,
      sort,
      dir,
    };
  }
  const key = sortKey(sort);
  const sorted = [...units].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    // Nothing to sort by: last, whichever the direction.
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * c || byName(a, b);
  });
  return {
    groups: [{ cluster: null, unitType: null, units: sorted }],
    grouped: false,
    count: units.length,
    counts,
    sort,
    dir,
  };
}

function clusterMatches(u: UnitStatus, cluster: string | undefined): boolean {
  if (!cluster) return true;
  if (cluster === NO_CLUSTER) return u.clusters.length === 0;
  return u.clusters.some((c) => c.code === cluster);
}

/** The value a unit is sorted by (null: it has none). ISO calendar dates sort as text. */
function sortKey(sort: string): (u: UnitStatus) => number | string | null {
  switch (sort) {
    case 'state':
      return (u) => STATUS_STATES.indexOf(u.state);
    case 'submitted':
      return (u) => (u.submittedAt === null ? null : Date.parse(u.submittedAt));
    case 'due':
      return (u) => u.dueDate;
    default: {
      const code = sort.slice('ind:'.length);
      return (u) => u.values[code] ?? null;
    }
  }
}
