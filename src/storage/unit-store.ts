import { type ImportedUnit, nameOn, replacedNameSpan } from '../domain/units-import.js';
import type { FormerUnitName, UnitStore, UnitSummary } from '../ports/unit-store.js';
import type { PrismaClient } from './database.js';
import { materialiseYears } from './materialise-assignments.js';

const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const dateOf = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** A stored former name as the port gives it (ISO dates). */
const toFormerName = (r: {
  name: string;
  validFrom: Date | null;
  validTo: Date;
  source: string;
}): FormerUnitName => ({
  name: r.name,
  validFrom: r.validFrom ? isoOf(r.validFrom) : null,
  validTo: isoOf(r.validTo),
  source: r.source,
});
const formerNamesQuery = {
  select: { name: true, validFrom: true, validTo: true, source: true },
  orderBy: [{ validTo: 'asc' as const }, { id: 'asc' as const }],
};

/** UnitStore on Prisma (PostgreSQL or PGlite). */
export function createPrismaUnitStore(prisma: PrismaClient): UnitStore {
  const toSummary = (u: {
    id: number;
    code: string;
    name: string;
    typeCode: string;
    active: boolean;
    parent: { code: string } | null;
    memberships: { cluster: { code: string }; until: Date | null }[];
  }): UnitSummary => ({
    id: u.id,
    code: u.code,
    name: u.name,
    type: u.typeCode,
    parent: u.parent?.code ?? null,
    clusters: u.memberships.filter((m) => m.until === null).map((m) => m.cluster.code),
    active: u.active,
  });
  const include = {
    parent: { select: { code: true } },
    memberships: { select: { until: true, cluster: { select: { code: true } } } },
  } as const;
  return {
    async unitTypes() {
      const rows = await prisma.unitType.findMany({ select: { code: true } });
      return new Set(rows.map((r) => r.code));
    },
    async existing() {
      const rows = await prisma.unit.findMany({
        select: { code: true, typeCode: true, parent: { select: { code: true } } },
      });
      return {
        types: new Map(rows.map((r) => [r.code, r.typeCode])),
        parents: new Map(rows.map((r) => [r.code, r.parent?.code ?? null])),
      };
    },
    async importUnits(units: readonly ImportedUnit[], actor: string, on: string, years: readonly number[]) {
      return prisma.$transaction(
        async (tx) => {
          let created = 0;
          let updated = 0;
          const renamed: string[] = [];
          const ids = new Map<string, number>();
          // Pass 1: upsert without parents (a parent may come later in the file).
          for (const u of units) {
            const before = await tx.unit.findUnique({
              where: { code: u.code },
              select: { id: true, name: true },
            });
            if (before && before.name !== u.name) {
              // A rename: the old name goes into the history, in use until the day before `on`.
              renamed.push(u.code);
              const latest = await tx.unitName.findFirst({
                where: { unitId: before.id },
                orderBy: { validTo: 'desc' },
                select: { validTo: true },
              });
              const span = replacedNameSpan(latest ? isoOf(latest.validTo) : null, on);
              if (span) {
                await tx.unitName.createMany({
                  data: [
                    {
                      unitId: before.id,
                      name: before.name,
                      validFrom: span.validFrom ? dateOf(span.validFrom) : null,
                      validTo: dateOf(span.validTo),
                      source: 'units:import',
                    },
                  ],
                  skipDuplicates: true,
                });
              }
            }
            const row = await tx.unit.upsert({
              where: { code: u.code },
              create: { code: u.code, name: u.name, typeCode: u.type },
              update: { name: u.name, typeCode: u.type },
              select: { id: true },
            });
            if (before) updated++;
            else created++;
            ids.set(u.code, row.id);
          }
          const idOf = async (code: string) =>
            ids.get(code) ?? (await tx.unit.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
          // Pass 2: parents and cluster memberships.
          for (const u of units) {
            const id = ids.get(u.code)!;
            await tx.unit.update({
              where: { id },
              data: { parentId: u.parent ? await idOf(u.parent) : null },
            });
            for (const c of u.clusters) {
              const clusterId = await idOf(c);
              await tx.clusterMember.upsert({
                where: { clusterId_unitId: { clusterId, unitId: id } },
                create: { clusterId, unitId: id },
                update: { until: null },
              });
            }
          }
          await tx.auditLog.create({
            data: {
              actor,
              action: 'units.import',
              entity: 'Unit',
              data: { codes: units.map((u) => u.code), created, updated, renamed },
            },
          });
          // The new units' reporting assignments, committed with them: status lists them at once.
          const made = await materialiseYears(tx, years);
          return {
            created,
            updated,
            renamed: renamed.length,
            assignments: { created: made.created, byDuty: made.createdByDuty },
          };
        },
        { timeout: 120_000, maxWait: 10_000 },
      );
    },
    async list() {
      const rows = await prisma.unit.findMany({
        include: {
          ...include,
          formerNames: formerNamesQuery,
          roles: {
            where: { role: 'focal', endedAt: null },
            select: { personId: true, person: { select: { fullName: true } } },
            orderBy: [{ since: 'asc' }, { id: 'asc' }],
          },
        },
        orderBy: [{ typeCode: 'asc' }, { code: 'asc' }],
      });
      return rows.map((u) => ({
        ...toSummary(u),
        formerNames: u.formerNames.map(toFormerName),
        focalPoints: [...new Map(u.roles.map((r) => [r.personId, r.person.fullName]))].map(
          ([personId, name]) => ({ personId, name }),
        ),
      }));
    },
    async nameOn(unitId: number, date: string) {
      const u = await prisma.unit.findUnique({
        where: { id: unitId },
        select: { name: true, formerNames: formerNamesQuery },
      });
      return u ? nameOn(u.name, u.formerNames.map(toFormerName), date) : null;
    },
    async find(code: string) {
      const u = await prisma.unit.findUnique({ where: { code: code.toUpperCase() }, include });
      return u ? toSummary(u) : null;
    },
    async indicatorsFor(unit, dutyCode) {
      const links = await prisma.dutyIndicator.findMany({
        where: { duty: { code: dutyCode }, unitTypeCode: unit.type },
        include: { indicator: true },
        orderBy: { position: 'asc' },
      });
      return links.map(({ indicator: i }) => ({
        code: i.code,
        labelVi: i.labelVi,
        labelEn: i.labelEn,
        synonyms: i.synonyms,
        kind: i.kind,
        min: i.minValue === null ? null : Number(i.minValue),
        max: i.maxValue === null ? null : Number(i.maxValue),
      }));
    },
  };
}
