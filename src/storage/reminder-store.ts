/** The reminder ledger on Prisma (PostgreSQL or PGlite). */
import { addDays, localDateOf } from '../domain/calendar.js';
import { storedQuietHours } from '../domain/quiet-hours.js';
import { PLANNING_HORIZON_DAYS } from '../domain/reminders.js';
import type { ChannelName } from '../ports/channel.js';
import type {
  LedgerRow,
  NewLedgerRow,
  PlanningData,
  Recipient,
  ReminderStore,
  ReminderView,
} from '../ports/reminders.js';
import { createBatcher } from './batcher.js';
import type { PrismaClient } from './database.js';
import { loadHolidayTable } from './materialise-assignments.js';

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const CHANNEL_PREFERENCE: ChannelName[] = ['telegram', 'zalo', 'web'];

type Row = {
  id: number;
  kind: LedgerRow['kind'];
  assignmentId: number | null;
  dutyId: number | null;
  periodCode: string | null;
  stage: string;
  recipientId: number;
  channel: ChannelName;
  chatId: string;
  status: LedgerRow['status'];
  attempts: number;
  unitIds: number[];
};
const toRow = (r: Row): LedgerRow => ({
  id: r.id,
  kind: r.kind,
  assignmentId: r.assignmentId,
  dutyId: r.dutyId,
  periodCode: r.periodCode,
  stage: r.stage,
  recipientId: r.recipientId,
  channel: r.channel,
  chatId: r.chatId,
  status: r.status,
  attempts: r.attempts,
  unitIds: r.unitIds,
});

/**
 * The identity a person is reached on: the channel they chose (`Person.preferredChannel`) if
 * they have a usable identity there; else the identity they wrote from last (`lastSeenAt`,
 * never-seen identities after); ties and never-seen identities in the order Telegram, Zalo,
 * web. Blocked identities are never used.
 */
function preferred(
  personId: number,
  identities: { channel: ChannelName; chatId: string; blockedAt: Date | null; lastSeenAt?: Date | null }[],
  preferredChannel?: ChannelName | null,
): Recipient | null {
  const usable = identities.filter((i) => i.blockedAt === null);
  const rank = (c: ChannelName) => CHANNEL_PREFERENCE.indexOf(c);
  const seen = (i: { lastSeenAt?: Date | null }) => i.lastSeenAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const ordered = [...usable].sort((a, b) => {
    const chosen = Number(b.channel === preferredChannel) - Number(a.channel === preferredChannel);
    if (chosen !== 0) return chosen;
    const last = seen(b) - seen(a);
    if (last !== 0 && !Number.isNaN(last)) return last;
    return rank(a.channel) - rank(b.channel);
  });
  const i = ordered[0];
  return i ? { personId, channel: i.channel, chatId: i.chatId } : null;
}

type ClaimRow = Omit<Row, 'channel' | 'status' | 'kind'> & {
  channel: string;
  status: string;
  kind: string;
  locale: string;
  quietFrom: number | null;
  quietTo: number | null;
};
interface ViewRow {
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
  clusterId: number | null;
  filled: string[];
}

export function createPrismaReminderStore(prisma: PrismaClient): ReminderStore {
  const cache = new Map<string, { at: number; value: Promise<unknown> }>();
  function cached<T>(key: string, load: () => Promise<T>, ttlMs = 10_000): Promise<T> {
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value as Promise<T>;
    if (cache.size > 5_000) cache.clear();
    const value = load();
    cache.set(key, { at: Date.now(), value });
    value.catch(() => cache.delete(key));
    return value;
  }
  const identitySelect = {
    select: { channel: true, chatId: true, blockedAt: true, lastSeenAt: true },
  } as const;

  const claimBatcher = createBatcher<number, (ClaimRow & ViewRow) | undefined>(async (ids) => {
    // Rows by primary key only (`status::text` keeps the status index out of it): just after a
    // fan-out is planned the statistics still say no row is `planned`, and PostgreSQL then
    // walked every planned entry of ("status", "updatedAt") for each claim (5,177 in one EXPLAIN).
    const rows = await prisma.$queryRaw<(ClaimRow & ViewRow)[]>`
      WITH c AS (
        UPDATE "ReminderLedger" AS l
           SET "status" = 'sending', "attempts" = l."attempts" + 1, "updatedAt" = now()
          FROM "Person" AS p
         WHERE l."id" = ANY(${ids}::int[]) AND l."status"::text = 'planned' AND p."id" = l."recipientId"
        RETURNING l."id", l."kind", l."assignmentId", l."dutyId", l."periodCode", l."stage", l."recipientId",
                  l."channel", l."chatId", l."status", l."attempts", l."unitIds", p."locale",
                  p."quietFrom", p."quietTo"
      )
      SELECT c."id", c."kind"::text AS "kind", c."assignmentId", c."dutyId", c."periodCode", c."stage",
             c."recipientId", c."channel"::text AS "channel", c."chatId", c."status"::text AS "status",
             c."attempts", c."unitIds", c."locale", c."quietFrom", c."quietTo",
             a."id" AS "aId", a."periodCode" AS "aPeriodCode", a."dueDate", a."state"::text AS "state",
             (a."documentSentAt" IS NOT NULL) AS "documentSent",
             d."id" AS "aDutyId", d."nameVi", d."nameEn", u."id" AS "unitId", u."name" AS "unitName", u."typeCode",
             (SELECT cm."clusterId" FROM "ClusterMember" cm
               WHERE cm."unitId" = u."id" AND cm."until" IS NULL ORDER BY cm."id" LIMIT 1) AS "clusterId",
             COALESCE((SELECT array_agg(i."code") FROM "SubmissionValue" sv
                         JOIN "Indicator" i ON i."id" = sv."indicatorId"
                        WHERE sv."assignmentId" = a."id" AND sv."value" IS NOT NULL), '{}') AS "filled"
        FROM c
        LEFT JOIN "Assignment" a ON a."id" = c."assignmentId"
        LEFT JOIN "Duty" d ON d."id" = a."dutyId"
        LEFT JOIN "Unit" u ON u."id" = a."unitId"`;
    const byId = new Map(rows.map((r) => [r.id, r]));
    // The same row asked twice in one batch is claimed once: only the first caller gets it.
    return ids.map((id) => {
      const r = byId.get(id);
      byId.delete(id);
      return r;
    });
  });

  const sentBatcher = createBatcher<{ id: number; platformMessageId: string; at: Date }, void>(
    async (items) => {
      await prisma.$executeRaw`
      UPDATE "ReminderLedger" AS l
         SET "status" = 'sent', "platformMessageId" = v."mid", "sentAt" = v."at", "error" = NULL, "updatedAt" = now()
        FROM (SELECT unnest(${items.map((i) => i.id)}::int[]) AS "id",
                     unnest(${items.map((i) => i.platformMessageId)}::text[]) AS "mid",
                     unnest(${items.map((i) => i.at.toISOString())}::timestamptz[]) AS "at") AS v
       WHERE l."id" = v."id"`;
      return items.map(() => undefined);
    },
  );

  async function toView(r: ViewRow): Promise<ReminderView> {
    const indicators = await cached(
      `ind|${r.aDutyId}|${r.typeCode}`,
      () =>
        prisma.dutyIndicator.findMany({
          where: { dutyId: r.aDutyId, unitTypeCode: r.typeCode, required: true },
          include: { indicator: true },
          orderBy: { position: 'asc' },
        }),
      30_000,
    );
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
          min: i.minValue === null ? null : Number(i.minValue),
          max: i.maxValue === null ? null : Number(i.maxValue),
        })),
    };
  }

  return {
    async planningData(now, timeZone): Promise<PlanningData> {
      // Runs every minute, also in the middle of a fan-out of thousands: three plain statements
      // joined on the date range in the database, no id lists sent back and forth.
      const today = localDateOf(now, timeZone);
      // A stage may be moved off a weekend, a holiday or Tết (up to 9 days off in a row): the
      // margin keeps a stage at the horizon's edge within reach after its move.
      const from = addDays(today, -(PLANNING_HORIZON_DAYS + 15));
      const to = addDays(today, PLANNING_HORIZON_DAYS + 15);
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

    async focalRecipients(unitIds) {
      const roles = await prisma.role.findMany({
        where: { unitId: { in: [...unitIds] }, role: 'focal', endedAt: null },
        select: {
          unitId: true,
          personId: true,
          person: { select: { preferredChannel: true, identities: identitySelect } },
        },
      });
      const out = new Map<number, Recipient[]>();
      for (const r of roles) {
        const rec = preferred(r.personId, r.person.identities, r.person.preferredChannel);
        if (!rec) continue;
        const list = out.get(r.unitId) ?? [];
        if (!list.some((x) => x.personId === rec.personId)) list.push(rec);
        out.set(r.unitId, list);
      }
      return out;
    },

    async recipientsOf(personIds) {
      const people = await prisma.person.findMany({
        where: { id: { in: [...personIds] } },
        select: { id: true, preferredChannel: true, identities: identitySelect },
      });
      const out = new Map<number, Recipient>();
      for (const p of people) {
        const rec = preferred(p.id, p.identities, p.preferredChannel);
        if (rec) out.set(p.id, rec);
      }
      return out;
    },

    async escalationRecipients(unitIds, dutyId, opts = {}) {
      const units = await prisma.unit.findMany({
        where: { id: { in: [...unitIds] } },
        select: {
          id: true,
          parentId: true,
          memberships: {
            where: { until: null },
            select: {
              clusterId: true,
              cluster: {
                select: {
                  members: {
                    where: { until: null, role: { in: ['head', 'deputy'] } },
                    select: { unitId: true },
                  },
                },
              },
            },
          },
        },
      });
      const duty = await prisma.duty.findUnique({ where: { id: dutyId }, select: { recipientUnitId: true } });
      // Managers of: the unit the duty reports to (Vụ TĐKT), the unit's ancestors (Tổng cục for a Cục
      // THADS), its clusters; and the focal points of its clusters' head and deputy units.
      const out = new Map<number, Recipient[]>();
      const managerCache = new Map<number, Recipient[]>();
      const people = async (unitId: number, role: 'manager' | 'focal') => {
        const key = role === 'manager' ? unitId : -unitId;
        const hit = managerCache.get(key);
        if (hit) return hit;
        const rows = await prisma.role.findMany({
          where: { unitId, role, endedAt: null },
          select: {
            personId: true,
            person: { select: { preferredChannel: true, identities: identitySelect } },
          },
        });
        const recs = rows
          .map((r) => preferred(r.personId, r.person.identities, r.person.preferredChannel))
          .filter((r): r is Recipient => r !== null);
        managerCache.set(key, recs);
        return recs;
      };
      const parents = new Map(
        (await prisma.unit.findMany({ select: { id: true, parentId: true } })).map((u) => [u.id, u.parentId]),
      );
      for (const u of units) {
        const recs: Recipient[] = [];
        const add = (list: Recipient[]) => {
          for (const r of list) if (!recs.some((x) => x.personId === r.personId)) recs.push(r);
        };
        if (duty?.recipientUnitId != null) add(await people(duty.recipientUnitId, 'manager'));
        for (
          let p = u.parentId, guard = 0;
          p !== null && p !== undefined && guard < 10;
          p = parents.get(p) ?? null, guard++
        ) {
          add(await people(p, 'manager'));
        }
        for (const m of u.memberships) {
          add(await people(m.clusterId, 'manager'));
          if (opts.clusterLeads === false) continue;
          for (const lead of m.cluster.members)
            if (lead.unitId !== u.id) add(await people(lead.unitId, 'focal'));
        }
        out.set(u.id, recs);
      }
      return out;
    },

    async insert(rows: readonly NewLedgerRow[]) {
      // One statement per chunk of columns-as-arrays: a fan-out plans tens of thousands of rows
      // (createManyAndReturn took 4 s and 300 MB of heap for 10,000). ON CONFLICT covers both
      // unique keys, so concurrent passes in several instances insert each row once.
      const out: LedgerRow[] = [];
      for (let i = 0; i < rows.length; i += 2_000) {
        const chunk = rows.slice(i, i + 2_000);
        const created = await prisma.$queryRaw<Row[]>`
          INSERT INTO "ReminderLedger" ("kind", "dedupeKey", "assignmentId", "dutyId", "periodCode", "stage",
                                        "recipientId", "channel", "chatId", "plannedFor", "unitIds", "updatedAt")
          SELECT v."kind"::"LedgerKind", v."key", v."aid", v."did", v."period", v."stage", v."rid",
                 v."channel"::"Channel", v."chat", v."at", v."units"::int[], now()
            FROM unnest(${chunk.map((r) => r.kind)}::text[], ${chunk.map((r) => r.dedupeKey)}::text[],
                        ${chunk.map((r) => r.assignmentId)}::int[], ${chunk.map((r) => r.dutyId)}::int[],
                        ${chunk.map((r) => r.periodCode)}::text[], ${chunk.map((r) => r.stage)}::text[],
                        ${chunk.map((r) => r.recipient.personId)}::int[], ${chunk.map((r) => r.recipient.channel)}::text[],
                        ${chunk.map((r) => r.recipient.chatId)}::text[],
                        ${chunk.map((r) => r.plannedFor.toISOString())}::timestamptz[],
                        ${chunk.map((r) => `{${(r.unitIds ?? []).join(',')}}`)}::text[])
                 AS v("kind", "key", "aid", "did", "period", "stage", "rid", "channel", "chat", "at", "units")
          ON CONFLICT DO NOTHING
          RETURNING "id", "kind"::text AS "kind", "assignmentId", "dutyId", "periodCode", "stage", "recipientId",
                    "channel"::text AS "channel", "chatId", "status"::text AS "status", "attempts", "unitIds"`;
        for (const r of created) out.push(toRow(r));
      }
      return out;
    },

    async recordSkipped(rows) {
      if (rows.length === 0) return 0;
      const r = await prisma.skippedStage.createMany({ data: [...rows], skipDuplicates: true });
      return r.count;
    },

    async stalePlanned(graceMs, limit) {
      const rows = await prisma.reminderLedger.findMany({
        where: { status: 'planned', updatedAt: { lt: new Date(Date.now() - graceMs) } },
        orderBy: { id: 'asc' },
        take: limit,
      });
      return rows.map(toRow);
    },

    async resolveStaleSending(graceMs) {
      const r = await prisma.reminderLedger.updateMany({
        where: { status: 'sending', updatedAt: { lt: new Date(Date.now() - graceMs) } },
        data: { status: 'uncertain', error: 'interrupted while sending: the platform may have delivered it' },
      });
      return r.count;
    },

    async markUncertain(id, reason = 'the worker died while sending: the platform may have delivered it') {
      const r = await prisma.reminderLedger.updateMany({
        where: { id, status: 'sending' },
        data: { status: 'uncertain', error: reason.slice(0, 500) },
      });
      return r.count === 1;
    },

    async goneNotice(personId, unitId) {
      const [person, unit] = await Promise.all([
        prisma.person.findUnique({
          where: { id: personId },
          select: { fullName: true, preferredChannel: true, identities: identitySelect },
        }),
        prisma.unit.findUnique({ where: { id: unitId }, select: { name: true } }),
      ]);
      if (!person || !unit) return null;
      const still = preferred(personId, person.identities, person.preferredChannel);
      return { personName: person.fullName, unitName: unit.name, reachedOn: still?.channel ?? null };
    },

    // The two statements of every delivery are single raw statements: the hot path of a fan-out.
    // Claim and read what the message needs in one statement, batched across concurrent
    // deliveries (group commit): the hot path of a fan-out.
    async claim(id) {
      const r = await claimBatcher.run(id);
      if (!r) return null;
      return {
        ...toRow({
          ...r,
          kind: r.kind as Row['kind'],
          channel: r.channel as ChannelName,
          status: r.status as Row['status'],
        }),
        locale: r.locale === 'en' ? 'en' : 'vi',
        quiet: storedQuietHours(r.quietFrom, r.quietTo),
        view: r.aId === null ? null : await toView(r),
      };
    },

    async markSent(id, platformMessageId, at) {
      await sentBatcher.run({ id, platformMessageId, at });
    },

    async release(id, error, uncount, notBefore) {
      await prisma.reminderLedger.updateMany({
        where: { id, status: 'sending' },
        data: {
          status: 'planned',
          error,
          ...(uncount ? { attempts: { decrement: 1 } } : {}),
          ...(notBefore ? { updatedAt: notBefore } : {}),
        },
      });
    },

    holidays() {
      return cached('holidays', () => loadHolidayTable(prisma), 60_000);
    },

    async markFailed(id, error) {
      await prisma.reminderLedger.updateMany({
        where: { id, status: { in: ['sending', 'planned'] } },
        data: { status: 'failed', error: error.slice(0, 500) },
      });
    },

    async markSkipped(id, reason) {
      await prisma.reminderLedger.updateMany({
        where: { id, status: { in: ['sending', 'planned'] } },
        data: { status: 'skipped', error: reason },
      });
    },

    async markRecipientGone(row) {
      await prisma.$transaction([
        prisma.reminderLedger.updateMany({
          where: { id: row.id },
          data: { status: 'failed', error: 'recipient_gone: the person blocked the bot or the chat is gone' },
        }),
        prisma.identity.updateMany({
          where: { personId: row.recipientId, channel: row.channel, chatId: row.chatId },
          data: { blockedAt: new Date() },
        }),
      ]);
    },

    async peerStats({ dutyId, periodCode, typeCode, clusterId }) {
      const same = { dutyId, periodCode, unit: { typeCode, active: true } };
      // Counts shared by every reminder of a fan-out: cached for a few seconds.
      const [type, total, done] = await cached(`peers|${dutyId}|${periodCode}|${typeCode}`, () =>
        Promise.all([
          prisma.unitType.findUnique({ where: { code: typeCode } }),
          prisma.assignment.count({ where: same }),
          prisma.assignment.count({ where: { ...same, state: { in: ['on_time', 'late'] } } }),
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
                  state: { notIn: ['on_time', 'late'] },
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

    async reminderView(assignmentId) {
      const rows = await prisma.$queryRaw<ViewRow[]>`
        SELECT a."id" AS "aId", a."periodCode" AS "aPeriodCode", a."dueDate", a."state"::text AS "state",
               (a."documentSentAt" IS NOT NULL) AS "documentSent",
               d."id" AS "aDutyId", d."nameVi", d."nameEn", u."id" AS "unitId", u."name" AS "unitName", u."typeCode",
               (SELECT cm."clusterId" FROM "ClusterMember" cm
                 WHERE cm."unitId" = u."id" AND cm."until" IS NULL ORDER BY cm."id" LIMIT 1) AS "clusterId",
               COALESCE((SELECT array_agg(i."code") FROM "SubmissionValue" sv
                           JOIN "Indicator" i ON i."id" = sv."indicatorId"
                          WHERE sv."assignmentId" = a."id" AND sv."value" IS NOT NULL), '{}') AS "filled"
          FROM "Assignment" a
          JOIN "Duty" d ON d."id" = a."dutyId"
          JOIN "Unit" u ON u."id" = a."unitId"
         WHERE a."id" = ${assignmentId}`;
      const r = rows[0];
      return r ? toView(r) : null;
    },

    async stillMissing(dutyId, periodCode, unitIds) {
      const rows = await prisma.assignment.findMany({
        where: {
          dutyId,
          periodCode,
          unitId: { in: [...unitIds] },
          state: { notIn: ['on_time', 'late'] },
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
        prisma.assignment.count({ where: { ...where, state: { in: ['on_time', 'late'] } } }),
        prisma.assignment.findFirst({
          where: { ...where, dueDate: { not: null } },
          orderBy: { dueDate: 'asc' },
        }),
      ]);
      return { nameVi: duty.nameVi, nameEn: duty.nameEn, dueDate: iso(first?.dueDate ?? null), total, done };
    },

    async list(filter) {
      const rows = await prisma.reminderLedger.findMany({
        where: {
          ...(filter.dutyCode
            ? {
                OR: [
                  { duty: { code: filter.dutyCode } },
                  { assignment: { duty: { code: filter.dutyCode } } },
                ],
              }
            : {}),
          ...(filter.periodCode
            ? {
                AND: [
                  {
                    OR: [
                      { periodCode: filter.periodCode },
                      { assignment: { periodCode: filter.periodCode } },
                    ],
                  },
                ],
              }
            : {}),
          ...(filter.unitCode ? { assignment: { unit: { code: filter.unitCode } } } : {}),
        },
        include: {
          assignment: {
            select: { periodCode: true, unit: { select: { code: true } }, duty: { select: { code: true } } },
          },
          duty: { select: { code: true } },
          recipient: { select: { fullName: true } },
        },
        orderBy: { id: 'asc' },
      });
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        unit: r.assignment?.unit.code ?? null,
        duty: r.assignment?.duty.code ?? r.duty?.code ?? null,
        period: r.assignment?.periodCode ?? r.periodCode,
        stage: r.stage,
        recipient: r.recipient.fullName,
        channel: r.channel,
        status: r.status,
        attempts: r.attempts,
        plannedFor: r.plannedFor.toISOString(),
        sentAt: r.sentAt?.toISOString() ?? null,
        error: r.error,
      }));
    },
  };
}
