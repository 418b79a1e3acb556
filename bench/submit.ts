/**
 * bench:submit — N focal points (default 500) send their figures at the same moment through the
 * fake Telegram Bot API in webhook mode; each waits for the bot's confirmation. In the same run,
 * on the same kind of fake server and the same PostgreSQL server, three bots take the same
 * burst: a bare grammY echo bot (the floor, no I/O), the peer of issue 25 (grammY with
 * `session()` in PostgreSQL through `@grammyjs/storage-psql`, one INSERT of the message's
 * numbers and a reply reading them back: bench/peer-bot.ts) and Đôn Đốc. Prints p50/p99 reply
 * latency and turns per second of each, Đôn Đốc's p99 over the peer's and over the echo's
 * (target: ≤ 1.5 × the peer's), and one summary line:
 *
 *   submit: users=500 p50=<ms> p99=<ms> peerP99=<ms> echoP99=<ms> ratioPeer=<x.xx> ratioEcho=<x.xx> turnsPerSec=<n>
 *
 * (p50, p99 and turnsPerSec being Đôn Đốc's). Each bot gets a warm-up burst first (every user's
 * first message), then the measured one; before it, the peer's sessions and Đôn Đốc's
 * conversations are forgotten alike.
 *
 *   npm run bench:submit [-- --users 500]
 * Needs PostgreSQL on 127.0.0.1 (a scratch database is created and dropped).
 */
import { parseArgs } from 'node:util';
import { Bot, type Context, webhookCallback } from 'grammy';
import pg from 'pg';
import { createTelegramChannel } from '../src/channels/telegram/telegram-channel.js';
import { createHttpServer } from '../src/http/server.js';
import { createTranslator } from '../src/i18n/fluent.js';
import { createLogger } from '../src/logging/logger.js';
import { openDatabase } from '../src/storage/database.js';
import { materialiseYears } from '../src/storage/materialise-assignments.js';
import { runSeed } from '../src/storage/seed/bootstrap.js';
import { createDialogOnPrisma } from '../src/wiring/dialog.js';
import { createFixedClock } from '../src/wiring/system-clock.js';
import { createFakeTelegram, type FakeTelegram } from '../test/fakes/telegram-api.js';
import { dropPeerTables, installPeer, type PeerContext, resetPeerSessions } from './peer-bot.js';
import { type CpuSpent, startCpuMeter, startProfile } from './profile.js';

const { values: args } = parseArgs({ options: { users: { type: 'string', default: '500' } } });
const USERS = Number(args.users);
const ADMIN_URL = process.env.BENCH_POSTGRES_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const TEXT = 'việc 83,5% tiền 46,2% giảm việc 9% giảm tiền 7% nhà 2 xã 1 ủng hộ 15 triệu';
const CHAT0 = 500_000_000;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

/** One measured burst: each user's latency, and the burst's wall time (first message to last reply). */
interface Burst {
  latencies: number[];
  wallMs: number;
  /** CPU spent during the burst by this process (bots, fake API and users alike) and by PostgreSQL. */
  cpu: CpuSpent;
}

/** All users speak at once; latency = from their message to the bot's reply reaching the API. */
async function burst(tg: FakeTelegram): Promise<Burst> {
  const meter = await startCpuMeter();
  const start = performance.now();
  const latencies = await Promise.all(
    Array.from({ length: USERS }, async (_, i) => {
      const chat = CHAT0 + i;
      const t0 = performance.now();
      const reply = tg.waitFor((m) => m.chat_id === chat || m.chat_id === String(chat), 120_000);
      await tg.userSays(chat, TEXT, { id: chat, first_name: `User${i}` });
      await reply;
      return performance.now() - t0;
    }),
  );
  const wallMs = performance.now() - start;
  return { latencies, wallMs, cpu: await meter.stop() };
}

/**
 * A plain grammY bot behind the same HTTP server and webhook path as Đôn Đốc's: `install`
 * gives it its handlers, `beforeMeasure` runs between the warm-up and the measured burst.
 */
async function grammyBot<C extends Context>(
  install: (bot: Bot<C>) => Promise<void> | void,
  beforeMeasure: () => Promise<void> = async () => {},
): Promise<Burst> {
  const tg = createFakeTelegram();
  await tg.start();
  const bot = new Bot<C>(tg.token, { client: { apiRoot: tg.apiRoot }, botInfo: tg.botInfo });
  await install(bot);
  const http = createHttpServer({
    logger: createLogger('silent'),
    health: async () => ({ ok: true, checks: {} }),
  });
  const handle = webhookCallback(bot, 'http', { secretToken: 'bench-secret' });
  http.route('/hook', (req, res) => handle(req, res));
  const port = await http.listen(0, '127.0.0.1');
  await bot.api.setWebhook(`http://127.0.0.1:${port}/hook`, { secret_token: 'bench-secret' });
  try {
    await burst(tg); // warm-up
    tg.reset();
    await beforeMeasure();
    await bot.api.setWebhook(`http://127.0.0.1:${port}/hook`, { secret_token: 'bench-secret' });
    return await burst(tg);
  } finally {
    await http.close();
    await tg.stop();
  }
}

/** The floor: a bare grammY echo bot, no I/O. */
function echoBaseline(): Promise<Burst> {
  return grammyBot((bot) => {
    bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
  });
}

/** The peer (bench/peer-bot.ts) on `url`, with a pool as large as Đôn Đốc's; its tables are dropped after. */
async function peer(url: string): Promise<Burst> {
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  try {
    return await grammyBot<PeerContext>(
      (bot) => installPeer(bot, pool),
      () => resetPeerSessions(pool),
    );
  } finally {
    await dropPeerTables(pool);
    await pool.end();
  }
}

async function dondoc(url: string): Promise<Burst> {
  const db = await openDatabase({ kind: 'postgres', url }, { poolSize: 20 });
  const clock = createFixedClock(new Date('2027-07-08T02:00:00Z'));
  await db.migrate();
  await runSeed(db.prisma, clock, 'Asia/Ho_Chi_Minh');
  // N Cục THADS, each with a focal point bound on Telegram.
  const tc = await db.prisma.unit.findUniqueOrThrow({ where: { code: 'TCTHADS' } });
  await db.prisma.unit.createMany({
    data: Array.from({ length: USERS }, (_, i) => ({
      code: `BENCH_THADS_${i}`,
      name: `Cục THADS thử tải ${i}`,
      typeCode: 'CUC_THADS',
      parentId: tc.id,
    })),
    skipDuplicates: true,
  });
  await materialiseYears(db.prisma, [2027]);
  const units = await db.prisma.unit.findMany({ where: { code: { startsWith: 'BENCH_THADS_' } } });
  for (const [i, u] of units.entries()) {
    const chat = CHAT0 + Number(u.code.slice('BENCH_THADS_'.length));
    void i;
    await db.prisma.person.create({
      data: {
        fullName: `Đầu mối ${u.code}`,
        identities: {
          create: { channel: 'telegram', externalId: String(chat), chatId: String(chat), verified: true },
        },
        roles: { create: { role: 'focal', unitId: u.id } },
      },
    });
  }

  const tg = createFakeTelegram();
  await tg.start();
  const logger = createLogger('silent');
  const http = createHttpServer({ logger, health: async () => ({ ok: true, checks: {} }) });
  const port = await http.listen(0, '127.0.0.1');
  const channel = createTelegramChannel({
    token: tg.token,
    apiRoot: tg.apiRoot,
    botInfo: tg.botInfo,
    mode: { kind: 'webhook', url: `http://127.0.0.1:${port}/telegram/webhook`, secret: 'bench-secret' },
    routes: http,
    logger,
  });
  const engine = createDialogOnPrisma(db.prisma, {
    translator: createTranslator(),
    clock,
    timeZone: 'Asia/Ho_Chi_Minh',
    defaultLocale: 'vi',
    logger,
  });
  await channel.start(async (input) => {
    for (const reply of await engine.handle(input)) await channel.send(input.chatId, reply);
  });
  try {
    const first = await burst(tg); // warm-up: the first message of each user
    void first;
    tg.reset();
    await channel.stop();
    await channel.start(async (input) => {
      for (const reply of await engine.handle(input)) await channel.send(input.chatId, reply);
    });
    await db.prisma.conversation.deleteMany({});
    // BENCH_PROFILE=<file.cpuprofile>: a CPU profile of the measured burst only.
    const profiler = process.env.BENCH_PROFILE ? await startProfile() : null;
    const measured = await burst(tg);
    if (profiler) await profiler.stop(process.env.BENCH_PROFILE!);
    return measured;
  } finally {
    await channel.stop();
    await http.close();
    await tg.stop();
    await db.close();
  }
}

async function main() {
  const name = `dondoc_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    const echo = await echoBaseline();
    const peerRun = await peer(url);
    const ours = await dondoc(url);
    const r = (x: number) => Math.round(x);
    const tps = (b: Burst) => Math.round((b.latencies.length * 1000) / b.wallMs);
    const line = (name: string, b: Burst) =>
      console.log(
        `${name.padEnd(9)} p50=${r(pct(b.latencies, 50))}ms p99=${r(pct(b.latencies, 99))}ms turns/s=${tps(b)} (n=${b.latencies.length}, burst ${r(b.wallMs)}ms, CPU node ${r(b.cpu.nodeMs)}ms (system ${r(b.cpu.nodeSystemMs)}ms) postgres ${r(b.cpu.postgresMs)}ms)`,
      );
    line('echo bot:', echo);
    line('peer:', peerRun);
    line('Đôn Đốc:', ours);
    const p99 = pct(ours.latencies, 99);
    const peerP99 = pct(peerRun.latencies, 99);
    const echoP99 = pct(echo.latencies, 99);
    console.log(
      `Đôn Đốc p99 / peer p99 = ${(p99 / peerP99).toFixed(2)} (target ≤ 1.50), / echo p99 = ${(p99 / echoP99).toFixed(2)}`,
    );
    console.log(
      `submit: users=${USERS} p50=${r(pct(ours.latencies, 50))} p99=${r(p99)} peerP99=${r(peerP99)} echoP99=${r(echoP99)} ratioPeer=${(p99 / peerP99).toFixed(2)} ratioEcho=${(p99 / echoP99).toFixed(2)} turnsPerSec=${tps(ours)}`,
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
  process.exit(0);
}

void main();
