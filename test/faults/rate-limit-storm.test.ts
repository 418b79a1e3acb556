/**
 * Fault: a 429 storm. While reminders fan out, the fake Telegram Bot API answers every other
 * send with 429 (`retry_after` 1 s) for several seconds (FAULTS_STORM_MS, default 4 s; 10 s in
 * `npm run test:faults`). Real PostgreSQL, real Redis, the real grammY client and BullMQ
 * workers. Afterwards every reminder is sent exactly once, no attempt was spent on a 429, and
 * the number of 429s stays small: the whole queue waited, it did not hammer the platform.
 *
 * The reminders are rows of BC6T 2034-H1, a year of this file's own, inserted for its units.
 */
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startWorkers } from '../../jobs/workers.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import { createRedis, type Redis } from '../../src/redis/connection.js';
import type { Database } from '../../src/storage/database.js';
import { createPrismaReminderLedger } from '../../src/storage/reminder-ledger-store.js';
import { createReminderRuntime } from '../../src/wiring/reminder-runtime.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { insertReminderRows, ownBc6tPeriod } from '../support/ledger.js';
import { bulkFocalPoints } from '../support/org.js';

const N = 150;
const STORM_MS = Number(process.env.FAULTS_STORM_MS ?? 4_000);
const PERIOD = '2034-H1';
const DUE = new Date('2034-07-17T00:00:00Z');
const NOW = new Date('2034-07-10T02:00:00Z');
const logger = createLogger('silent');
let db: Database;
let redis: Redis;
let tg: FakeTelegram;

beforeAll(async () => {
  db = await openTestDatabase();
  redis = createRedis(inject('redisUrl'));
  tg = createFakeTelegram();
  await tg.start();
});
afterAll(async () => {
  await tg.stop();
  redis.disconnect();
  await db.close();
});

describe('a 429 storm during a fan-out', () => {
  it('delivers every reminder once afterwards, waits out retry_after, spends no attempt on it', async () => {
    const { unitIds, chats } = await bulkFocalPoints(
      db.prisma,
      N,
      950_000_000 + Math.floor(Math.random() * 1e6),
    );
    await ownBc6tPeriod(db.prisma, { year: 2034, unitIds, due: DUE });
    const prefix = uniqueCode('storm');
    const channel = createTelegramChannel({
      token: tg.token,
      apiRoot: tg.apiRoot,
      botInfo: tg.botInfo,
      mode: { kind: 'polling' },
      logger,
      // No in-adapter retry: every 429 goes back to the queue, which must wait it out.
      retry: { maxRetryAttempts: 0, maxDelaySeconds: 0 },
    });
    const runtime = createReminderRuntime({
      prisma: db.prisma,
      redis,
      prefix,
      channels: new Map([['telegram', channel]]),
      translator: createTranslator(),
      clock: createFixedClock(NOW),
      timeZone: 'Asia/Ho_Chi_Minh',
      logger,
    });
    const rows = await insertReminderRows(db.prisma, {
      unitIds,
      period: PERIOD,
      stage: 'T-7',
      plannedFor: NOW,
    });
    expect(rows).toHaveLength(N);

    tg.storm(0.5, STORM_MS, 1);
    const started = Date.now();
    await runtime.planDeps.queue.enqueueDelivery(rows.map((r) => ({ id: r.id, channel: r.channel })));
    const workers = startWorkers({
      connection: redis,
      prefix,
      queues: runtime.queues,
      hold: runtime.hold,
      plan: async () => ({ planned: 0, skipped: 0, escalations: 0, requeued: 0, uncertain: 0 }),
      deliver: (id, o) => runtime.deliver(id, o),
      ledger: createPrismaReminderLedger(db.prisma),
      logger,
      channels: ['telegram'],
      options: { ratePerSecond: { telegram: 100 }, concurrency: 10 },
    });
    const ids = rows.map((r) => r.id);
    try {
      const deadline = Date.now() + STORM_MS + 60_000;
      while (Date.now() < deadline) {
        if ((await db.prisma.reminderLedger.count({ where: { id: { in: ids }, status: 'sent' } })) === N)
          break;
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await workers.close();
      await runtime.queues.close();
      for (const name of ['plan', 'deliver-telegram', 'deliver-zalo', 'deliver-web']) {
        const q = new Queue(name, { connection: redis, prefix });
        await q.obliterate({ force: true });
        await q.close();
      }
    }
    const ledger = await db.prisma.reminderLedger.findMany({ where: { id: { in: ids } } });
    expect(ledger.filter((r) => r.status !== 'sent')).toEqual([]);
    // A 429 is not an attempt: every row went out on its first counted attempt.
    expect(ledger.every((r) => r.attempts === 1)).toBe(true);
    // Exactly one message per focal point.
    for (const chat of chats) expect(tg.messagesTo(chat), String(chat)).toHaveLength(1);
    // The storm was felt, and waited out: at 100/s a queue that ignored retry_after would have
    // collected hundreds of 429s; waiting a second after each keeps them to a few per second.
    expect(tg.rejected429).toBeGreaterThan(0);
    expect(tg.rejected429).toBeLessThanOrEqual(Math.ceil(STORM_MS / 1000) * 10 + 10);
    console.info(
      `429 storm: ${N} reminders, ${tg.rejected429} × 429 over ${STORM_MS} ms, all sent after ${Date.now() - started} ms`,
    );
  }, 120_000);
});
