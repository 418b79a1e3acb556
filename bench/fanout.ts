/**
 * bench:fanout — N recipients (default 10,000) reminded through the fake Telegram Bot API,
 * which enforces a rate (default 1,000 msg/s, answering 429 beyond it); the bot's BullMQ
 * limiter is set just under it (95 %). Real PostgreSQL and Redis. Prints, in one run:
 *   fanout: recipients=<n> ratio=<achieved/ceiling> rejected429=<n> duplicates=<n> lost=<n> peakRssMB=<n>
 * Target: ratio ≥ 0.95, 0 duplicates, 0 lost.
 *
 *   npm run bench:fanout [-- --recipients 10000 --ceiling 1000]
 */
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import pg from 'pg';
import { createRedis } from '../jobs/redis.js';
import { startWorkers } from '../jobs/workers.js';
import { createReminderRuntime } from '../src/app/reminder-runtime.js';
import { createFixedClock } from '../src/app/system-clock.js';
import { createTelegramChannel } from '../src/channels/telegram/telegram-channel.js';
import { createTranslator } from '../src/i18n/fluent.js';
import { createLogger } from '../src/logger.js';
import { materialiseYears } from '../src/storage/assignments.js';
import { runSeed } from '../src/storage/bootstrap.js';
import { openDatabase } from '../src/storage/database.js';
import { createPrismaReminderStore } from '../src/storage/reminder-store.js';
import { startRemoteFakeTelegram } from '../test/fakes/telegram-api-process.js';
import { startProfile } from './profile.js';

const { values: args } = parseArgs({
  options: {
    recipients: { type: 'string', default: '10000' },
    ceiling: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '64' },
  },
});
const N = Number(args.recipients);
const CEILING = Number(args.ceiling);
const ADMIN_URL = process.env.BENCH_POSTGRES_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const T7 = new Date('2027-07-08T02:00:00Z');
const CHAT0 = 600_000_000;

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

async function main() {
  const name = `dondoc_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const db = await openDatabase({ kind: 'postgres', url }, { poolSize: 20 });
  const redis = createRedis(REDIS_URL);
  const prefix = `bench${Date.now().toString(36)}`;
  // The fake platform runs in its own process: Telegram is remote, it must not eat our CPU.
  const tg = await startRemoteFakeTelegram({ perSecond: CEILING });
  const logger = createLogger('silent');
  try {
    const clock = createFixedClock(T7);
    await db.migrate();
    await runSeed(db.prisma, clock, 'Asia/Ho_Chi_Minh');
    const tc = await db.prisma.unit.findUniqueOrThrow({ where: { code: 'TCTHADS' } });
    await db.prisma.unit.createMany({
      data: Array.from({ length: N }, (_, i) => ({
        code: `FAN_${i}`,
        name: `Cục THADS thử tải ${i}`,
        typeCode: 'CUC_THADS',
        parentId: tc.id,
      })),
    });
    const units = await db.prisma.unit.findMany({
      where: { code: { startsWith: 'FAN_' } },
      orderBy: { id: 'asc' },
    });
    const people = await db.prisma.person.createManyAndReturn({
      data: units.map((u) => ({ fullName: `Đầu mối ${u.code}` })),
    });
    await db.prisma.identity.createMany({
      data: people.map((p, i) => ({
        personId: p.id,
        channel: 'telegram' as const,
        externalId: String(CHAT0 + i),
        chatId: String(CHAT0 + i),
      })),
    });
    await db.prisma.role.createMany({
      data: people.map((p, i) => ({ personId: p.id, role: 'focal' as const, unitId: units[i]!.id })),
    });
    await materialiseYears(db.prisma, [2027]);

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
      clock,
      timeZone: 'Asia/Ho_Chi_Minh',
      logger,
    });
    const tPlan = performance.now();
    const summary = await runtime.plan(T7);
    const planMs = performance.now() - tPlan;
    const rssBefore = process.memoryUsage().rss;
    if (process.env.BENCH_GAPS) {
      (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      console.log(
        `before fan-out: rss=${m.rss >> 20} heapUsed=${m.heapUsed >> 20} heapTotal=${m.heapTotal >> 20} external=${m.external >> 20} arrayBuffers=${m.arrayBuffers >> 20} MB`,
      );
    }
    const profiler = process.env.BENCH_PROFILE ? await startProfile() : null;
    const t0 = performance.now();
    const startedAt = Date.now();
    const workers = startWorkers({
      connection: redis,
      prefix,
      queues: runtime.queues,
      plan: () => runtime.plan(T7),
      deliver: (id, o) => runtime.deliver(id, o),
      store: createPrismaReminderStore(db.prisma),
      logger,
      channels: ['telegram'],
      options: {
        ratePerSecond: { telegram: Math.floor(CEILING * 0.95) },
        concurrency: Number(args.concurrency),
      },
    });
    const expected = summary.planned;
    const deadline = Date.now() + 20 * 60_000;
    let sentCount = 0;
    while (Date.now() < deadline) {
      sentCount = await db.prisma.reminderLedger.count({
        where: { status: { in: ['sent', 'failed', 'uncertain', 'skipped'] } },
      });
      if (sentCount >= expected) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const seconds = (performance.now() - t0) / 1000;
    if (profiler) await profiler.stop(process.env.BENCH_PROFILE!);
    await workers.close();
    const stats = await tg.stats();
    const duplicates = stats.perChat.filter(([, c]) => c > 1).reduce((a, [, c]) => a + c - 1, 0);
    const lost = expected - (await db.prisma.reminderLedger.count({ where: { status: 'sent' } }));
    const achieved = stats.sent / seconds;
    console.log(
      `planning pass: ${Math.round(planMs)} ms for ${expected} reminders; rss before fan-out ${Math.round(rssBefore / 2 ** 20)} MB`,
    );
    if (process.env.BENCH_GAPS) {
      // Messages per 50 ms slot, and the longest pauses between two messages.
      const t = stats.times;
      const slots = new Map<number, number>();
      for (const x of t)
        slots.set(Math.floor((x - t[0]!) / 50), (slots.get(Math.floor((x - t[0]!) / 50)) ?? 0) + 1);
      const counts = [...slots.values()];
      const gaps = t
        .slice(1)
        .map((x, i) => x - t[i]!)
        .sort((a, b) => b - a);
      console.log(
        `slots: n=${counts.length} min=${Math.min(...counts)} max=${Math.max(...counts)}; longest gaps ${gaps.slice(0, 12).join(',')} ms; gaps>=5ms: ${gaps.filter((g) => g >= 5).length}`,
      );
      console.log(
        `first slots: ${[...slots.entries()]
          .slice(0, 40)
          .map(([, c]) => c)
          .join(' ')}`,
      );
    }
    // The platform's view: first to last accepted message (excludes our start-up).
    const platformRate = stats.sent > 1 ? ((stats.sent - 1) * 1000) / (stats.lastAt - stats.firstAt) : 0;
    console.log(
      `delivered ${stats.sent} in ${seconds.toFixed(1)} s = ${Math.round(achieved)} msg/s against a ceiling of ${CEILING}/s; first message after ${stats.firstAt ? Math.round(stats.firstAt - startedAt) : '?'} ms; first to last message ${Math.round(platformRate)} msg/s`,
    );
    console.log(
      `fanout: recipients=${expected} ratio=${(achieved / CEILING).toFixed(3)} rejected429=${stats.rejected429} duplicates=${duplicates} lost=${lost} peakRssMB=${Math.round(peakRss / 2 ** 20)}`,
    );
    await runtime.queues.close();
    for (const q of ['plan', 'deliver-telegram', 'deliver-zalo', 'deliver-web']) {
      const queue = new Queue(q, { connection: redis, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  } finally {
    clearInterval(sampler);
    await tg.stop();
    redis.disconnect();
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
  process.exit(0);
}

void main();
