/**
 * The two reads every dialog turn starts with — the chat's conversation (conversation-store.ts)
 * and who is writing (identity-store.ts) — group-committed together: the turns arriving together
 * share one statement for both. Both stores of one Prisma client share one batcher.
 */
import type { ChannelName } from '../ports/channel.js';
import { type Batcher, createBatcher, TURN_BATCHING } from './batcher.js';
import type { PrismaClient } from './database.js';

/** A stored conversation as TURN_READS_SQL reads it. */
export interface ConversationRow {
  state: unknown;
  version: number;
}

/** An identity with its person and the person's current roles in active units, by role id. */
export interface IdentityRow {
  personId: number;
  fullName: string;
  locale: string;
  lastSeenMs: number | null;
  blocked: boolean;
  roles: { role: 'focal' | 'manager' | 'admin'; id: number; code: string; name: string; typeCode: string }[];
}

type Key = { kind: 'c'; channel: ChannelName; id: string } | { kind: 'i'; channel: ChannelName; id: string };

const readers = new WeakMap<PrismaClient, Batcher<Key, unknown>>();

function readerOf(prisma: PrismaClient): Batcher<Key, unknown> {
  let reader = readers.get(prisma);
  if (!reader) {
    reader = createBatcher<Key, unknown>(async (keys) => {
      const distinct = new Map(keys.map((k) => [`${k.kind}|${k.channel}|${k.id}`, k]));
      const rows = await prisma.$queryRawUnsafe<
        { kind: 'c' | 'i'; channel: string; id: string; row: unknown }[]
      >(TURN_READS_SQL, JSON.stringify([...distinct.values()]));
      const found = new Map(rows.map((r) => [`${r.kind}|${r.channel}|${r.id}`, r.row]));
      return keys.map((k) => found.get(`${k.kind}|${k.channel}|${k.id}`) ?? null);
    }, TURN_BATCHING);
    readers.set(prisma, reader);
  }
  return reader;
}

/** The conversation of a chat, or null: shares its statement with the turns' other first reads. */
export function readConversation(
  prisma: PrismaClient,
  channel: ChannelName,
  chatId: string,
): Promise<ConversationRow | null> {
  return readerOf(prisma).run({ kind: 'c', channel, id: chatId }) as Promise<ConversationRow | null>;
}

/** The identity of a chat user, or null: shares its statement with the turns' other first reads. */
export function readIdentity(
  prisma: PrismaClient,
  channel: ChannelName,
  externalId: string,
): Promise<IdentityRow | null> {
  return readerOf(prisma).run({ kind: 'i', channel, id: externalId }) as Promise<IdentityRow | null>;
}

/**
 * `$1` is a JSON array of `{kind, channel, id}`: kind `c` reads the conversation of chat `id`,
 * kind `i` the identity `id` with its person and roles. One row per one found, `row` as JSON.
 */
const TURN_READS_SQL = `
WITH k AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(kind text, channel text, id text))
SELECT 'c' AS kind, c.channel::text AS channel, c."chatId" AS id,
  json_build_object('state', c.state, 'version', c.version) AS row
FROM k JOIN "Conversation" c ON k.kind = 'c' AND c.channel = k.channel::"Channel" AND c."chatId" = k.id
UNION ALL
SELECT 'i', i.channel::text, i."externalId", json_build_object(
  'personId', p.id, 'fullName', p."fullName", 'locale', p.locale,
  'lastSeenMs', (extract(epoch FROM i."lastSeenAt") * 1000)::float8, 'blocked', i."blockedAt" IS NOT NULL,
  'roles', coalesce((SELECT json_agg(json_build_object('role', r.role, 'id', u.id, 'code', u.code, 'name', u.name,
      'typeCode', u."typeCode") ORDER BY r.id)
    FROM "Role" r JOIN "Unit" u ON u.id = r."unitId"
    WHERE r."personId" = p.id AND r."endedAt" IS NULL AND u.active), '[]'::json))
FROM k JOIN "Identity" i ON k.kind = 'i' AND i.channel = k.channel::"Channel" AND i."externalId" = k.id
JOIN "Person" p ON p.id = i."personId"`;
