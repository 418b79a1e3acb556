import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.js';
import { runCli } from '../support/cli.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { bulkFocalPoints } from '../support/org.js';
import { type RunningService, startService } from '../support/service.js';

// The service process is SIGKILLed in the middle of a fan-out and started again: every
// reminder ends sent or uncertain, none is lost, and a person gets a message twice only if
// its row was caught in flight (reported uncertain).
// A year of its own (BC6T 2030-H1, due Monday 15 July 2030): the planning passes of other test
// files sharing the database (2026–2027) never touch these rows.
const T7 = '2030-07-08T09:00:00+07:00';
// `npm test` kills a fan-out of 240; `npm run test:faults` one of 2,000 (FAULTS_FANOUT_N).
const N = Number(process.env.FAULTS_FANOUT_N ?? 240);
let db: Database;
let tg: FakeTelegram;

beforeAll(async () => {
  db = await openTestDatabase();
  tg = createFakeTelegram();
  await tg.start();
});
afterAll(async () => {
  await tg.stop();
  await db.close();
});

describe('fan-out survives a killed worker', () => {
  it(
    'SIGKILL mid fan-out, restart: nothing lost, duplicates only among uncertain rows',
    async () => {
      const chatBase = 940_000_000 + Math.floor(Math.random() * 1_000_000);
      const { unitIds, chats } = await bulkFocalPoints(db.prisma, N, chatBase);
      const ours = new Set(chats.map(String));
      const prefix = uniqueCode('crash');
      const env = {
        DATABASE_URL: inject('databaseUrl'),
        REDIS_URL: inject('redisUrl'),
        REDIS_PREFIX: prefix,
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        APP_NOW: T7,
        WEB_CHAT: '0',
        TELEGRAM_RATE_PER_SECOND: '100',
      };
      // APP_NOW makes this a test database: --send may plan at T7.
      const tick = await runCli(['reminders:tick', '--now', T7, '--send', '--format', 'json'], env);
      expect(tick.code).toBe(0);
      expect(JSON.parse(tick.stdout).planned).toBeGreaterThanOrEqual(N);

      let service: RunningService | undefined = await startService(env);
      const delivered = () => tg.sent.filter((m) => ours.has(String(m.chat_id))).length;
      const end = Date.now() + 30_000;
      const killAt = Math.max(40, Math.floor(N / 5));
      while (delivered() < killAt && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
      service.child.kill('SIGKILL');
      await new Promise((r) => service!.child.once('exit', r));
      const atKill = delivered();
      expect(atKill).toBeGreaterThanOrEqual(killAt);
      expect(atKill).toBeLessThan(N);

      service = await startService(env);
      try {
        const rows = () =>
          db.prisma.reminderLedger.findMany({
            where: { assignment: { unitId: { in: unitIds } }, kind: 'reminder', periodCode: '2030-H1' },
            select: { id: true, chatId: true, status: true },
          });
        const deadline = Date.now() + 75_000 + N * 20;
        let current = await rows();
        while (
          current.some((r) => r.status === 'planned' || r.status === 'sending') &&
          Date.now() < deadline
        ) {
          await new Promise((r) => setTimeout(r, 250));
          current = await rows();
        }
        const byStatus = (s: string) => current.filter((r) => r.status === s);
        expect(byStatus('planned')).toEqual([]);
        expect(byStatus('sending')).toEqual([]);
        expect(byStatus('failed')).toEqual([]);
        const uncertain = new Set(byStatus('uncertain').map((r) => r.chatId));
        // Uncertain rows are at most the worker's concurrency (jobs in flight at the kill).
        expect(uncertain.size).toBeLessThanOrEqual(10);
        // Every focal point got its reminder, or is uncertain; duplicates only among uncertain.
        const perChat = new Map<string, number>();
        for (const m of tg.sent) {
          const c = String(m.chat_id);
          if (ours.has(c)) perChat.set(c, (perChat.get(c) ?? 0) + 1);
        }
        for (const r of current) {
          const got = perChat.get(r.chatId) ?? 0;
          if (r.status === 'sent') expect(got, r.chatId).toBe(uncertain.has(r.chatId) ? got : 1);
          if (got > 1) expect(uncertain.has(r.chatId), `duplicate to ${r.chatId}`).toBe(true);
        }
        expect(byStatus('sent').length + uncertain.size).toBe(current.length);
        console.info(
          `fan-out crash: rows=${current.length} deliveredAtKill=${atKill} sent=${byStatus('sent').length} uncertain=${uncertain.size}`,
        );
      } finally {
        await service.stop();
      }
    },
    180_000 + N * 30,
  );
});
