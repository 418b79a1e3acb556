/**
 * Materialises assignments (duty × period × unit) in the database from the pure calendar.
 * Idempotent: existing rows are kept; a pending row whose deadline rule changed gets the new
 * dates; submitted rows are never touched.
 */
import {
  createHolidayTable,
  type DutyCalendar,
  materialiseAssignments,
  parsePeriodCode,
} from '../domain/calendar.js';
import type { PrismaClient } from './database.js';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export async function loadHolidayTable(prisma: PrismaClient) {
  const rows = await prisma.holiday.findMany();
  return createHolidayTable(rows.map((h) => ({ date: iso(h.date)!, kind: h.kind })));
}

export async function loadDutyCalendars(prisma: PrismaClient): Promise<DutyCalendar[]> {
  const duties = await prisma.duty.findMany({ where: { active: true }, include: { deadlines: true } });
  return duties.map((d) => ({
    code: d.code,
    recurrence: d.recurrence,
    periodPattern: d.periodPattern === 'YYYY-H1' ? 'YYYY-H1' : 'YYYY',
    fromYear: d.fromYear,
    toYear: d.toYear,
    rules: d.deadlines.map((r) => ({
      unitTypeCode: r.unitTypeCode,
      applies: r.applies,
      month: r.month,
      day: r.day,
      year: r.year,
    })),
  }));
}

/** Creates the assignments of `years`; returns how many rows were created and re-dated. */
export async function materialiseYears(
  prisma: PrismaClient,
  years: readonly number[],
): Promise<{ created: number; redated: number }> {
  const [duties, units, holidays, dutyRows] = await Promise.all([
    loadDutyCalendars(prisma),
    prisma.unit.findMany({ select: { id: true, code: true, typeCode: true, active: true } }),
    loadHolidayTable(prisma),
    prisma.duty.findMany({ select: { id: true, code: true } }),
  ]);
  const rows = materialiseAssignments({ duties, units, years, holidays });
  const dutyId = new Map(dutyRows.map((d) => [d.code, d.id]));
  const unitId = new Map(units.map((u) => [u.code, u.id]));

  const periodCodes = [...new Set(rows.map((r) => r.periodCode))];
  // createMany + skipDuplicates: concurrent passes (several instances) must not collide.
  await prisma.period.createMany({
    data: periodCodes.flatMap((code) => {
      const p = parsePeriodCode(code);
      return p
        ? [{ code, kind: p.kind, year: p.year, startDate: day(p.startDate), endDate: day(p.endDate) }]
        : [];
    }),
    skipDuplicates: true,
  });

  const existing = await prisma.assignment.findMany({
    where: { periodCode: { in: periodCodes } },
    select: {
      id: true,
      dutyId: true,
      periodCode: true,
      unitId: true,
      dueDate: true,
      nominalDueDate: true,
      state: true,
    },
  });
  const key = (d: number, p: string, u: number) => `${d}|${p}|${u}`;
  const have = new Map(existing.map((a) => [key(a.dutyId, a.periodCode, a.unitId), a]));
  const toCreate: {
    dutyId: number;
    periodCode: string;
    unitId: number;
    dueDate: Date | null;
    nominalDueDate: Date | null;
  }[] = [];
  let redated = 0;
  for (const r of rows) {
    const d = dutyId.get(r.dutyCode)!;
    const u = unitId.get(r.unitCode)!;
    const found = have.get(key(d, r.periodCode, u));
    if (!found) {
      toCreate.push({
        dutyId: d,
        periodCode: r.periodCode,
        unitId: u,
        dueDate: r.dueDate ? day(r.dueDate) : null,
        nominalDueDate: r.nominalDueDate ? day(r.nominalDueDate) : null,
      });
    } else if (
      found.state === 'pending' &&
      (iso(found.dueDate) !== r.dueDate || iso(found.nominalDueDate) !== r.nominalDueDate)
    ) {
      await prisma.assignment.update({
        where: { id: found.id },
        data: {
          dueDate: r.dueDate ? day(r.dueDate) : null,
          nominalDueDate: r.nominalDueDate ? day(r.nominalDueDate) : null,
        },
      });
      redated++;
    }
  }
  const { count } = await prisma.assignment.createMany({ data: toCreate, skipDuplicates: true });
  return { created: count, redated };
}
