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
import { createBatcher, TURN_BATCHING } from './batcher.js';
import type { PrismaClient } from './database.js';
import { num } from './rows.js';

/** An assignment as ASSIGNMENTS_SQL reads it (one element of its `rows`). */
interface AssignmentRow {
  id: number;
  dutyId: number;
  periodCode: string;
  unitId: number;
  dueIso: string | null;
  state: AssignmentView['state'];
  locked: boolean;
  openUntilMs: number | null;
  documentRef: string | null;
  documentSent: boolean;
  dutyCode: string;
  dutyNameVi: string;
  dutyNameEn: string;
  year: number;
  unitCode: string;
  unitName: string;
  typeCode: string;
  clusterCodes: string[];
  /** Stored values: `[indicator code, value or null, text value is null]`. */
  vals: [string, number | null, boolean][];
}

/**
 * SubmissionStore on Prisma. `timeZone` decides "today" (the open window, on time or late). A
 * duty's indicators and targets are cached per (duty, unit type, year) while a fingerprint of
 * those tables is unchanged, so an operator's change reaches the next turn; saves read them
 * afresh. Reads and writes of concurrent turns are group-committed (./batcher.ts).
 */
export function createPrismaSubmissionStore(prisma: PrismaClient, timeZone: string): SubmissionStore {
  // Duties' indicators and targets change only by an operator's action (seed, import, CLI, SQL):
  // they are cached in process behind a fingerprint of those tables, which every read of
  // assignments returns with them (ASSIGNMENTS_SQL), so the next turn after a change sees it.
  const indicatorCache = new Map<string, Loaded>();
  /** Rows, and the fingerprint of the snapshot they were read in (`fp` may be older). */
  type Loaded = { fp: string; rows: Promise<CachedIndicator[]>; actual: Promise<string> };
  type CachedIndicator = { indicator: IndicatorRowWithTargets; required: boolean };
  type IndicatorRowWithTargets = Prisma.IndicatorGetPayload<{ include: { targets: true } }>;
  function indicatorsOf(dutyId: number, typeCode: string, year: number, fp: string): Loaded {
    const key = `${dutyId}|${typeCode}|${year}`;
    const hit = indicatorCache.get(key);
    if (hit && hit.fp === fp) return hit;
    if (indicatorCache.size > 1_000) indicatorCache.clear();
    // Read with the fingerprint of the same snapshot, and kept under that one: data changed since
    // `fp` was read is never filed under `fp` (a change reverted later would bring it back).
    const loaded = prisma.$transaction(
      async (tx) => {
        const links = await tx.dutyIndicator.findMany({
          where: { dutyId, unitTypeCode: typeCode },
          include: { indicator: { include: { targets: { where: { year } } } } },
          orderBy: { position: 'asc' },
        });
        const [row] = await tx.$queryRawUnsafe<{ fp: string }[]>(`SELECT ${REFERENCE_FINGERPRINT} AS fp`);
        return {
          fp: row?.fp ?? '',
          rows: links.map((l) => ({ indicator: l.indicator, required: l.required })),
        };
      },
      { isolationLevel: 'RepeatableRead' },
    );
    const entry: Loaded = { fp, rows: loaded.then((r) => r.rows), actual: loaded.then((r) => r.fp) };
    indicatorCache.set(key, entry);
    loaded.then(
      (r) => {
        if (r.fp !== fp && indicatorCache.get(key) === entry) indicatorCache.set(key, { ...entry, fp: r.fp });
      },
      () => indicatorCache.delete(key),
    );
    return entry;
  }

  /**
   * A report's indicators as a unit sees them (its target resolved), kept while the fingerprint
   * is unchanged: the turns of a burst share one array (a copy each, the elements shared: no
   * reader changes them).
   */
  const unitIndicators = new Map<string, { fp: string; list: Promise<AssignmentIndicator[]> }>();
  function indicatorsFor(a: AssignmentRow, fp: string): Promise<AssignmentIndicator[]> {
    const key = `${a.dutyId}|${a.typeCode}|${a.year}|${a.unitCode}|${a.clusterCodes.join(',')}`;
    const hit = unitIndicators.get(key);
    if (hit && hit.fp === fp) return hit.list;
    if (unitIndicators.size > 5_000) unitIndicators.clear();
    const unit = { code: a.unitCode, typeCode: a.typeCode, clusterCodes: a.clusterCodes };
    const loaded = indicatorsOf(a.dutyId, a.typeCode, a.year, fp);
    const list = loaded.rows.then((links) =>
      links.map(({ indicator: i, required }): AssignmentIndicator => {
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
          target: resolveTarget(targets, unit),
        };
      }),
    );
    const entry = { fp, list };
    unitIndicators.set(key, entry);
    // Filed under the fingerprint of what was read, as above.
    loaded.actual.then(
      (actual) => {
        if (actual !== fp && unitIndicators.get(key) === entry) unitIndicators.set(key, { fp: actual, list });
      },
      () => unitIndicators.delete(key),
    );
    return list;
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
  /** Values of one query of CONTEXT_SQL, by unit: indicator code → value. */
  type ValuesByUnit = Map<number, Map<string, number>>;
  // Group commit: the turns of a burst share one statement for their previous-period values
  // (one query per duty and period) and their peers' values (per duty, period and peer scope).
  const contexts = createBatcher<ContextKey, Context>(async (keys) => {
    const prevCodeOf = (k: ContextKey) => k.periodCode.replace(/^\d{4}/, (y) => String(Number(y) - 1));
    // Peers: units sharing a cluster, else units of the same type.
    const peerKeyOf = (k: ContextKey) =>
      `${k.dutyCode}|${k.periodCode}|${k.clusterCodes.length ? `c:${[...k.clusterCodes].sort().join(',')}` : `t:${k.typeCode}`}`;
    const prevKeyOf = (k: ContextKey) => `${k.dutyCode}|${prevCodeOf(k)}`;
    const queries: {
      tag: number;
      duty: string;
      period: string;
      units?: number[];
      clusters?: string[];
      type?: string;
    }[] = [];
    const prevTags = new Map<string, { tag: number; units: Set<number> }>();
    const peerTags = new Map<string, number>();
    for (const k of keys) {
      const pk = prevKeyOf(k);
      const prev = prevTags.get(pk);
      if (prev) prev.units.add(k.unitId);
      else {
        const tag = queries.length;
        prevTags.set(pk, { tag, units: new Set([k.unitId]) });
        queries.push({ tag, duty: k.dutyCode, period: prevCodeOf(k) });
      }
      const sk = peerKeyOf(k);
      if (!peerTags.has(sk)) {
        peerTags.set(sk, queries.length);
        queries.push({
          tag: queries.length,
          duty: k.dutyCode,
          period: k.periodCode,
          ...(k.clusterCodes.length ? { clusters: k.clusterCodes } : { type: k.typeCode }),
        });
      }
    }
    for (const { tag, units } of prevTags.values()) queries[tag]!.units = [...units];
    const rows = await prisma.$queryRawUnsafe<{ tag: number; unitId: number; code: string; value: number }[]>(
      CONTEXT_SQL,
      JSON.stringify(queries),
    );
    const byTag = new Map<number, ValuesByUnit>();
    for (const r of rows) {
      const units: ValuesByUnit = byTag.get(r.tag) ?? new Map();
      byTag.set(r.tag, units);
      const values = units.get(r.unitId) ?? new Map<string, number>();
      units.set(r.unitId, values);
      values.set(r.code, Number(r.value));
    }
    // A scope's medians without one unit's own values; shared by the units that have none there.
    const medianCache = new Map<string, Record<string, number>>();
    const mediansOf = (tag: number, unitId: number): Record<string, number> => {
      const units = byTag.get(tag);
      if (!units) return {};
      const cacheKey = units.has(unitId) ? `${tag}|${unitId}` : String(tag);
      const hit = medianCache.get(cacheKey);
      if (hit) return hit;
      const byCode = new Map<string, number[]>();
      for (const [unit, values] of units) {
        if (unit === unitId) continue;
        for (const [code, value] of values) {
          const list = byCode.get(code);
          if (list) list.push(value);
          else byCode.set(code, [value]);
        }
      }
      const peerMedian: Record<string, number> = {};
      for (const [code, list] of byCode) if (list.length >= 3) peerMedian[code] = median(list)!;
      medianCache.set(cacheKey, peerMedian);
      return peerMedian;
    };
    return keys.map((k) => {
      const own = byTag.get(prevTags.get(prevKeyOf(k))!.tag)?.get(k.unitId);
      const previous: Record<string, number> = own ? Object.fromEntries(own) : {};
      return { previous, peerMedian: { ...mediansOf(peerTags.get(peerKeyOf(k))!, k.unitId) } };
    });
  }, TURN_BATCHING);

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
    const indicators = [...(await indicatorsFor(a, fp))];
    const values: Record<string, number> = {};
    const declaredNone: string[] = [];
    for (const [code, value, noText] of a.vals) {
      if (value !== null) values[code] = Number(value);
      else if (noText) declaredNone.push(code);
    }
    const { previous, peerMedian } =
      full && indicators.length > 0
        ? await contextOf(a.dutyCode, a.unitId, a.periodCode, a.typeCode, a.clusterCodes)
        : { previous: {}, peerMedian: {} };
    return {
      id: a.id,
      dutyCode: a.dutyCode,
      dutyNameVi: a.dutyNameVi,
      dutyNameEn: a.dutyNameEn,
      periodCode: a.periodCode,
      unit: { id: a.unitId, code: a.unitCode, name: a.unitName, typeCode: a.typeCode },
      clusterCodes: [...a.clusterCodes],
      dueDate: a.dueIso,
      state: a.state,
      locked: a.locked && !(a.openUntilMs !== null && a.openUntilMs > now.getTime()),
      documentRef: a.documentRef,
      documentSent: a.documentSent,
      indicators,
      values,
      declaredNone,
      previous,
      peerMedian,
    };
  }

  /** Assignments read by ASSIGNMENTS_SQL with `where`, and the reference data's fingerprint. */
  async function readAssignments(
    where: string,
    ...params: unknown[]
  ): Promise<{ rows: AssignmentRow[]; fp: string }> {
    const [r] = await prisma.$queryRawUnsafe<{ fp: string; rows: AssignmentRow[] }[]>(
      assignmentsSql(where),
      ...params,
    );
    return { rows: r?.rows ?? [], fp: String(r?.fp ?? '') };
  }

  /** Views this store has already given their context (a second `withContext` reads nothing). */
  const withContext = new WeakSet<AssignmentView>();
  /** The context of light views, read as soon as they were (see `openAssignments`). */
  const prefetched = new WeakMap<AssignmentView, Promise<Context>>();

  // Group commit: assignments read by id (a button pressed on a draft) share one statement.
  const byId = createBatcher<number, { row: AssignmentRow | undefined; fp: string }>(async (ids) => {
    const { rows, fp } = await readAssignments(BY_IDS_WHERE, JSON.stringify([...new Set(ids)]));
    const found = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => ({ row: found.get(id), fp }));
  }, TURN_BATCHING);

  // Group commit: the open assignments of the turns of a burst, one statement per local day.
  const openRows = createBatcher<
    { unitIds: readonly number[]; now: Date },
    { rows: AssignmentRow[]; fp: string }
  >(async (keys) => {
    const byDay = new Map<string, Set<number>>();
    for (const k of keys) {
      const today = localDateOf(k.now, timeZone);
      const ids = byDay.get(today) ?? new Set<number>();
      for (const id of k.unitIds) ids.add(id);
      byDay.set(today, ids);
    }
    const read = new Map<string, { rows: AssignmentRow[]; fp: string }>();
    await Promise.all(
      [...byDay].map(async ([today, ids]) => {
        // Open from 60 days before the deadline until 180 days after it (late submissions);
        // without a date: while its period runs and 180 days after it ends.
        read.set(
          today,
          await readAssignments(
            OPEN_WHERE,
            JSON.stringify([...ids]),
            addDays(today, -180),
            addDays(today, 60),
            today,
          ),
        );
      }),
    );
    return keys.map((k) => {
      const { rows, fp } = read.get(localDateOf(k.now, timeZone))!;
      const mine = new Set(k.unitIds);
      return { rows: rows.filter((r) => mine.has(r.unitId)), fp };
    });
  }, TURN_BATCHING);

  const isFocal = async (tx: Prisma.TransactionClient, personId: number, unitId: number) =>
    (await tx.role.count({ where: { personId, unitId, role: 'focal', endedAt: null } })) > 0;

  return {
    async openAssignments(unitIds, now) {
      const { rows, fp } = await openRows.run({ unitIds, now });
      const views = await Promise.all(rows.map((r) => view(r, now, false, fp)));
      // Pipelined: the context a read-back will ask for is read while the turn parses its text
      // (one statement for the batch), not after.
      for (const v of views) {
        if (v.indicators.length === 0) continue;
        const ctx = contextOf(v.dutyCode, v.unit.id, v.periodCode, v.unit.typeCode, v.clusterCodes);
        ctx.catch(() => {}); // a failure reaches the caller of withContext, if any
        prefetched.set(v, ctx);
      }
      return views;
    },

    async withContext(a) {
      if (a.indicators.length === 0 || withContext.has(a)) return a;
      const ctx = await (prefetched.get(a) ??
        contextOf(a.dutyCode, a.unit.id, a.periodCode, a.unit.typeCode, a.clusterCodes));
      const full = { ...a, ...ctx };
      withContext.add(full);
      return full;
    },

    async get(assignmentId, now, opts) {
      const { row, fp } = await byId.run(assignmentId);
      if (!row) return null;
      const full = opts?.context !== false;
      const a = await view(row, now, full, fp);
      if (full) withContext.add(a);
      return a;
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
          const links = a.links;
          const byCode = new Map(links.map((l) => [l.code, l]));
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
  /** The indicators the duty asks of the unit's type. */
  links: { indicatorId: number; code: string; required: boolean }[];
}

/**
 * Locks assignment `$1` and reads it, with whether person `$2` is its unit's focal point now and
 * the indicators its duty asks of the unit's type.
 */
const LOCK_ASSIGNMENT_SQL = `
SELECT a.id, a."dutyId", u."typeCode", a.state::text AS state, a."submittedAt" IS NULL AS "notSubmitted",
  a.locked, (extract(epoch FROM a."openUntil") * 1000)::float8 AS "openUntilMs",
  to_char(a."dueDate", 'YYYY-MM-DD') AS "dueIso",
  EXISTS (SELECT 1 FROM "Role" r WHERE r."personId" = $2 AND r."unitId" = a."unitId"
    AND r.role = 'focal' AND r."endedAt" IS NULL) AS focal,
  coalesce((SELECT json_agg(json_build_object('indicatorId', di."indicatorId", 'code', i.code, 'required', di.required))
    FROM "DutyIndicator" di JOIN "Indicator" i ON i.id = di."indicatorId"
    WHERE di."dutyId" = a."dutyId" AND di."unitTypeCode" = u."typeCode"), '[]'::json) AS links
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
 * rows: computing it costs well under a millisecond, and it rides along every read of
 * assignments (no statement of its own).
 */
const REFERENCE_FINGERPRINT = `((SELECT count(*) FROM "Indicator") || ':' || (SELECT count(*) FROM "DutyIndicator") || ':' ||
  (SELECT count(*) FROM "Target") || ':' ||
  (SELECT coalesce(sum(hashtextextended(t::text, 0)::numeric), 0) FROM "Indicator" t) || ':' ||
  (SELECT coalesce(sum(hashtextextended(t::text, 1)::numeric), 0) FROM "DutyIndicator" t) || ':' ||
  (SELECT coalesce(sum(hashtextextended(t::text, 2)::numeric), 0) FROM "Target" t))`;

/**
 * One row: `fp`, the reference data's fingerprint, and `rows`, a JSON array of the assignments
 * matching `where` (over `a` assignment, `u` unit, `d` duty, `p` period) as AssignmentRow, by
 * deadline (undated last), then id. PostgreSQL builds the nesting (clusters, stored values).
 */
const assignmentsSql = (where: string) => `
SELECT ${REFERENCE_FINGERPRINT} AS fp, coalesce((SELECT json_agg(x ORDER BY x.ord) FROM (
  SELECT row_number() OVER (ORDER BY a."dueDate", a.id) AS ord,
    a.id, a."dutyId", a."periodCode", a."unitId", to_char(a."dueDate", 'YYYY-MM-DD') AS "dueIso",
    a.state::text AS state, a.locked, (extract(epoch FROM a."openUntil") * 1000)::float8 AS "openUntilMs",
    a."documentRef", a."documentSentAt" IS NOT NULL AS "documentSent",
    d.code AS "dutyCode", d."nameVi" AS "dutyNameVi", d."nameEn" AS "dutyNameEn", p.year,
    u.code AS "unitCode", u.name AS "unitName", u."typeCode",
    ARRAY(SELECT c.code FROM "ClusterMember" m JOIN "Unit" c ON c.id = m."clusterId"
      WHERE m."unitId" = a."unitId" AND m.until IS NULL ORDER BY m.id) AS "clusterCodes",
    coalesce((SELECT json_agg(json_build_array(i.code, v.value, v."textValue" IS NULL) ORDER BY v.id)
      FROM "SubmissionValue" v JOIN "Indicator" i ON i.id = v."indicatorId"
      WHERE v."assignmentId" = a.id), '[]'::json) AS vals
  FROM "Assignment" a JOIN "Unit" u ON u.id = a."unitId" JOIN "Duty" d ON d.id = a."dutyId"
    JOIN "Period" p ON p.code = a."periodCode"
  WHERE ${where}
) x), '[]'::json) AS rows`;

/**
 * The assignments of units `$1` (a JSON array of ids) open on `$4` (an ISO date; `$2` is 180
 * days before it, `$3` 60 days after): from 60 days before the deadline until 180 days after
 * it; without a date, while its period runs and 180 days after it ends. Active units and duties.
 */
const OPEN_WHERE = `a."unitId" IN (SELECT jsonb_array_elements_text($1::jsonb)::int) AND u.active AND d.active
    AND ((a."dueDate" >= $2::date AND a."dueDate" <= $3::date)
      OR (a."dueDate" IS NULL AND p."startDate" <= $4::date AND p."endDate" >= $2::date))`;

/** The assignments `$1` (a JSON array of ids). */
const BY_IDS_WHERE = 'a.id IN (SELECT jsonb_array_elements_text($1::jsonb)::int)';

/**
 * The values of several queries at once: `$1` is a JSON array of `{tag, duty, period}` with
 * `units` (those units), `clusters` (units now in one of those clusters) or `type` (active
 * units of that type); returns each stored number as `{tag, unitId, code, value}`.
 */
const CONTEXT_SQL = `
WITH q AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(tag int, duty text, period text, units jsonb, clusters jsonb, type text)
)
SELECT q.tag, a."unitId", i.code, v.value AS value
FROM q
JOIN "Duty" d ON d.code = q.duty
JOIN "Assignment" a ON a."dutyId" = d.id AND a."periodCode" = q.period
JOIN "Unit" u ON u.id = a."unitId"
JOIN "SubmissionValue" v ON v."assignmentId" = a.id AND v.value IS NOT NULL
JOIN "Indicator" i ON i.id = v."indicatorId"
WHERE CASE
  WHEN q.units IS NOT NULL THEN a."unitId" IN (SELECT jsonb_array_elements_text(q.units)::int)
  WHEN q.clusters IS NOT NULL THEN EXISTS (
    SELECT 1 FROM "ClusterMember" m JOIN "Unit" c ON c.id = m."clusterId"
    WHERE m."unitId" = a."unitId" AND m.until IS NULL AND c.code IN (SELECT jsonb_array_elements_text(q.clusters)))
  ELSE u."typeCode" = q.type AND u.active
END`;
