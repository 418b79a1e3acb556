import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { planJobId } from '../../jobs/queues.js';
import { createRedis } from '../../src/redis/connection.js';
import type { Database } from '../../src/storage/database.js';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { bulkFocalPoints } from '../support/org.js';
import { type RunningService, startService } from '../support/service.js';

// Two service processes on one database, one Redis and one bot token.
// Polling: Telegram allows one getUpdates consumer per token — only the lease holder polls,
// the other takes over when it dies; every message gets one reply. Webhook: both serve behind
// a load balancer. Reminders: both instances tick and deliver; each person gets one.
// A year of its own (BC6T 2036-H1, due Tuesday 15 July 2036; T-7 on Tuesday 8 July).
const T7 = '2036-07-08T09:00:00+07:00';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let db: Database;
let tg: FakeTelegram;
const running: RunningService[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  tg = createFakeTelegram();
  await tg.start();
});
afterAll(async () => {
  for (const s of running) await s.stop().catch(() => undefined);
  await tg.stop();
  await db.close();
});

function baseEnv(prefix: string): Record<string, string> {
  return {
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: prefix,
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.apiRoot,
    TELEGRAM_RATE_PER_SECOND: '100',
    // Short for the test, with margins that hold on a loaded two-core machine (default 15 s).
    POLLING_LEASE_SECONDS: '6',
    APP_NOW: T7,
    WEB_CHAT: '0',
  };
}

async function start(env: Record<string, string>): Promise<RunningService> {
  const s = await startService(env);
  running.push(s);
  return s;
}

/** A stranger says hello and waits for the bot's answer; resolves to how many answers came. */
async function helloReplies(chat: number, text: string): Promise<number> {
  const before = tg.messagesTo(chat).length;
  await tg.userSays(chat, text);
  await tg.waitFor((m) => String(m.chat_id) === String(chat) && tg.messagesTo(chat).length > before, 15_000);
  await sleep(1_500); // a second instance answering too would have answered by now
  return tg.messagesTo(chat).length - before;
}

describe('two instances at once', () => {
  it('polling: one poller per token, one reply per message, failover when the poller dies; reminders once', async () => {
    const prefix = uniqueCode('two');
    const chatBase = 960_000_000 + Math.floor(Math.random() * 1_000_000);
    const { chats } = await bulkFocalPoints(db.prisma, 30, chatBase);
    const ours = new Set(chats.map(String));
    const a = await start(baseEnv(prefix));
    const b = await start(baseEnv(prefix));
    const holder = async () => {
      const end = Date.now() + 15_000;
      while (Date.now() < end) {
        const h = [a, b].filter((s) => s.child.exitCode === null && s.logs().includes('lease acquired'));
        if (h.length > 0) return h;
        await sleep(50);
      }
      return [];
    };
    const holders = await holder();
    expect(holders).toHaveLength(1);

    const stranger = chatBase + 500;
    for (const text of ['xin chào', '/start', 'alo']) expect(await helloReplies(stranger, text)).toBe(1);
    expect(tg.pollConflicts).toBe(0);

    // Both instances tick the same minute: one plan job, one reminder per focal point.
    const redis = createRedis(inject('redisUrl'));
    const plan = new Queue('plan', { connection: redis, prefix });
    const minute = new Date(T7);
    await plan.add('plan', {}, { jobId: planJobId(minute) });
    await plan.add('plan', {}, { jobId: planJobId(minute) });
    const toOurs = () => tg.sent.filter((m) => ours.has(String(m.chat_id)));
    const end = Date.now() + 30_000;
    while (toOurs().length < chats.length && Date.now() < end) await sleep(100);
    await sleep(1_500);
    const perChat = new Map<string, number>();
    for (const m of toOurs()) perChat.set(String(m.chat_id), (perChat.get(String(m.chat_id)) ?? 0) + 1);
    expect(perChat.size).toBe(chats.length);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    await plan.close();
    redis.disconnect();

    // The poller dies: the other instance takes the lease and answers, still once.
    const dead = holders[0]!;
    const survivor = dead === a ? b : a;
    dead.child.kill('SIGKILL');
    await new Promise((r) => dead.child.once('exit', r));
    const takeover = Date.now() + 25_000;
    while (!survivor.logs().includes('lease acquired') && Date.now() < takeover) await sleep(50);
    expect(survivor.logs()).toContain('lease acquired');
    expect(await helloReplies(stranger, 'còn ai không?')).toBe(1);
    expect(tg.pollConflicts).toBe(0);
  }, 120_000);

  it('webhook: both instances serve behind a load balancer, one reply per message', async () => {
    const prefix = uniqueCode('two');
    const secret = 'two-instances-webhook-secret';
    // The load balancer: round robin over the two instances.
    const backends: number[] = [];
    const served = [0, 0];
    let next = 0;
    const lb: Server = createServer((req, res) => {
      const i = next++ % backends.length;
      served[i]!++;
      const up = request(
        { host: '127.0.0.1', port: backends[i], path: req.url, method: req.method, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      up.on('error', () => res.writeHead(502).end());
      req.pipe(up);
    });
    await new Promise<void>((r) => lb.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(lb.address() as AddressInfo).port}/telegram/webhook`;
      const env = { ...baseEnv(prefix), TELEGRAM_WEBHOOK_URL: url, TELEGRAM_WEBHOOK_SECRET: secret };
      const a = await start(env);
      const b = await start(env);
      backends.push(a.port, b.port);
      const end = Date.now() + 10_000;
      while (tg.webhook?.url !== url && Date.now() < end) await sleep(50);
      expect(tg.webhook?.url).toBe(url);
      const stranger = 970_000_000 + Math.floor(Math.random() * 1_000_000);
      for (const text of ['xin chào', 'alo', '/start', 'chào bạn']) {
        const before = tg.messagesTo(stranger).length;
        await tg.userSays(stranger, text); // resolves once the instance answered the webhook
        await sleep(500);
        expect(tg.messagesTo(stranger).length - before).toBe(1);
      }
      expect(served[0]).toBeGreaterThan(0);
      expect(served[1]).toBeGreaterThan(0);
    } finally {
      await new Promise((r) => lb.close(r));
    }
  }, 120_000);
});
