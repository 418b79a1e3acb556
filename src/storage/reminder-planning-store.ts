/** The reminder planner's reads on Prisma. */
import { addDays, localDateOf } from '../domain/calendar.js';
import { PLANNING_HORIZON_DAYS } from '../domain/reminders.js';
import type {
  NamedUnit,
  PlannedRowNames,
  PlanningData,
  ReminderPlanningStore,
} from '../ports/reminder-planning.js';
import type { PrismaClient } from './database.js';
import { loadHolidayTable } from './materialise-assignments.js';
import { iso } from './rows.js';
import { createTtlCache } from './ttl-cache.js';

/**
 * A stage may be moved off a weekend, a holiday or Tết (up to 9 days off in a row): the margin
 * keeps a stage at the horizon's edge within reach after its move.
 */
const MOVED_STAGE_MARGIN_DAYS = 15;

/** The `ReminderPlanningStore` port on Prisma; the holiday table is cached for a minute. */
export function createPrismaReminderPlanning(prisma: PrismaClient): ReminderPlanningStore {
  const cached = createTtlCache();
  return {
    async planningData(now, timeZone): Promise<PlanningData> {
      // Runs every minute, also in the middle of a fan-out of thousands: three plain statements
      // joined on the date range in the database, no id lists sent back and forth.
      const today = localDateOf(now, timeZone);
      const from = addDays(today, -(PLANNING_HORIZON_DAYS + MOVED_STAGE_MARGIN_DAYS));
      const to = addDays(today, PLANNING_HORIZON_DAYS + MOVED_STAGE_MARGIN_DAYS);
      const [rows, planned, duties, holidays] = await Promise.all([
        prisma.$queryRaw<
          {
            id: number;
            dutyId: number;
            unitId: number;
            periodCode: string;
            dueDate: Date | null;
            complete: boolean;
            dutyCode: string;
            unitCode: string;
          }[]
        >`
          SELECT a."id", a."dutyId", a."unitId", a."periodCode", a."dueDate",
                 (a."state" IN ('on_time', 'late')) AS "complete", d."code" AS "dutyCode", u."code" AS "unitCode"
          FROM "Assignment" a
          JOIN "Duty" d ON d."id" = a."dutyId" AND d."active"
          JOIN "Unit" u ON u."id" = a."unitId" AND u."active"
          WHERE a."dueDate" BETWEEN ${from}::date AND ${to}::date`,
        prisma.$queryRaw<{ key: string }[]>`
          SELECT l."assignmentId" || '|' || l."stage" AS "key"
          FROM "ReminderLedger" l JOIN "Assignment" a ON a."id" = l."assignmentId"
          WHERE l."kind" = 'reminder' AND a."dueDate" BETWEEN ${from}::date AND ${to}::date
          UNION
          SELECT s."assignmentId" || '|' || s."stage"
          FROM "SkippedStage" s JOIN "Assignment" a ON a."id" = s."assignmentId"
          WHERE a."dueDate" BETWEEN ${from}::date AND ${to}::date`,
        prisma.duty.findMany({ where: { active: true }, select: { code: true, reminderStages: true } }),
        loadHolidayTable(prisma),
      ]);
      return {
        assignments: rows.map((r) => ({
          id: r.id,
          dutyId: r.dutyId,
          unitId: r.unitId,
          dutyCode: r.dutyCode,
          periodCode: r.periodCode,
          unitCode: r.unitCode,
          dueDate: iso(r.dueDate),
          complete: r.complete,
        })),
        policies: duties.map((d) => ({ dutyCode: d.code, stages: d.reminderStages })),
        holidays,
        planned: new Set(planned.map((p) => p.key)),
      };
    },

    holidays() {
      return cached('holidays', () => loadHolidayTable(prisma), 60_000);
    },
  };
}

/** The `PlannedRowNames` port on Prisma: four lookups by id, run together. */
export function createPrismaPlannedRowNames(prisma: PrismaClient): PlannedRowNames {
  const unitSelect = { id: true, code: true, name: true } as const;
  const named = (u: NamedUnit): NamedUnit => ({ id: u.id, code: u.code, name: u.name });
  return {
    async names(q) {
      const [people, assignments, units, duties] = await Promise.all([
        q.people.length === 0
          ? []
          : prisma.person.findMany({
              where: { id: { in: [...q.people] } },
              select: {
                id: true,
                fullName: true,
                locale: true,
                roles: {
                  where: { endedAt: null },
                  select: { unit: { select: unitSelect } },
                  orderBy: { id: 'asc' },
                },
              },
            }),
        q.assignments.length === 0
          ? []
          : prisma.assignment.findMany({
              where: { id: { in: [...q.assignments] } },
              select: { id: true, unit: { select: unitSelect }, duty: { select: { code: true } } },
            }),
        q.units.length === 0
          ? []
          : prisma.unit.findMany({ where: { id: { in: [...q.units] } }, select: unitSelect }),
        q.duties.length === 0
          ? []
          : prisma.duty.findMany({ where: { id: { in: [...q.duties] } }, select: { id: true, code: true } }),
      ]);
      return {
        people: new Map(
          people.map((p) => [
            p.id,
            {
              name: p.fullName,
              locale: p.locale === 'en' ? 'en' : 'vi',
              units: [...new Map(p.roles.map((r) => [r.unit.id, named(r.unit)])).values()],
            },
          ]),
        ),
        assignments: new Map(assignments.map((a) => [a.id, { unit: named(a.unit), dutyCode: a.duty.code }])),
        units: new Map(units.map((u) => [u.id, named(u)])),
        duties: new Map(duties.map((d) => [d.id, d.code])),
      };
    },
  };
}
