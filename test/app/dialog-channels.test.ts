/**
 * One person on several channels: a link code from one channel binds the other, reminders
 * follow the channel used last unless the person chooses, and choices can be answered with
 * their word as well as their digit (text-only channels). Real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialogEngine } from '../../src/dialog/engine.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import type { Database } from '../../src/storage/database.js';
import { createPrismaReminderRecipients } from '../../src/storage/reminder-recipient-store.js';
import { createDialogOnPrisma } from '../../src/wiring/dialog.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
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
    const store = createPrismaReminderRecipients(db.prisma);
    expect((await store.recipientsOf([person.id])).get(person.id)?.channel).toBe('zalo');

    // On Zalo, where a figure may follow, choices are answered with their word (a digit would
    // be a figure): `lưu` for "Lưu phần đã có".
    const reply = await zalo.say('việc 83,5% tiền 46,2%');
    expect(reply).toContain('Xác nhận số liệu');
    expect(zalo.last()[0]?.expectsFigure).toBe(true);
    expect(await zalo.say('lưu')).toContain(`Đã lưu 2 số liệu của ${unit.name}`);
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

describe('quiet hours (/giotinh, /quiet)', () => {
  async function boundFocal(channel: 'telegram' | 'zalo' | 'web') {
    const unit = await makeUnit(db.prisma, 'SO_TU_PHAP');
    const chatId = uniqueCode(channel);
    const chat = chatWith(engine, { channel, chatId });
    expect(
      await chat.say(`/start ${await inviteCode(db.prisma, createFixedClock(start), unit.code)}`),
    ).toContain('Đã kết nối');
    const quiet = async () => {
      const p = await db.prisma.person.findFirstOrThrow({
        where: { identities: { some: { channel, externalId: chatId } } },
        select: { id: true, quietFrom: true, quietTo: true },
      });
      return p;
    };
    return { chat, quiet };
  }

  it.each(['telegram', 'zalo', 'web'] as const)(
    'on %s, in Vietnamese: shows, sets, refuses bad input politely, clears',
    async (channel) => {
      now = start;
      const { chat, quiet } = await boundFocal(channel);
      let reply = await chat.say('/giotinh');
      expect(reply).toContain('Đồng chí chưa đặt giờ tạm dừng nhắc');
      expect(reply).toContain('Đặt giờ tạm dừng nhắc: /giotinh 12:00-13:30');
      expect(reply).toContain('Bỏ giờ tạm dừng nhắc: /giotinh tắt');
      expect(reply).toContain(
        'tối đa 14 giờ mỗi ngày, trong đó tối đa 3 giờ trong giờ hành chính (08:00–17:00)',
      );

      reply = await chat.say('/giotinh 12h-13h30');
      expect(reply).toBe(
        'Đã lưu giờ tạm dừng nhắc: 12:00–13:30 hằng ngày. Lời nhắc rơi vào khoảng này sẽ được gửi từ 13:30 (trong giờ làm việc).',
      );
      expect(await quiet()).toMatchObject({ quietFrom: 720, quietTo: 810 });
      expect(await chat.say('/giờtĩnh')).toContain('Giờ tạm dừng nhắc của đồng chí: 12:00–13:30 hằng ngày');

      // Refusals change nothing and show an example.
      reply = await chat.say('/giotinh 12:00');
      expect(reply).toContain('Chưa đọc được "12:00" là một khoảng giờ');
      expect(reply).toContain('ví dụ: /giotinh 12:00-13:30 hoặc /giotinh 22:00-6:00');
      expect(await chat.say('/giotinh 12h-12h')).toContain('Chưa đọc được "12h-12h"');
      reply = await chat.say('/giotinh 8:00-17:00');
      expect(reply).toContain('Khoảng tạm dừng nhắc "8:00-17:00" dài quá');
      expect(reply).toContain(
        'tối đa 14 giờ mỗi ngày, trong đó tối đa 3 giờ trong giờ hành chính (08:00–17:00)',
      );
      expect(await chat.say('/giotinh 6:00-22:00')).toContain('dài quá');
      expect(await quiet()).toMatchObject({ quietFrom: 720, quietTo: 810 });

      // Across midnight.
      expect(await chat.say('/giotinh 22:00 - 6:00')).toContain(
        'Đã lưu giờ tạm dừng nhắc: 22:00–06:00 hằng ngày',
      );
      expect(await quiet()).toMatchObject({ quietFrom: 1320, quietTo: 360 });

      expect(await chat.say('/giotinh tắt')).toBe(
        'Đã bỏ giờ tạm dừng nhắc: lời nhắc sẽ được gửi ngay khi đến lúc nhắc.',
      );
      expect(await quiet()).toMatchObject({ quietFrom: null, quietTo: null });
      expect(await chat.say('/giotinh')).toContain('Đồng chí chưa đặt giờ tạm dừng nhắc');
    },
  );

  it('in English, with /quiet: sets, shows, refuses, clears; help lists it', async () => {
    now = start;
    const { chat, quiet } = await boundFocal('telegram');
    await chat.say('/ngonngu');
    expect(await chat.press('English')).toContain('Switched to English');
    expect(await chat.say('/trogiup')).toContain('/giotinh (or /quiet) — quiet hours');

    let reply = await chat.say('/quiet');
    expect(reply).toContain('You have no quiet hours');
    expect(reply).toContain('To set quiet hours: /giotinh 12:00-13:30');
    expect(reply).toContain(
      'at most 14 hours a day, of which at most 3 hours within office hours (08:00–17:00)',
    );

    expect(await chat.say('/quiet 10pm-6am')).toBe(
      'Saved: quiet hours 22:00–06:00 every day. Reminders due in that period will be sent from 06:00 (within working hours).',
    );
    expect(await quiet()).toMatchObject({ quietFrom: 1320, quietTo: 360 });
    expect(await chat.say('/quiet')).toContain('Your quiet hours: 22:00–06:00 every day');

    reply = await chat.say('/quiet noon');
    expect(reply).toContain('I could not read "noon" as a time range');
    expect(reply).toContain('e.g. /giotinh 12:00-13:30');
    reply = await chat.say('/quiet 9:00-13:00');
    expect(reply).toContain('The quiet period "9:00-13:00" is too long');
    expect(await quiet()).toMatchObject({ quietFrom: 1320, quietTo: 360 });

    expect(await chat.say('/quiet off')).toBe(
      'Quiet hours removed: reminders are sent as soon as they are due.',
    );
    expect(await quiet()).toMatchObject({ quietFrom: null, quietTo: null });
  });

  it('a stored period that breaks the cap reads as none; unbound chats are told to bind first', async () => {
    now = start;
    const { chat, quiet } = await boundFocal('web');
    const { id } = await quiet();
    await db.prisma.person.update({ where: { id }, data: { quietFrom: 480, quietTo: 1020 } });
    expect(await chat.say('/giotinh')).toContain('Đồng chí chưa đặt giờ tạm dừng nhắc');
    expect(await chat.say('/trogiup')).toContain('/giotinh — giờ tạm dừng nhắc');

    const stranger = chatWith(engine, { channel: 'zalo', chatId: uniqueCode('zl') });
    expect(await stranger.say('/giotinh 12:00-13:00')).toContain('chưa kết nối');
    expect(await stranger.say('/quiet')).toContain('chưa kết nối');
  });
});
