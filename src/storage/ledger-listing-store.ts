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
