/**
 * Several focal points per unit, through the real CLI entry and the dialog on PostgreSQL: a plain
 * focal invite adds a focal point (the first keeps the role), every focal point gets its own
 * reminder (planned and delivered through the fake Telegram), and a handover happens only when an
 * invite says so (`invite --replace`), audited; the status and `units:list` name the focal points.
 */
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import type { DialogEngine } from '../../src/dialog/engine.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import { createRedis, type Redis } from '../../src/redis/connection.js';
import type { Database } from '../../src/storage/database.js';
import { createDialogOnPrisma } from '../../src/wiring/dialog.js';
import { createReminderRuntime } from '../../src/wiring/reminder-runtime.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.js';
import { chatWith } from '../support/chat.js';
import { runCli } from '../support/cli.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { inviteCode, makeUnit } from '../support/org.js';

// 8 July 2027 09:00 in Hà Nội: the T-7 morning of BC6T 2027-H1 (due Thursday 15 July 2027).
const T7 = new Date('2027-07-08T02:00:00Z');
const clock = createFixedClock(T7);
const CODE_RE = /^[A-HJ-KMNP-Z2-9]{4}-[A-HJ-KMNP-Z2-9]{4}-[A-HJ-KMNP-Z2-9]{4}$/m;
const logger = createLogger('silent');
let db: Database;
let redis: Redis;
let tg: FakeTelegram;
let engine: DialogEngine;

beforeAll(async () => {
  db = await openTestDatabase();
  redis = createRedis(inject('redisUrl'));
  tg = createFakeTelegram();
  await tg.start();
  engine = createDialogOnPrisma(db.prisma, {
    translator: createTranslator(),
    clock,
    timeZone: 'Asia/Ho_Chi_Minh',
    defaultLocale: 'vi',
    logger,
  });
});
afterAll(async () => {
  await tg.stop();
  redis.disconnect();
  await db.close();
});

/** The operator's CLI, its clock at the T-7 morning (so codes are valid when redeemed then). */
const cli = (...args: string[]) =>
  runCli(args, { DATABASE_URL: inject('databaseUrl'), APP_NOW: '2027-07-08T09:00:00+07:00' });

let chatSeq = 940_000_000 + Math.floor(Math.random() * 1_000_000);

/** A person on a fresh Telegram chat redeeming `code`; returns the chat id and the bot's reply. */
async function redeemOnTelegram(code: string, name: string) {
  const chatId = chatSeq++;
  const reply = await chatWith(engine, { channel: 'telegram', chatId: String(chatId), name }).say(
    `/start ${code}`,
  );
  return { chatId, reply };
}

/** Focal roles of a unit, oldest first, with who holds them. */
const focalRoles = (unitId: number) =>
  db.prisma.role.findMany({
    where: { unitId, role: 'focal' },
    include: { person: { select: { fullName: true } } },
    orderBy: { id: 'asc' },
  });

describe('several focal points per unit', () => {
  it('a plain focal invite adds a focal point; each focal point gets one reminder per unit', async () => {
    const unit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const other = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const first = await cli('invite', '--unit', unit.code);
    expect(first.code, first.stderr).toBe(0);
    const lan = await redeemOnTelegram(CODE_RE.exec(first.stdout)![0], 'Nguyễn Thị Lan');
    expect(lan.reply).toContain(`Đã kết nối: đồng chí là đầu mối của ${unit.name}.`);

    const second = await cli('invite', '--unit', unit.code, '--role', 'focal');
    expect(second.code, second.stderr).toBe(0);
    // The operator is told what the code will do: one more, the current one keeps the role.
    expect(second.stdout).toContain(
      `Người nhận mã sẽ là thêm một đầu mối của ${unit.name}; 1 đầu mối hiện có vẫn giữ vai trò: Nguyễn Thị Lan.`,
    );
    const binh = await redeemOnTelegram(CODE_RE.exec(second.stdout)![0], 'Trần Văn Bình');
    expect(binh.reply).toContain(`đầu mối của ${unit.name}, cùng 1 đầu mối khác: Nguyễn Thị Lan.`);
    // Bình is also the focal point of another unit.
    expect(
      await chatWith(engine, { channel: 'telegram', chatId: String(binh.chatId) }).say(
        await inviteCode(db.prisma, clock, other.code),
      ),
    ).toContain(`Đã kết nối: đồng chí là đầu mối của ${other.name}.`);

    expect((await focalRoles(unit.id)).map((r) => [r.person.fullName, r.endedAt])).toEqual([
      ['Nguyễn Thị Lan', null],
      ['Trần Văn Bình', null],
    ]);
    expect(
      await db.prisma.auditLog.count({ where: { entity: `Unit:${unit.code}`, action: 'focal.handover' } }),
    ).toBe(0);

    // The T-7 pass: one reminder per focal point and assignment, whatever the passes.
    const prefix = uniqueCode('fp');
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
    try {
      await runtime.plan(T7);
      await runtime.plan(new Date(T7.getTime() + 60_000));
      const rows = await db.prisma.reminderLedger.findMany({
        where: {
          kind: 'reminder',
          stage: 'T-7',
          assignment: { unitId: { in: [unit.id, other.id] }, duty: { code: 'BC6T' }, periodCode: '2027-H1' },
        },
        include: { assignment: { select: { unitId: true } } },
      });
      const who = (r: (typeof rows)[number]) =>
        `${r.assignment!.unitId === unit.id ? 'unit' : 'other'}:${r.chatId}`;
      expect(rows.map(who).sort()).toEqual(
        [`unit:${lan.chatId}`, `unit:${binh.chatId}`, `other:${binh.chatId}`].sort(),
      );
      // Delivered through the fake Telegram: Lan once, Bình once per unit.
      for (const row of rows) await runtime.deliver(row.id);
      const bc6t = (chatId: number) =>
        tg.messagesTo(chatId).filter((m) => (m.text ?? '').includes('6 tháng'));
      expect(bc6t(lan.chatId)).toHaveLength(1);
      expect(bc6t(lan.chatId)[0]!.text).toContain(unit.name);
      expect(bc6t(binh.chatId)).toHaveLength(2);
      expect(bc6t(binh.chatId).filter((m) => m.text!.includes(unit.name))).toHaveLength(1);
      expect(bc6t(binh.chatId).filter((m) => m.text!.includes(other.name))).toHaveLength(1);
    } finally {
      await runtime.queues.close();
      for (const name of ['plan', 'deliver-telegram', 'deliver-zalo', 'deliver-web']) {
        const q = new Queue(name, { connection: redis, prefix });
        await q.obliterate({ force: true });
        await q.close();
      }
    }
  });

  it('invite --replace hands the role over on redemption, audited, and the status names the focal points', async () => {
    const unit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const lan = await redeemOnTelegram(await inviteCode(db.prisma, clock, unit.code), 'Nguyễn Thị Lan');
    await redeemOnTelegram(await inviteCode(db.prisma, clock, unit.code), 'Trần Văn Bình');
    const [lanRole] = await focalRoles(unit.id);

    // Named as units:list and the status show it (here typed without accents).
    const r = await cli('invite', '--unit', unit.code, '--replace', 'nguyen thi lan');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Khi mã được dùng, Nguyễn Thị Lan thôi là đầu mối của ${unit.name}`);
    const code = CODE_RE.exec(r.stdout)![0];
    const decided = await db.prisma.auditLog.findMany({
      where: { entity: `Unit:${unit.code}`, action: 'focal.handover.invite' },
    });
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({ actor: 'cli', data: { replaces: lanRole!.personId } });
    expect(JSON.stringify(decided)).not.toContain(code);
    // Nothing ends until the code is used.
    expect((await focalRoles(unit.id)).every((x) => x.endedAt === null)).toBe(true);

    const successor = await redeemOnTelegram(code, 'Lê Thị Mai');
    expect(successor.reply).toContain(
      `đồng chí là đầu mối mới của ${unit.name} (thay Nguyễn Thị Lan, ghi nhận lúc 09:00 ngày 08/07/2027)`,
    );
    expect((await focalRoles(unit.id)).map((x) => [x.person.fullName, x.endedAt, x.endReason])).toEqual([
      ['Nguyễn Thị Lan', T7, 'handover'],
      ['Trần Văn Bình', null, null],
      ['Lê Thị Mai', null, null],
    ]);
    const done = await db.prisma.auditLog.findMany({
      where: { entity: `Unit:${unit.code}`, action: 'focal.handover' },
    });
    expect(done).toHaveLength(1);
    expect(done[0]!.data).toMatchObject({ from: lanRole!.personId, at: T7.toISOString() });
    // Lan no longer reports for the unit.
    expect(
      await chatWith(engine, { channel: 'telegram', chatId: String(lan.chatId) }).say('/hanchot'),
    ).not.toContain(unit.name);

    const [status, list] = await Promise.all([
      cli('status', '--duty', 'BC6T', '--period', '2027-H1', '--format', 'json'),
      cli('units:list', '--format', 'json'),
    ]);
    expect(status.code, status.stderr).toBe(0);
    const line = (
      JSON.parse(status.stdout) as { units: { code: string; focalPoints: unknown }[] }
    ).units.find((u) => u.code === unit.code);
    expect(line?.focalPoints).toEqual([
      { name: 'Trần Văn Bình', channel: 'telegram' },
      { name: 'Lê Thị Mai', channel: 'telegram' },
    ]);
    expect(list.code, list.stderr).toBe(0);
    const listed = (JSON.parse(list.stdout) as { code: string; focalPoints: { name: string }[] }[]).find(
      (u) => u.code === unit.code,
    );
    expect(listed?.focalPoints.map((p) => p.name)).toEqual(['Trần Văn Bình', 'Lê Thị Mai']);
  });

  it('refuses a --replace that names nobody, or two people, and issues nothing; by id it is clear', async () => {
    const unit = await makeUnit(db.prisma, 'SO_TU_PHAP');
    await redeemOnTelegram(await inviteCode(db.prisma, clock, unit.code), 'Lê Văn Hải');
    await redeemOnTelegram(await inviteCode(db.prisma, clock, unit.code), 'Lê Văn Hải');
    const ids = (await focalRoles(unit.id)).map((x) => x.personId);
    const invites = () => db.prisma.invite.count({ where: { unitId: unit.id, createdBy: 'cli' } });

    const [twice, nobody, manager] = await Promise.all([
      cli('invite', '--unit', unit.code, '--replace', 'Lê Văn Hải'),
      cli('invite', '--unit', unit.code, '--replace', 'Phan Văn Không'),
      cli('invite', '--unit', unit.code, '--role', 'manager', '--replace', 'Lê Văn Hải'),
    ]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain(`Có 2 đầu mối của ${unit.code} cùng tên "Lê Văn Hải"`);
    for (const id of ids) expect(twice.stderr).toContain(`• #${id} Lê Văn Hải`);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain(`"Phan Văn Không" không phải đầu mối hiện tại của ${unit.code}.`);
    expect(nobody.stderr).toContain(`• #${ids[0]} Lê Văn Hải`);
    expect(manager.code).toBe(2);
    expect(manager.stderr).toContain('--replace chỉ dùng cho mã mời đầu mối');
    expect(await invites()).toBe(0);

    const byId = await cli('invite', '--unit', unit.code, '--replace', String(ids[1]));
    expect(byId.code, byId.stderr).toBe(0);
    expect(await db.prisma.invite.findFirst({ where: { unitId: unit.id, createdBy: 'cli' } })).toMatchObject({
      replacesPersonId: ids[1],
      role: 'focal',
    });
  });
});
