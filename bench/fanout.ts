/**
 * bench:fanout — N recipients (default 10,000) reminded by the service itself (`src/main.ts`
 * in a process of its own, as deployed) through the fake Telegram Bot API, which enforces a
 * rate (default 1,000 msg/s, answering 429 beyond it); the service's limiter
 * (TELEGRAM_RATE_PER_SECOND) is set just under it (98 %). Real PostgreSQL and Redis. The bench
 * process prepares the scratch database (seed, N units with a focal point each), starts the
 * service, adds the minute's `plan` job as a tick would, and waits for the ledger. Prints:
 *   fanout: recipients=<n> ratio=<achieved/ceiling> rejected429=<n> duplicates=<n> lost=<n> peakRssMB=<n>
 * `achieved` is the platform's view: messages accepted from the first to the last one. The same
 * run first measures a baseline: a bare grammY sender paced at the same rate through the same
 * kind of fake (no queue, database or ledger), printed with the service's share of it.
 * `peakRssMB` is the service process's peak resident set (VmHWM: start-up, planning the N
 * reminders and sending them). Target: ratio ≥ 0.95, 0 duplicates, 0 lost, peak under 400 MB.
 *
 *   npm run bench:fanout [-- --recipients 10000 --ceiling 1000] [--embedded]
 * `--embedded` runs the service on PGlite (no DATABASE_URL) instead: larger by design.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent as HttpAgent } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { Api } from 'grammy';
import pg from 'pg';
import { planJobId } from '../jobs/queues.js';
import { localDateOf, yearsToMaterialise } from '../src/domain/calendar.js';
import { createRedis } from '../src/redis/connection.js';
import { type DatabaseTarget, openDatabase } from '../src/storage/database.js';
import { materialiseYears } from '../src/storage/materialise-assignments.js';
import { runSeed } from '../src/storage/seed/bootstrap.js';
import { createFixedClock } from '../src/wiring/system-clock.js';
import { type RemoteFakeTelegram, startRemoteFakeTelegram } from '../test/fakes/telegram-api-process.js';
import { type RunningService, startService } from '../test/support/service.js';

const { values: args } = parseArgs({
  options: {
    recipients: { type: 'string', default: '10000' },
    ceiling: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '64' },
    share: { type: 'string', default: '0.98' },
    // The embedded database (PGlite under DATA_DIR) instead of PostgreSQL: larger by design.
    embedded: { type: 'boolean', default: false },
  },
});
const N = Number(args.recipients);
const CEILING = Number(args.ceiling);
const ADMIN_URL = process.env.BENCH_POSTGRES_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const T7 = new Date('2027-07-08T02:00:00Z');
const TZ = 'Asia/Ho_Chi_Minh';
const CHAT0 = 600_000_000;
/** Messages each fake answers before it is measured (see `warmUp`), to chats from WARM_CHAT0. */
const WARM_UP = 3_000;
const WARM_CHAT0 = 500_000_000;

/** CPU seconds a process has used (user + system), and the machine's busy and total jiffies. */
function cpuOf(pid: number): { proc: number; busy: number; total: number } {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const all = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (all[3] ?? 0) + (all[4] ?? 0);
  const total = all.reduce((a, b) => a + b, 0);
  return { proc: (Number(f[11]) + Number(f[12])) / 100, busy: (total - idle) / 100, total: total / 100 };
}

/** Resident set now and at its peak, of a process (Linux /proc), in MB. */
function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/**
 * Sends `n` messages through `api` paced at `rate` (the i-th not before i / rate seconds, at
 * most `concurrency` in flight) to chats `chat0`, `chat0 + 1`…; rejections are the fake's to
 * count.
 */
async function pacedSend(
  api: Api,
  n: number,
  rate: number,
  concurrency: number,
  chat0: number,
): Promise<void> {
  const t0 = performance.now();
  let next = 0;
  const inflight = new Set<Promise<void>>();
  await new Promise<void>((resolve) => {
    const pump = () => {
      const due = Math.min(n, Math.floor(((performance.now() - t0) * rate) / 1000) + 1);
      while (next < due && inflight.size < concurrency) {
        const i = next++;
        const p: Promise<void> = api
          .sendMessage(chat0 + i, `Nhắc việc: báo cáo 6 tháng, hạn 15/07 (${i})`)
          .then(
            () => undefined,
            () => undefined,
          )
          .finally(() => {
            inflight.delete(p);
            if (next >= n && inflight.size === 0) resolve();
          });
        inflight.add(p);
      }
      if (next < n) setTimeout(pump, 2);
    };
    pump();
  });
}

function apiOf(fake: RemoteFakeTelegram): Api {
  return new Api(fake.token, {
    apiRoot: fake.apiRoot,
    baseFetchConfig: { agent: new HttpAgent({ keepAlive: true, maxSockets: 64 }), compress: true },
  });
}

/**
 * Telegram is remote and always warm; the fake shares this machine's two cores. Left cold, it
 * spends the measured run's first seconds compiling its own request path (40 % of a core
 * instead of 15 %), CPU taken from the sender it measures. So before it is measured, each fake
 * answers WARM_UP messages at 90 % of its ceiling to chats outside the measured ones, and then
 * forgets them, the 429s and its rate window.
 */
async function warmUp(fake: RemoteFakeTelegram): Promise<void> {
  await pacedSend(apiOf(fake), WARM_UP, Math.floor(CEILING * 0.9), 64, WARM_CHAT0);
  await new Promise((r) => setTimeout(r, 1_100));
  await fake.reset();
}

/**
 * The baseline of the same run: a bare grammY client sending `n` messages paced at `rate`
 * through a fake enforcing the same ceiling, in a fake process of its own, warmed up like the
 * service's. What this machine and the fake allow a sender with no queue, database or ledger:
 * the service's ratio is read against it.
 */
async function baseline(
  n: number,
  rate: number,
  concurrency: number,
): Promise<{ ratio: number; rejected429: number }> {
  const fake = await startRemoteFakeTelegram({ perSecond: CEILING });
  try {
    await warmUp(fake);
    await pacedSend(apiOf(fake), n, rate, concurrency, CHAT0);
    const st = await fake.stats();
    const achieved = st.sent > 1 ? ((st.sent - 1) * 1000) / (st.lastAt - st.firstAt) : 0;
    return { ratio: achieved / CEILING, rejected429: st.rejected429 };
  } finally {
    await fake.stop();
  }
}

async function main() {
  const name = `dondoc_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-bench-'));
  const target: DatabaseTarget = args.embedded ? { kind: 'pglite', dataDir } : { kind: 'postgres', url };
  if (!args.embedded) {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  }
  let db = await openDatabase(target, { poolSize: 10 });
  const redis = createRedis(REDIS_URL);
  const prefix = `bench${Date.now().toString(36)}`;
  // The fake platform runs in its own process: Telegram is remote, it must not eat our CPU.
  const tg = await startRemoteFakeTelegram({ perSecond: CEILING });
  let service: RunningService | undefined;
  try {
    const clock = createFixedClock(T7);
    await db.migrate();
    await runSeed(db.prisma, clock, TZ);
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
    await materialiseYears(db.prisma, yearsToMaterialise(localDateOf(T7, TZ)));

    const base = await baseline(N, Math.floor(CEILING * Number(args.share)), Number(args.concurrency));

    // Before the service starts: once it runs, its own minute tick may plan the fan-out at any
    // moment, and forgetting what the fake saw would forget some of its messages.
    await warmUp(tg);

    // PGlite: the data directory belongs to one process, the service's from now on.
    if (args.embedded) await db.close();
    const tStart = performance.now();
    service = await startService(
      {
        ...(args.embedded ? { DATA_DIR: dataDir } : { DATABASE_URL: url }),
        REDIS_URL,
        REDIS_PREFIX: prefix,
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        TELEGRAM_RATE_PER_SECOND: String(Math.floor(CEILING * Number(args.share))),
        DELIVERY_CONCURRENCY: args.concurrency,
        APP_NOW: T7.toISOString(),
        WEB_CHAT: '0',
        LOG_LEVEL: 'warn',
      },
      undefined,
      {
        // Diagnosis: BENCH_NODE_ARGS="--trace-gc", BENCH_SERVICE_LOG=<file> keeps what it printed.
        nodeArgs: process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
      },
    );
    const pid = service.child.pid!;
    const startMs = performance.now() - tStart;
    await new Promise((r) => setTimeout(r, 2_000));
    const idle = rssOf(pid);

    // What a cron tick does: the minute's plan job (the service's plan worker runs it).
    const planQueue = new Queue('plan', { connection: redis, prefix });
    const t0 = Date.now();
    await planQueue.add('plan', {}, { jobId: `bench-${planJobId(new Date(t0))}`, attempts: 1 });
    const deadline = Date.now() + 20 * 60_000;
    let done = 0;
    let planned = 0;
    let peakDuring = idle.peak;
    const cpuSamples: { t: number; c: ReturnType<typeof cpuOf>; rss: number }[] = [
      { t: Date.now(), c: cpuOf(pid), rss: idle.rss },
    ];
    while (Date.now() < deadline) {
      if (args.embedded) {
        // Only the service may open its data directory: follow the platform instead.
        planned = N;
        done = (await tg.stats()).sent;
      } else {
        const counts = await db.prisma.reminderLedger.groupBy({ by: ['status'], _count: true });
        planned = counts.reduce((a, c) => a + c._count, 0);
        done = counts
          .filter((c) => ['sent', 'failed', 'uncertain', 'skipped'].includes(c.status))
          .reduce((a, c) => a + c._count, 0);
      }
      const mem = rssOf(pid);
      peakDuring = mem.peak;
      cpuSamples.push({ t: Date.now(), c: cpuOf(pid), rss: mem.rss });
      if (planned >= N && done >= planned) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    if (args.embedded) await new Promise((r) => setTimeout(r, 1_000)); // the last rows' marks
    const after = rssOf(pid);
    await service.stop();
    if (args.embedded) {
      db = await openDatabase(target);
      planned = await db.prisma.reminderLedger.count();
    }
    const firstRow = await db.prisma.reminderLedger.findFirst({ orderBy: { id: 'asc' } });
    if (process.env.BENCH_SERVICE_LOG) writeFileSync(process.env.BENCH_SERVICE_LOG, service.logs());
    service = undefined;
    const stats = await tg.stats();
    const duplicates = stats.perChat.filter(([, c]) => c > 1).reduce((a, [, c]) => a + c - 1, 0);
    const lost = planned - (await db.prisma.reminderLedger.count({ where: { status: 'sent' } }));
    // The platform's view: first to last accepted message.
    const achieved = stats.sent > 1 ? ((stats.sent - 1) * 1000) / (stats.lastAt - stats.firstAt) : 0;
    const endToEnd = stats.sent / ((stats.lastAt - t0) / 1000);
    console.log(`database: ${db.kind}`);
    if (Math.floor(stats.firstAt / 60_000) !== Math.floor(stats.lastAt / 60_000)) {
      console.log("a minute's planning tick fell inside the fan-out");
    }
    console.log(
      `baseline (same run): a bare grammY sender paced at the same rate, same fake: ratio ${base.ratio.toFixed(3)}, ${base.rejected429} × 429; the service reaches ${(achieved / CEILING / base.ratio).toFixed(2)} of it`,
    );
    console.log(
      `service: started (healthy) in ${(startMs / 1000).toFixed(1)} s, idle rss ${idle.rss} MB (peak so far ${idle.peak} MB); after the fan-out rss ${after.rss} MB, peak ${Math.max(peakDuring, after.peak)} MB`,
    );
    if (firstRow && firstRow.createdAt.getTime() < t0) {
      console.log("the service's own minute tick planned the fan-out, before the bench's tick");
    }
    console.log(
      `planning: ${planned} ledger rows, the first ${firstRow ? firstRow.createdAt.getTime() - t0 : '?'} ms after the tick; first message after ${stats.firstAt - t0} ms`,
    );
    console.log(
      `delivered ${stats.sent} at ${Math.round(achieved)} msg/s (first to last message) against a ceiling of ${CEILING}/s, limiter ${Math.floor(CEILING * Number(args.share))}/s; ${Math.round(endToEnd)} msg/s counted from the tick`,
    );
    {
      // CPU the service spent per message while sending (polls between the first and the last
      // accepted message): less noisy than the ratio when comparing two versions.
      const inside = cpuSamples.filter((x) => x.t >= stats.firstAt && x.t <= stats.lastAt);
      const a = inside[0];
      const b = inside[inside.length - 1];
      if (a && b && b.t > a.t) {
        const msgs = stats.times.filter((x) => x >= a.t && x <= b.t).length;
        const cpuMs = (b.c.proc - a.c.proc) * 1000;
        console.log(
          `service cpu while sending: ${(cpuMs / Math.max(1, msgs)).toFixed(2)} ms a message, ${Math.round((100 * cpuMs) / (b.t - a.t))} % of a core`,
        );
      }
    }
    if (process.env.BENCH_GAPS) {
      // Messages per 50 ms slot, and the longest pauses between two messages.
      const t = stats.times;
      const slots = new Map<number, number>();
      for (const x of t) {
        const k = Math.floor((x - t[0]!) / 50);
        slots.set(k, (slots.get(k) ?? 0) + 1);
      }
      const counts = [...slots.values()];
      const gapAt = t.slice(1).map((x, i) => ({ gap: x - t[i]!, at: t[i]! - t[0]! }));
      const gaps = gapAt.map((g) => g.gap).sort((a, b) => b - a);
      const worst = [...gapAt].sort((a, b) => b.gap - a.gap).slice(0, 12);
      const r429 = stats.rejected429At.map((x) => x - t[0]!);
      console.log(`epoch ms: tick ${t0}, first message ${stats.firstAt}, last ${stats.lastAt}`);
      // The fake admits CEILING in any sliding second: the tightest span of that many accepted
      // messages shows how close to it the service came, by the platform's clock.
      let tightest = Number.POSITIVE_INFINITY;
      let tightestAt = 0;
      for (let i = 0; i + CEILING - 1 < t.length; i++) {
        const span = t[i + CEILING - 1]! - t[i]!;
        if (span < tightest) [tightest, tightestAt] = [span, t[i]! - t[0]!];
      }
      console.log(
        `tightest ${CEILING} consecutive accepted messages: ${tightest} ms (from ${tightestAt} ms)`,
      );
      console.log(`429s at (ms after the first message): ${r429.join(' ')}`);
      console.log(`longest gaps at: ${worst.map((g) => `${g.gap}ms@${g.at}`).join(' ')}`);
      const cpu = cpuSamples.slice(1).map((x, i) => {
        const p = cpuSamples[i]!;
        const wall = (x.t - p.t) / 1000;
        return `${Math.round((100 * (x.c.proc - p.c.proc)) / wall)}/${Math.round((100 * (x.c.busy - p.c.busy)) / (x.c.total - p.c.total || 1))}:${x.rss}`;
      });
      console.log(`service cpu % of a core / machine busy % : service rss MB, per poll: ${cpu.join(' ')}`);
      console.log(`all slots: ${counts.join(' ')}`);
      console.log(
        `slots: n=${counts.length} min=${Math.min(...counts)} max=${Math.max(...counts)}; longest gaps ${gaps.slice(0, 12).join(',')} ms; gaps>=5ms: ${gaps.filter((g) => g >= 5).length}`,
      );
      console.log(`first slots: ${counts.slice(0, 40).join(' ')}`);
    }
    console.log(
      `fanout: recipients=${planned} ratio=${(achieved / CEILING).toFixed(3)} rejected429=${stats.rejected429} duplicates=${duplicates} lost=${lost} peakRssMB=${Math.max(peakDuring, after.peak)}`,
    );
    await planQueue.close();
    for (const q of ['plan', 'deliver-telegram', 'deliver-zalo', 'deliver-web']) {
      const queue = new Queue(q, { connection: redis, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  } finally {
    await service?.stop();
    await tg.stop();
    redis.disconnect();
    await db.close().catch(() => undefined);
    if (args.embedded) rmSync(dataDir, { recursive: true, force: true });
    else {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }
  process.exit(0);
}

void main();
