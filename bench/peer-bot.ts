/**
 * The peer of bench:submit (issue 25): what an engineer would build instead of Đôn Đốc — a
 * plain grammY bot whose `session()` lives in PostgreSQL through `@grammyjs/storage-psql` (one
 * SELECT and one upsert per update), storing each message's numbers in a table of its own with
 * one INSERT and replying with a read-back of what the database stored.
 */
import { PsqlAdapter } from '@grammyjs/storage-psql';
import { type Bot, type Context, type SessionFlavor, type StorageAdapter, session } from 'grammy';
import type pg from 'pg';

/** What the peer keeps per chat: how many messages it has stored for that chat. */
export interface PeerSession {
  turns: number;
}

/** The peer's context: grammY's with the session above. */
export type PeerContext = Context & SessionFlavor<PeerSession>;

/** The peer's own tables; nothing of Đôn Đốc's schema is touched. */
const SESSIONS = 'bench_peer_sessions';
const FIGURES = 'bench_peer_figures';

/** Numbers as people type them here: `83,5` or `83.5`, with or without a `%`. */
const NUMBER = /\d+(?:[.,]\d+)?/g;

/** The numbers of a message, in order (`,` read as the decimal mark). */
export function parseNumbers(text: string): number[] {
  return (text.match(NUMBER) ?? []).map((n) => Number(n.replace(',', '.')));
}

/**
 * Creates the peer's tables (the session table by `PsqlAdapter.create`, as its users do) and
 * installs the session middleware and the message handler on `bot`. `pool` is a `pg.Pool`:
 * the adapter only calls `query(text, params)`, which a pool offers like a client, and a
 * single client would serialise every update of a burst.
 */
export async function installPeer(bot: Bot<PeerContext>, pool: pg.Pool): Promise<void> {
  const storage = (await PsqlAdapter.create({
    client: pool as unknown as pg.Client,
    tableName: SESSIONS,
  })) as StorageAdapter<PeerSession>;
  await pool.query(
    `CREATE TABLE IF NOT EXISTS "${FIGURES}" (
       id bigserial PRIMARY KEY,
       chat_id bigint NOT NULL,
       turn integer NOT NULL,
       pos integer NOT NULL,
       value numeric NOT NULL,
       received_at timestamptz NOT NULL DEFAULT now()
     )`,
  );
  bot.use(session({ initial: (): PeerSession => ({ turns: 0 }), storage }));
  bot.on('message:text', async (ctx) => {
    const numbers = parseNumbers(ctx.message.text);
    if (numbers.length === 0) {
      await ctx.reply('Chưa thấy số liệu nào trong tin nhắn.');
      return;
    }
    const turn = ++ctx.session.turns;
    const { rows } = await pool.query<{ value: string }>(
      `INSERT INTO "${FIGURES}" (chat_id, turn, pos, value)
       SELECT $1, $2, t.pos, t.value FROM unnest($3::numeric[]) WITH ORDINALITY AS t(value, pos)
       ORDER BY t.pos
       RETURNING value`,
      [ctx.chat.id, turn, numbers],
    );
    await ctx.reply(`Đã ghi ${rows.length} số liệu (lần ${turn}): ${rows.map((r) => r.value).join('; ')}`);
  });
}

/** Forgets every session (as bench:submit forgets Đôn Đốc's conversations before measuring). */
export async function resetPeerSessions(pool: pg.Pool): Promise<void> {
  await pool.query(`DELETE FROM "${SESSIONS}"`);
}

/** Drops the peer's tables. */
export async function dropPeerTables(pool: pg.Pool): Promise<void> {
  await pool.query(`DROP TABLE IF EXISTS "${SESSIONS}", "${FIGURES}"`);
}
