/**
 * Targets and deadline rules on Prisma: what the operators' commands read and write. Every
 * write runs in one transaction with its AuditLog row (who, when, what), and sets `updatedBy`
 * to the actor so the seed never overwrites the row again.
 */
import {
  formatDayMonth,
  type ImportedTarget,
  type KnownIndicator,
  type TargetScopes,
} from '../domain/targets-import.js';
import type { DeadlineStore, DutyRow, TargetRow, TargetStore } from '../ports/targets.js';
import type { PrismaClient } from './database.js';
import { materialiseYears } from './materialise-assignments.js';

const num = (d: unknown) => (d === null || d === undefined ? null : Number(d));

const boundsOf = (t: { kind: string; minValue: unknown; maxValue: unknown; inclusive: boolean }) => ({
  kind: t.kind,
  min: num(t.minValue),
  max: num(t.maxValue),
  inclusive: t.inclusive,
});

/** The year's targets on Prisma. */
export function createPrismaTargetStore(prisma: PrismaClient): TargetStore {
  return {
    /** The indicators and scopes a target file may name. */
    async importContext(): Promise<{ indicators: KnownIndicator[]; scopes: TargetScopes }> {
      const [indicators, types, units] = await Promise.all([
        prisma.indicator.findMany({ select: { code: true, kind: true, minValue: true, maxValue: true } }),
        prisma.unitType.findMany({ select: { code: true } }),
        prisma.unit.findMany({ select: { code: true } }),
      ]);
      return {
        indicators: indicators.map((i) => ({
          code: i.code,
          kind: i.kind,
          min: num(i.minValue),
          max: num(i.maxValue),
        })),
        scopes: {
          unitTypes: new Set(types.map((t) => t.code)),
          units: new Set(units.map((u) => u.code)),
        },
      };
    },

    /** Upserts by (indicator, year, scope) in one transaction, with one `targets.import` audit row. */
    async saveTargets(
      targets: readonly ImportedTarget[],
      actor: string,
      source: string,
    ): Promise<{ created: number; updated: number }> {
      return prisma.$transaction(
        async (tx) => {
          const ids = new Map(
            (await tx.indicator.findMany({ select: { id: true, code: true } })).map((i) => [i.code, i.id]),
          );
          let created = 0;
          let updated = 0;
          const changes: {
            indicator: string;
            year: number;
            scope: string;
            before: ReturnType<typeof boundsOf> | null;
            after: ReturnType<typeof boundsOf>;
          }[] = [];
          for (const t of targets) {
            const indicatorId = ids.get(t.indicator);
            if (indicatorId === undefined) throw new Error(`indicator ${t.indicator} vanished during import`);
            const where = { indicatorId_year_scope: { indicatorId, year: t.year, scope: t.scope } };
            const before = await tx.target.findUnique({ where });
            const fields = {
              kind: t.kind,
              minValue: t.min,
              maxValue: t.max,
              inclusive: t.inclusive,
              note: t.note,
              updatedBy: actor,
            };
            await tx.target.upsert({
              where,
              create: { indicatorId, year: t.year, scope: t.scope, ...fields },
              update: fields,
            });
            if (before) updated++;
            else created++;
            changes.push({
              indicator: t.indicator,
              year: t.year,
              scope: t.scope,
              before: before ? boundsOf(before) : null,
              after: { kind: t.kind, min: t.min, max: t.max, inclusive: t.inclusive },
            });
          }
          await tx.auditLog.create({
            data: {
              actor,
              action: 'targets.import',
              entity: 'Target',
              data: { source, created, updated, changes },
            },
          });
          return { created, updated };
        },
        { timeout: 120_000, maxWait: 10_000 },
      );
    },

    /** Targets of one year (or all years), by year, indicator and scope. */
    async list(year?: number): Promise<TargetRow[]> {
      const rows = await prisma.target.findMany({
        where: year === undefined ? {} : { year },
        include: { indicator: { select: { code: true, labelVi: true, labelEn: true, kind: true } } },
      });
      return rows
        .map((t) => ({
          indicator: t.indicator.code,
          labelVi: t.indicator.labelVi,
          labelEn: t.indicator.labelEn,
          indicatorKind: t.indicator.kind,
          year: t.year,
          scope: t.scope,
          kind: t.kind,
          min: num(t.minValue),
          max: num(t.maxValue),
          inclusive: t.inclusive,
          note: t.note,
          updatedBy: t.updatedBy,
          updatedAt: t.updatedAt.toISOString(),
        }))
        .sort((a, b) => a.year - b.year || cmp(a.indicator, b.indicator) || cmp(a.scope, b.scope));
    },
  };
}

function cmp(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** Duties, deadline rules and reminder stages on Prisma. */
export function createPrismaDeadlineStore(prisma: PrismaClient): DeadlineStore {
  return {
    /** Every duty with its deadline rules (the default `*` rule first). */
    async duties(): Promise<DutyRow[]> {
      const rows = await prisma.duty.findMany({ include: { deadlines: true }, orderBy: { code: 'asc' } });
      return rows.map((d) => ({
        code: d.code,
        nameVi: d.nameVi,
        nameEn: d.nameEn,
        recurrence: d.recurrence,
        periodPattern: d.periodPattern,
        reminderStages: d.reminderStages,
        active: d.active,
        fromYear: d.fromYear,
        toYear: d.toYear,
        deadlines: d.deadlines
          .map((r) => ({
            unitType: r.unitTypeCode,
            applies: r.applies,
            day: r.day,
            month: r.month,
            year: r.year,
            date: formatDayMonth(r.day, r.month),
            updatedBy: r.updatedBy,
            updatedAt: r.updatedAt.toISOString(),
          }))
          .sort((a, b) => (a.unitType === '*' ? -1 : b.unitType === '*' ? 1 : cmp(a.unitType, b.unitType))),
      }));
    },

    async unitTypes(): Promise<Set<string>> {
      return new Set((await prisma.unitType.findMany({ select: { code: true } })).map((t) => t.code));
    },

    /**
     * Sets the day and month (null = not set yet) of one duty's rule for one unit type, creating
     * the rule when the type had none; writes a `duty.deadline` audit row and re-dates the
     * pending assignments of `years` in the same transaction. Returns the previous `dd/mm`
     * (null when not set, undefined when new) and the assignments created and re-dated.
     */
    async saveRule(input: {
      dutyCode: string;
      unitType: string;
      day: number | null;
      month: number | null;
      actor: string;
      years: readonly number[];
    }): Promise<{ previous: string | null | undefined; created: number; redated: number }> {
      return prisma.$transaction(
        async (tx) => {
          const { id: dutyId } = await tx.duty.findUniqueOrThrow({
            where: { code: input.dutyCode },
            select: { id: true },
          });
          const where = { dutyId_unitTypeCode: { dutyId, unitTypeCode: input.unitType } };
          const before = await tx.deadlineRule.findUnique({ where });
          const fields = { day: input.day, month: input.month, updatedBy: input.actor };
          await tx.deadlineRule.upsert({
            where,
            create: { dutyId, unitTypeCode: input.unitType, applies: true, ...fields },
            update: fields,
          });
          const previous = before ? formatDayMonth(before.day, before.month) : undefined;
          await tx.auditLog.create({
            data: {
              actor: input.actor,
              action: 'duty.deadline',
              entity: `Duty:${input.dutyCode}`,
              data: {
                unitType: input.unitType,
                from: previous ?? null,
                to: formatDayMonth(input.day, input.month),
                newRule: before === null,
              },
            },
          });
          const { created, redated } = await materialiseYears(tx, input.years);
          return { previous, created, redated };
        },
        { timeout: 120_000, maxWait: 10_000 },
      );
    },

    /**
     * Sets a duty's reminder stages with a `duty.reminders` audit row (`{from, to}`) in the same
     * transaction. Returns the stages before, or null (nothing written) for an unknown duty.
     */
    async saveReminderStages(input: {
      dutyCode: string;
      stages: number[];
      actor: string;
      now: Date;
    }): Promise<{ previous: number[] } | null> {
      return prisma.$transaction(async (tx) => {
        const before = await tx.duty.findUnique({
          where: { code: input.dutyCode },
          select: { reminderStages: true },
        });
        if (!before) return null;
        await tx.duty.update({ where: { code: input.dutyCode }, data: { reminderStages: input.stages } });
        await tx.auditLog.create({
          data: {
            actor: input.actor,
            action: 'duty.reminders',
            entity: `Duty:${input.dutyCode}`,
            data: { from: before.reminderStages, to: input.stages },
            createdAt: input.now,
          },
        });
        return { previous: before.reminderStages };
      });
    },
  };
}
