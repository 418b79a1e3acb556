/**
 * What a manager reads about who has not sent, through the real Telegram adapter (grammY against
 * the fake Bot API) on real PostgreSQL (issue 23): before the deadline, "đơn vị nào chưa nộp …"
 * names the units not complete — by cluster, in Vietnamese order, each with its state and what
 * it still owes — and a manager of another scope is told none of them; `/tonghop` over a scope
 * of two sectors writes one paragraph per sector, each figure in its indicator's own kind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramChannel, type TelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import type { Database } from '../../src/storage/database.js';
import { createDialogOnPrisma } from '../../src/wiring/dialog.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { makeUnit } from '../support/org.js';

// Thursday 8 July 2027, 09:00 in Hà Nội: BC6T 2027-H1 is due on 15 July, a week ahead.
const clock = createFixedClock(new Date('2027-07-08T02:00:00Z'));
const logger = createLogger('silent');
const tag = uniqueCode('SN');
let db: Database;
let tg: FakeTelegram;
let channel: TelegramChannel;
let chatSeq = 970_000_000 + Math.floor(Math.random() * 1_000_000);
const chats = { head: 0, other: 0 };
/**
 * This file's units by role in the story. In Vietnamese Â < Đ < Ư < V < Y; in bytes (code
 * points) Y comes first and Â, Đ, Ư after every plain letter.
 */
const names = {
  cluster: `Cụm thử tên ${tag}`,
  au: `Cục THADS Âu Lạc ${tag}`,
  dong: `Cục THADS Đông Hà ${tag}`,
  ung: `Cục THADS Ưng Hòa ${tag}`,
  van: `Cục THADS Vạn Xuân ${tag}`,
  yen: `Cục THADS Yên Bái ${tag}`,
  vanDon: `Sở Tư pháp Vân Đồn ${tag}`,
  vinh: `Sở Tư pháp Vĩnh Yên ${tag}`,
  otherCluster: `Cụm khác ${tag}`,
  elsewhere: `Sở Tư pháp Nơi khác ${tag}`,
};

/** The labels a unit of `type` still owes for BC6T when it sent `sent`: four named, the rest counted. */
async function owed(type: string, sent: string): Promise<string> {
  const required = await db.prisma.dutyIndicator.findMany({
    where: { duty: { code: 'BC6T' }, unitTypeCode: type, required: true },
    include: { indicator: true },
    orderBy: { position: 'asc' },
  });
  const lacking = required.filter((l) => l.indicator.code !== sent).map((l) => l.indicator.labelVi);
  return lacking.length > 4
    ? `${lacking.slice(0, 4).join(', ')} và ${lacking.length - 4} chỉ tiêu khác`
    : lacking.join(', ');
}

/** What the bot answers a person on Telegram who types `text`. */
async function ask(chat: number, text: string): Promise<string> {
  const before = tg.messagesTo(chat).length;
  await tg.userSays(chat, text);
  await tg.waitFor((m) => String(m.chat_id) === String(chat) && tg.messagesTo(chat).length > before, 10_000);
  return tg
    .messagesTo(chat)
    .slice(before)
    .map((m) => m.text)
    .join('\n');
}

async function manager(name: string, unitId: number): Promise<number> {
  const chat = chatSeq++;
  await db.prisma.person.create({
    data: {
      fullName: name,
      identities: {
        create: { channel: 'telegram', externalId: String(chat), chatId: String(chat), verified: true },
      },
      roles: { create: { role: 'manager', unitId } },
    },
  });
  return chat;
}

/** Stores values for a unit's BC6T 2027-H1, and its state when given (complete, on 5 July). */
async function store(unitId: number, values: Record<string, number>, state?: 'on_time') {
  const a = await db.prisma.assignment.findFirstOrThrow({
    where: { unitId, periodCode: '2027-H1', duty: { code: 'BC6T' } },
  });
  for (const [code, value] of Object.entries(values)) {
    const indicator = await db.prisma.indicator.findUniqueOrThrow({ where: { code } });
    await db.prisma.submissionValue.create({
      data: { assignmentId: a.id, indicatorId: indicator.id, value },
    });
  }
  if (state) {
    await db.prisma.assignment.update({
      where: { id: a.id },
      data: { state, submittedAt: new Date('2027-07-05T03:00:00Z') },
    });
  }
}

beforeAll(async () => {
  db = await openTestDatabase();
  tg = createFakeTelegram();
  await tg.start();
  // One cluster of two sectors: five Cục THADS and two Sở Tư pháp.
  const cluster = await db.prisma.unit.create({
    data: { code: `${tag}_CUM`, name: names.cluster, typeCode: 'CLUSTER' },
  });
  const other = await db.prisma.unit.create({
    data: { code: `${tag}_CUM2`, name: names.otherCluster, typeCode: 'CLUSTER' },
  });
  const inCluster = { cluster: cluster.code };
  // Created out of order: the answer sorts them.
  await makeUnit(db.prisma, 'CUC_THADS', { ...inCluster, name: names.yen });
  await makeUnit(db.prisma, 'CUC_THADS', { ...inCluster, name: names.ung });
  const van = await makeUnit(db.prisma, 'CUC_THADS', { ...inCluster, name: names.van });
  const dong = await makeUnit(db.prisma, 'CUC_THADS', { ...inCluster, name: names.dong });
  await makeUnit(db.prisma, 'CUC_THADS', { ...inCluster, name: names.au });
  const vinh = await makeUnit(db.prisma, 'SO_TU_PHAP', { ...inCluster, name: names.vinh });
  const vanDon = await makeUnit(db.prisma, 'SO_TU_PHAP', { ...inCluster, name: names.vanDon });
  await makeUnit(db.prisma, 'SO_TU_PHAP', { cluster: other.code, name: names.elsewhere });
  // Vạn Xuân sent on 5 July; Đông Hà one figure of seven (partial); the others nothing yet.
  await store(van.id, { thads_viec: 80 }, 'on_time');
  await store(dong.id, { thads_viec: 85 });
  // Vân Đồn sent on 5 July; Vĩnh Yên one figure (partial). Children without birth
  // registration are a count: 20 + 17 = 37 in all, never a mean.
  await store(vanDon.id, { hoa_giai_thanh: 90, khai_sinh_chua: 20 }, 'on_time');
  await store(vinh.id, { khai_sinh_chua: 17 });
  chats.head = await manager('Trưởng cụm thử tên', cluster.id);
  chats.other = await manager('Trưởng cụm khác', other.id);

  const translator = createTranslator();
  const engine = createDialogOnPrisma(db.prisma, {
    translator,
    clock,
    timeZone: 'Asia/Ho_Chi_Minh',
    defaultLocale: 'vi',
    logger,
  });
  channel = createTelegramChannel({
    token: tg.token,
    apiRoot: tg.apiRoot,
    botInfo: tg.botInfo,
    mode: { kind: 'polling', timeoutSec: 1 },
    logger,
    translator,
    retry: { maxRetryAttempts: 0, maxDelaySeconds: 0 },
  });
  await channel.start(async (input) => {
    for (const reply of await engine.handle(input)) await channel.send(input.chatId, reply);
  });
});

afterAll(async () => {
  await channel?.stop();
  await tg?.stop();
  await db?.close();
});

describe('"which units have not sent?" before the deadline', () => {
  it('names the units not complete by cluster, in Vietnamese order, with their state and what is missing', async () => {
    const reply = await ask(chats.head, 'đơn vị nào chưa nộp báo cáo 6 tháng?');

    expect(reply).toContain('(8 đơn vị trong phạm vi)');
    expect(reply).toContain(
      'Đúng hạn 2 · Nộp muộn 0 · Nộp một phần 2 · Chưa đến hạn 4 · Chưa nộp 0 — đã nộp đủ 2/8 (25 %)',
    );
    expect(reply).toContain(
      [
        'Đơn vị chưa nộp đủ (6):',
        `${names.cluster} (5):`,
        `• ${names.au} — Chưa đến hạn`,
        `• ${names.dong} — Nộp một phần, còn thiếu: ${await owed('CUC_THADS', 'thads_viec')}`,
        `• ${names.ung} — Chưa đến hạn`,
        `• ${names.yen} — Chưa đến hạn`,
        `• ${names.vinh} — Nộp một phần, còn thiếu: ${await owed('SO_TU_PHAP', 'khai_sinh_chua')}`,
        // The cluster reports too, under the clusters' own heading.
        'Cụm thi đua (1):',
        `• ${names.cluster} — Chưa đến hạn`,
      ].join('\n'),
    );
    // Those who sent everything are counted, not listed.
    expect(reply).not.toContain(names.van);
    expect(reply).not.toContain(names.vanDon);
    expect(reply).not.toContain('Không thuộc cụm');
    // Nothing outside the scope.
    expect(reply).not.toContain(names.elsewhere);
  });

  it('/tinhhinh says the same; a manager of another scope is told none of these units', async () => {
    const head = await ask(chats.head, '/tinhhinh BC6T 2027-H1');
    expect(head).toContain(`• ${names.ung} — Chưa đến hạn`);

    const other = await ask(chats.other, 'đơn vị nào chưa nộp báo cáo 6 tháng?');
    expect(other).toContain(`• ${names.elsewhere} — Chưa đến hạn`);
    for (const name of [names.au, names.dong, names.ung, names.yen, names.vinh, names.cluster]) {
      expect(other).not.toContain(name);
    }
  });
});

describe('/tonghop over two sectors', () => {
  it('one paragraph per sector, each figure in its own kind against its target; no mean of a count', async () => {
    const reply = await ask(chats.head, '/tonghop BC6T 2027-H1');
    const paragraphs = reply.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    const [thads, stp, clusters] = paragraphs as [string, string, string];

    expect(thads).toMatch(/^Đến ngày 08\/07\/2027, 1\/5 THADS tỉnh đã gửi /);
    expect(thads).toContain(
      'tỷ lệ thi hành xong về việc bình quân 82,5 %, 1/2 đơn vị đạt chỉ tiêu (> 82,5 %); 1 đơn vị mới gửi một phần; còn 3 đơn vị chưa gửi.',
    );
    expect(thads).not.toContain('hòa giải');

    expect(stp).toMatch(/^Đến ngày 08\/07\/2027, 1\/2 Sở Tư pháp đã gửi /);
    expect(stp).toContain('tỷ lệ hòa giải thành bình quân 90 %');
    expect(stp).toContain('trẻ em dưới 5 tuổi chưa đăng ký khai sinh tổng 37, 0/2 đơn vị đạt chỉ tiêu (≤ 0)');
    expect(stp).toContain('1 đơn vị mới gửi một phần.');
    expect(stp).not.toContain('thi hành xong');

    expect(clusters).toMatch(/^Đến ngày 08\/07\/2027, 0\/1 cụm thi đua đã gửi /);
    expect(reply).not.toMatch(/khai sinh bình quân/);
  });
});
