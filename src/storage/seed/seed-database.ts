/**
 * Loads the default-install data (prisma/seed) idempotently: every row is upserted by its
 * natural key, so running it twice leaves the same rows. Rows an administrator changed later
 * are updated back only where the seed owns the value (labels; a unit's name while it is one the
 * seed gave, now or formerly); unit names an operator gave, and deadlines and targets changed by
 * someone other than the seed, are left alone.
 */
import type {
  SeedCluster,
  SeedDuty,
  SeedFormerName,
  SeedHoliday,
  SeedIndicator,
  SeedMovement,
  SeedTarget,
  SeedUnit,
  SeedUnitType,
} from '../../../prisma/seed/types.js';
import type { PrismaClient } from '../database.js';

/** Everything `seedDatabase` loads, by kind; each row is upserted by its natural key. */
export interface SeedData {
  unitTypes: SeedUnitType[];
  units: SeedUnit[];
  clusters: SeedCluster[];
  movements: SeedMovement[];
  indicators: SeedIndicator[];
  duties: SeedDuty[];
  targets: SeedTarget[];
  holidays: SeedHoliday[];
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * Upserts one unit by code and returns its id. The seed sets the name (and English name) only
 * while the unit bears a name the seed gave — its current one or a former one — and then also
 * records the former names in the unit's history (each unless the history already ends a name
 * on that day); a name an operator gave is kept as it is.
 */
async function upsertUnit(
  prisma: PrismaClient,
  code: string,
  fields: { name: string; nameEn: string | null; typeCode: string; parentId?: number | null },
  formerNames: readonly SeedFormerName[] = [],
): Promise<number> {
  const before = await prisma.unit.findUnique({ where: { code }, select: { name: true } });
  const owned =
    before === null || before.name === fields.name || formerNames.some((f) => f.name === before.name);
  const { name: _name, nameEn: _nameEn, ...rest } = fields;
  const row = await prisma.unit.upsert({
    where: { code },
    create: { code, ...fields },
    update: owned ? fields : rest,
    select: { id: true },
  });
  if (owned && formerNames.length > 0) {
    // A day the unit's history already ends a name on (a migration, an import) is not re-told.
    const known = await prisma.unitName.findMany({ where: { unitId: row.id }, select: { validTo: true } });
    const ends = new Set(known.map((k) => k.validTo.toISOString().slice(0, 10)));
    await prisma.unitName.createMany({
      data: formerNames
        .filter((f) => !ends.has(f.validTo))
        .map((f) => ({
          unitId: row.id,
          name: f.name,
          validFrom: f.validFrom ? day(f.validFrom) : null,
          validTo: day(f.validTo),
          source: f.source,
        })),
      skipDuplicates: true,
    });
  }
  return row.id;
}

/** Upserts the seed data. Returns row counts of what the seed covers. */
export async function seedDatabase(prisma: PrismaClient, data: SeedData): Promise<Record<string, number>> {
  for (const t of data.unitTypes) {
    await prisma.unitType.upsert({ where: { code: t.code }, create: t, update: t });
  }

  // Units in parent order, then clusters (units of type CLUSTER) and their members.
  const ids = new Map<string, number>();
  const pending = [...data.units];
  for (let guard = 0; pending.length > 0 && guard < 10; guard++) {
    for (let i = 0; i < pending.length; ) {
      const u = pending[i]!;
      if (u.parent && !ids.has(u.parent)) {
        const p = await prisma.unit.findUnique({ where: { code: u.parent }, select: { id: true } });
        if (!p) {
          i++;
          continue;
        }
        ids.set(u.parent, p.id);
      }
      const fields = {
        name: u.name,
        nameEn: u.nameEn ?? null,
        typeCode: u.type,
        parentId: u.parent ? ids.get(u.parent)! : null,
      };
      ids.set(u.code, await upsertUnit(prisma, u.code, fields, u.formerNames));
      pending.splice(i, 1);
    }
  }
  if (pending.length > 0)
    throw new Error(`seed: unknown parent for ${pending.map((u) => u.code).join(', ')}`);

  for (const c of data.clusters) {
    const fields = { name: c.name, nameEn: c.nameEn ?? null, typeCode: 'CLUSTER' };
    const cluster = { id: await upsertUnit(prisma, c.code, fields, c.formerNames) };
    ids.set(c.code, cluster.id);
    for (const m of c.members) {
      const unitId = ids.get(m);
      if (unitId === undefined) throw new Error(`seed: cluster ${c.code} lists unknown unit ${m}`);
      const role = m === c.head ? 'head' : m === c.deputy ? 'deputy' : 'member';
      await prisma.clusterMember.upsert({
        where: { clusterId_unitId: { clusterId: cluster.id, unitId } },
        create: { clusterId: cluster.id, unitId, role, since: day('2023-01-01') },
        update: { role },
      });
    }
  }

  const movementIds = new Map<string, number>();
  for (const m of data.movements) {
    const fields = {
      decisionNo: m.decisionNo,
      decisionDate: day(m.decisionDate),
      title: m.title,
      startDate: day(m.startDate),
      endDate: m.endDate ? day(m.endDate) : null,
      phases: m.phases,
    };
    const row = await prisma.movement.upsert({
      where: { code: m.code },
      create: { code: m.code, ...fields },
      update: fields,
      select: { id: true },
    });
    movementIds.set(m.code, row.id);
  }

  const indicatorIds = new Map<string, number>();
  for (const i of data.indicators) {
    const fields = {
      labelVi: i.labelVi,
      labelEn: i.labelEn,
      synonyms: i.synonyms,
      kind: i.kind,
      minValue: i.min ?? null,
      maxValue: i.max ?? null,
      unitVi: i.unitVi ?? null,
      unitEn: i.unitEn ?? null,
      aggregate: i.aggregate,
    };
    const row = await prisma.indicator.upsert({
      where: { code: i.code },
      create: { code: i.code, ...fields },
      update: fields,
      select: { id: true },
    });
    indicatorIds.set(i.code, row.id);
  }

  for (const d of data.duties) {
    const recipientUnitId = ids.get(d.recipient) ?? null;
    const fields = {
      nameVi: d.nameVi,
      nameEn: d.nameEn,
      movementId: d.movement ? (movementIds.get(d.movement) ?? null) : null,
      recipientUnitId,
      recurrence: d.recurrence,
      periodPattern: d.periodPattern,
      fromYear: d.fromYear ?? null,
      toYear: d.toYear ?? null,
    };
    const duty = await prisma.duty.upsert({
      where: { code: d.code },
      // Reminder stages are the administrator's once created.
      create: { code: d.code, ...fields, reminderStages: d.reminderStages },
      update: fields,
      select: { id: true },
    });
    for (const r of d.deadlines) {
      const rule = {
        applies: r.applies ?? true,
        month: r.month,
        day: r.day,
        year: r.year ?? null,
      };
      const existing = await prisma.deadlineRule.findUnique({
        where: { dutyId_unitTypeCode: { dutyId: duty.id, unitTypeCode: r.unitType } },
        select: { updatedBy: true },
      });
      if (!existing) {
        await prisma.deadlineRule.create({
          data: { dutyId: duty.id, unitTypeCode: r.unitType, ...rule, updatedBy: 'seed' },
        });
      } else if (existing.updatedBy === 'seed') {
        await prisma.deadlineRule.update({
          where: { dutyId_unitTypeCode: { dutyId: duty.id, unitTypeCode: r.unitType } },
          data: rule,
        });
      }
    }
    for (const group of d.indicators) {
      for (const [position, code] of group.codes.entries()) {
        const indicatorId = indicatorIds.get(code);
        if (indicatorId === undefined)
          throw new Error(`seed: duty ${d.code} lists unknown indicator ${code}`);
        await prisma.dutyIndicator.upsert({
          where: {
            dutyId_indicatorId_unitTypeCode: { dutyId: duty.id, indicatorId, unitTypeCode: group.unitType },
          },
          create: { dutyId: duty.id, indicatorId, unitTypeCode: group.unitType, position },
          update: { position },
        });
      }
    }
  }

  for (const t of data.targets) {
    const indicatorId = indicatorIds.get(t.indicator);
    if (indicatorId === undefined) throw new Error(`seed: target for unknown indicator ${t.indicator}`);
    const existing = await prisma.target.findUnique({
      where: { indicatorId_year_scope: { indicatorId, year: t.year, scope: t.scope } },
      select: { updatedBy: true },
    });
    const fields = {
      kind: t.kind,
      minValue: t.min ?? null,
      maxValue: t.max ?? null,
      inclusive: t.inclusive ?? true,
      note: t.note ?? null,
    };
    if (!existing) {
      await prisma.target.create({
        data: { indicatorId, year: t.year, scope: t.scope, ...fields, updatedBy: 'seed' },
      });
    } else if (existing.updatedBy === 'seed') {
      await prisma.target.update({
        where: { indicatorId_year_scope: { indicatorId, year: t.year, scope: t.scope } },
        data: fields,
      });
    }
  }

  for (const h of data.holidays) {
    await prisma.holiday.upsert({
      where: { date: day(h.date) },
      create: { date: day(h.date), name: h.name, kind: h.kind },
      update: {},
    });
  }

  return {
    unitTypes: data.unitTypes.length,
    units: data.units.length + data.clusters.length,
    movements: data.movements.length,
    indicators: data.indicators.length,
    duties: data.duties.length,
    targets: data.targets.length,
    holidays: data.holidays.length,
  };
}
