/**
 * One person on several channels: a link code from one channel binds the other, reminders
 * follow the channel used last unless the person chooses, and choices can be answered with
 * their word as well as their digit (text-only channels). Real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDialogOnPrisma } from '../../src/app/dialog-factory.js';
import { createFixedClock } from '../../src/app/system-clock.js';
import type { DialogEngine } from '../../src/dialog/engine.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logger.js';
import type { Database } from '../../src/storage/database.js';
import { createPrismaReminderStore } from '../../src/storage/reminder-store.js';
import { chatWith } from '../support/chat.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { inviteCode, makeUnit } from '../support/org.js';

// 8 July 2027, 09:00 in Hà Nội: BC6T 2027-H1 is due on 15 July.
const start = new Date('2027-07-08T02:00:00Z');
let now = start;
const clock = { now: () => now };
let db: Database;
let engine: DialogEngine;

beforeAll(async () => {
  db = await openTestDatabase();
  engine = createDialogOnPrisma(db.prisma, {
    translator: createTranslator(),
    clock,
    timeZone: 'Asia/Ho_Chi_Minh',
    defaultLocale: 'vi',
    logger: createLogger('silent'),
  });
});
afterAll(async () => {
  await db.close();
});

describe('one person, Telegram and Zalo', () => {
  it('links the second channel with a one-time code, answers choices by word, and reaches the channel used last', async () => {
    const unit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const tgUser = uniqueCode('tg');
    const zaloUser = uniqueCode('zl');
    const tg = chatWith(engine, { channel: 'telegram', chatId: tgUser });
    const zalo = chatWith(engine, { channel: 'zalo', chatId: zaloUser });
    expect(
      await tg.say(`/start ${await inviteCode(db.prisma, createFixedClock(start), unit.code)}`),
    ).toContain('Đã kết nối');

    const linkReply = await tg.say('/lienket');
    const code = /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(linkReply)?.[1];
    expect(code).toBeDefined();
    expect(linkReply).toContain('hiệu lực 30 phút');
    // Only the hash is stored.
    expect(await db.prisma.linkCode.count({ where: { codeHash: code! } })).toBe(0);

    now = new Date(start.getTime() + 10 * 60_000);
    expect(await zalo.say(code!)).toContain('Đã liên kết');
    const person = await db.prisma.person.findFirstOrThrow({
      where: { identities: { some: { externalId: zaloUser } } },
      include: { identities: true, roles: true },
    });
    expect(person.identities.map((i) => i.channel).sort()).toEqual(['telegram', 'zalo']);
    // Still one focal point: linking is not a handover.
    expect(person.roles.filter((r) => r.unitId === unit.id && r.endedAt === null)).toHaveLength(1);
    // Used once: another Zalo account cannot take it.
    const intruder = chatWith(engine, { channel: 'zalo', chatId: uniqueCode('zl') });
    expect(await intruder.say(code!)).toContain('đã được sử dụng');

    // The person used Zalo last: reminders go there.
    const store = createPrismaReminderStore(db.prisma);
    expect((await store.recipientsOf([person.id])).get(person.id)?.channel).toBe('zalo');

    // On Zalo, choices are answered with the word or the digit.
    let reply = await zalo.say('việc 83,5% tiền 46,2%');
    for (let i = 0; i < 10 && !reply.includes('Xác nhận số liệu'); i++) reply = await zalo.say('bỏ qua');
    expect(reply).toContain('Xác nhận số liệu');
    expect(await zalo.say('xac nhan')).toContain(`Đã lưu 2 số liệu của ${unit.name}`);
    const rev = await db.prisma.submissionRevision.findMany({
      where: { value: { assignment: { unitId: unit.id } } },
    });
    expect(rev.map((r) => r.channel)).toEqual(['zalo', 'zalo']);

    // Choosing a channel overrides "last used"; "last used" can be chosen again.
    const choose = await zalo.say('/kenh');
    expect(choose).toContain('Lời nhắc đang gửi tới: kênh dùng gần nhất');
    const labels = zalo.buttons().map((b) => b.label);
    const telegramIndex = labels.indexOf('Telegram') + 1;
    expect(await zalo.say(String(telegramIndex))).toContain('Đã lưu: lời nhắc sẽ gửi tới Telegram');
    expect((await store.recipientsOf([person.id])).get(person.id)?.channel).toBe('telegram');
    await zalo.say('/kenh');
    expect(await zalo.say('kênh dùng gần nhất')).toContain('kênh dùng gần nhất');
    expect((await store.recipientsOf([person.id])).get(person.id)?.channel).toBe('zalo');
  });

  it('an expired link code is refused and binds nothing', async () => {
    const unit = await makeUnit(db.prisma, 'SO_TU_PHAP');
    const tg = chatWith(engine, { channel: 'telegram', chatId: uniqueCode('tg') });
    now = start;
    await tg.say(`/start ${await inviteCode(db.prisma, createFixedClock(start), unit.code)}`);
    const code = /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(await tg.say('/lienket'))![1]!;
    now = new Date(start.getTime() + 31 * 60_000);
    const zaloUser = uniqueCode('zl');
    const zalo = chatWith(engine, { channel: 'zalo', chatId: zaloUser });
    expect(await zalo.say(code)).toContain('hết hạn');
    expect(await db.prisma.identity.count({ where: { externalId: zaloUser } })).toBe(0);
    expect(await zalo.say('việc 80%')).toContain('chưa kết nối');
  });
});
