/** The reminder ledger's writes and claims on Prisma (PostgreSQL or PGlite). */
import { storedQuietHours } from '../domain/quiet-hours.js';
import type { ChannelName } from '../ports/channel.js';
import type { LedgerRow, NewLedgerRow, ReminderLedger } from '../ports/reminder-ledger.js';
import { createBatcher } from './batcher.js';
import type { PrismaClient } from './database.js';
import {
  createReminderViewReader,
  REMINDER_VIEW_COLUMNS,
  REMINDER_VIEW_JOINS,
  type ReminderViewRow,
} from './reminder-view-sql.js';
import { asLocale } from './rows.js';
import { createTtlCache } from './ttl-cache.js';

const toRow = (r: LedgerRow): LedgerRow => ({
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

/** A claimed row as the claim statement returns it (enums as text), with its recipient's settings. */
type ClaimRow = Omit<LedgerRow, 'channel' | 'status' | 'kind'> & {
  channel: string;
  status: string;
  kind: string;
  locale: string;
  quietFrom: number | null;
  quietTo: number | null;
};

/** Rows inserted per statement. */
const INSERT_CHUNK = 2_000;

/** The `ReminderLedger` port on Prisma; claims and sent marks are batched across concurrent deliveries. */
export function createPrismaReminderLedger(prisma: PrismaClient): ReminderLedger {
  const toView = createReminderViewReader(prisma, createTtlCache());

  const claimBatcher = createBatcher<number, (ClaimRow & ReminderViewRow) | undefined>(async (ids) => {
    // Rows by primary key only (`status::text` keeps the status index out of it): just after a
    // fan-out is planned the statistics still say no row is `planned`, and PostgreSQL would then
    // walk every planned entry of ("status", "updatedAt") for each claim.
    const rows = await prisma.$queryRaw<(ClaimRow & ReminderViewRow)[]>`
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
             ${REMINDER_VIEW_COLUMNS}
        FROM c
        ${REMINDER_VIEW_JOINS}`;
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

  /** A planned or sending row to a final status. */
  async function settle(id: number, status: 'failed' | 'skipped', error: string): Promise<void> {
    await prisma.reminderLedger.updateMany({
      where: { id, status: { in: ['sending', 'planned'] } },
      data: { status, error },
    });
  }

  return {
    async insert(rows: readonly NewLedgerRow[]) {
      // One statement per chunk of columns-as-arrays: a fan-out plans tens of thousands of rows,
      // which createManyAndReturn holds in memory row by row. ON CONFLICT covers both unique
      // keys, so concurrent passes in several instances insert each row once.
      const out: LedgerRow[] = [];
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const chunk = rows.slice(i, i + INSERT_CHUNK);
        const created = await prisma.$queryRaw<LedgerRow[]>`
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

    // Claim and read what the message needs in one statement, batched across concurrent
    // deliveries (group commit): the hot path of a fan-out.
    async claim(id) {
      const r = await claimBatcher.run(id);
      if (!r) return null;
      return {
        ...toRow({
          ...r,
          kind: r.kind as LedgerRow['kind'],
          channel: r.channel as ChannelName,
          status: r.status as LedgerRow['status'],
        }),
        locale: asLocale(r.locale),
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

    markFailed: (id, error) => settle(id, 'failed', error.slice(0, 500)),

    markSkipped: (id, reason) => settle(id, 'skipped', reason),

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

    async markUncertain(id, reason = 'the worker died while sending: the platform may have delivered it') {
      const r = await prisma.reminderLedger.updateMany({
        where: { id, status: 'sending' },
        data: { status: 'uncertain', error: reason.slice(0, 500) },
      });
      return r.count === 1;
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
  };
}
