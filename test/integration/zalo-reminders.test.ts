/**
 * Reminders on Zalo, with real PostgreSQL and Redis (a unique BullMQ prefix per test) and the
 * real Zalo client against the fake Zalo Bot API: which channel a person bound on several is
 * reminded on, and a fan-out paced by the Zalo delivery queue's own limiter, separately from
 * Telegram's.
 *
 * The units here report BC6T for 2032-H1 (due 30 September 2032), a year no other test file
 * materialises or plans, and their ledger rows are inserted for them, so planning passes of
 * other test files running at the same time never touch them.
 */
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startWorkers } from '../../jobs/workers.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { createZaloChannel } from '../../src/channels/zalo/zalo-channel.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import type { Channel, ChannelName } from '../../src/ports/channel.js';
import { createRedis, type Redis } from '../../src/redis/connection.js';
import type { Database } from '../../src/storage/database.js';
import { createPrismaReminderLedger } from '../../src/storage/reminder-ledger-store.js';
import { createPrismaReminderRecipients } from '../../src/storage/reminder-recipient-store.js';
import { createReminderRuntime } from '../../src/wiring/reminder-runtime.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.js';
import { createFakeZalo, type FakeZalo } from '../fakes/zalo-api.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { insertReminderRows, ownBc6tPeriod } from '../support/ledger.js';
import { makeUnit } from '../support/org.js';

const PERIOD = '2032-H1';
const DUE = new Date('2032-09-30T00:00:00Z');
/** Thursday 23 September 2032, 09:00 in Hà Nội: T-7 of DUE. */
const T7 = new Date('2032-09-23T02:00:00Z');
const logger = createLogger('silent');
const translator = createTranslator();
let db: Database;
let redis: Redis;
let tg: FakeTelegram;
let zalo: FakeZalo;

beforeAll(async () => {
  db = await openTestDatabase();
  redis = createRedis(inject('redisUrl'));
  tg = createFakeTelegram();
  zalo = createFakeZalo({ rateLimit: { perSecond: 12 } });
  await Promise.all([tg.start(), zalo.start()]);
});
afterAll(async () => {
  await Promise.all([tg.stop(), zalo.stop()]);
  redis.disconnect();
  await db.close();
});

let seq = Math.floor(Math.random() * 1_000_000);

/**
 * A Cục THADS with a BC6T 2032-H1 due on DUE: a year no other test file materialises or plans,
 * so no other planning pass re-dates it or takes its ledger keys.
 */
async function unitDueLate() {
  const unit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
  await ownBc6tPeriod(db.prisma, { year: 2032, unitIds: [unit.id], due: DUE });
  return unit;
}

interface IdentitySpec {
  channel: ChannelName;
  lastSeenAt?: Date | null;
  blocked?: boolean;
}

/** A focal point of `unitId` with the given identities; returns the person id and chat ids. */
async function focalPoint(unitId: number, identities: IdentitySpec[], preferredChannel?: ChannelName) {
  const chats = identities.map((i) =>
    i.channel === 'zalo' ? `zr${(seq++).toString(16)}` : String(940_000_000 + seq++),
  );
  const person = await db.prisma.person.create({
    data: {
      fullName: `Đầu mối ${uniqueCode('p')}`,
      ...(preferredChannel ? { preferredChannel } : {}),
      identities: {
        create: identities.map((i, k) => ({
          channel: i.channel,
          externalId: chats[k]!,
          chatId: chats[k]!,
          verified: true,
          lastSeenAt: i.lastSeenAt ?? null,
          blockedAt: i.blocked ? new Date() : null,
        })),
      },
      roles: { create: { role: 'focal', unitId } },
    },
  });
  return { personId: person.id, chats };
}

function runtimeFor(prefix: string) {
  const telegram = createTelegramChannel({
    token: tg.token,
    apiRoot: tg.apiRoot,
    botInfo: tg.botInfo,
    mode: { kind: 'polling' },
    logger,
    retry: { maxRetryAttempts: 0, maxDelaySeconds: 0 },
  });
  const z = createZaloChannel({
    token: zalo.token,
    apiRoot: zalo.apiRoot,
    mode: { kind: 'polling' },
    logger,
    translator,
  });
  return createReminderRuntime({
    prisma: db.prisma,
    redis,
    prefix,
    channels: new Map<ChannelName, Channel>([
      ['telegram', telegram],
      ['zalo', z],
    ]),
    translator,
    clock: createFixedClock(T7),
    timeZone: 'Asia/Ho_Chi_Minh',
    logger,
  });
}

/**
 * Ledger rows of a T-7 reminder of BC6T 2032-H1 for the focal points of `unitIds`, queued. The
 * stage is named apart (`T-7z`) all the same, so a future planning pass could not take its keys.
 */
async function planFor(r: ReturnType<typeof runtimeFor>, unitIds: number[]) {
  const created = await insertReminderRows(db.prisma, {
    unitIds,
    period: PERIOD,
    stage: 'T-7z',
    plannedFor: T7,
  });
  await r.planDeps.queue.enqueueDelivery(created.map((c) => ({ id: c.id, channel: c.channel })));
  return created;
}

async function cleanup(prefix: string, queues: { close(): Promise<void> }) {
  await queues.close();
  for (const name of ['plan', 'deliver-telegram', 'deliver-zalo', 'deliver-web']) {
    const q = new Queue(name, { connection: redis, prefix });
    await q.obliterate({ force: true });
    await q.close();
  }
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

describe('reminders on Zalo', () => {
  it('a person bound on both channels is reminded where they wrote last, unless they chose a channel', async () => {
    const unit = await unitDueLate();
    const earlier = new Date('2032-09-20T03:00:00Z');
    const later = new Date('2032-09-22T08:00:00Z');
    const cases = {
      zaloLast: await focalPoint(unit.id, [
        { channel: 'telegram', lastSeenAt: earlier },
        { channel: 'zalo', lastSeenAt: later },
      ]),
      telegramLast: await focalPoint(unit.id, [
        { channel: 'zalo', lastSeenAt: earlier },
        { channel: 'telegram', lastSeenAt: later },
      ]),
      seenBeatsNever: await focalPoint(unit.id, [
        { channel: 'telegram' },
        { channel: 'zalo', lastSeenAt: earlier },
      ]),
      neverSeen: await focalPoint(unit.id, [{ channel: 'zalo' }, { channel: 'telegram' }]),
      chosen: await focalPoint(
        unit.id,
        [
          { channel: 'telegram', lastSeenAt: earlier },
          { channel: 'zalo', lastSeenAt: later },
        ],
        'telegram',
      ),
      chosenButBlocked: await focalPoint(
        unit.id,
        [
          { channel: 'telegram', lastSeenAt: earlier },
          { channel: 'zalo', lastSeenAt: later, blocked: true },
        ],
        'zalo',
      ),
    };
    const expected: Record<keyof typeof cases, ChannelName> = {
      zaloLast: 'zalo',
      telegramLast: 'telegram',
      seenBeatsNever: 'zalo',
      neverSeen: 'telegram',
      chosen: 'telegram',
      chosenButBlocked: 'telegram',
    };
    const recipients =
      (await createPrismaReminderRecipients(db.prisma).focalRecipients([unit.id])).get(unit.id) ?? [];
    const byPerson = new Map(recipients.map((r) => [r.personId, r]));
    for (const [name, c] of Object.entries(cases) as [keyof typeof cases, (typeof cases)['zaloLast']][]) {
      const rec = byPerson.get(c.personId);
      expect({ name, channel: rec?.channel }).toEqual({ name, channel: expected[name] });
    }

    // Delivered: the person who wrote on Zalo last gets the reminder there, and only there.
    const prefix = uniqueCode('z');
    const r = runtimeFor(prefix);
    const rows = await planFor(r, [unit.id]);
    const row = rows.find((x) => x.recipientId === cases.zaloLast.personId)!;
    expect(row.channel).toBe('zalo');
    expect(await r.deliver(row.id)).toBe('sent');
    const zaloChat = cases.zaloLast.chats[1]!;
    const got = zalo.messagesTo(zaloChat);
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain('📅 Nhắc hạn: Báo cáo công tác thi đua, khen thưởng 6 tháng');
    expect(got[0]!.text).toContain('hạn 30/09/2032 (còn 7 ngày)');
    expect(tg.messagesTo(cases.zaloLast.chats[0]!)).toHaveLength(0);
    await cleanup(prefix, r.queues);
  });

  it('an escalation digest reaches a manager bound on Zalo', async () => {
    const unit = await unitDueLate();
    const tc = await db.prisma.unit.findUniqueOrThrow({ where: { code: 'TCTHADS' } });
    const chat = `zm${(seq++).toString(16)}`;
    const manager = await db.prisma.person.create({
      data: {
        fullName: `Quản lý ${uniqueCode('m')}`,
        identities: { create: { channel: 'zalo', externalId: chat, chatId: chat, verified: true } },
        roles: { create: { role: 'manager', unitId: tc.id } },
      },
    });
    const [recipient] = [
      ...(await createPrismaReminderRecipients(db.prisma).recipientsOf([manager.id])).values(),
    ];
    expect(recipient).toEqual({ personId: manager.id, channel: 'zalo', chatId: chat });
    const duty = await db.prisma.duty.findUniqueOrThrow({ where: { code: 'BC6T' } });
    const prefix = uniqueCode('z');
    const r = runtimeFor(prefix);
    const [row] = await createPrismaReminderLedger(db.prisma).insert([
      {
        kind: 'escalation',
        dedupeKey: `e:${duty.id}:${PERIOD}:T+1:${manager.id}:${uniqueCode('x')}`,
        assignmentId: null,
        dutyId: duty.id,
        periodCode: PERIOD,
        stage: 'T+1',
        recipient: recipient!,
        plannedFor: T7,
        unitIds: [unit.id],
      },
    ]);
    expect(await r.deliver(row!.id)).toBe('sent');
    const text = zalo.messagesTo(chat).at(-1)?.text ?? '';
    expect(text).toContain('❗ Các đơn vị chưa nộp Báo cáo công tác thi đua, khen thưởng 6 tháng');
    expect(text).toContain(unit.name);
    await cleanup(prefix, r.queues);
  });

  it('fan-out: the Zalo queue is paced by its own limiter, apart from Telegram; 429s are waited out', async () => {
    const N = 40;
    const ZALO_RATE = 10;
    const units = [];
    const zaloChats: string[] = [];
    const tgChats: string[] = [];
    for (let i = 0; i < N; i++) {
      const unit = await unitDueLate();
      units.push(unit.id);
      const onZalo = await focalPoint(unit.id, [{ channel: 'zalo', lastSeenAt: T7 }]);
      const onTelegram = await focalPoint(unit.id, [{ channel: 'telegram', lastSeenAt: T7 }]);
      zaloChats.push(onZalo.chats[0]!);
      tgChats.push(onTelegram.chats[0]!);
    }
    const prefix = uniqueCode('z');
    const r = runtimeFor(prefix);
    const rows = await planFor(r, units);
    expect(rows.filter((x) => x.channel === 'zalo')).toHaveLength(N);
    expect(rows.filter((x) => x.channel === 'telegram')).toHaveLength(N);
    const zaloBefore = zalo.sent.length;
    const started = Date.now();
    const workers = startWorkers({
      connection: redis,
      prefix,
      queues: r.queues,
      hold: r.hold,
      plan: async () => ({ planned: 0, skipped: 0, escalations: 0, requeued: 0, uncertain: 0 }),
      deliver: (id, o) => r.deliver(id, o),
      ledger: createPrismaReminderLedger(db.prisma),
      logger,
      channels: ['telegram', 'zalo'],
      options: { ratePerSecond: { telegram: 200, zalo: ZALO_RATE } },
    });
    try {
      await waitUntil(
        async () =>
          (await db.prisma.reminderLedger.count({
            where: { id: { in: rows.map((x) => x.id) }, status: 'sent' },
          })) === rows.length,
        60_000,
      );
    } finally {
      await workers.close();
    }
    const zaloSent = zalo.sent.slice(zaloBefore).filter((m) => zaloChats.includes(m.chat_id));
    const tgSent = tgChats.flatMap((c) => tg.messagesTo(Number(c)));
    // Exactly one reminder per person, on their channel.
    expect(new Set(zaloSent.map((m) => m.chat_id)).size).toBe(N);
    expect(zaloSent).toHaveLength(N);
    expect(tgSent).toHaveLength(N);
    const zaloSpan = Math.max(...zaloSent.map((m) => m.at)) - started;
    const tgSpan = Math.max(...tgSent.map((m) => m.at)) - started;
    // 40 messages at 10/s need at least three more windows after the first.
    expect(zaloSpan).toBeGreaterThanOrEqual((N / ZALO_RATE - 1) * 1000 - 200);
    expect(tgSpan).toBeLessThan(zaloSpan / 2);
    // No sliding second saw more than the fake's limit accepted.
    const times = zaloSent.map((m) => m.at).sort((a, b) => a - b);
    const peak = Math.max(...times.map((t, i) => times.filter((u, j) => j >= i && u < t + 1000).length));
    expect(peak).toBeLessThanOrEqual(12);
    const after = await db.prisma.reminderLedger.findMany({ where: { id: { in: rows.map((x) => x.id) } } });
    expect(after.every((x) => x.status === 'sent' && x.platformMessageId !== null)).toBe(true);
    console.info(
      `fan-out: ${N} on Zalo in ${zaloSpan} ms (limiter ${ZALO_RATE}/s, fake 12/s, ${zalo.rejected429} × 429), ` +
        `${N} on Telegram in ${tgSpan} ms (limiter 200/s); peak Zalo ${peak} in a second`,
    );
    await cleanup(prefix, r.queues);
  }, 90_000);
});
