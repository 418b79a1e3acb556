import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFixedClock } from '../../src/app/system-clock.js';
import type { Database } from '../../src/storage/database.js';
import { createFakeTelegram, type FakeTelegram, type SentMessage } from '../fakes/telegram-api.js';
import { openTestDatabase } from '../support/db.js';
import { inviteCode, makeUnit } from '../support/org.js';
import { freePort, type RunningService, startService } from '../support/service.js';

// The real service process, the real grammY bot, a fake Telegram Bot API on 127.0.0.1 and the
// run's PostgreSQL: what a focal point does in Telegram, end to end.
const APP_NOW = '2027-07-08T09:00:00+07:00';
const clock = createFixedClock(new Date(APP_NOW));
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const confirmData = (m: SentMessage) => {
  const kb = (m.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)
    ?.inline_keyboard;
  const button = kb?.flat().find((b) => b.text.includes('Xác nhận'));
  if (!button) throw new Error(`no confirm button in ${JSON.stringify(m)}`);
  return button.callback_data;
};

async function journey(tg: FakeTelegram, chatBase: number) {
  const unit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS', cluster: 'CUM_THADS_1' });
  const code = await inviteCode(db.prisma, clock, unit.code);
  const chat = chatBase + 1;
  const to = (text: string) => (m: SentMessage) =>
    String(m.chat_id) === String(chat) && (m.text ?? '').includes(text);

  // An unbound chat cannot submit.
  await tg.userSays(chat, 'việc 83,5% tiền 46,2%', { id: chat, first_name: 'Minh' });
  await tg.waitFor(to('chưa kết nối'), 15_000);

  await tg.userSays(chat, `/start ${code}`, { id: chat, first_name: 'Minh' });
  await tg.waitFor(to('Đã kết nối: đồng chí là đầu mối'), 15_000);

  await tg.userSays(chat, 'việc 83,5% tiền 46,2% giảm việc 9% giảm tiền 7% nhà 2 xã 1 ủng hộ 15 triệu', {
    id: chat,
  });
  const confirm = await tg.waitFor(to('Xác nhận số liệu'), 15_000);
  expect(confirm.text).toContain('83,5 % — đạt chỉ tiêu (> 82,5 %)');

  // Another unit's focal point cannot confirm these figures with the same button.
  const intruderUnit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
  const intruder = chatBase + 2;
  await tg.userSays(intruder, `/start ${await inviteCode(db.prisma, clock, intruderUnit.code)}`, {
    id: intruder,
  });
  await tg.waitFor(
    (m) => String(m.chat_id) === String(intruder) && (m.text ?? '').includes('Đã kết nối'),
    15_000,
  );
  await tg.userPresses(intruder, confirmData(confirm), undefined, { id: intruder });
  await tg.waitFor(
    (m) => String(m.chat_id) === String(intruder) && (m.text ?? '').includes('thao tác cũ'),
    15_000,
  );

  await tg.userPresses(chat, confirmData(confirm), confirm.message_id, { id: chat });
  await tg.waitFor(to('Đã lưu 7 số liệu'), 15_000);

  await tg.userSays(chat, '/sua về tiền thành 47,1 vì Cục đã rà soát lại', { id: chat });
  const fix = await tg.waitFor(to('46,2 % → 47,1 %'), 15_000);
  await tg.userPresses(chat, confirmData(fix), fix.message_id, { id: chat });
  await tg.waitFor(to('Đã lưu 1 số liệu'), 15_000);

  const tien = await db.prisma.submissionValue.findFirstOrThrow({
    where: {
      assignment: { unitId: unit.id, duty: { code: 'BC6T' }, periodCode: '2027-H1' },
      indicator: { code: 'thads_tien' },
    },
    include: { revisions: { orderBy: { id: 'asc' } } },
  });
  expect(Number(tien.value)).toBe(47.1);
  expect(
    tien.revisions.map((r) => [
      r.channel,
      r.oldValue === null ? null : Number(r.oldValue),
      Number(r.newValue),
      r.reason,
    ]),
  ).toEqual([
    ['telegram', null, 46.2, null],
    ['telegram', 46.2, 47.1, 'Cục đã rà soát lại'],
  ]);
  expect(await db.prisma.submissionValue.count({ where: { assignment: { unitId: intruderUnit.id } } })).toBe(
    0,
  );
  const a = await db.prisma.assignment.findFirstOrThrow({
    where: { unitId: unit.id, duty: { code: 'BC6T' }, periodCode: '2027-H1' },
  });
  expect(a.state).toBe('on_time');
}

describe('Telegram, end to end', () => {
  let service: RunningService | undefined;
  afterAll(async () => {
    await service?.stop();
  });

  it('long polling: bind → submit → confirm → correct, and setMyCommands in both languages', async () => {
    const tg = createFakeTelegram();
    await tg.start();
    try {
      service = await startService({
        DATABASE_URL: inject('databaseUrl'),
        REDIS_URL: inject('redisUrl'),
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        APP_NOW,
        WEB_CHAT: '0',
      });
      await journey(tg, 910_000_000);
      expect(tg.commands.map((c) => c.language_code ?? 'default').sort()).toEqual(['default', 'en']);
      expect(service.logs()).not.toContain(tg.token);
      expect(service.logs()).not.toContain('46,2');
    } finally {
      expect(await service?.stop()).toBe(0);
      service = undefined;
      await tg.stop();
    }
  }, 90_000);

  it('webhook: the same journey, updates posted with the secret header', async () => {
    const tg = createFakeTelegram();
    await tg.start();
    const port = await freePort();
    try {
      service = await startService(
        {
          DATABASE_URL: inject('databaseUrl'),
          REDIS_URL: inject('redisUrl'),
          TELEGRAM_BOT_TOKEN: tg.token,
          TELEGRAM_API_ROOT: tg.apiRoot,
          TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`,
          TELEGRAM_WEBHOOK_SECRET: 'test-webhook-secret-123',
          APP_NOW,
          WEB_CHAT: '0',
        },
        port,
      );
      for (let i = 0; i < 50 && !tg.webhook; i++) await new Promise((r) => setTimeout(r, 100));
      expect(tg.webhook).toEqual({
        url: `http://127.0.0.1:${port}/telegram/webhook`,
        secret: 'test-webhook-secret-123',
      });
      const forged = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'wrong' },
        body: JSON.stringify({
          update_id: 1,
          message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: '/start' },
        }),
      });
      expect(forged.status).toBe(401);
      await journey(tg, 920_000_000);
    } finally {
      expect(await service?.stop()).toBe(0);
      service = undefined;
      await tg.stop();
    }
  }, 90_000);
});
