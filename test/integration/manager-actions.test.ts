/**
 * Managers' actions in chat, end to end on real PostgreSQL and Redis, delivered by the real
 * grammY client to the fake Telegram Bot API: a manual nudge (once per unit per day, within
 * scope), the unit's reminder history, locking a period, a focal point's request for an
 * exception reaching the managers with Allow / Refuse, and the decision opening the one unit.
 *
 * The period is BC6T 2033-H1 with assignments made for this file's units only, so locking it
 * touches nothing another test file uses.
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
import { createReminderRuntime, type ReminderRuntime } from '../../src/wiring/reminder-runtime.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.js';
import { chatWith } from '../support/chat.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { ownBc6tPeriod } from '../support/ledger.js';

// Thursday 21 July 2033, 10:00 in Hà Nội: BC6T 2033-H1 was due on Friday 15 July 2033 (a year no
// other test file materialises).
const NOW = new Date('2033-07-21T03:00:00Z');
const clock = createFixedClock(NOW);
const logger = createLogger('silent');
const tag = uniqueCode('M');
let db: Database;
let redis: Redis;
let tg: FakeTelegram;
let runtime: ReminderRuntime;
let engine: DialogEngine;
let prefix: string;
const unit = { a: 0, b: 0, out: 0 };
const code = { cluster: `${tag}_CUM`, a: `${tag}_A`, b: `${tag}_B`, out: `${tag}_X` };
let chatSeq = 960_000_000 + Math.floor(Math.random() * 1_000_000);
const chats = { clusterHead: 0, vu: 0, focalA: 0, focalB: 0, focalOut: 0 };

async function person(name: string, role: 'focal' | 'manager', unitId: number): Promise<number> {
  const chat = chatSeq++;
  await db.prisma.person.create({
    data: {
      fullName: name,
      identities: { create: { channel: 'telegram', externalId: String(chat), chatId: String(chat) } },
      roles: { create: { role, unitId } },
    },
  });
  return chat;
}

const chat = (id: number) => chatWith(engine, { channel: 'telegram', chatId: String(id) });

/** Sends figures and stores them, whatever is still missing (Lưu phần đã có, else Xác nhận). */
async function submitOne(c: ReturnType<typeof chat>, text: string): Promise<string> {
  await c.say(text);
  const partial = c.buttons().some((b) => b.label.includes('Lưu phần đã có'));
  return c.press(partial ? 'Lưu phần đã có' : 'Xác nhận');
}

/** Delivers every ledger row still planned for these recipients' chats, as a worker would. */
async function deliverPlanned(): Promise<void> {
  // Only this file's rows (planned in 2033): other files' planning passes share the database and
  // may plan reminders or escalations of their own years for these units' managers.
  const rows = await db.prisma.reminderLedger.findMany({
    where: {
      status: 'planned',
      chatId: { in: Object.values(chats).map(String) },
      plannedFor: { gte: new Date('2033-01-01T00:00:00Z'), lt: new Date('2034-01-01T00:00:00Z') },
    },
  });
  for (const r of rows) await runtime.deliver(r.id);
}

beforeAll(async () => {
  db = await openTestDatabase();
  redis = createRedis(inject('redisUrl'));
  tg = createFakeTelegram();
  await tg.start();
  prefix = uniqueCode('mq');
  const channel = createTelegramChannel({
    token: tg.token,
    apiRoot: tg.apiRoot,
    botInfo: tg.botInfo,
    mode: { kind: 'polling' },
    logger,
    retry: { maxRetryAttempts: 0, maxDelaySeconds: 0 },
  });
  runtime = createReminderRuntime({
    prisma: db.prisma,
    redis,
    prefix,
    channels: new Map([['telegram', channel]]),
    translator: createTranslator(),
    clock,
    timeZone: 'Asia/Ho_Chi_Minh',
    logger,
  });
  engine = createDialogOnPrisma(db.prisma, {
    translator: createTranslator(),
    clock,
    timeZone: 'Asia/Ho_Chi_Minh',
    defaultLocale: 'vi',
    logger,
    actions: runtime.managerActions,
  });

  // A cluster of two Sở Tư pháp, and one Sở outside it.
  const cluster = await db.prisma.unit.create({
    data: { code: code.cluster, name: `Cụm thử ${tag}`, typeCode: 'CLUSTER' },
  });
  const mk = async (c: string, name: string, inCluster: boolean) => {
    const u = await db.prisma.unit.create({ data: { code: c, name, typeCode: 'SO_TU_PHAP' } });
    if (inCluster) await db.prisma.clusterMember.create({ data: { clusterId: cluster.id, unitId: u.id } });
    return u.id;
  };
  unit.a = await mk(code.a, `Sở Tư pháp Bắc Thử ${tag}`, true);
  unit.b = await mk(code.b, `Sở Tư pháp Nam Thử ${tag}`, true);
  unit.out = await mk(code.out, `Sở Tư pháp Xa Thử ${tag}`, false);
  await ownBc6tPeriod(db.prisma, {
    year: 2033,
    unitIds: [unit.a, unit.b, unit.out],
    due: new Date('2033-07-15T00:00:00Z'),
    state: 'missing',
  });
  const bc6t = await db.prisma.duty.findUniqueOrThrow({ where: { code: 'BC6T' } });
  chats.clusterHead = await person('Trưởng cụm thử', 'manager', cluster.id);
  chats.vu = await person('Chuyên viên Vụ thử', 'manager', bc6t.recipientUnitId!);
  chats.focalA = await person('Đầu mối Bắc', 'focal', unit.a);
  chats.focalB = await person('Đầu mối Nam', 'focal', unit.b);
  chats.focalOut = await person('Đầu mối Xa', 'focal', unit.out);
});

afterAll(async () => {
  // Leave nothing locked or pending behind.
  await db.prisma.assignment.updateMany({ where: { periodCode: '2033-H1' }, data: { locked: false } });
  await runtime.queues.close();
  for (const name of ['plan', 'deliver-telegram', 'deliver-zalo', 'deliver-web']) {
    const q = new Queue(name, { connection: redis, prefix });
    await q.obliterate({ force: true });
    await q.close();
  }
  await tg.stop();
  redis.disconnect();
  await db.close();
});

describe('/nhac and /danhac', () => {
  it('a cluster head nudges a member once a day; the focal point gets it; the history shows it', async () => {
    const head = chat(chats.clusterHead);
    const reply = await head.say(`/nhac ${code.a.toLowerCase()}`);
    expect(reply).toContain('Đã gửi lời nhắc tới 1 đầu mối của Sở Tư pháp Bắc Thử');
    expect(reply).toContain('Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2033');
    // The delivery job went to the real queue, with the ledger row id as its job id.
    const row = await db.prisma.reminderLedger.findFirstOrThrow({
      where: { kind: 'nudge', assignment: { unitId: unit.a } },
    });
    expect(row.stage).toBe('nudge-2033-07-21');
    expect(await runtime.queues.deliver.get('telegram')!.getJob(`row-${row.id}`)).toBeDefined();

    await deliverPlanned();
    const got = tg.messagesTo(chats.focalA);
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain('đã quá hạn 6 ngày (hạn 15/07/2033)');
    expect(got[0]!.text).toContain('Đề nghị đồng chí sớm hoàn thành báo cáo này');
    // How the peers stand: the Sở Tư pháp of the period, and this unit's own cluster.
    expect(got[0]!.text).toMatch(/\d+\/\d+ Sở Tư pháp đã gửi\. Cụm của đồng chí còn [12] đơn vị chưa gửi\./);
    expect(tg.messagesTo(chats.focalB)).toHaveLength(0);

    // Once per unit per day, whoever asks.
    expect(await head.say(`/nhac ${code.a}`)).toContain('Hôm nay đã nhắc Sở Tư pháp Bắc Thử');
    expect(await chat(chats.vu).say(`/nhac ${code.a}`)).toContain('Hôm nay đã nhắc');
    expect(
      await db.prisma.reminderLedger.count({ where: { kind: 'nudge', assignment: { unitId: unit.a } } }),
    ).toBe(1);

    const history = await head.say(`/danhac ${code.a}`);
    expect(history).toContain('Lời nhắc đã gửi tới Sở Tư pháp Bắc Thử');
    expect(history).toMatch(
      /nhắc thủ công Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2033 +→ Đầu mối Bắc qua telegram: đã gửi/,
    );
  });

  it('refuses outside the scope, asks which unit when a name matches several, and refuses focal points', async () => {
    const head = chat(chats.clusterHead);
    expect(await head.say(`/nhac ${code.out}`)).toContain('không thuộc phạm vi quản lý');
    // By name, a unit outside the scope is not even named.
    expect(await head.say(`/danhac Sở Tư pháp Xa Thử ${tag}`)).toContain('Không tìm thấy đơn vị');
    const ambiguous = await head.say(`/nhac thu ${tag.toLowerCase()}`);
    expect(ambiguous).toContain('Có nhiều đơn vị trùng tên');
    expect(ambiguous).toContain(code.a);
    expect(ambiguous).toContain(code.b);
    expect(ambiguous).not.toContain(code.out);
    expect(await head.say('/nhac')).toContain('Đồng chí cho biết đơn vị cần xem');
    expect(await chat(chats.focalB).say(`/nhac ${code.a}`)).toContain('dành cho quản lý');
    expect(
      await db.prisma.reminderLedger.count({ where: { kind: 'nudge', assignment: { unitId: unit.b } } }),
    ).toBe(0);
  });
});

describe('/khoa, exceptions, /mokhoa', () => {
  it('only Vụ TĐKT locks; a locked report refuses edits; the request reaches the managers; allowing opens one unit', async () => {
    expect(await chat(chats.clusterHead).say('/khoa BC6T 2033-H1')).toContain('Chỉ Vụ Thi đua – Khen thưởng');
    const vu = chat(chats.vu);
    expect(await vu.say('/khoa BC6T 2033-H1')).toContain(
      'Đã khóa Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2033: 3 báo cáo',
    );
    const audit = await db.prisma.auditLog.findFirst({
      where: { action: 'period.lock', entity: 'Duty:BC6T:2033-H1' },
    });
    expect(audit?.actor).toMatch(/^person:\d+$/);
    // The status shows the lock as a fact of its own.
    expect(await vu.say('/tinhhinh BC6T 2033-H1')).toContain('Đã khóa sửa số liệu: 3/3 báo cáo');

    // The focal point of A tries to submit: refused, asks for an exception.
    const focal = chat(chats.focalA);
    expect(await submitOne(focal, 'hòa giải thành 86%')).toContain('đã khóa');
    expect(await focal.press('Đề nghị mở khóa')).toContain('Đã gửi đề nghị mở khóa');
    const request = await db.prisma.lockException.findFirstOrThrow({
      where: { assignment: { unitId: unit.a, periodCode: '2033-H1' } },
    });
    expect(request.status).toBe('pending');
    expect(
      await db.prisma.submissionValue.count({
        where: { assignment: { unitId: unit.a, periodCode: '2033-H1' } },
      }),
    ).toBe(0);

    // The request reaches the cluster head and Vụ TĐKT, with Allow / Refuse.
    await deliverPlanned();
    const toHead = tg.messagesTo(chats.clusterHead).at(-1)!;
    expect(toHead.text).toContain(`Đề nghị mở khóa số ${request.id}: Đầu mối Bắc (Sở Tư pháp Bắc Thử`);
    const toVu = tg.messagesTo(chats.vu).at(-1)!;
    expect(toVu.text).toContain(`/chophep ${request.id}`);
    const allowData = JSON.stringify(toVu.reply_markup);
    expect(allowData).toContain(`x|allow|${request.id}`);

    // A focal point of another unit cannot decide it by forging the button.
    expect(await chat(chats.focalOut).pressData(`x|allow|${request.id}`)).toContain(
      'Chỉ quản lý mới duyệt được',
    );
    // Vụ TĐKT presses Allow (the data of the button it received); a second decision is refused.
    expect(await vu.pressData(`x|allow|${request.id}`)).toContain(
      `Đã cho phép Sở Tư pháp Bắc Thử ${tag} sửa`,
    );
    expect(await chat(chats.clusterHead).say(`/tuchoi ${request.id}`)).toContain('đã được xử lý trước đó');

    // The focal point hears it and can now store; B stays locked.
    await deliverPlanned();
    expect(tg.messagesTo(chats.focalA).at(-1)!.text).toContain('đã được chấp thuận');
    expect(await submitOne(focal, 'hòa giải thành 86%')).toContain('Đã lưu');
    const focalB = chat(chats.focalB);
    expect(await submitOne(focalB, 'hòa giải thành 90%')).toContain('đã khóa');

    expect(await vu.say('/mokhoa BC6T 2033-H1')).toContain(
      'Đã mở khóa Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2033: 3 báo cáo',
    );
    expect(await submitOne(focalB, 'hòa giải thành 90%')).toContain('Đã lưu');
  });
});

describe('weekly digest', () => {
  it('on a Monday morning, managers with a deadline within 14 days get one digest of their scope', async () => {
    // Monday 11 July 2033, 09:00 in Hà Nội: BC6T 2033-H1 is due in 4 days.
    const monday = new Date('2033-07-11T02:00:00Z');
    const before = tg.messagesTo(chats.clusterHead).length;
    expect(await runtime.managerActions.planDigests(new Date('2033-07-12T02:00:00Z'))).toBe(0); // a Tuesday
    expect(await runtime.managerActions.planDigests(new Date('2033-07-11T00:30:00Z'))).toBe(0); // 07:30
    const created = await runtime.managerActions.planDigests(monday);
    expect(created).toBeGreaterThanOrEqual(2); // the cluster head and Vụ TĐKT (others may share the DB)
    expect(await runtime.managerActions.planDigests(new Date(monday.getTime() + 3_600_000))).toBe(0);
    // This file's Monday only: another file's planning pass on a Monday of its own year (BC6T
    // 2027-H1's T-3) may plan digests for these managers too, their scopes sharing its units.
    const rows = await db.prisma.reminderLedger.findMany({
      where: {
        kind: 'digest',
        chatId: { in: [String(chats.clusterHead), String(chats.vu)] },
        plannedFor: { gte: monday, lt: new Date('2033-07-18T00:00:00Z') },
      },
    });
    expect(rows).toHaveLength(2);
    await deliverPlanned();
    const digest = tg.messagesTo(chats.clusterHead).slice(before);
    expect(digest).toHaveLength(1);
    expect(digest[0]!.text).toContain('Bản tin tuần');
    expect(digest[0]!.text).toContain('6 tháng đầu năm 2033');
    // Within the cluster's scope: its two members, not the Sở outside it.
    expect(digest[0]!.text).toContain('2 đơn vị');
    expect(digest[0]!.text).not.toContain('Xa Thử');
    // The deadline it is about, and who still owes what: both members stored one figure above.
    expect(digest[0]!.text).toContain('Bản tin tuần — báo cáo hạn 15/07/2033 trong phạm vi của đồng chí:');
    expect(digest[0]!.text).toContain(`• Sở Tư pháp Bắc Thử ${tag} — Nộp một phần, còn thiếu: `);
    expect(digest[0]!.text).toContain(`• Sở Tư pháp Nam Thử ${tag} — Nộp một phần, còn thiếu: `);
    // Focal points get no digest.
    expect(tg.messagesTo(chats.focalB).some((m) => (m.text ?? '').includes('Bản tin tuần'))).toBe(false);
  });
});
