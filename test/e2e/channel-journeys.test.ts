/**
 * The real service process, the run's PostgreSQL and Redis, and a fake platform API on
 * 127.0.0.1: every journey of `test/support/journeys.ts` on every channel and delivery mode
 * (Telegram and Zalo, long polling and webhook; the web chat through its HTTP API). A journey
 * added there runs everywhere; a journey marked `todo` is listed as a todo.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { createFakeTelegram } from '../fakes/telegram-api.js';
import { createFakeZalo } from '../fakes/zalo-api.js';
import { openTestDatabase } from '../support/db.js';
import {
  type ChatDriver,
  JOURNEYS,
  journeyTexts,
  playJourney,
  telegramDriver,
  zaloDriver,
} from '../support/journeys.js';
import { freePort, type RunningService, startService } from '../support/service.js';
import { webDriver } from '../support/web-driver.js';

// Before the sending window opens: these services tick every minute like any instance, and at
// 09:00 they would plan the T-7 reminders of every unit in the shared database (other files'
// too) and send them through this file's fake. The journeys need the day, not the hour.
const APP_NOW = '2027-07-08T07:30:00+07:00';
const clock = createFixedClock(new Date(APP_NOW));
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

/** How a channel receives inputs: long polling or a webhook (a bot platform), or one way (web). */
interface Mode {
  name: string;
  webhook: boolean;
}

const MODES: readonly Mode[] = [
  { name: 'long polling', webhook: false },
  { name: 'webhook', webhook: true },
];

interface Platform {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The bot token's secret part ('' when the channel has none). */
  token: string;
  /** The service's environment for this platform and mode. */
  env(port: number, webhook: boolean): Record<string, string>;
  driver(run: number): ChatDriver;
  /** Platform-specific checks once the service runs (webhook registered, forged posts refused…). */
  afterStart(port: number, webhook: boolean): Promise<void>;
  afterJourneys(): Promise<void>;
}

const SECRET = 'test-webhook-secret-123';
const forged = (url: string, header: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [header]: 'wrong-secret-456' },
    body: JSON.stringify({ update_id: 1, ok: true, result: { event_name: 'message.text.received' } }),
  });

function telegram(): Platform {
  const tg = createFakeTelegram();
  return {
    start: () => tg.start(),
    stop: () => tg.stop(),
    get token() {
      return tg.token.split(':')[1]!;
    },
    env: (port, webhook) => ({
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      ...(webhook
        ? {
            TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`,
            TELEGRAM_WEBHOOK_SECRET: SECRET,
          }
        : {}),
    }),
    driver: (run) => telegramDriver(tg, 910_000_000 + run * 100_000 + Math.floor(Math.random() * 90_000)),
    async afterStart(port, webhook) {
      if (!webhook) return;
      for (let i = 0; i < 50 && !tg.webhook; i++) await new Promise((r) => setTimeout(r, 100));
      expect(tg.webhook).toEqual({ url: `http://127.0.0.1:${port}/telegram/webhook`, secret: SECRET });
      const res = await forged(
        `http://127.0.0.1:${port}/telegram/webhook`,
        'x-telegram-bot-api-secret-token',
      );
      expect(res.status).toBe(401);
    },
    async afterJourneys() {
      expect(tg.commands.map((c) => c.language_code ?? 'default').sort()).toEqual(['default', 'en']);
    },
  };
}

function zalo(): Platform {
  const z = createFakeZalo();
  return {
    start: () => z.start(),
    stop: () => z.stop(),
    get token() {
      return z.token.split(':')[1]!;
    },
    env: (port, webhook) => ({
      ZALO_BOT_TOKEN: z.token,
      ZALO_API_ROOT: z.apiRoot,
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      ...(webhook
        ? { ZALO_WEBHOOK_URL: `http://127.0.0.1:${port}/zalo/webhook`, ZALO_WEBHOOK_SECRET: SECRET }
        : {}),
    }),
    driver: (run) => zaloDriver(z, `z${run}${Date.now().toString(16)}`),
    async afterStart(port, webhook) {
      if (!webhook) {
        for (let i = 0; i < 50 && !z.calls.getUpdates; i++) await new Promise((r) => setTimeout(r, 100));
        expect(z.calls.getUpdates).toBeGreaterThan(0);
        return;
      }
      for (let i = 0; i < 50 && !z.webhook; i++) await new Promise((r) => setTimeout(r, 100));
      expect(z.webhook).toMatchObject({ url: `http://127.0.0.1:${port}/zalo/webhook`, secret: SECRET });
      const res = await forged(`http://127.0.0.1:${port}/zalo/webhook`, 'x-bot-api-secret-token');
      expect(res.status).toBe(401);
    },
    async afterJourneys() {
      // Nothing was left in the queue, and nothing went unanswered.
      expect(z.pending).toBe(0);
      expect(z.deliveries.every((s) => s === 200)).toBe(true);
    },
  };
}

/** The web chat: no platform to fake, the service's own page API on its port. */
function web(): Platform {
  let base = '';
  return {
    start: async () => undefined,
    stop: async () => undefined,
    token: '',
    env: () => ({ WEB_CHAT: 'true' }),
    driver: (run) => webDriver(base, `w${run}${Date.now().toString(36).slice(-6)}`),
    async afterStart(port) {
      base = `http://127.0.0.1:${port}`;
      const users = await fetch(`${base}/web/api/users`);
      expect(users.status).toBe(200);
      // Only demo users and guests may read an inbox.
      expect((await fetch(`${base}/web/api/inbox?user=stranger&after=0`)).status).toBe(403);
    },
    async afterJourneys() {},
  };
}

/** Each channel and the ways it receives inputs. */
const PLATFORMS: Record<string, { make: () => Platform; modes: readonly Mode[] }> = {
  telegram: { make: telegram, modes: MODES },
  zalo: { make: zalo, modes: MODES },
  web: { make: web, modes: [{ name: 'http api', webhook: false }] },
};
const PLAYED = JOURNEYS.filter((j) => !j.todo);

let run = 0;
for (const [name, { make, modes }] of Object.entries(PLATFORMS)) {
  describe(`${name}, end to end`, () => {
    for (const journey of JOURNEYS.filter((j) => j.todo)) it.todo(`${journey.name} (${journey.todo})`);
    for (const mode of modes) {
      it(`${mode.name}: the ${PLAYED.length} journeys`, async () => {
        const platform = make();
        await platform.start();
        const port = await freePort();
        let service: RunningService | undefined;
        try {
          service = await startService(
            {
              DATABASE_URL: inject('databaseUrl'),
              REDIS_URL: inject('redisUrl'),
              APP_NOW,
              WEB_CHAT: '0',
              // Everything the service would log, for the secrets check below.
              LOG_LEVEL: 'debug',
              ...platform.env(port, mode.webhook),
            },
            port,
          );
          await platform.afterStart(port, mode.webhook);
          const driver = platform.driver(++run);
          const codes: string[] = [];
          const seen: string[] = [];
          for (const journey of PLAYED) {
            const vars = await playJourney(journey, { db, clock, driver });
            for (const [k, v] of Object.entries(vars))
              if (/code/i.test(k) && typeof v === 'string') codes.push(v);
            seen.push(...journeyTexts(journey, driver));
          }
          // People read periods in words ("6 tháng đầu năm 2027"), never a code like 2027-H1.
          expect(seen.length).toBeGreaterThan(30);
          expect(seen.filter((t) => /\b\d{4}-H[12]\b|kỳ \d{4}/.test(t))).toEqual([]);
          expect(seen.some((t) => t.includes('6 tháng đầu năm 2027'))).toBe(true);
          await platform.afterJourneys();
          // No token, webhook secret, invite code or figure a person typed in the logs.
          const logs = service.logs();
          expect(logs).toContain('input answered');
          expect(codes.length).toBeGreaterThanOrEqual(3);
          for (const secret of [platform.token, SECRET, ...codes, '46,2', '83,5', '350tr'].filter(Boolean)) {
            expect(logs, `"${secret}" in the logs`).not.toContain(secret);
          }
        } finally {
          // A service that never started already failed the test with its own error.
          if (service) expect(await service.stop()).toBe(0);
          await platform.stop();
        }
      }, 240_000);
    }
  });
}
