/** StatusStore on Prisma. */
import { addDays, parsePeriodCode } from '../domain/calendar.js';
import type { IndicatorKind } from '../domain/figures/index.js';
import type { StatusFocalPoint, StatusUnitRow } from '../domain/status.js';
import type { Scope, StatusStore } from '../ports/status-store.js';
import type { PrismaClient } from './database.js';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const num = (d: unknown) => (d === null || d === undefined ? null : Number(d));

interface StatusRow {
  dueDate: Date | null;
  submittedAt: Date | null;
  state: StatusUnitRow['storedState'];
  locked: boolean;
  documentSent: boolean;
  unitId: number;
  code: string;
  name: string;
  typeCode: string;
  active: boolean;
  retiredAt: Date | null;
  clusters: [string, string][] | null;
  /** [name, channel or null, person id] per focal point, oldest first (null: none). */
  focalPoints: [string, StatusFocalPoint['channel'] | null, number][] | null;
  values: Record<string, number | string | null> | null;
}

interface UnitTypeRow {
  code: string;
  pluralVi: string;
  pluralEn: string;
  units: number;
  inClusters: number;
}

/**
 * StatusStore on Prisma. Nothing is cached: a scope walks the unit tree on each call, and
 * `statusInput` runs its statements concurrently. Each row carries the duty's required
 * indicators for its unit type and those declared to have no figure (neither value nor text
 * stored), taken from the statements it already runs: `partial` costs no query per unit.
 */
export function createPrismaStatusStore(prisma: PrismaClient): StatusStore {
  async function descendants(rootIds: number[]): Promise<number[]> {
    const all = await prisma.unit.findMany({ select: { id: true, parentId: true } });
    const children = new Map<number, number[]>();
    for (const u of all)
      if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
    const out = new Set<number>();
    const stack = [...rootIds];
    while (stack.length) {
      const id = stack.pop()!;
      if (out.has(id)) continue;
      out.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    return [...out];
  }

  const unitFilter = (scope: Scope) => (scope.kind === 'all' ? {} : { unitId: { in: scope.unitIds } });

  /**
   * One row per assignment of the duty × period in scope, values aggregated (indicator id →
   * value; a row with neither value nor text is a declaration of "no figure", kept as null so it
   * counts as given, as the submission store counts it), with the unit's focal points now, each
   * with the channel reminders reach them on — chosen in SQL as `preferred` in
   * reminder-recipient-store.ts chooses it (the chosen channel, else the one written from last,
   * else Telegram, Zalo, web; never a blocked identity).
   */
  const rowsOf = (dutyCode: string, periodCode: string, scope: Scope) => prisma.$queryRaw<StatusRow[]>`
        SELECT a."dueDate", a."submittedAt", a.state::text AS state, a.locked,
               a."documentSentAt" IS NOT NULL AS "documentSent",
               u.id AS "unitId", u.code, u.name, u."typeCode", u.active, u."retiredAt",
               (SELECT json_agg(json_build_array(c.code, c.name) ORDER BY m.id)
                  FROM "ClusterMember" m JOIN "Unit" c ON c.id = m."clusterId"
                 WHERE m."unitId" = u.id AND m.until IS NULL) AS clusters,
               (SELECT json_agg(json_build_array(f.name, f.channel, f.id) ORDER BY f.since, f.id)
                  FROM (SELECT DISTINCT ON (p.id) p.id, p."fullName" AS name, r.since,
                               (SELECT i.channel::text FROM "Identity" i
                                 WHERE i."personId" = p.id AND i."blockedAt" IS NULL
                                 ORDER BY COALESCE(i.channel = p."preferredChannel", false) DESC,
                                          i."lastSeenAt" DESC NULLS LAST,
                                          array_position(ARRAY['telegram','zalo','web'], i.channel::text)
                                 LIMIT 1) AS channel
                          FROM "Role" r JOIN "Person" p ON p.id = r."personId"
                         WHERE r."unitId" = u.id AND r.role = 'focal' AND r."endedAt" IS NULL
                         ORDER BY p.id, r.since, r.id) f) AS "focalPoints",
               (SELECT json_object_agg(v."indicatorId", v.value)
                  FROM "SubmissionValue" v
                 WHERE v."assignmentId" = a.id
                   AND (v.value IS NOT NULL OR v."textValue" IS NULL)) AS "values"
          FROM "Assignment" a JOIN "Unit" u ON u.id = a."unitId"
          JOIN "Duty" d ON d.id = a."dutyId"
         WHERE d.code = ${dutyCode} AND a."periodCode" = ${periodCode}
           AND (${scope.kind === 'all'} OR a."unitId" = ANY(${scope.kind === 'all' ? [] : scope.unitIds}::int[]))`;

  /**
   * Every unit type with its plural names and whether it is organised in clusters: more than
   * half of its active units are members of one now (over the whole organisation, not the scope).
   */
  const unitTypesOf = () => prisma.$queryRaw<UnitTypeRow[]>`
        SELECT t.code, t."pluralVi", t."pluralEn",
               count(u.id)::int AS units,
               count(u.id) FILTER (WHERE EXISTS (
                 SELECT 1 FROM "ClusterMember" m WHERE m."unitId" = u.id AND m.until IS NULL))::int AS "inClusters"
          FROM "UnitType" t LEFT JOIN "Unit" u ON u."typeCode" = t.code AND u.active
         GROUP BY t.code`;

  return {
    async scopeOf(personId) {
      const roles = await prisma.role.findMany({
        where: { personId, role: { in: ['manager', 'admin'] }, endedAt: null },
        include: {
          unit: {
            include: { members: { where: { until: null } }, receivesDuties: { select: { id: true } } },
          },
        },
      });
      if (roles.length === 0) return null;
      const ids = new Set<number>();
      for (const r of roles) {
        if (r.role === 'admin' || r.unit.receivesDuties.length > 0) return { kind: 'all' };
        if (r.unit.typeCode === 'CLUSTER') {
          ids.add(r.unit.id);
          for (const m of r.unit.members) ids.add(m.unitId);
        } else {
          for (const id of await descendants([r.unit.id])) ids.add(id);
        }
      }
      return { kind: 'units', unitIds: [...ids] };
    },

    async statusInput(dutyCode, periodCode, scope, today) {
      // The hot path of every status question: every statement at once, one round trip's wait.
      // The year of the targets is the period's (`2027-H1` → 2027).
      const year = parsePeriodCode(periodCode)?.year ?? -1;
      const [duty, period, rows, allLinks, unitTypes] = await Promise.all([
        prisma.duty.findUnique({ where: { code: dutyCode } }),
        prisma.period.findUnique({ where: { code: periodCode }, select: { year: true } }),
        rowsOf(dutyCode, periodCode, scope),
        prisma.dutyIndicator.findMany({
          where: { duty: { code: dutyCode } },
          include: { indicator: { include: { targets: { where: { year } } } } },
          orderBy: { position: 'asc' },
        }),
        unitTypesOf(),
      ]);
      if (!duty || !period || period.year !== year) return null;
      const typeCodes = [...new Set(rows.map((r) => r.typeCode))];
      const links = allLinks.filter((l) => typeCodes.includes(l.unitTypeCode));
      // The duty's required indicators per unit type, in the report's order (the links are
      // read by position): what `partial` and `missingIndicators` are measured against.
      const requiredOf = new Map<string, string[]>(typeCodes.map((t) => [t, []]));
      for (const l of links) if (l.required) requiredOf.get(l.unitTypeCode)!.push(l.indicator.code);
      const indicators = new Map<string, (typeof links)[number]['indicator']>();
      for (const l of links)
        if (!indicators.has(l.indicator.code)) indicators.set(l.indicator.code, l.indicator);
      const codeOf = new Map<string, string>();
      for (const i of indicators.values()) codeOf.set(String(i.id), i.code);
      const missingCodes = new Set<string>();
      for (const r of rows)
        for (const id of Object.keys(r.values ?? {})) if (!codeOf.has(id)) missingCodes.add(id);
      if (missingCodes.size > 0) {
        // A value of an indicator the duty no longer lists for this type: still shown by code.
        const extra = await prisma.indicator.findMany({
          where: { id: { in: [...missingCodes].map(Number) } },
          select: { id: true, code: true },
        });
        for (const e of extra) codeOf.set(String(e.id), e.code);
      }
      const units: StatusUnitRow[] = rows.map((a) => {
        const values: Record<string, number> = {};
        const required = requiredOf.get(a.typeCode) ?? [];
        const none: string[] = [];
        for (const [id, v] of Object.entries(a.values ?? {})) {
          const code = codeOf.get(id);
          if (code === undefined) continue;
          if (v !== null) values[code] = Number(v);
          else if (required.includes(code)) none.push(code);
        }
        return {
          unitId: a.unitId,
          code: a.code,
          name: a.name,
          typeCode: a.typeCode,
          clusters: (a.clusters ?? []).map(([code, name]) => ({ code, name })),
          active: a.active,
          retiredAt: iso(a.retiredAt),
          dueDate: iso(a.dueDate),
          submittedAt: a.submittedAt?.toISOString() ?? null,
          storedState: a.state,
          locked: a.locked,
          documentSent: a.documentSent,
          focalPoints: (a.focalPoints ?? []).map(([name, channel, personId]) =>
            channel ? { name, channel, personId } : { name, personId },
          ),
          values,
          required,
          declaredNone: required.filter((code) => none.includes(code)),
        };
      });
      const oneType = typeCodes.length === 1 ? unitTypes.find((t) => t.code === typeCodes[0]) : undefined;
      return {
        unitsPlural: oneType ? { vi: oneType.pluralVi, en: oneType.pluralEn } : undefined,
        unitTypes: unitTypes
          .filter((t) => typeCodes.includes(t.code))
          .map((t) => ({
            code: t.code,
            pluralVi: t.pluralVi,
            pluralEn: t.pluralEn,
            clustered: t.inClusters * 2 > t.units,
          })),
        dutyCode: duty.code,
        dutyNameVi: duty.nameVi,
        dutyNameEn: duty.nameEn,
        periodCode,
        today,
        units,
        indicators: [...indicators.values()].map((i) => ({
          code: i.code,
          labelVi: i.labelVi,
          labelEn: i.labelEn,
          kind: i.kind as IndicatorKind,
          aggregate: i.aggregate,
          targets: i.targets.map((t) => ({
            scope: t.scope,
            kind: t.kind,
            min: num(t.minValue),
            max: num(t.maxValue),
            inclusive: t.inclusive,
          })),
        })),
      };
    },

    async nearestDuty(scope, today) {
      const window = { gte: day(addDays(today, -120)), lte: day(addDays(today, 120)) };
      const candidates = await prisma.assignment.groupBy({
        by: ['dutyId', 'periodCode', 'dueDate'],
        where: { dueDate: window, ...unitFilter(scope) },
      });
      if (candidates.length === 0) return null;
      const t = day(today).getTime();
      const best = candidates.sort(
        (a, b) =>
          Math.abs(a.dueDate!.getTime() - t) - Math.abs(b.dueDate!.getTime() - t) ||
          b.dueDate!.getTime() - a.dueDate!.getTime(),
      )[0]!;
      const duty = await prisma.duty.findUniqueOrThrow({ where: { id: best.dutyId } });
      return { dutyCode: duty.code, periodCode: best.periodCode };
    },

    async periodFor(dutyCode, year) {
      const duty = await prisma.duty.findUnique({ where: { code: dutyCode } });
      if (!duty) return null;
      return duty.periodPattern === 'YYYY-H1' ? `${year}-H1` : String(year);
    },
  };
}
