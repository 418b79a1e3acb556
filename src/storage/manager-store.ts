/**
 * Prisma implementation of the ManagerStore (src/ports/manager-store.ts).
 */
import { addDays, daysBetween } from '../domain/calendar.js';
import type { ManagerStore, NudgeTarget, UnitLedgerLine } from '../ports/manager-store.js';
import type { PrismaClient } from './database.js';
import { loadHolidayTable } from './materialise-assignments.js';

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** ManagerStore on Prisma. Nothing is cached: units, holidays and managers are read on every call. */
export function createPrismaManagerStore(prisma: PrismaClient): ManagerStore {
  return {
    async units() {
      const rows = await prisma.unit.findMany({
        where: { active: true },
        select: { id: true, code: true, name: true, typeCode: true },
        orderBy: { code: 'asc' },
      });
      return rows;
    },

    async dutyCodes() {
      const rows = await prisma.duty.findMany({ where: { active: true }, select: { code: true } });
      return rows.map((r) => r.code);
    },

    async nudgeTarget(unitId, today, dutyCode, periodCode) {
      // The same window a focal point may still submit in (60 days ahead, 180 days late).
      const rows = await prisma.assignment.findMany({
        where: {
          unitId,
          dueDate: { gte: day(addDays(today, -180)), lte: day(addDays(today, 60)) },
          state: { in: ['pending', 'missing'] },
          locked: false,
          duty: { active: true, ...(dutyCode ? { code: dutyCode } : {}) },
          ...(periodCode ? { periodCode } : {}),
        },
        select: {
          id: true,
          dutyId: true,
          periodCode: true,
          dueDate: true,
          duty: { select: { code: true, nameVi: true, nameEn: true } },
        },
      });
      const views: NudgeTarget[] = rows.map((r) => ({
        assignmentId: r.id,
        dutyId: r.dutyId,
        dutyCode: r.duty.code,
        dutyNameVi: r.duty.nameVi,
        dutyNameEn: r.duty.nameEn,
        periodCode: r.periodCode,
        dueDate: isoDate(r.dueDate),
      }));
      // The deadline nearest to today; between two as near, the one already passed.
      const distance = (v: NudgeTarget) => Math.abs(daysBetween(today, v.dueDate!));
      views.sort((a, b) => distance(a) - distance(b) || a.dueDate!.localeCompare(b.dueDate!));
      return views[0] ?? null;
    },

    async nudged(unitId, stage) {
      const n = await prisma.reminderLedger.count({
        where: { kind: 'nudge', stage, assignment: { unitId } },
      });
      return n > 0;
    },

    async setLock({ dutyCode, periodCode, locked, actorPersonId, now }) {
      const duty = await prisma.duty.findUnique({
        where: { code: dutyCode },
        select: { id: true, nameVi: true, nameEn: true },
      });
      const period = await prisma.period.findUnique({ where: { code: periodCode }, select: { code: true } });
      if (!duty || !period) return null;
      return prisma.$transaction(async (tx) => {
        const where = { dutyId: duty.id, periodCode };
        const res = await tx.assignment.updateMany({
          where,
          data: locked
            ? { locked: true, lockedAt: now, lockedBy: `person:${actorPersonId}`, openUntil: null }
            : { locked: false, openUntil: null },
        });
        if (!locked) {
          await tx.lockException.updateMany({
            where: { status: 'pending', assignment: where },
            data: { status: 'allowed', decidedById: actorPersonId, decidedAt: now },
          });
        }
        await tx.auditLog.create({
          data: {
            actor: `person:${actorPersonId}`,
            action: locked ? 'period.lock' : 'period.unlock',
            entity: `Duty:${dutyCode}:${periodCode}`,
            data: { count: res.count, at: now.toISOString() },
          },
        });
        return { count: res.count, dutyNameVi: duty.nameVi, dutyNameEn: duty.nameEn };
      });
    },

    async createException({ assignmentId, personId, reason }) {
      return prisma.$transaction(async (tx) => {
        const a = await tx.assignment.findUniqueOrThrow({
          where: { id: assignmentId },
          select: { unitId: true, dutyId: true },
        });
        const open = await tx.lockException.findFirst({
          where: { assignmentId, requestedById: personId, status: 'pending' },
          select: { id: true },
        });
        if (open) return { id: open.id, unitId: a.unitId, dutyId: a.dutyId, created: false };
        const row = await tx.lockException.create({
          data: { assignmentId, requestedById: personId, reason },
          select: { id: true },
        });
        return { id: row.id, unitId: a.unitId, dutyId: a.dutyId, created: true };
      });
    },

    async exception(id) {
      const r = await prisma.lockException.findUnique({
        where: { id },
        include: {
          requestedBy: { select: { fullName: true } },
          assignment: {
            select: {
              periodCode: true,
              duty: { select: { code: true, nameVi: true, nameEn: true } },
              unit: { select: { id: true, code: true, name: true, typeCode: true } },
            },
          },
        },
      });
      if (!r) return null;
      return {
        id: r.id,
        assignmentId: r.assignmentId,
        unit: r.assignment.unit,
        dutyCode: r.assignment.duty.code,
        dutyNameVi: r.assignment.duty.nameVi,
        dutyNameEn: r.assignment.duty.nameEn,
        periodCode: r.assignment.periodCode,
        requestedById: r.requestedById,
        requestedByName: r.requestedBy.fullName,
        reason: r.reason,
        status: r.status,
        openUntil: r.openUntil,
      };
    },

    async decideException({ id, deciderId, allow, openUntil, now }) {
      return prisma.$transaction(async (tx) => {
        const res = await tx.lockException.updateMany({
          where: { id, status: 'pending' },
          data: {
            status: allow ? 'allowed' : 'refused',
            decidedById: deciderId,
            decidedAt: now,
            openUntil: allow ? openUntil : null,
          },
        });
        if (res.count === 0) return false;
        const row = await tx.lockException.findUniqueOrThrow({
          where: { id },
          select: { assignmentId: true },
        });
        if (allow) {
          await tx.assignment.update({ where: { id: row.assignmentId }, data: { openUntil } });
        }
        await tx.auditLog.create({
          data: {
            actor: `person:${deciderId}`,
            action: allow ? 'exception.allow' : 'exception.refuse',
            entity: `Assignment:${row.assignmentId}`,
            data: { exception: id, openUntil: openUntil?.toISOString() ?? null, at: now.toISOString() },
          },
        });
        return true;
      });
    },

    async audit({ actorPersonId, action, entity, data }) {
      await prisma.auditLog.create({
        data: { actor: `person:${actorPersonId}`, action, entity, data: data as object },
      });
    },

    async unitLedger(unitId, limit) {
      const rows = await prisma.reminderLedger.findMany({
        where: {
          OR: [
            { assignment: { unitId } },
            { kind: { in: ['escalation', 'recipient_gone'] }, unitIds: { has: unitId } },
          ],
        },
        select: {
          kind: true,
          stage: true,
          channel: true,
          status: true,
          plannedFor: true,
          sentAt: true,
          error: true,
          periodCode: true,
          duty: { select: { code: true, nameVi: true, nameEn: true } },
          recipient: { select: { fullName: true } },
        },
        orderBy: [{ plannedFor: 'desc' }, { id: 'desc' }],
        take: limit,
      });
      return rows.map(
        (r): UnitLedgerLine => ({
          kind: r.kind,
          dutyCode: r.duty?.code ?? null,
          dutyNameVi: r.duty?.nameVi ?? null,
          dutyNameEn: r.duty?.nameEn ?? null,
          periodCode: r.periodCode,
          stage: r.stage,
          recipient: r.recipient.fullName,
          channel: r.channel,
          status: r.status,
          plannedFor: r.plannedFor,
          sentAt: r.sentAt,
          error: r.error,
        }),
      );
    },

    async dueDate(dutyCode, periodCode, scope, from) {
      const duty = await prisma.duty.findUnique({ where: { code: dutyCode }, select: { id: true } });
      if (!duty) return null;
      const agg = await prisma.assignment.aggregate({
        where: {
          dutyId: duty.id,
          periodCode,
          ...(scope.kind === 'units' ? { unitId: { in: scope.unitIds } } : {}),
          ...(from ? { dueDate: { gte: day(from) } } : {}),
        },
        _min: { dueDate: true },
      });
      return { dutyId: duty.id, dueDate: isoDate(agg._min.dueDate) };
    },

    async dutyCode(dutyId) {
      const d = await prisma.duty.findUnique({ where: { id: dutyId }, select: { code: true } });
      return d?.code ?? null;
    },

    holidays() {
      return loadHolidayTable(prisma);
    },

    async managerIds() {
      const rows = await prisma.role.findMany({
        where: { role: 'manager', endedAt: null },
        select: { personId: true },
        distinct: ['personId'],
      });
      return rows.map((r) => r.personId);
    },
  };
}
