import type { ImportedUnit } from '../domain/units-import.js';
import type { UnitStore, UnitSummary } from '../ports/unit-store.js';
import type { PrismaClient } from './database.js';

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
    async importUnits(units: readonly ImportedUnit[], actor: string) {
      return prisma.$transaction(
        async (tx) => {
          let created = 0;
          let updated = 0;
          const ids = new Map<string, number>();
          // Pass 1: upsert without parents (a parent may come later in the file).
          for (const u of units) {
            const before = await tx.unit.findUnique({ where: { code: u.code }, select: { id: true } });
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
              data: { codes: units.map((u) => u.code), created, updated },
            },
          });
          return { created, updated };
        },
        { timeout: 120_000, maxWait: 10_000 },
      );
    },
    async list() {
      const rows = await prisma.unit.findMany({ include, orderBy: [{ typeCode: 'asc' }, { code: 'asc' }] });
      return rows.map(toSummary);
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
