/**
 * Fault: Redis restarted in the middle of a fan-out. The queues run on a redis-server of this
 * test's own (no persistence, so the restart loses every queued job), delivering through the real
 * grammY client to the fake Telegram Bot API, with real PostgreSQL. The ledger, not Redis, is the
 * truth: after the restart the next planning pass re-queues the rows still `planned`, resolves
 * those caught `sending` as `uncertain`, and every reminder ends sent (or uncertain), none lost,
 * none sent twice unless reported uncertain.
 *
 * The reminders are rows of BC6T 2035-H1, a year of this file's own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkers } from '../../jobs/workers.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import { createRedis, pingRedis, type Redis } from '../../src/redis/connection.js';
import type { Database } from '../../src/storage/database.js';
import { createPrismaReminderLedger } from '../../src/storage/reminder-ledger-store.js';
import { createReminderRuntime } from '../../src/wiring/reminder-runtime.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.js';
import { openOwnTestDatabase, uniqueCode } from '../support/db.js';
import { insertReminderRows, ownBc6tPeriod } from '../support/ledger.js';
import { bulkFocalPoints } from '../support/org.js';
import { freePort } from '../support/service.js';

const N = 200;
const PERIOD = '2035-H1';
const DUE = new Date('2035-07-16T00:00:00Z');
const NOW = new Date('2035-07-09T02:00:00Z');
const logger = createLogger('silent');
let db: Database;
let tg: FakeTelegram;
let port: number;
let server: ChildProcess | undefined;

async function startRedis(): Promise<void> {
  server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 50 && !(await pingRedis(`redis://127.0.0.1:${port}`, 200)); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
}
async function stopRedis(): Promise<void> {
  const s = server;
  if (!s || s.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    s.once('exit', () => resolve());
    s.kill('SIGKILL');
  });
}

beforeAll(async () => {
  // Its own database: another file's running service would re-queue this test's stale rows
  // (its planning pass re-queues every stale planned row of its database) and send them.
  db = await openOwnTestDatabase();
  tg = createFakeTelegram();
  await tg.start();
  port = await freePort();
  await startRedis();
});
afterAll(async () => {
  await stopRedis();
  await tg.stop();
  await db.close();
});

describe('Redis restarted mid fan-out', () => {
  it('loses no reminder and sends none twice outside the rows reported uncertain', async () => {
    const { unitIds, chats } = await bulkFocalPoints(
      db.prisma,
      N,
      960_000_000 + Math.floor(Math.random() * 1e6),
    );
    await ownBc6tPeriod(db.prisma, { year: 2035, unitIds, due: DUE });
    const redis: Redis = createRedis(`redis://127.0.0.1:${port}`);
    redis.on('error', () => undefined);
    const prefix = uniqueCode('rr');
    const channel = createTelegramChannel({
      token: tg.token,
      apiRoot: tg.apiRoot,
      botInfo: tg.botInfo,
      mode: { kind: 'polling' },
      logger,
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
      options: { ratePerSecond: { telegram: 60 }, concurrency: 10 },
    });
    const ours = new Set(chats.map(String));
    const delivered = () => tg.sent.filter((m) => ours.has(String(m.chat_id))).length;
    const ids = rows.map((r) => r.id);
    try {
      while (delivered() < 40) await new Promise((r) => setTimeout(r, 20));
      await stopRedis(); // every queued job is gone with it
      const atRestart = delivered();
      expect(atRestart).toBeLessThan(N);
      await new Promise((r) => setTimeout(r, 500));
      await startRedis();
      // Planning passes, as the cron tick would run them, until the ledger is settled.
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 1_000));
        // Minutes pass for this test's rows only (the production graces: re-queue after 2
        // minutes, uncertain after 5). Other files share the database: graces of seconds would
        // make these passes re-queue their waiting rows and send them through this test's fake.
        await db.prisma.$executeRaw`
          UPDATE "ReminderLedger" SET "updatedAt" = "updatedAt" - interval '10 minutes'
           WHERE "id" = ANY(${ids}::int[])
             AND ("status" = 'planned' OR ("status" = 'sending' AND "updatedAt" < now() - interval '5 seconds'))`;
        await runtime.plan(NOW).catch(() => undefined);
        const open = await db.prisma.reminderLedger.count({
          where: { id: { in: ids }, status: { in: ['planned', 'sending'] } },
        });
        if (open === 0) break;
      }
      console.info(`redis restart: ${N} reminders, ${atRestart} delivered before the restart`);
    } finally {
      await workers.close();
      await runtime.queues.close();
      redis.disconnect();
    }
    const ledger = await db.prisma.reminderLedger.findMany({ where: { id: { in: ids } } });
    expect(ledger.filter((r) => r.status !== 'sent' && r.status !== 'uncertain')).toEqual([]);
    const uncertain = new Set(ledger.filter((r) => r.status === 'uncertain').map((r) => r.chatId));
    expect(uncertain.size).toBeLessThanOrEqual(10); // at most the jobs in flight
    for (const chat of chats) {
      const got = tg.messagesTo(chat).length;
      if (uncertain.has(String(chat))) expect(got).toBeLessThanOrEqual(1);
      else {
        // What a failure needs to be understood: the messages and the chat's ledger rows.
        const why = () =>
          JSON.stringify({
            chat,
            messages: tg
              .messagesTo(chat)
              .map((m) => ({ id: m.message_id, at: m.at, text: m.text?.slice(0, 80) })),
            rows: ledger
              .filter((r) => r.chatId === String(chat))
              .map((r) => ({
                id: r.id,
                status: r.status,
                attempts: r.attempts,
                mid: r.platformMessageId,
                error: r.error,
              })),
          });
        expect(got, got === 1 ? '' : why()).toBe(1);
      }
    }
  }, 120_000);
});
