/**
 * bench/turn-statements.ts — the SQL statements (round trips to PostgreSQL) of one typical turn
 * of a focal point, by kind: a figures message on a fresh conversation (→ read-back), the same
 * message again (the conversation exists), and the confirm button (→ stored). Every
 * `pg.Client#query` is one round trip (BEGIN and COMMIT included); the script counts them and,
 * with `--sql`, prints each statement's first line.
 *
 *   npx tsx bench/turn-statements.ts [--sql]
 * Needs PostgreSQL on 127.0.0.1 (a scratch database is created and dropped).
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createTranslator } from '../src/i18n/fluent.js';
import { createLogger } from '../src/logging/logger.js';
import type { DialogInput, OutgoingMessage } from '../src/ports/channel.js';
import { openDatabase } from '../src/storage/database.js';
import { materialiseYears } from '../src/storage/materialise-assignments.js';
import { runSeed } from '../src/storage/seed/bootstrap.js';
import { createDialogOnPrisma } from '../src/wiring/dialog.js';
import { createFixedClock } from '../src/wiring/system-clock.js';

const { values: args } = parseArgs({ options: { sql: { type: 'boolean', default: false } } });
const ADMIN_URL = process.env.BENCH_POSTGRES_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const TEXT = 'việc 83,5% tiền 46,2% giảm việc 9% giảm tiền 7% nhà 2 xã 1 ủng hộ 15 triệu';

/** Every statement sent to PostgreSQL while `recording` is on. */
const log: string[] = [];
let recording = false;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function patched(this: pg.Client, ...a: unknown[]) {
  if (recording) {
    const q = a[0];
    const text = typeof q === 'string' ? q : ((q as { text?: string } | undefined)?.text ?? '?');
    log.push(text.replace(/\s+/g, ' ').trim());
  }
  return (original as (...x: unknown[]) => unknown).apply(this, a);
} as typeof original;

async function main() {
  const name = `dondoc_turnsql_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const db = await openDatabase({ kind: 'postgres', url }, { poolSize: 4 });
  try {
    const clock = createFixedClock(new Date('2027-07-08T02:00:00Z'));
    await db.migrate();
    await runSeed(db.prisma, clock, 'Asia/Ho_Chi_Minh');
    const tc = await db.prisma.unit.findUniqueOrThrow({ where: { code: 'TCTHADS' } });
    const unit = await db.prisma.unit.create({
      data: { code: 'TURN_THADS', name: 'Cục THADS đo lượt', typeCode: 'CUC_THADS', parentId: tc.id },
    });
    await materialiseYears(db.prisma, [2027]);
    const chat = '700000001';
    await db.prisma.person.create({
      data: {
        fullName: 'Đầu mối đo lượt',
        identities: { create: { channel: 'telegram', externalId: chat, chatId: chat, verified: true } },
        roles: { create: { role: 'focal', unitId: unit.id } },
      },
    });
    const engine = createDialogOnPrisma(db.prisma, {
      translator: createTranslator(),
      clock,
      timeZone: 'Asia/Ho_Chi_Minh',
      defaultLocale: 'vi',
      logger: createLogger('silent'),
    });
    const base = { channel: 'telegram', chatId: chat, userId: chat, displayName: 'A' } as const;
    let last: OutgoingMessage[] = [];
    const turn = async (kind: string, input: Partial<DialogInput>) => {
      log.length = 0;
      recording = true;
      last = await engine.handle({ ...base, ...input } as DialogInput);
      // Let batched, off-path writes (last-seen marks) settle into this turn's count.
      await new Promise((r) => setTimeout(r, 50));
      recording = false;
      console.log(`${kind.padEnd(28)} statements=${log.length}  → ${last[0]?.text.split('\n')[0]}`);
      if (args.sql) for (const s of log) console.log(`    ${s.slice(0, 160)}`);
    };
    // Warm the process-wide reference data (as a running service would have it).
    await turn('warm-up (first message)', { text: TEXT });
    await db.prisma.conversation.deleteMany({});
    await turn('figures, fresh conversation', { text: TEXT });
    await turn('figures, conversation exists', { text: TEXT });
    const button = last.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label.includes('Xác nhận'));
    if (!button) throw new Error(`no confirm button in ${JSON.stringify(last)}`);
    await turn('confirm button (stores)', { buttonData: button.data });
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
