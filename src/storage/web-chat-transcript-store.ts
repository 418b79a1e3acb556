/** The web chat's transcript on Prisma (the `WebChatMessage` table). */
import type { Prisma } from '../generated/prisma/client.js';
import type { Button } from '../ports/channel.js';
import type { Clock } from '../ports/clock.js';
import type { WebChatEntry, WebChatTranscript } from '../ports/web-chat-transcript.js';
import type { PrismaClient } from './database.js';

/** Messages kept per chat (the web chat's in-memory inbox keeps as many). */
export const WEB_CHAT_KEEP_MESSAGES = 200;
/** Days a message is kept. */
export const WEB_CHAT_KEEP_DAYS = 30;
/** How often, at most, messages of every chat past their age are swept (chats nobody uses). */
const SWEEP_EVERY_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

/**
 * `WebChatTranscript` on Prisma. Times come from `clock` (so `APP_NOW` ages messages on the
 * service's clock). Each `append` prunes its own chat past `keep` messages or `days` days; at
 * most once an hour it also sweeps every chat's messages past `days`.
 */
export function createPrismaWebChatTranscript(
  prisma: PrismaClient,
  clock: Clock,
  opts: { keep?: number; days?: number } = {},
): WebChatTranscript {
  const keep = Math.max(1, opts.keep ?? WEB_CHAT_KEEP_MESSAGES);
  const days = opts.days ?? WEB_CHAT_KEEP_DAYS;
  let sweptAt = Number.NEGATIVE_INFINITY;
  const cutoff = (now: Date) => new Date(now.getTime() - days * DAY_MS);

  return {
    async append(chatId, entry) {
      const now = clock.now();
      const rows = entry.buttons?.filter((r) => r.length > 0) ?? [];
      // One statement: the message in, and out of this chat everything older than its `keep`
      // newest (the new one among them) or than the days kept.
      const buttons = rows.length > 0 ? JSON.stringify(rows.map((r) => r.map(copyButton))) : null;
      const [row] = await prisma.$queryRaw<{ id: number }[]>`
        WITH ins AS (
          INSERT INTO "WebChatMessage" ("chatId", "direction", "text", "buttons", "createdAt")
          VALUES (${chatId}, ${entry.direction}::"WebChatDirection", ${entry.text}, ${buttons}::jsonb, ${now})
          RETURNING "id"
        ), gone AS (
          DELETE FROM "WebChatMessage"
           WHERE "chatId" = ${chatId}
             AND ("createdAt" < ${cutoff(now)}
                  OR "id" IN (SELECT "id" FROM "WebChatMessage" WHERE "chatId" = ${chatId}
                               ORDER BY "createdAt" DESC, "id" DESC OFFSET ${keep - 1}))
        )
        SELECT "id" FROM ins`;
      const id = Number(row!.id);
      if (now.getTime() - sweptAt >= SWEEP_EVERY_MS || now.getTime() < sweptAt) {
        sweptAt = now.getTime();
        await prisma.webChatMessage.deleteMany({ where: { createdAt: { lt: cutoff(now) } } });
      }
      return id;
    },

    async recent(chatId, limit = keep) {
      const rows = await prisma.webChatMessage.findMany({
        where: { chatId, createdAt: { gte: cutoff(clock.now()) } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: Math.max(0, Math.min(limit, keep)),
      });
      return rows.reverse().map((r): WebChatEntry => {
        const buttons = readButtons(r.buttons);
        return {
          id: r.id,
          direction: r.direction,
          text: r.text,
          ...(buttons ? { buttons } : {}),
          at: r.createdAt,
        };
      });
    },
  };
}

/** A button as stored: only its label and data (a plain JSON object). */
function copyButton(b: Button): { label: string; data: string } {
  return { label: b.label, data: b.data };
}

/** Stored buttons read back; anything not of the stored shape is dropped. */
function readButtons(json: Prisma.JsonValue): Button[][] | undefined {
  if (!Array.isArray(json)) return undefined;
  const rows = json
    .map((row) =>
      Array.isArray(row)
        ? row.flatMap((b) => {
            const o = b as { label?: unknown; data?: unknown } | null;
            return o && typeof o.label === 'string' && typeof o.data === 'string'
              ? [{ label: o.label, data: o.data }]
              : [];
          })
        : [],
    )
    .filter((r) => r.length > 0);
  return rows.length > 0 ? rows : undefined;
}
