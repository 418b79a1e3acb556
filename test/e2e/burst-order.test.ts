/**
 * Back-pressure on Telegram's webhook (issue 25): during a burst — every focal point of a few
 * hundred Cục THADS sending figures at the same moment — one person sends figures and, without
 * waiting for the answer, "hủy". Their two replies come in the order of their messages, and the
 * second answers the state the first left (the figures read back, then "Đã hủy"; never "nothing
 * to cancel" before the read-back). Every delivery of the burst is answered 2xx, well within
 * the 9 s after which the adapter answers anyway.
 *
 * The real adapter (grammY, webhook mode) against the fake Bot API, on real PostgreSQL.
 * The fake posts both messages at once on two connections, which Telegram itself never does
 * (it waits for the answer to a chat's update before sending that chat's next one): a harder
 * case than production. Rounds are repeated with fresh chats to give a race its chances.
 *
 * Past capacity (`concurrency` inputs received and not started), a delivery is answered 503 at
 * once and Telegram delivers it again later, still after the chat's earlier message. And the same
 * burst on Zalo's webhook keeps one chat's replies in order too.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTelegramChannel, type TelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { createZaloChannel } from '../../src/channels/zalo/zalo-channel.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import { type Database, openDatabase } from '../../src/storage/database.js';
import { createDialogOnPrisma } from '../../src/wiring/dialog.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.js';
import { createFakeZalo } from '../fakes/zalo-api.js';
import { bulkFocalPoints } from '../support/org.js';

/** People sending at once in each round. */
const USERS = 200;
const ROUNDS = 5;
/** Thursday 8 July 2027, 09:00 in Hà Nội: the six-month report (BC6T 2027-H1) is open. */
const clock = createFixedClock(new Date('2027-07-08T02:00:00Z'));
const FIGURES = 'việc 83,5% tiền 46,2% giảm việc 9% giảm tiền 7% nhà 2 xã 1 ủng hộ 15 triệu';
const CANCELLED = 'Đã hủy. Không có số liệu nào được lưu.';
const NOTHING_TO_CANCEL = 'Không có thao tác nào đang dở.';
const logger = createLogger('silent');

let db: Database;
let tg: FakeTelegram;
let http: HttpServer;
let channel: TelegramChannel;
let rounds: number[][];
/** Each chat's unit. */
const unitOf = new Map<number, number>();

beforeAll(async () => {
  db = await openDatabase({ kind: 'postgres', url: inject('databaseUrl') }, { poolSize: 20 });
  const base = 880_000_000 + Math.floor(Math.random() * 1_000_000);
  const { chats, unitIds } = await bulkFocalPoints(db.prisma, USERS * ROUNDS, base);
  for (const [i, chat] of chats.entries()) unitOf.set(chat, unitIds[i]!);
  rounds = Array.from({ length: ROUNDS }, (_, r) => chats.slice(r * USERS, (r + 1) * USERS));
  tg = createFakeTelegram();
  await tg.start();
  http = createHttpServer({ logger, health: async () => ({ ok: true, checks: {} }) });
  const port = await http.listen(0, '127.0.0.1');
  const translator = createTranslator();
  const engine = createDialogOnPrisma(db.prisma, {
    translator,
    clock,
    timeZone: 'Asia/Ho_Chi_Minh',
    defaultLocale: 'vi',
    logger,
  });
  channel = createTelegramChannel({
    token: tg.token,
    apiRoot: tg.apiRoot,
    botInfo: tg.botInfo,
    mode: { kind: 'webhook', url: `http://127.0.0.1:${port}/telegram/webhook`, secret: 'burst-order-secret' },
    routes: http,
    logger,
    translator,
  });
  await channel.start(async (input) => {
    for (const reply of await engine.handle(input)) await channel.send(input.chatId, reply);
  });
});

afterAll(async () => {
  await channel?.stop();
  await http?.close();
  await tg?.stop();
  await db?.close();
});

/** Texts the bot sent to `chat`, in the order the Bot API accepted them. */
const textsTo = (chat: number) => tg.messagesTo(chat).map((m) => m.text);

describe('a burst on the Telegram webhook', () => {
  it("keeps one chat's replies in the order of its messages, each answering the state the one before left", async () => {
    const answerMs: number[] = [];
    /** A message delivered to the webhook; resolves once the webhook answered (2xx, or it rejects). */
    const say = async (chat: number, text: string) => {
      const t0 = performance.now();
      await tg.userSays(chat, text, { id: chat });
      answerMs.push(performance.now() - t0);
    };
    for (const [r, chats] of rounds.entries()) {
      // A different person each round, in the middle of the crowd.
      const twice = chats[(Math.floor(USERS / 3) + r * 37) % USERS]!;
      const deliveries = chats.map((chat) =>
        chat === twice
          ? // Back to back: "hủy" goes out before the figures were answered.
            Promise.all([say(chat, FIGURES), say(chat, 'hủy')])
          : say(chat, FIGURES),
      );
      await Promise.all(deliveries);
      // Every person gets the read-back of their figures; the one who cancelled gets two replies.
      await Promise.all(
        chats.map(async (chat) => {
          const want = chat === twice ? 2 : 1;
          const end = Date.now() + 10_000;
          while (textsTo(chat).length < want && Date.now() < end) {
            await tg.waitFor((m) => String(m.chat_id) === String(chat), 1_000).catch(() => undefined);
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        }),
      );

      const [first, second, ...more] = textsTo(twice);
      expect(more, `round ${r + 1}: one reply per message`).toEqual([]);
      // The read-back of the figures comes first, the cancellation of that very read-back second.
      expect(first, `round ${r + 1}: the figures' read-back first`).toContain('83,5');
      expect(first).not.toBe(NOTHING_TO_CANCEL);
      expect(second, `round ${r + 1}: then "hủy" cancels it`).toBe(CANCELLED);
      // Nothing of the cancelled figures is stored.
      const unitId = unitOf.get(twice)!;
      expect(await db.prisma.submissionValue.count({ where: { assignment: { unitId } } })).toBe(0);
      // Everyone else got their read-back.
      for (const chat of chats) {
        if (chat === twice) continue;
        expect(textsTo(chat), `chat ${chat}`).toHaveLength(1);
        expect(textsTo(chat)[0]).toContain('83,5');
      }
    }
    // Every delivery was answered 2xx (userSays rejects otherwise), before the adapter's 9 s.
    const sorted = [...answerMs].sort((a, b) => a - b);
    const p99 = sorted[Math.floor(0.99 * (sorted.length - 1))]!;
    console.info(
      `burst-order: ${rounds.length} rounds of ${USERS} chats; webhook answered p50=${Math.round(sorted[Math.floor(sorted.length / 2)]!)} ms p99=${Math.round(p99)} ms max=${Math.round(sorted.at(-1)!)} ms`,
    );
    expect(sorted.at(-1)!).toBeLessThan(9_000);
  }, 60_000);
});

describe('past capacity', () => {
  it("refuses a delivery with 503 while `concurrency` inputs wait; redelivered later, it is answered after the chat's earlier message", async () => {
    const fake = createFakeTelegram();
    await fake.start();
    const server = createHttpServer({ logger, health: async () => ({ ok: true, checks: {} }) });
    const port = await server.listen(0, '127.0.0.1');
    let release!: () => void;
    const slowTurns = new Promise<void>((resolve) => {
      release = resolve;
    });
    const small = createTelegramChannel({
      token: fake.token,
      apiRoot: fake.apiRoot,
      botInfo: fake.botInfo,
      mode: { kind: 'webhook', url: `http://127.0.0.1:${port}/telegram/webhook`, secret: 'capacity-secret' },
      routes: server,
      logger,
      concurrency: 2,
    });
    // Turns that take as long as the test says (a database that stalls).
    await small.start(async (input) => {
      await slowTurns;
      await small.send(input.chatId, { text: `đã nhận: ${input.text}` });
    });
    const chat = 890_000_000 + Math.floor(Math.random() * 1_000_000);
    try {
      // Two turns run, two wait for a slot: the instance holds all it may.
      const held = [1, 2, 3, 4].map((i) => fake.userSays(chat + i, 'một', { id: chat + i }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Past capacity: answered at once with 503, nothing handled; Telegram keeps the update.
      const t0 = performance.now();
      await expect(fake.userSays(chat + 4, 'hai', { id: chat + 4 })).rejects.toThrow(/answered 503/);
      expect(performance.now() - t0).toBeLessThan(1_000);
      release();
      await Promise.all(held);
      // Telegram delivers it again later: it is answered after the chat's first message.
      await fake.userSays(chat + 4, 'hai', { id: chat + 4 });
      for (const i of [1, 2, 3])
        expect(fake.messagesTo(chat + i).map((m) => m.text)).toEqual(['đã nhận: một']);
      expect(fake.messagesTo(chat + 4).map((m) => m.text)).toEqual(['đã nhận: một', 'đã nhận: hai']);
    } finally {
      release();
      await small.stop();
      await server.close();
      await fake.stop();
    }
  });
});

describe("a burst on Zalo's webhook", () => {
  it("keeps one chat's replies in the order of its messages too", async () => {
    const users = 100;
    const { unitIds } = await bulkFocalPoints(
      db.prisma,
      users * 2,
      870_000_000 + Math.floor(Math.random() * 1e6),
    );
    // The same focal points, bound on Zalo.
    const roles = await db.prisma.role.findMany({
      where: { unitId: { in: unitIds } },
      orderBy: { unitId: 'asc' },
    });
    const tag = Math.random().toString(36).slice(2, 8);
    const zchats = roles.map((_, i) => `zb${tag}${i}`);
    await db.prisma.identity.createMany({
      data: roles.map((r, i) => ({
        personId: r.personId,
        channel: 'zalo' as const,
        externalId: zchats[i]!,
        chatId: zchats[i]!,
        verified: true,
      })),
    });
    const zalo = createFakeZalo();
    await zalo.start();
    const server = createHttpServer({ logger, health: async () => ({ ok: true, checks: {} }) });
    const port = await server.listen(0, '127.0.0.1');
    const translator = createTranslator();
    const engine = createDialogOnPrisma(db.prisma, {
      translator,
      clock,
      timeZone: 'Asia/Ho_Chi_Minh',
      defaultLocale: 'vi',
      logger,
    });
    const z = createZaloChannel({
      token: zalo.token,
      apiRoot: zalo.apiRoot,
      mode: { kind: 'webhook', url: `http://127.0.0.1:${port}/zalo/webhook`, secret: 'burst-order-zalo' },
      routes: server,
      logger,
      translator,
    });
    await z.start(async (input) => {
      for (const reply of await engine.handle(input)) await z.send(input.chatId, reply);
    });
    const textsToZ = (chat: string) => zalo.messagesTo(chat).map((m) => m.text);
    try {
      for (const r of [0, 1]) {
        const chats = zchats.slice(r * users, (r + 1) * users);
        const twice = chats[40 + r * 17]!;
        await Promise.all(
          chats.map((chat) =>
            chat === twice
              ? Promise.all([zalo.userSays(chat, FIGURES), zalo.userSays(chat, 'hủy')])
              : zalo.userSays(chat, FIGURES),
          ),
        );
        const end = Date.now() + 10_000;
        while (textsToZ(twice).length < 2 && Date.now() < end)
          await new Promise((resolve) => setTimeout(resolve, 20));
        const [first, second, ...more] = textsToZ(twice);
        expect(more, `round ${r + 1}: one reply per message`).toEqual([]);
        expect(first, `round ${r + 1}: the figures' read-back first`).toContain('83,5');
        expect(second, `round ${r + 1}: then "hủy" cancels it`).toBe(CANCELLED);
      }
    } finally {
      await z.stop();
      await server.close();
      await zalo.stop();
    }
  });
});
