/** Submissions on Prisma: open assignments, confirmed values with revisions, documents (port: ports/submissions.ts). */
import { addDays, localDateOf } from '../domain/calendar.js';
import type { IndicatorKind } from '../domain/figures/index.js';
import { median, resolveTarget, type ScopedTarget } from '../domain/submission.js';
import type { Prisma } from '../generated/prisma/client.js';
import type {
  AssignmentIndicator,
  AssignmentView,
  SaveResult,
  SubmissionStore,
} from '../ports/submissions.js';
import { createBatcher } from './batcher.js';
import type { PrismaClient } from './database.js';
import { day, iso, num } from './rows.js';

type AssignmentRow = Prisma.AssignmentGetPayload<{
  include: {
    duty: true;
    period: true;
    unit: { include: { memberships: { include: { cluster: true } } } };
    values: { include: { indicator: true } };
  };
}>;

const assignmentInclude = {
  duty: true,
  period: true,
  unit: { include: { memberships: { where: { until: null }, include: { cluster: true } } } },
  values: { include: { indicator: true } },
} as const;

/**
 * SubmissionStore on Prisma. `timeZone` decides "today" (the open window, on time or late). A
 * duty's indicators and targets are cached per (duty, unit type, year) while a fingerprint of
 * those tables is unchanged, so an operator's change reaches the next turn; saves read them
 * afresh. Reads and writes of concurrent turns are group-committed (./batcher.ts).
 */
export function createPrismaSubmissionStore(prisma: PrismaClient, timeZone: string): SubmissionStore {
  // Duties' indicators and targets change only by an operator's action (seed, import, CLI, SQL):
  // they are cached in process, and each read first checks a fingerprint of those tables (one
  // small statement shared by the turns of a burst), so the next turn after a change sees it.
  const indicatorCache = new Map<string, { fp: string; rows: Promise<CachedIndicator[]> }>();
  type CachedIndicator = { indicator: IndicatorRowWithTargets; required: boolean };
  type IndicatorRowWithTargets = Prisma.IndicatorGetPayload<{ include: { targets: true } }>;
  const fingerprints = createBatcher<null, string>(async (keys) => {
    const [row] = await prisma.$queryRawUnsafe<{ fp: string }[]>(REFERENCE_FINGERPRINT_SQL);
    return keys.map(() => String(row?.fp ?? ''));
  });
  function indicatorsOf(
    dutyId: number,
    typeCode: string,
    year: number,
    fp: string,
  ): Promise<CachedIndicator[]> {
    const key = `${dutyId}|${typeCode}|${year}`;
    const hit = indicatorCache.get(key);
    if (hit && hit.fp === fp) return hit.rows;
    if (indicatorCache.size > 1_000) indicatorCache.clear();
    const rows = prisma.dutyIndicator
      .findMany({
        where: { dutyId, unitTypeCode: typeCode },
        include: { indicator: { include: { targets: { where: { year } } } } },
        orderBy: { position: 'asc' },
      })
      .then((links) => links.map((l) => ({ indicator: l.indicator, required: l.required })));
    indicatorCache.set(key, { fp, rows });
    rows.catch(() => indicatorCache.delete(key));
    return rows;
  }

  /** One assignment's plausibility context: whose values, of which report and peer scope. */
  interface ContextKey {
    dutyCode: string;
    unitId: number;
    periodCode: string;
    typeCode: string;
    clusterCodes: string[];
  }
  type Context = { previous: Record<string, number>; peerMedian: Record<string, number> };
  type ValueRow = {
    value: Prisma.Decimal | null;
    indicator: { code: string };
    assignment: { unitId: number };
  };
  const valueSelect = {
    value: true,
    indicator: { select: { code: true } },
    assignment: { select: { unitId: true } },
  } as const;
  // Group commit: the turns of a burst share one statement for their previous-period values
  // (per duty and period) and one for their peers' values (per duty, period and peer scope).
  const contexts = createBatcher<ContextKey, Context>(async (keys) => {
    const prevCodeOf = (k: ContextKey) => k.periodCode.replace(/^\d{4}/, (y) => String(Number(y) - 1));
    // Peers: units sharing a cluster, else units of the same type.
    const peerKeyOf = (k: ContextKey) =>
      `${k.dutyCode}|${k.periodCode}|${k.clusterCodes.length ? `c:${[...k.clusterCodes].sort().join(',')}` : `t:${k.typeCode}`}`;
    const prevGroups = new Map<string, ContextKey[]>();
    const peerGroups = new Map<string, ContextKey[]>();
    for (const k of keys) {
      const pk = `${k.dutyCode}|${prevCodeOf(k)}`;
      prevGroups.set(pk, [...(prevGroups.get(pk) ?? []), k]);
      const sk = peerKeyOf(k);
      peerGroups.set(sk, [...(peerGroups.get(sk) ?? []), k]);
    }
    const prevRows = new Map<string, ValueRow[]>();
    const peerRows = new Map<string, ValueRow[]>();
    await Promise.all([
      ...[...prevGroups].map(async ([pk, ks]) => {
        const k = ks[0]!;
        prevRows.set(
          pk,
          await prisma.submissionValue.findMany({
            where: {
              assignment: {
                duty: { code: k.dutyCode },
                periodCode: prevCodeOf(k),
                unitId: { in: [...new Set(ks.map((x) => x.unitId))] },
              },
            },
            select: valueSelect,
          }),
        );
      }),
      ...[...peerGroups].map(async ([sk, ks]) => {
        const k = ks[0]!;
        peerRows.set(
          sk,
          await prisma.submissionValue.findMany({
            where: {
              assignment: {
                duty: { code: k.dutyCode },
                periodCode: k.periodCode,
                unit: k.clusterCodes.length
                  ? { memberships: { some: { cluster: { code: { in: k.clusterCodes } }, until: null } } }
                  : { typeCode: k.typeCode, active: true },
              },
            },
            select: valueSelect,
          }),
        );
      }),
    ]);
    // A scope's medians without one unit's own values; shared by the units that have none there.
    const medianCache = new Map<string, Record<string, number>>();
    const mediansOf = (sk: string, unitId: number): Record<string, number> => {
      const rows = peerRows.get(sk) ?? [];
      const own = rows.some((r) => r.assignment.unitId === unitId);
      const cacheKey = own ? `${sk}|${unitId}` : sk;
      const hit = medianCache.get(cacheKey);
      if (hit) return hit;
      const byCode = new Map<string, number[]>();
      for (const v of rows) {
        if (v.value === null || v.assignment.unitId === unitId) continue;
        const list = byCode.get(v.indicator.code) ?? [];
        list.push(Number(v.value));
        byCode.set(v.indicator.code, list);
      }
      const peerMedian: Record<string, number> = {};
      for (const [code, list] of byCode) if (list.length >= 3) peerMedian[code] = median(list)!;
      medianCache.set(cacheKey, peerMedian);
      return peerMedian;
    };
    return keys.map((k) => {
      const previous: Record<string, number> = {};
      for (const v of prevRows.get(`${k.dutyCode}|${prevCodeOf(k)}`) ?? []) {
        if (v.value !== null && v.assignment.unitId === k.unitId)
          previous[v.indicator.code] = Number(v.value);
      }
      return { previous, peerMedian: { ...mediansOf(peerKeyOf(k), k.unitId) } };
    });
  });

  /** The unit's previous-period values and its peers' medians for one assignment. */
  function contextOf(
    dutyCode: string,
    unitId: number,
    periodCode: string,
    typeCode: string,
    clusterCodes: string[],
  ): Promise<Context> {
    return contexts.run({ dutyCode, unitId, periodCode, typeCode, clusterCodes });
  }

  /** The view of an assignment; `full` adds the previous period's and the peers' values. */
  async function view(a: AssignmentRow, now: Date, full: boolean, fp: string): Promise<AssignmentView> {
    const clusterCodes = a.unit.memberships.map((m) => m.cluster.code);
    const dutyIndicators = await indicatorsOf(a.dutyId, a.unit.typeCode, a.period.year, fp);
    const indicators: AssignmentIndicator[] = dutyIndicators.map(({ indicator: i, required }) => {
      const targets: ScopedTarget[] = i.targets.map((t) => ({
        scope: t.scope,
        kind: t.kind,
        min: num(t.minValue),
        max: num(t.maxValue),
        inclusive: t.inclusive,
      }));
      return {
        code: i.code,
        labelVi: i.labelVi,
        labelEn: i.labelEn,
        synonyms: i.synonyms,
        kind: i.kind as IndicatorKind,
        min: num(i.minValue),
        max: num(i.maxValue),
        unitVi: i.unitVi,
        unitEn: i.unitEn,
        required,
        target: resolveTarget(targets, { code: a.unit.code, typeCode: a.unit.typeCode, clusterCodes }),
      };
    });
    const values: Record<string, number> = {};
    const declaredNone: string[] = [];
    for (const v of a.values) {
      if (v.value !== null) values[v.indicator.code] = Number(v.value);
      else if (v.textValue === null) declaredNone.push(v.indicator.code);
    }
    const context =
      full && indicators.length > 0
        ? await contextOf(a.duty.code, a.unitId, a.periodCode, a.unit.typeCode, clusterCodes)
        : { previous: {}, peerMedian: {} };
    const { previous, peerMedian } = context;

    return {
      id: a.id,
      dutyCode: a.duty.code,
      dutyNameVi: a.duty.nameVi,
      dutyNameEn: a.duty.nameEn,
      periodCode: a.periodCode,
      unit: { id: a.unit.id, code: a.unit.code, name: a.unit.name, typeCode: a.unit.typeCode },
      clusterCodes,
      dueDate: iso(a.dueDate),
      state: a.state,
      locked: a.locked && !(a.openUntil && a.openUntil.getTime() > now.getTime()),
      documentRef: a.documentRef,
      documentSent: a.documentSentAt !== null,
      indicators,
      values,
      declaredNone,
      previous,
      peerMedian,
    };
  }

  // Group commit: the open assignments of the turns of a burst, one statement per local day.
  const openRows = createBatcher<{ unitIds: readonly number[]; now: Date }, AssignmentRow[]>(async (keys) => {
    const byDay = new Map<string, Set<number>>();
    for (const k of keys) {
      const today = localDateOf(k.now, timeZone);
      const ids = byDay.get(today) ?? new Set<number>();
      for (const id of k.unitIds) ids.add(id);
      byDay.set(today, ids);
    }
    const rowsByDay = new Map<string, AssignmentRow[]>();
    await Promise.all(
      [...byDay].map(async ([today, ids]) => {
        const rows = await prisma.assignment.findMany({
          where: {
            unitId: { in: [...ids] },
            unit: { active: true },
            duty: { active: true },
            // Open from 60 days before the deadline until 180 days after it (late submissions);
            // without a date: while its period runs and 180 days after it ends.
            OR: [
              { dueDate: { gte: day(addDays(today, -180)), lte: day(addDays(today, 60)) } },
              {
                dueDate: null,
                period: { startDate: { lte: day(today) }, endDate: { gte: day(addDays(today, -180)) } },
              },
            ],
          },
          include: assignmentInclude,
          orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
        });
        rowsByDay.set(today, rows);
      }),
    );
    return keys.map((k) => {
      const mine = new Set(k.unitIds);
      return (rowsByDay.get(localDateOf(k.now, timeZone)) ?? []).filter((r) => mine.has(r.unitId));
    });
  });

  const isFocal = async (tx: Prisma.TransactionClient, personId: number, unitId: number) =>
    (await tx.role.count({ where: { personId, unitId, role: 'focal', endedAt: null } })) > 0;

  return {
    async openAssignments(unitIds, now) {
      const [rows, fp] = await Promise.all([openRows.run({ unitIds, now }), fingerprints.run(null)]);
      return Promise.all(rows.map((r) => view(r, now, false, fp)));
    },

    async withContext(a) {
      if (a.indicators.length === 0) return a;
      const ctx = await contextOf(a.dutyCode, a.unit.id, a.periodCode, a.unit.typeCode, a.clusterCodes);
      return { ...a, ...ctx };
    },

    async get(assignmentId, now) {
      const [row, fp] = await Promise.all([
        prisma.assignment.findUnique({ where: { id: assignmentId }, include: assignmentInclude }),
        fingerprints.run(null),
      ]);
      return row ? view(row, now, true, fp) : null;
    },

    async saveConfirmed(input): Promise<SaveResult> {
      return prisma.$transaction(
        async (tx) => {
          // Serialise confirmations of one assignment (row lock), reading it and whether the
          // person is its unit's focal point now, in one statement.
          const [a] = await tx.$queryRawUnsafe<LockedAssignment[]>(
            LOCK_ASSIGNMENT_SQL,
            input.assignmentId,
            input.personId,
          );
          if (!a?.focal) return { ok: false, reason: 'not_allowed' };
          if (a.locked && !(a.openUntilMs !== null && a.openUntilMs > input.now.getTime())) {
            return { ok: false, reason: 'locked' };
          }
          const links = await tx.dutyIndicator.findMany({
            where: { dutyId: a.dutyId, unitTypeCode: a.typeCode },
            include: { indicator: true },
          });
          const byCode = new Map(links.map((l) => [l.indicator.code, l]));
          // Every code checked before the first write: a refusal leaves nothing half-written
          // (returning from an interactive transaction commits what it wrote so far).
          if (input.values.some((v) => !byCode.has(v.code))) return { ok: false, reason: 'not_allowed' };
          const ids = input.values.map((v) => byCode.get(v.code)!.indicatorId);
          let have: Set<number>;
          if (new Set(ids).size === ids.length) {
            // The values, their revisions and what is now given: one statement.
            const filled = await tx.$queryRawUnsafe<{ indicatorId: number }[]>(
              STORE_VALUES_SQL,
              a.id,
              JSON.stringify(input.values.map((v, ord) => ({ indicatorId: ids[ord], value: v.value, ord }))),
              input.now,
              input.personId,
              input.channel,
              input.reason,
              input.rawMessage.slice(0, 4000),
            );
            have = new Set(filled.map((f) => Number(f.indicatorId)));
          } else {
            // One indicator twice in one confirmation: each write and revision in turn.
            for (const [ord, { value }] of input.values.entries()) {
              const key = { assignmentId_indicatorId: { assignmentId: a.id, indicatorId: ids[ord]! } };
              const existing = await tx.submissionValue.findUnique({ where: key });
              const stored = await tx.submissionValue.upsert({
                where: key,
                create: { assignmentId: a.id, indicatorId: ids[ord]!, value },
                update: { value },
              });
              await tx.submissionRevision.create({
                data: {
                  valueId: stored.id,
                  personId: input.personId,
                  channel: input.channel,
                  oldValue: existing?.value ?? null,
                  newValue: value,
                  reason: input.reason,
                  rawMessage: input.rawMessage.slice(0, 4000),
                  createdAt: input.now,
                },
              });
            }
            // A value, or a declared "no figure" (value and text both null), counts as given.
            const filled = await tx.submissionValue.findMany({
              where: { assignmentId: a.id, OR: [{ value: { not: null } }, { textValue: null }] },
              select: { indicatorId: true },
            });
            have = new Set(filled.map((f) => f.indicatorId));
          }
          const complete = links.filter((l) => l.required).every((l) => have.has(l.indicatorId));
          let state = a.state as AssignmentView['state'];
          if (complete && a.notSubmitted) {
            const today = localDateOf(input.now, timeZone);
            state = a.dueIso === null || today <= a.dueIso ? 'on_time' : 'late';
            await tx.assignment.update({ where: { id: a.id }, data: { submittedAt: input.now, state } });
          }
          return { ok: true, state, complete };
        },
        { timeout: 20_000, maxWait: 5_000 },
      );
    },

    async recordDocument(input): Promise<SaveResult> {
      return prisma.$transaction(async (tx) => {
        const a = await tx.assignment.findUnique({ where: { id: input.assignmentId } });
        if (!a || !(await isFocal(tx, input.personId, a.unitId))) return { ok: false, reason: 'not_allowed' };
        if (a.locked && !(a.openUntil && a.openUntil.getTime() > input.now.getTime())) {
          return { ok: false, reason: 'locked' };
        }
        await tx.assignment.update({
          where: { id: a.id },
          data: { documentRef: input.ref.slice(0, 300), documentSentAt: input.now },
        });
        await tx.auditLog.create({
          data: {
            actor: `person:${input.personId}`,
            action: 'document.sent',
            entity: `Assignment:${a.id}`,
            data: { channel: input.channel, ref: input.ref.slice(0, 300) },
          },
        });
        return { ok: true, state: a.state, complete: false };
      });
    },

    async requestUnlock(input) {
      await prisma.auditLog.create({
        data: {
          actor: `person:${input.personId}`,
          action: 'unlock.requested',
          entity: `Assignment:${input.assignmentId}`,
          data: { reason: input.reason, at: input.now.toISOString() },
        },
      });
    },
  };
}

/** The assignment a confirmation writes to, locked, as LOCK_ASSIGNMENT_SQL reads it. */
interface LockedAssignment {
  id: number;
  dutyId: number;
  typeCode: string;
  state: string;
  notSubmitted: boolean;
  locked: boolean;
  openUntilMs: number | null;
  dueIso: string | null;
  focal: boolean;
}

/** Locks assignment `$1` and reads it, with whether person `$2` is its unit's focal point now. */
const LOCK_ASSIGNMENT_SQL = `
SELECT a.id, a."dutyId", u."typeCode", a.state::text AS state, a."submittedAt" IS NULL AS "notSubmitted",
  a.locked, (extract(epoch FROM a."openUntil") * 1000)::float8 AS "openUntilMs",
  to_char(a."dueDate", 'YYYY-MM-DD') AS "dueIso",
  EXISTS (SELECT 1 FROM "Role" r WHERE r."personId" = $2 AND r."unitId" = a."unitId"
    AND r.role = 'focal' AND r."endedAt" IS NULL) AS focal
FROM "Assignment" a JOIN "Unit" u ON u.id = a."unitId"
WHERE a.id = $1
FOR UPDATE OF a`;

/**
 * Upserts the values `$2` (JSON `[{indicatorId, value, ord}]`, distinct indicators) of
 * assignment `$1` at `$3`, adds one revision each (old and new value, person `$4`, channel `$5`,
 * reason `$6`, message `$7`), and returns the indicators now given: a value, or a declared "no
 * figure" (value and text both null). Every part sees the rows as they were before it; the
 * revisions are written though the final query does not read them (PostgreSQL runs every
 * data-modifying part of a WITH to completion).
 */
const STORE_VALUES_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS x("indicatorId" int, value numeric, ord int)
), old AS (
  SELECT v."indicatorId", v.value, v."textValue" FROM "SubmissionValue" v
  WHERE v."assignmentId" = $1 AND v."indicatorId" IN (SELECT "indicatorId" FROM input)
), up AS (
  INSERT INTO "SubmissionValue" ("assignmentId", "indicatorId", value, "updatedAt")
  SELECT $1, i."indicatorId", i.value, $3 FROM input i ORDER BY i.ord
  ON CONFLICT ("assignmentId", "indicatorId")
  DO UPDATE SET value = EXCLUDED.value, "updatedAt" = EXCLUDED."updatedAt"
  RETURNING id, "indicatorId"
), rev AS (
  INSERT INTO "SubmissionRevision" ("valueId", "personId", channel, "oldValue", "newValue", reason, "rawMessage", "createdAt")
  SELECT up.id, $4, $5::"Channel", o.value, i.value, $6, $7, $3
  FROM up JOIN input i USING ("indicatorId") LEFT JOIN old o USING ("indicatorId")
  ORDER BY i.ord
  RETURNING 1
)
SELECT v."indicatorId" FROM "SubmissionValue" v
WHERE v."assignmentId" = $1 AND v."indicatorId" NOT IN (SELECT "indicatorId" FROM input)
  AND (v.value IS NOT NULL OR v."textValue" IS NULL)
UNION
SELECT i."indicatorId" FROM input i LEFT JOIN old o USING ("indicatorId")
WHERE (i.value IS NOT NULL OR o."textValue" IS NULL)`;

/**
 * A fingerprint of the reference data the dialog caches (indicators with their synonyms and
 * bounds, which indicators a duty asks of a unit type, targets): a sum of row hashes, so any
 * insert, update or delete by whatever means changes it. These tables hold tens to hundreds of
 * rows: the statement costs well under a millisecond, once per batch of turns.
 */
const REFERENCE_FINGERPRINT_SQL = `
SELECT ((SELECT count(*) FROM "Indicator") || ':' || (SELECT count(*) FROM "DutyIndicator") || ':' ||
  (SELECT count(*) FROM "Target") || ':' ||
  (SELECT coalesce(sum(hashtextextended(t::text, 0)::numeric), 0) FROM "Indicator" t) || ':' ||
  (SELECT coalesce(sum(hashtextextended(t::text, 1)::numeric), 0) FROM "DutyIndicator" t) || ':' ||
  (SELECT coalesce(sum(hashtextextended(t::text, 2)::numeric), 0) FROM "Target" t)) AS fp`;
