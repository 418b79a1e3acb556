/** StatusStore on Prisma. */
import { addDays } from '../domain/calendar.js';
import type { IndicatorKind } from '../domain/figures/index.js';
import type { StatusUnitRow } from '../domain/status.js';
import type { Scope, StatusStore } from '../ports/status-store.js';
import type { PrismaClient } from './database.js';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const num = (d: unknown) => (d === null || d === undefined ? null : Number(d));

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
      const duty = await prisma.duty.findUnique({ where: { code: dutyCode } });
      const period = await prisma.period.findUnique({ where: { code: periodCode } });
      if (!duty || !period) return null;
      const rows = await prisma.assignment.findMany({
        where: { dutyId: duty.id, periodCode, ...unitFilter(scope) },
        include: {
          unit: {
            include: {
              memberships: { where: { until: null }, include: { cluster: true }, orderBy: { id: 'asc' } },
              roles: { where: { role: 'focal', endedAt: null }, include: { person: true }, take: 1 },
            },
          },
          values: { include: { indicator: true } },
        },
      });
      const typeCodes = [...new Set(rows.map((r) => r.unit.typeCode))];
      const links = await prisma.dutyIndicator.findMany({
        where: { dutyId: duty.id, unitTypeCode: { in: typeCodes } },
        include: { indicator: { include: { targets: { where: { year: period.year } } } } },
        orderBy: { position: 'asc' },
      });
      const indicators = new Map<string, (typeof links)[number]['indicator']>();
      for (const l of links)
        if (!indicators.has(l.indicator.code)) indicators.set(l.indicator.code, l.indicator);
      const units: StatusUnitRow[] = rows.map((a) => {
        const values: Record<string, number> = {};
        for (const v of a.values) if (v.value !== null) values[v.indicator.code] = Number(v.value);
        return {
          unitId: a.unit.id,
          code: a.unit.code,
          name: a.unit.name,
          typeCode: a.unit.typeCode,
          clusters: a.unit.memberships.map((m) => ({ code: m.cluster.code, name: m.cluster.name })),
          active: a.unit.active,
          retiredAt: iso(a.unit.retiredAt),
          dueDate: iso(a.dueDate),
          submittedAt: a.submittedAt?.toISOString() ?? null,
          storedState: a.state,
          locked: a.locked,
          documentSent: a.documentSentAt !== null,
          focalName: a.unit.roles[0]?.person.fullName ?? null,
          values,
        };
      });
      const oneType =
        typeCodes.length === 1 ? await prisma.unitType.findUnique({ where: { code: typeCodes[0]! } }) : null;
      return {
        unitsPlural: oneType ? { vi: oneType.pluralVi, en: oneType.pluralEn } : undefined,
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
