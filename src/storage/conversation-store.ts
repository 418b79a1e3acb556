import type { Prisma } from '../generated/prisma/client.js';
import type { ChannelName } from '../ports/channel.js';
import type { ConversationStore, StoredConversation } from '../ports/conversations.js';
import { createBatcher } from './batcher.js';
import type { PrismaClient } from './database.js';

/**
 * ConversationStore on Prisma. `load` is group-committed (loads arriving together share one
 * statement per channel); `save` is the port's optimistic write: a create when `expectedVersion`
 * is 0 (false when the row exists or the insert fails), else an update conditional on the
 * version, which it increments.
 */
export function createPrismaConversationStore(prisma: PrismaClient): ConversationStore {
  // Group commit, as for identities: one statement for the turns that arrive together.
  const loader = createBatcher<{ channel: ChannelName; chatId: string }, StoredConversation | null>(
    async (keys) => {
      const byChannel = new Map<ChannelName, string[]>();
      for (const k of keys) byChannel.set(k.channel, [...(byChannel.get(k.channel) ?? []), k.chatId]);
      const found = new Map<string, StoredConversation>();
      for (const [channel, ids] of byChannel) {
        const rows = await prisma.conversation.findMany({
          where: { channel, chatId: { in: [...new Set(ids)] } },
          select: { chatId: true, state: true, version: true },
        });
        for (const r of rows) found.set(`${channel}|${r.chatId}`, { state: r.state, version: r.version });
      }
      return keys.map((k) => found.get(`${k.channel}|${k.chatId}`) ?? null);
    },
  );
  return {
    load(channel: ChannelName, chatId: string) {
      return loader.run({ channel, chatId });
    },
    async save(channel, chatId, state, expectedVersion) {
      const json = state as Prisma.InputJsonValue;
      if (expectedVersion === 0) {
        try {
          await prisma.conversation.create({ data: { channel, chatId, state: json, version: 1 } });
          return true;
        } catch {
          return false;
        }
      }
      const res = await prisma.conversation.updateMany({
        where: { channel, chatId, version: expectedVersion },
        data: { state: json, version: expectedVersion + 1 },
      });
      return res.count === 1;
    },
  };
}
