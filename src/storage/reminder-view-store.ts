/** The reads behind reminders' and escalation digests' texts, on Prisma. */
import type { ReminderViewStore } from '../ports/reminder-views.js';
import type { PrismaClient } from './database.js';
import {
  createReminderViewReader,
  REMINDER_VIEW_COLUMNS,
  REMINDER_VIEW_JOINS,
  type ReminderViewRow,
} from './reminder-view-sql.js';
import { iso } from './rows.js';
import { createTtlCache } from './ttl-cache.js';

/** An assignment counts as complete when it is on time or late. */
const COMPLETE = ['on_time', 'late'] as const;

/** The `ReminderViewStore` port on Prisma; what a fan-out's messages share is cached a few seconds. */
export function createPrismaReminderViews(prisma: PrismaClient): ReminderViewStore {
  const cached = createTtlCache();
  const toView = createReminderViewReader(prisma, cached);
  return {
    async reminderView(assignmentId) {
      const rows = await prisma.$queryRaw<ReminderViewRow[]>`
        SELECT ${REMINDER_VIEW_COLUMNS}
          FROM (SELECT ${assignmentId}::int AS "assignmentId") c
          ${REMINDER_VIEW_JOINS}
         WHERE a."id" IS NOT NULL`;
      const r = rows[0];
      return r ? toView(r) : null;
    },

    async peerStats({ dutyId, periodCode, typeCode, clusterId }) {
      const same = { dutyId, periodCode, unit: { typeCode, active: true } };
      // Counts shared by every reminder of a fan-out: cached for a few seconds.
      const [type, total, done] = await cached(`peers|${dutyId}|${periodCode}|${typeCode}`, () =>
        Promise.all([
          prisma.unitType.findUnique({ where: { code: typeCode } }),
          prisma.assignment.count({ where: same }),
          prisma.assignment.count({ where: { ...same, state: { in: [...COMPLETE] } } }),
        ]),
      );
      const clusterLeft =
        clusterId === null
          ? null
          : await cached(`cluster|${clusterId}|${dutyId}|${periodCode}`, () =>
              prisma.assignment.count({
                where: {
                  dutyId,
                  periodCode,
                  state: { notIn: [...COMPLETE] },
                  unit: { active: true, memberships: { some: { clusterId, until: null } } },
                },
              }),
            );
      return {
        typeCode,
        pluralVi: type?.pluralVi ?? typeCode,
        pluralEn: type?.pluralEn ?? typeCode,
        done,
        total,
        clusterLeft,
      };
    },

    async stillMissing(dutyId, periodCode, unitIds) {
      const rows = await prisma.assignment.findMany({
        where: {
          dutyId,
          periodCode,
          unitId: { in: [...unitIds] },
          state: { notIn: [...COMPLETE] },
          unit: { active: true },
        },
        select: {
          dueDate: true,
          unit: {
            select: {
              id: true,
              name: true,
              memberships: {
                where: { until: null },
                select: { cluster: { select: { name: true } } },
                take: 1,
              },
            },
          },
        },
        orderBy: { unit: { name: 'asc' } },
      });
      return rows.map((r) => ({
        id: r.unit.id,
        name: r.unit.name,
        cluster: r.unit.memberships[0]?.cluster.name ?? null,
        dueDate: iso(r.dueDate),
      }));
    },

    async dutyInfo(dutyId, periodCode) {
      const duty = await prisma.duty.findUnique({ where: { id: dutyId } });
      if (!duty) return null;
      const where = { dutyId, periodCode, unit: { active: true } };
      const [total, done, first] = await Promise.all([
        prisma.assignment.count({ where }),
        prisma.assignment.count({ where: { ...where, state: { in: [...COMPLETE] } } }),
        prisma.assignment.findFirst({
          where: { ...where, dueDate: { not: null } },
          orderBy: { dueDate: 'asc' },
        }),
      ]);
      return { nameVi: duty.nameVi, nameEn: duty.nameEn, dueDate: iso(first?.dueDate ?? null), total, done };
    },
  };
}
