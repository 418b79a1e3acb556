/**
 * Prisma implementation of the dashboard's stores (src/ports/dashboard.ts): sign-in links and
 * sessions by token hash, a unit's record for one duty and period, the duties to pick from and
 * the change mark the overview's event stream polls.
 */
import type { DashboardSessionStore, DashboardStore, UnitRecord } from '../ports/dashboard.js';
import type { PrismaClient } from './database.js';

/** How long an ended link or session is kept (what a question about a sign-in may need). */
const KEEP_ENDED_MS = 30 * 86_400_000;

const num = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());

/** Sign-in links and sessions on Prisma. */
export function createPrismaDashboardSessionStore(prisma: PrismaClient): DashboardSessionStore {
  return {
    async createLink(personId, tokenHash, expiresAt) {
      // Links and sessions ended more than 30 days ago go as new ones are made (the tables stay small).
      const before = new Date(expiresAt.getTime() - KEEP_ENDED_MS);
      await prisma.$transaction([
        prisma.dashboardLink.deleteMany({ where: { expiresAt: { lt: before } } }),
        prisma.dashboardSession.deleteMany({
          where: { OR: [{ expiresAt: { lt: before } }, { revokedAt: { lt: before } }] },
        }),
        prisma.dashboardLink.create({ data: { personId, tokenHash, expiresAt } }),
      ]);
    },
    async useLink(tokenHash, now) {
      // One conditional UPDATE: of two requests with the same link, exactly one gets the person.
      const rows = await prisma.$queryRaw<{ personId: number }[]>`
        UPDATE "DashboardLink" SET "usedAt" = ${now}
        WHERE "tokenHash" = ${tokenHash} AND "usedAt" IS NULL AND "expiresAt" > ${now}
        RETURNING "personId"`;
      return rows[0]?.personId ?? null;
    },
    async createSession(personId, tokenHash, expiresAt) {
      await prisma.dashboardSession.create({ data: { personId, tokenHash, expiresAt } });
    },
    async session(tokenHash, now) {
      const row = await prisma.dashboardSession.findUnique({
        where: { tokenHash },
        select: {
          personId: true,
          expiresAt: true,
          revokedAt: true,
          person: { select: { fullName: true, locale: true } },
        },
      });
      if (!row || row.revokedAt || row.expiresAt <= now) return null;
      return {
        personId: row.personId,
        name: row.person.fullName,
        locale: row.person.locale,
        expiresAt: row.expiresAt,
      };
    },
    async revoke(tokenHash, now) {
      await prisma.dashboardSession.updateMany({
        where: { tokenHash, revokedAt: null },
        data: { revokedAt: now },
      });
    },
    async revokeAll(personId, now) {
      const [sessions] = await prisma.$transaction([
        prisma.dashboardSession.updateMany({
          where: { personId, revokedAt: null, expiresAt: { gt: now } },
          data: { revokedAt: now },
        }),
        prisma.dashboardLink.updateMany({
          where: { personId, usedAt: null, expiresAt: { gt: now } },
          data: { expiresAt: now },
        }),
      ]);
      return sessions.count;
    },
  };
}

/** The dashboard's reads on Prisma. */
export function createPrismaDashboardStore(prisma: PrismaClient): DashboardStore {
  return {
    async unitRecord(unitId, dutyCode, periodCode) {
      const [unit, duty] = await Promise.all([
        prisma.unit.findUnique({
          where: { id: unitId },
          select: {
            id: true,
            code: true,
            name: true,
            typeCode: true,
            type: { select: { nameVi: true, nameEn: true } },
            memberships: {
              where: { until: null },
              select: { cluster: { select: { name: true } } },
              orderBy: { id: 'asc' },
            },
            roles: {
              where: { role: 'focal' },
              select: {
                since: true,
                endedAt: true,
                endReason: true,
                person: { select: { id: true, fullName: true } },
              },
              orderBy: [{ since: 'asc' }, { id: 'asc' }],
            },
          },
        }),
        prisma.duty.findUnique({
          where: { code: dutyCode },
          select: { id: true, nameVi: true, nameEn: true },
        }),
      ]);
      if (!unit || !duty) return null;
      const [assignment, dutyIndicators] = await Promise.all([
        prisma.assignment.findUnique({
          where: { dutyId_periodCode_unitId: { dutyId: duty.id, periodCode, unitId } },
          select: {
            id: true,
            locked: true,
            openUntil: true,
            documentRef: true,
            documentSentAt: true,
            values: {
              select: {
                indicatorId: true,
                value: true,
                textValue: true,
                revisions: {
                  select: {
                    createdAt: true,
                    channel: true,
                    oldValue: true,
                    newValue: true,
                    oldText: true,
                    newText: true,
                    reason: true,
                    rawMessage: true,
                    person: { select: { fullName: true } },
                  },
                  orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
                },
              },
            },
            exceptions: {
              select: {
                id: true,
                reason: true,
                status: true,
                createdAt: true,
                decidedAt: true,
                openUntil: true,
                requestedBy: { select: { fullName: true } },
                decidedBy: { select: { fullName: true } },
              },
              orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            },
          },
        }),
        prisma.dutyIndicator.findMany({
          where: { dutyId: duty.id, unitTypeCode: unit.typeCode },
          select: {
            indicatorId: true,
            indicator: { select: { code: true, labelVi: true, labelEn: true, kind: true } },
          },
          orderBy: [{ position: 'asc' }, { id: 'asc' }],
        }),
      ]);
      const values = new Map((assignment?.values ?? []).map((v) => [v.indicatorId, v]));
      const record: UnitRecord = {
        unit: {
          id: unit.id,
          code: unit.code,
          name: unit.name,
          typeCode: unit.typeCode,
          typeNameVi: unit.type.nameVi,
          typeNameEn: unit.type.nameEn,
          clusters: unit.memberships.map((m) => m.cluster.name),
        },
        dutyCode,
        dutyNameVi: duty.nameVi,
        dutyNameEn: duty.nameEn,
        assignment: assignment
          ? {
              id: assignment.id,
              locked: assignment.locked,
              openUntil: assignment.openUntil,
              documentRef: assignment.documentRef,
              documentSentAt: assignment.documentSentAt,
            }
          : null,
        figures: dutyIndicators.map((di) => {
          const v = values.get(di.indicatorId);
          return {
            indicator: di.indicator,
            stored: v !== undefined,
            value: v ? num(v.value) : null,
            textValue: v?.textValue ?? null,
            revisions: (v?.revisions ?? []).map((r) => ({
              at: r.createdAt,
              personName: r.person.fullName,
              channel: r.channel,
              oldValue: num(r.oldValue),
              newValue: num(r.newValue),
              oldText: r.oldText,
              newText: r.newText,
              reason: r.reason,
              rawMessage: r.rawMessage,
            })),
          };
        }),
        focalPoints: unit.roles.map((r) => ({
          personId: r.person.id,
          name: r.person.fullName,
          since: r.since,
          endedAt: r.endedAt,
          endReason: r.endReason,
        })),
        exceptions: (assignment?.exceptions ?? []).map((e) => ({
          id: e.id,
          requestedBy: e.requestedBy.fullName,
          reason: e.reason,
          status: e.status,
          createdAt: e.createdAt,
          decidedBy: e.decidedBy?.fullName ?? null,
          decidedAt: e.decidedAt,
          openUntil: e.openUntil,
        })),
      };
      return record;
    },

    async duties(scope) {
      const all = scope.kind === 'all';
      const ids = scope.kind === 'all' ? [] : scope.unitIds;
      const rows = await prisma.$queryRaw<
        { code: string; nameVi: string; nameEn: string; periods: string[] }[]
      >`
        SELECT d.code, d."nameVi", d."nameEn",
               array_agg(DISTINCT a."periodCode" ORDER BY a."periodCode" DESC) AS periods
        FROM "Duty" d JOIN "Assignment" a ON a."dutyId" = d.id
        WHERE d.active AND (${all} OR a."unitId" = ANY(${ids}::int[]))
        GROUP BY d.id
        ORDER BY d.code`;
      return rows;
    },

    async unitTypes() {
      return prisma.unitType.findMany({
        select: { code: true, nameVi: true, nameEn: true },
        orderBy: { code: 'asc' },
      });
    },

    async changes(since) {
      const rows = await prisma.$queryRaw<{ rid: number; at: Date | null; units: number[] }[]>`
        SELECT (SELECT coalesce(max(id), 0) FROM "SubmissionRevision")::int AS rid,
               (SELECT max("updatedAt") FROM "Assignment") AS at,
               CASE WHEN ${since === null} THEN ARRAY[]::int[] ELSE ARRAY(
                 SELECT a."unitId" FROM "SubmissionRevision" r
                   JOIN "SubmissionValue" v ON v.id = r."valueId"
                   JOIN "Assignment" a ON a.id = v."assignmentId"
                 WHERE r.id > ${since?.revisionId ?? 0}
                 UNION
                 SELECT a."unitId" FROM "Assignment" a WHERE a."updatedAt" > ${since?.assignmentsAt ?? new Date(0)}
               ) END AS units`;
      const row = rows[0];
      return {
        mark: { revisionId: row?.rid ?? 0, assignmentsAt: row?.at ?? new Date(0) },
        unitIds: row?.units ?? [],
      };
    },
  };
}
