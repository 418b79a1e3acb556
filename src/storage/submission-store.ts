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
 * duty's indicators and targets are cached for 30 seconds per (duty, unit type, year), so an
 * operator's change reaches the dialog within that time; saves read them afresh.
 */
export function createPrismaSubmissionStore(prisma: PrismaClient, timeZone: string): SubmissionStore {
  // Duties' indicators and targets change rarely (an operator's CLI command): cache them
  // briefly so a burst of messages does not re-read them for every turn.
  const CACHE_MS = 30_000;
  const indicatorCache = new Map<string, { at: number; rows: Promise<CachedIndicator[]> }>();
  type CachedIndicator = { indicator: IndicatorRowWithTargets; required: boolean };
  type IndicatorRowWithTargets = Prisma.IndicatorGetPayload<{ include: { targets: true } }>;
  function indicatorsOf(dutyId: number, typeCode: string, year: number): Promise<CachedIndicator[]> {
    const key = `${dutyId}|${typeCode}|${year}`;
    const hit = indicatorCache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.rows;
    const rows = prisma.dutyIndicator
      .findMany({
        where: { dutyId, unitTypeCode: typeCode },
        include: { indicator: { include: { targets: { where: { year } } } } },
        orderBy: { position: 'asc' },
      })
      .then((links) => links.map((l) => ({ indicator: l.indicator, required: l.required })));
    indicatorCache.set(key, { at: Date.now(), rows });
    rows.catch(() => indicatorCache.delete(key));
    return rows;
  }

  /** The unit's previous-period values and its peers' medians for one assignment. */
  async function contextOf(
    dutyCode: string,
    unitId: number,
    periodCode: string,
    typeCode: string,
    clusterCodes: string[],
  ): Promise<{ previous: Record<string, number>; peerMedian: Record<string, number> }> {
    const previous: Record<string, number> = {};
    const peerMedian: Record<string, number> = {};
    const prevCode = periodCode.replace(/^\d{4}/, (y) => String(Number(y) - 1));
    const [prevValues, peerValues] = await Promise.all([
      prisma.submissionValue.findMany({
        where: { assignment: { duty: { code: dutyCode }, unitId, periodCode: prevCode } },
        select: { value: true, indicator: { select: { code: true } } },
      }),
      // Peers: units sharing a cluster, else units of the same type.
      prisma.submissionValue.findMany({
        where: {
          assignment: {
            duty: { code: dutyCode },
            periodCode,
            unitId: { not: unitId },
            unit: clusterCodes.length
              ? { memberships: { some: { cluster: { code: { in: clusterCodes } }, until: null } } }
              : { typeCode, active: true },
          },
        },
        select: { value: true, indicator: { select: { code: true } } },
      }),
    ]);
    for (const v of prevValues) if (v.value !== null) previous[v.indicator.code] = Number(v.value);
    const byCode = new Map<string, number[]>();
    for (const v of peerValues) {
      if (v.value === null) continue;
      const list = byCode.get(v.indicator.code) ?? [];
      list.push(Number(v.value));
      byCode.set(v.indicator.code, list);
    }
    for (const [code, list] of byCode) if (list.length >= 3) peerMedian[code] = median(list)!;
    return { previous, peerMedian };
  }

  /** The view of an assignment; `full` adds the previous period's and the peers' values. */
  async function view(a: AssignmentRow, now: Date, full: boolean): Promise<AssignmentView> {
    const clusterCodes = a.unit.memberships.map((m) => m.cluster.code);
    const dutyIndicators = await indicatorsOf(a.dutyId, a.unit.typeCode, a.period.year);
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

  const isFocal = async (tx: Prisma.TransactionClient, personId: number, unitId: number) =>
    (await tx.role.count({ where: { personId, unitId, role: 'focal', endedAt: null } })) > 0;

  return {
    async openAssignments(unitIds, now) {
      const today = localDateOf(now, timeZone);
      const rows = await prisma.assignment.findMany({
        where: {
          unitId: { in: [...unitIds] },
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
      return Promise.all(rows.map((r) => view(r, now, false)));
    },

    async withContext(a) {
      if (a.indicators.length === 0) return a;
      const ctx = await contextOf(a.dutyCode, a.unit.id, a.periodCode, a.unit.typeCode, a.clusterCodes);
      return { ...a, ...ctx };
    },

    async get(assignmentId, now) {
      const row = await prisma.assignment.findUnique({
        where: { id: assignmentId },
        include: assignmentInclude,
      });
      return row ? view(row, now, true) : null;
    },

    async saveConfirmed(input): Promise<SaveResult> {
      return prisma.$transaction(
        async (tx) => {
          // Serialise confirmations of one assignment.
          await tx.$queryRawUnsafe(
            'SELECT id FROM "Assignment" WHERE id = $1 FOR UPDATE',
            input.assignmentId,
          );
          const a = await tx.assignment.findUnique({
            where: { id: input.assignmentId },
            include: { unit: true, period: true },
          });
          if (!a || !(await isFocal(tx, input.personId, a.unitId)))
            return { ok: false, reason: 'not_allowed' };
          if (a.locked && !(a.openUntil && a.openUntil.getTime() > input.now.getTime())) {
            return { ok: false, reason: 'locked' };
          }
          const links = await tx.dutyIndicator.findMany({
            where: { dutyId: a.dutyId, unitTypeCode: a.unit.typeCode },
            include: { indicator: true },
          });
          const byCode = new Map(links.map((l) => [l.indicator.code, l]));
          // Every code checked before the first write: a refusal leaves nothing half-written
          // (returning from an interactive transaction commits what it wrote so far).
          if (input.values.some((v) => !byCode.has(v.code))) return { ok: false, reason: 'not_allowed' };
          for (const { code, value } of input.values) {
            const link = byCode.get(code)!;
            const existing = await tx.submissionValue.findUnique({
              where: { assignmentId_indicatorId: { assignmentId: a.id, indicatorId: link.indicatorId } },
            });
            const stored = await tx.submissionValue.upsert({
              where: { assignmentId_indicatorId: { assignmentId: a.id, indicatorId: link.indicatorId } },
              create: { assignmentId: a.id, indicatorId: link.indicatorId, value },
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
          const have = new Set(filled.map((f) => f.indicatorId));
          const complete = links.filter((l) => l.required).every((l) => have.has(l.indicatorId));
          let state = a.state;
          if (complete && a.submittedAt === null) {
            const today = localDateOf(input.now, timeZone);
            state = a.dueDate === null || today <= iso(a.dueDate)! ? 'on_time' : 'late';
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
