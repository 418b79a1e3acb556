import type { ChannelName } from '../ports/channel.js';
import type { ConversationStore, StoredConversation } from '../ports/conversations.js';
import { createBatcher, TURN_BATCHING } from './batcher.js';
import type { PrismaClient } from './database.js';
import { readConversation } from './turn-reads.js';

/**
 * ConversationStore on Prisma. `load` is group-committed (loads arriving together share one
 * statement, with the turns' identity lookups: ./turn-reads.ts); `save` is the port's
 * optimistic write, group-committed as well: an insert when `expectedVersion` is 0 (false when
 * the row exists or the insert fails), else an update conditional on the version, which it
 * increments.
 */
export function createPrismaConversationStore(prisma: PrismaClient): ConversationStore {
  // Group commit for writes too: the saves of a burst's turns share one statement (inserts of new
  // conversations and version-checked updates together), each still conditional on its own row.
  type SaveKey = { channel: ChannelName; chatId: string; state: unknown; expected: number };
  const saver = createBatcher<SaveKey, { ok: boolean } | { error: unknown }>(async (keys) => {
    const results: ({ ok: boolean } | { error: unknown })[] = keys.map(() => ({ ok: false }));
    // Rounds of distinct chats, in order: two saves of one chat in a batch run one after the other,
    // as they would unbatched (the second then sees the version the first wrote).
    let rest = keys.map((k, i) => ({ k, i }));
    while (rest.length > 0) {
      const seen = new Set<string>();
      const round: typeof rest = [];
      const later: typeof rest = [];
      for (const e of rest) {
        const id = `${e.k.channel}|${e.k.chatId}`;
        if (seen.has(id)) later.push(e);
        else {
          seen.add(id);
          round.push(e);
        }
      }
      rest = later;
      const input = round.map(({ k }) => ({
        channel: k.channel,
        chatId: k.chatId,
        state: k.state ?? null,
        expected: k.expected,
      }));
      try {
        const rows = await prisma.$queryRawUnsafe<{ channel: string; chatId: string }[]>(
          SAVE_SQL,
          JSON.stringify(input),
        );
        const done = new Set(rows.map((r) => `${r.channel}|${r.chatId}`));
        for (const { k, i } of round) results[i] = { ok: done.has(`${k.channel}|${k.chatId}`) };
      } catch (error) {
        for (const { i } of round) results[i] = { error };
      }
    }
    return results;
  }, TURN_BATCHING);
  return {
    async load(channel: ChannelName, chatId: string): Promise<StoredConversation | null> {
      const r = await readConversation(prisma, channel, chatId);
      return r ? { state: r.state, version: r.version } : null;
    },
    async save(channel, chatId, state, expectedVersion) {
      const res = await saver.run({ channel, chatId, state, expected: expectedVersion });
      if ('ok' in res) return res.ok;
      // A failed insert reads as "someone else stored it first"; a failed update is an error.
      if (expectedVersion === 0) return false;
      throw res.error;
    },
  };
}

/**
 * The batched optimistic save: `$1` is a JSON array of `{channel, chatId, state, expected}` with
 * distinct chats. Expected version 0 inserts (nothing when the row exists); otherwise the row is
 * updated only at that version, which it increments. Returns the chats that were written.
 */
const SAVE_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(channel text, "chatId" text, state jsonb, expected int)
), ins AS (
  INSERT INTO "Conversation" (channel, "chatId", version, state, "updatedAt")
  SELECT i.channel::"Channel", i."chatId", 1, i.state, now() FROM input i WHERE i.expected = 0
  ON CONFLICT (channel, "chatId") DO NOTHING
  RETURNING channel::text AS channel, "chatId"
), upd AS (
  UPDATE "Conversation" c SET state = i.state, version = i.expected + 1, "updatedAt" = now()
  FROM input i
  WHERE i.expected > 0 AND c.channel = i.channel::"Channel" AND c."chatId" = i."chatId" AND c.version = i.expected
  RETURNING c.channel::text AS channel, c."chatId"
)
SELECT channel, "chatId" FROM ins UNION ALL SELECT channel, "chatId" FROM upd`;
