/**
 * Loads the default-install data (prisma/seed) idempotently: every row is upserted by its
 * natural key, so running it twice leaves the same rows. Rows an administrator changed later
 * are updated back only where the seed owns the value (names, labels); deadlines and targets
 * changed by someone other than the seed are left alone.
 */
import type {
  SeedCluster,
  SeedDuty,
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
      const row = await prisma.unit.upsert({
        where: { code: u.code },
        create: { code: u.code, ...fields },
        update: fields,
        select: { id: true },
      });
      ids.set(u.code, row.id);
      pending.splice(i, 1);
    }
  }
  if (pending.length > 0)
    throw new Error(`seed: unknown parent for ${pending.map((u) => u.code).join(', ')}`);

  for (const c of data.clusters) {
    const fields = { name: c.name, nameEn: c.nameEn ?? null, typeCode: 'CLUSTER' };
    const cluster = await prisma.unit.upsert({
      where: { code: c.code },
      create: { code: c.code, ...fields },
      update: fields,
      select: { id: true },
    });
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
