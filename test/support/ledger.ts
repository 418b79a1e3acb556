/**
 * A period of a test file's own: BC6T for a year no other file materialises or plans, with
 * assignments for the given units only, and reminder rows inserted for them directly — so the
 * planning passes of other test files sharing the database never re-date or take them.
 */
import type { LedgerRow } from '../../src/ports/reminder-ledger.js';
import type { PrismaClient } from '../../src/storage/database.js';
import { createPrismaReminderLedger } from '../../src/storage/reminder-ledger-store.js';
import { createPrismaReminderRecipients } from '../../src/storage/reminder-recipient-store.js';

/** Creates period `<year>-H1` (if new) and a BC6T assignment due on `due` for each unit. */
export async function ownBc6tPeriod(
  prisma: PrismaClient,
  opts: { year: number; unitIds: readonly number[]; due: Date; state?: 'pending' | 'missing' },
): Promise<string> {
  const code = `${opts.year}-H1`;
  await prisma.period.upsert({
    where: { code },
    create: {
      code,
      kind: 'half',
      year: opts.year,
      startDate: new Date(`${opts.year}-01-01T00:00:00Z`),
      endDate: new Date(`${opts.year}-06-30T00:00:00Z`),
    },
    update: {},
  });
  const bc6t = await prisma.duty.findUniqueOrThrow({ where: { code: 'BC6T' } });
  await prisma.assignment.createMany({
    data: opts.unitIds.map((unitId) => ({
      dutyId: bc6t.id,
      periodCode: code,
      unitId,
      nominalDueDate: opts.due,
      dueDate: opts.due,
      state: opts.state ?? 'pending',
    })),
  });
  return code;
}

/** Ledger rows of one reminder stage of `period` for the focal points of `unitIds` (not queued). */
export async function insertReminderRows(
  prisma: PrismaClient,
  opts: { unitIds: readonly number[]; period: string; stage: string; plannedFor: Date },
): Promise<LedgerRow[]> {
  const recipients = await createPrismaReminderRecipients(prisma).focalRecipients(opts.unitIds);
  const assignments = await prisma.assignment.findMany({
    where: { unitId: { in: [...opts.unitIds] }, duty: { code: 'BC6T' }, periodCode: opts.period },
  });
  return createPrismaReminderLedger(prisma).insert(
    assignments.flatMap((a) =>
      (recipients.get(a.unitId) ?? []).map((recipient) => ({
        kind: 'reminder' as const,
        dedupeKey: `r:${a.id}:${opts.stage}:${recipient.personId}`,
        assignmentId: a.id,
        dutyId: a.dutyId,
        periodCode: opts.period,
        stage: opts.stage,
        recipient,
        plannedFor: opts.plannedFor,
      })),
    ),
  );
}
