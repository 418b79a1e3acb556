/** The reminder ledger as operators list it, on Prisma. */
import type { LedgerListingStore } from '../ports/ledger-listing.js';
import type { PrismaClient } from './database.js';

/** The `LedgerListingStore` port on Prisma. */
export function createPrismaLedgerListing(prisma: PrismaClient): LedgerListingStore {
  return {
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
          recipient: {
            select: {
              fullName: true,
              roles: {
                where: { endedAt: null },
                select: { role: true, unit: { select: { code: true } } },
                orderBy: { id: 'asc' },
              },
            },
          },
        },
        orderBy: { id: 'asc' },
      });
      const listed = [...new Set(rows.flatMap((r) => r.unitIds))];
      const codes = new Map(
        listed.length === 0
          ? []
          : (
              await prisma.unit.findMany({ where: { id: { in: listed } }, select: { id: true, code: true } })
            ).map((u) => [u.id, u.code]),
      );
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        unit: r.assignment?.unit.code ?? null,
        units: r.unitIds.flatMap((id) => codes.get(id) ?? []),
        recipientUnits: [
          ...new Set(
            [...r.recipient.roles]
              .sort((a, b) => Number(b.role === 'manager') - Number(a.role === 'manager'))
              .map((x) => x.unit.code),
          ),
        ],
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
