/**
 * Hostile and random input through the dialog engine, on real PostgreSQL: random Unicode, very
 * long texts, control characters, numbers in every format, injection strings, forged callback
 * data, and stale buttons replayed from earlier replies — from unbound chats, focal points and
 * managers, in Vietnamese and in English.
 *
 * Invariants checked after every input: the engine answers (never throws, never an empty
 * reply, never the "system error" text), no value is stored unless the input could be a
 * confirmation (a confirm button's data, "1", or the word), and replies are in the person's
 * language.
 *
 * `npm test` runs a short pass (FUZZ_N, default 400); `npm run test:fuzz` runs 10,000.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialogEngine } from '../../src/dialog/engine.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import type { ChannelName, DialogInput, OutgoingMessage } from '../../src/ports/channel.js';
import type { Database } from '../../src/storage/database.js';
import { createDialogOnPrisma } from '../../src/wiring/dialog.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { makeUnit } from '../support/org.js';

const N = Number(process.env.FUZZ_N ?? 400);
// From 8 July 2027, 09:00 in Hà Nội (BC6T 2027-H1 open, due 15 July), 5 seconds per input: a
// person types at human speed, under the per-chat flood limit (tested on its own below).
let nowMs = new Date('2027-07-08T02:00:00Z').getTime();
const clock = { now: () => new Date(nowMs) };
const translator = createTranslator();
let db: Database;
let engine: DialogEngine;

/** A small deterministic PRNG (mulberry32), so a failure can be replayed with FUZZ_SEED. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const rnd = prng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const int = (n: number) => Math.floor(rnd() * n);

const WORDS = [
  'việc',
  'tiền',
  've viec',
  'VỀ TIỀN',
  'giảm việc',
  'hòa giải thành',
  'hoa giai vien',
  'nhà',
  'xã',
  'ủng hộ',
  'LĐTT',
  'CSTĐCS',
  'đạt',
  'khoảng',
  'so với cùng kỳ',
  '6 tháng',
  'tăng',
  'ạ',
  'số',
  'ngày',
  'sửa',
  'vì',
  'xác nhận',
  'confirm',
  'hủy',
  'bỏ qua',
  'skip',
  'báo cáo năm',
  'chưa nộp',
  'đơn vị nào',
];
const NUMBERS = [
  '83,5%',
  '83.5 %',
  '1.234',
  '1,234',
  '2.500.000đ',
  '1,2 tỷ',
  '350 triệu',
  '15tr',
  '-5',
  '101%',
  '0',
  '1e9',
  '99999999999999999999',
  '½',
  '٣٤',
  '８３．５',
  '83,5 %',
  'NaN',
  'Infinity',
  '0x1F',
  '1/2',
  '3-4',
];
const NASTY = [
  '\'; DROP TABLE "Unit"; --',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '${7*7}',
  '{{7*7}}',
  '%s%s%n',
  '\u0000',
  '\u202e‮gnp.exe',
  '\uFEFF',
  'e\u0301\u0301\u0301',
  '👨‍👩‍👧‍👦',
  '\uD800',
  '\r\n\t',
  '\\u0000',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '/start',
  '/start ',
  '/start AAAA-BBBB-CCCC',
  '/sua',
  '/nhac',
  '/khoa BC6T 2027-H1',
  '/mokhoa',
  '/chophep 1',
  '/tuchoi 999999999',
  '/danhac %',
  '/tinhhinh DKTD 1999',
  '/xuat',
  '/bieudo BC6T 2027-H1 thads_viec',
  '/lienket',
  '/kenh',
  '/ngonngu',
  '/trogiup',
  '/hanchot',
  '/@@@',
  `/${'x'.repeat(40)}`,
  'K7PM-Q2XD-9RWA',
  'số 123/BC-STP ngày 31/2/2027',
  '1',
  '2',
  '3',
  '99',
];

function randomUnicode(len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) {
    const r = rnd();
    const cp =
      r < 0.5 ? 0x20 + int(0x5f) : r < 0.8 ? 0xc0 + int(0x1f40) : r < 0.95 ? 0x1f300 + int(0x300) : int(0x20);
    s += String.fromCodePoint(cp);
  }
  return s;
}

function randomText(): string {
  switch (int(7)) {
    case 0:
      return randomUnicode(1 + int(60));
    case 1:
      return 'việc 83,5% '.repeat(200 + int(500)); // far over the length cap
    case 2:
      return pick(NASTY);
    case 3:
      return Array.from({ length: 1 + int(6) }, () => `${pick(WORDS)} ${pick(NUMBERS)}`).join(
        pick([' ', ', ', '; ', '\n', ' - ', ' = ']),
      );
    case 4:
      return `${pick(WORDS)}${pick(['', ':', '=', ' '])}${pick(NUMBERS)}`;
    case 5:
      return pick(NUMBERS);
    default:
      return `${pick(NASTY)} ${pick(WORDS)} ${pick(NUMBERS)}`.normalize(
        pick(['NFC', 'NFD', 'NFKC']) as 'NFC',
      );
  }
}

interface Actor {
  channel: ChannelName;
  chatId: string;
  locale: 'vi' | 'en';
  /** Button data seen in replies to this chat (replayed later, mostly stale). */
  seen: string[];
  /** Button data of the last reply (pressed now and then, as a person would). */
  current: string[];
}

const revisions = () =>
  db.prisma.submissionRevision.count({ where: { person: { fullName: { startsWith: 'Fuzz ' } } } });

beforeAll(async () => {
  db = await openTestDatabase();
  engine = createDialogOnPrisma(db.prisma, {
    translator,
    clock,
    timeZone: 'Asia/Ho_Chi_Minh',
    defaultLocale: 'vi',
    logger: createLogger('silent'),
  });
});
afterAll(async () => {
  await db.close();
});

describe(`fuzz: ${N} hostile inputs through the dialog engine (seed ${SEED})`, () => {
  it('never crashes, never stores without a confirmation, answers in the person’s language', async () => {
    const actors: Actor[] = [];
    for (const [type, role, locale, channel] of [
      ['CUC_THADS', 'focal', 'vi', 'telegram'],
      ['CUC_THADS', 'focal', 'en', 'zalo'],
      ['SO_TU_PHAP', 'focal', 'vi', 'web'],
      ['SO_TU_PHAP', 'manager', 'vi', 'telegram'],
      ['CUC_THADS', 'manager', 'en', 'telegram'],
    ] as const) {
      const unit = await makeUnit(db.prisma, type, type === 'CUC_THADS' ? { parent: 'TCTHADS' } : {});
      const chatId = uniqueCode('fz');
      await db.prisma.person.create({
        data: {
          fullName: `Fuzz ${chatId}`,
          locale,
          identities: { create: { channel, externalId: chatId, chatId } },
          roles: { create: { role, unitId: unit.id } },
        },
      });
      actors.push({ channel, chatId, locale, seen: [], current: [] });
    }
    // Two unbound chats: one with an English client, one Vietnamese.
    actors.push({ channel: 'telegram', chatId: uniqueCode('fzu'), locale: 'en', seen: [], current: [] });
    actors.push({ channel: 'zalo', chatId: uniqueCode('fzu'), locale: 'vi', seen: [], current: [] });

    const systemError = new Set([translator.t('vi', 'system-error'), translator.t('en', 'system-error')]);
    // Words that only the other language's texts use (data such as unit names aside).
    const foreign = { vi: /\b(Please|You are|Send |Your )\b/, en: /(Đồng chí|đồng chí|Gửi |Không có lệnh)/ };
    let stored = await revisions();
    let confirms = 0;
    for (let i = 0; i < N; i++) {
      nowMs += 5_000;
      const a = pick(actors);
      const input: DialogInput = { channel: a.channel, chatId: a.chatId, userId: a.chatId };
      if (a.locale === 'en') input.languageHint = 'en-US';
      const r = rnd();
      let couldConfirm = false;
      if (r < 0.1 && a.current.length > 0) {
        input.buttonData = pick(a.current); // the live buttons: skip, confirm, edit, cancel…
        couldConfirm = input.buttonData.endsWith('|ok');
      } else if (r < 0.15 && rnd() < 0.5) {
        input.text = pick([
          'việc 83,5% tiền 46,2%',
          'hòa giải thành 86%',
          've viec 80 ve tien 40',
          'ủng hộ 15 triệu',
        ]);
      } else if (r < 0.2 && a.seen.length > 0) {
        input.buttonData = pick(a.seen); // a stale (or current) button
        couldConfirm = input.buttonData.endsWith('|ok');
      } else if (r < 0.25) {
        input.buttonData = pick([
          `${randomUnicode(6)}|ok`,
          'x|allow|1',
          'x|refuse|-1',
          `${'A'.repeat(6)}|asg|99999999`,
          '|||',
          randomUnicode(100),
          'x|allow|1e9',
          '',
        ]);
      } else if (r < 0.3) {
        input.file = {
          name: randomUnicode(300),
          mime: pick(['application/pdf', 'image/png', 'x/evil']),
          size: int(1e9),
          ref: randomUnicode(20),
        };
      } else {
        input.text = randomText();
        couldConfirm =
          /^\s*1\s*\.?\s*$/.test(input.text) || /^(xac nhan|xác nhận|confirm)$/i.test(input.text.trim());
      }
      let replies: OutgoingMessage[];
      try {
        replies = await engine.handle(input);
      } catch (err) {
        throw new Error(
          `input ${i} threw: ${JSON.stringify(input).slice(0, 300)}: ${(err as Error).message}`,
        );
      }
      const context = `input ${i} (${a.locale}, ${a.channel}): ${JSON.stringify(input).slice(0, 200)}`;
      expect(replies.length, context).toBeGreaterThan(0);
      a.current = replies.flatMap((m) => m.buttons?.flat() ?? []).map((b) => b.data);
      for (const m of replies) {
        expect(m.text.trim().length, context).toBeGreaterThan(0);
        expect(systemError.has(m.text), `${context} → ${m.text}`).toBe(false);
        for (const b of m.buttons?.flat() ?? []) {
          expect(Buffer.byteLength(b.data), context).toBeLessThanOrEqual(64);
          a.seen.push(b.data);
        }
      }
      // A language button pressed (live or replayed: the choice is honoured either way) switches it.
      for (const l of ['vi', 'en'] as const)
        if (replies.some((m) => m.text === translator.t(l, 'lang-set'))) a.locale = l;
      // Replies are in the person's language (unbound chats: the client's hint, or their choice).
      const text = replies.map((m) => m.text).join('\n');
      expect(foreign[a.locale].test(text), `${context} → ${text.slice(0, 300)}`).toBe(false);
      if (a.seen.length > 50) a.seen.splice(0, a.seen.length - 50);

      const now = await revisions();
      if (now !== stored) {
        expect(couldConfirm, `${context}: values stored without a confirmation`).toBe(true);
        confirms++;
        stored = now;
      }
    }
    console.info(`fuzz: ${N} inputs, ${confirms} confirmations stored values, seed ${SEED}`);
  }, 600_000);
});

describe('text PostgreSQL cannot hold', () => {
  it('a lone surrogate or a NUL byte from a focal point gets an ordinary reply, and the draft is kept', async () => {
    const unit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const chatId = uniqueCode('fzs');
    await db.prisma.person.create({
      data: {
        fullName: `Fuzz ${chatId}`,
        identities: { create: { channel: 'zalo', externalId: chatId, chatId } },
        roles: { create: { role: 'focal', unitId: unit.id } },
      },
    });
    const say = (text: string) =>
      engine
        .handle({ channel: 'zalo', chatId, userId: chatId, text })
        .then((r) => r.map((m) => m.text).join('\n'));
    expect(await say('\uD800')).not.toContain('sự cố hệ thống');
    const reply = await say('việc 83,5%\u0000 tiền 46,2% \uDC00');
    expect(reply).not.toContain('sự cố hệ thống');
    expect(reply).toContain('Còn thiếu');
    const conv = await db.prisma.conversation.findUniqueOrThrow({
      where: { channel_chatId: { channel: 'zalo', chatId } },
    });
    expect(JSON.stringify(conv.state)).toContain('việc 83,5% tiền 46,2% \uFFFD');
  });
});

describe('flood limit', () => {
  it('past 30 messages a minute a chat gets one polite notice, then silence, then answers again', async () => {
    const chatId = uniqueCode('flood');
    const say = (text: string) => engine.handle({ channel: 'telegram', chatId, userId: chatId, text });
    const start = nowMs;
    for (let i = 0; i < 30; i++) expect((await say('/trogiup')).length).toBeGreaterThan(0);
    const notice = await say('/trogiup');
    expect(notice.map((m) => m.text).join('')).toMatch(/gửi nhiều tin quá nhanh.*sau \d+ giây/);
    expect(await say('/trogiup')).toEqual([]);
    nowMs = start + 61_000;
    expect((await say('/trogiup'))[0]?.text).toContain('/start');
  });
});
