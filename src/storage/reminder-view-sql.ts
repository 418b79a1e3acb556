/**
 * The reminder view of an assignment in SQL, defined once: the claim of a ledger row reads it
 * in the same statement (the hot path of a fan-out), and `reminderView` reads it alone.
 */
import { resolveTarget } from '../domain/submission.js';
import { Prisma } from '../generated/prisma/client.js';
import type { ReminderView } from '../ports/reminder-views.js';
import type { PrismaClient } from './database.js';
import { iso, num } from './rows.js';
import type { TtlCache } from './ttl-cache.js';

/** A row of `REMINDER_VIEW_COLUMNS`, as read (`aId` null when the row has no assignment). */
export interface ReminderViewRow {
  aId: number | null;
  aPeriodCode: string;
  dueDate: Date | null;
  state: string;
  documentSent: boolean;
  aDutyId: number;
  nameVi: string;
  nameEn: string;
  unitId: number;
  unitName: string;
  typeCode: string;
  unitCode: string;
  clusterId: number | null;
  clusterCode: string | null;
  filled: string[];
}

/**
 * The view's joins from a relation `c` with an `"assignmentId"` column: the assignment `a`, its
 * duty `d` and its unit `u` that `REMINDER_VIEW_COLUMNS` reads. Left joins, so that a ledger row
 * with no assignment is still claimed (its view columns are null).
 */
export const REMINDER_VIEW_JOINS = Prisma.sql`LEFT JOIN "Assignment" a ON a."id" = c."assignmentId"
  LEFT JOIN "Duty" d ON d."id" = a."dutyId"
  LEFT JOIN "Unit" u ON u."id" = a."unitId"`;

/**
 * The view's columns over `REMINDER_VIEW_JOINS`: the assignment, its duty's names, its unit
 * with its current cluster, and the codes of the indicators that have a value (or were declared
 * to have none, which counts as given).
 */
export const REMINDER_VIEW_COLUMNS = Prisma.sql`a."id" AS "aId", a."periodCode" AS "aPeriodCode", a."dueDate", a."state"::text AS "state",
  (a."documentSentAt" IS NOT NULL) AS "documentSent",
  d."id" AS "aDutyId", d."nameVi", d."nameEn", u."id" AS "unitId", u."name" AS "unitName", u."typeCode",
  u."code" AS "unitCode",
  (SELECT cm."clusterId" FROM "ClusterMember" cm
    WHERE cm."unitId" = u."id" AND cm."until" IS NULL ORDER BY cm."id" LIMIT 1) AS "clusterId",
  (SELECT cu."code" FROM "ClusterMember" cm JOIN "Unit" cu ON cu."id" = cm."clusterId"
    WHERE cm."unitId" = u."id" AND cm."until" IS NULL ORDER BY cm."id" LIMIT 1) AS "clusterCode",
  COALESCE((SELECT array_agg(i."code") FROM "SubmissionValue" sv
              JOIN "Indicator" i ON i."id" = sv."indicatorId"
             WHERE sv."assignmentId" = a."id" AND (sv."value" IS NOT NULL OR sv."textValue" IS NULL)), '{}') AS "filled"`;

/**
 * Turns a view row (with `aId` set) into the port's view: the required indicators of the duty
 * for the unit's type, in the report's order, minus those filled. The indicator lists are
 * cached in `cached` (30 s): every reminder of a fan-out asks the same few.
 */
export function createReminderViewReader(
  prisma: PrismaClient,
  cached: TtlCache,
): (r: ReminderViewRow) => Promise<ReminderView> {
  return async (r) => {
    const year = Number(r.aPeriodCode.slice(0, 4));
    const indicators = await cached(
      `ind|${r.aDutyId}|${r.typeCode}|${year}`,
      () =>
        prisma.dutyIndicator.findMany({
          where: { dutyId: r.aDutyId, unitTypeCode: r.typeCode, required: true },
          include: { indicator: { include: { targets: { where: { year } } } } },
          orderBy: { position: 'asc' },
        }),
      30_000,
    );
    const unit = {
      code: r.unitCode,
      typeCode: r.typeCode,
      clusterCodes: r.clusterCode ? [r.clusterCode] : [],
    };
    const filled = new Set(r.filled);
    return {
      assignmentId: r.aId!,
      dutyNameVi: r.nameVi,
      dutyNameEn: r.nameEn,
      periodCode: r.aPeriodCode,
      unitId: r.unitId,
      unitName: r.unitName,
      dutyId: r.aDutyId,
      typeCode: r.typeCode,
      clusterId: r.clusterId,
      dueDate: iso(r.dueDate),
      complete: r.state === 'on_time' || r.state === 'late',
      documentSent: r.documentSent,
      missing: indicators
        .filter((l) => !filled.has(l.indicator.code))
        .map(({ indicator: i }) => ({
          code: i.code,
          labelVi: i.labelVi,
          labelEn: i.labelEn,
          synonyms: i.synonyms,
          kind: i.kind,
          min: num(i.minValue),
          max: num(i.maxValue),
          target: resolveTarget(
            i.targets.map((t) => ({
              scope: t.scope,
              kind: t.kind,
              min: num(t.minValue),
              max: num(t.maxValue),
              inclusive: t.inclusive,
            })),
            unit,
          ),
        })),
    };
  };
}
