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
import type { Prisma } from '../generated/prisma/client.js';

/**
 * A client or a transaction: materialising runs on its own (the planning tick, the seed) or
 * inside the transaction of a change it follows (an import of units, a new deadline).
 */
type Db = Prisma.TransactionClient;

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * The holiday table (days off and make-up working days) from the Holiday rows, read afresh on
 * every call: a caller that asks often caches it (the reminder planning store does).
 */
export async function loadHolidayTable(prisma: Db) {
  const rows = await prisma.holiday.findMany();
  return createHolidayTable(rows.map((h) => ({ date: iso(h.date)!, kind: h.kind })));
}

/** The active duties with their deadline rules, as the pure calendar materialises them. */
export async function loadDutyCalendars(prisma: Db): Promise<DutyCalendar[]> {
  const duties = await prisma.duty.findMany({
    where: { active: true },
    include: { deadlines: true, recipientUnit: { select: { code: true } } },
  });
  return duties.map((d) => ({
    code: d.code,
    recipientUnitCode: d.recipientUnit?.code ?? null,
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

/** What materialising did: rows created (in all, and by duty code) and pending rows re-dated. */
export interface Materialised {
  created: number;
  redated: number;
  /** Rows created per duty code (duties with none are left out). */
  createdByDuty: Record<string, number>;
}

/**
 * Creates the assignments of `years` and re-dates pending ones whose rule changed; returns what
 * it did. On a transaction client it runs inside that transaction, one statement at a time (a
 * transaction's connection takes one at a time).
 */
export async function materialiseYears(prisma: Db, years: readonly number[]): Promise<Materialised> {
  const duties = await loadDutyCalendars(prisma);
  const units = await prisma.unit.findMany({
    select: { id: true, code: true, typeCode: true, active: true },
  });
  const holidays = await loadHolidayTable(prisma);
  const dutyRows = await prisma.duty.findMany({ select: { id: true, code: true } });
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
  // One order for every writer (the tick, an import, a new deadline): concurrent inserts of the
  // same keys then wait for each other instead of deadlocking.
  toCreate.sort(
    (a, b) => a.dutyId - b.dutyId || a.periodCode.localeCompare(b.periodCode) || a.unitId - b.unitId,
  );
  const made = await prisma.assignment.createManyAndReturn({
    data: toCreate,
    skipDuplicates: true,
    select: { dutyId: true },
  });
  const codeOf = new Map(dutyRows.map((d) => [d.id, d.code]));
  const createdByDuty: Record<string, number> = {};
  for (const m of made) {
    const code = codeOf.get(m.dutyId)!;
    createdByDuty[code] = (createdByDuty[code] ?? 0) + 1;
  }
  return { created: made.length, redated, createdByDuty };
}

/**
 * What materialising `years` depends on, as one string: units, duties and their deadline
 * rules, holidays, and the assignments of those years (count, pending rows' dates). Cheap next
 * to materialising (one statement of aggregates against loading every assignment).
 */
export async function materialisationFingerprint(prisma: Db, years: readonly number[]) {
  const [row] = await prisma.$queryRaw<{ fp: string }[]>`
    SELECT concat_ws('|',
      (SELECT md5(coalesce(string_agg(concat_ws(',', u."id", u."code", u."typeCode", u."active"), ';' ORDER BY u."id"), ''))
         FROM "Unit" u),
      (SELECT md5(coalesce(string_agg(concat_ws(',', d."id", d."code", d."recurrence", d."periodPattern", d."active",
                                                d."fromYear", d."toYear", d."recipientUnitId"), ';' ORDER BY d."id"), ''))
         FROM "Duty" d),
      (SELECT md5(coalesce(string_agg(concat_ws(',', r."id", r."dutyId", r."unitTypeCode", r."applies", r."month",
                                                r."day", r."year"), ';' ORDER BY r."id"), ''))
         FROM "DeadlineRule" r),
      (SELECT md5(coalesce(string_agg(concat_ws(',', h."date", h."kind"), ';' ORDER BY h."date"), '')) FROM "Holiday" h),
      (SELECT concat_ws(',', count(*), count(*) FILTER (WHERE a."state" = 'pending'),
                        sum(a."dueDate" - DATE '2000-01-01') FILTER (WHERE a."state" = 'pending'),
                        sum(a."nominalDueDate" - DATE '2000-01-01') FILTER (WHERE a."state" = 'pending'),
                        count(a."dueDate") FILTER (WHERE a."state" = 'pending'),
                        count(a."nominalDueDate") FILTER (WHERE a."state" = 'pending'))
         FROM "Assignment" a JOIN "Period" p ON p."code" = a."periodCode"
        WHERE p."year" = ANY(${[...years]}::int[]))
    ) AS "fp"`;
  return row!.fp;
}

const lastFingerprint = new WeakMap<Db, Map<string, string>>();

/**
 * `materialiseYears` for a process that asks every minute (the planning tick, the start-up):
 * skips the work while nothing it depends on changed since this process last materialised
 * those years, so a tick over thousands of units does not reload every assignment each minute.
 */
export async function materialiseIfChanged(
  prisma: Db,
  years: readonly number[],
): Promise<Omit<Materialised, 'createdByDuty'>> {
  const last = lastFingerprint.get(prisma) ?? new Map<string, string>();
  lastFingerprint.set(prisma, last);
  const key = years.join(',');
  // A process that has not materialised these years yet (a CLI run, a fresh start) just does.
  const before = last.get(key);
  if (before !== undefined && before === (await materialisationFingerprint(prisma, years))) {
    return { created: 0, redated: 0 };
  }
  const { created, redated } = await materialiseYears(prisma, years);
  last.set(key, await materialisationFingerprint(prisma, years));
  return { created, redated };
}
