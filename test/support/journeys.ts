/**
 * The dialog journeys every chat channel must support, as one table, and a driver per channel
 * that plays them through its real adapter (Telegram and Zalo through their fake API servers,
 * the web chat through its HTTP API: ./web-driver.ts). `test/e2e/channel-journeys.test.ts`
 * runs every journey on every driver, so a journey cannot exist on one channel only. The
 * journeys of figures people can trust (what is missing, digits, numbers named back) are in
 * ./journeys-figures.ts and join this table.
 *
 * A driver knows how a person acts on its channel: Telegram and the web chat press buttons;
 * Zalo answers numbered choices with the digit, and choices listed by word (where a figure may
 * be typed next, so a digit would be that figure) with the word. Telegram receives documents,
 * Zalo a signed link, the web chat a file link in its inbox.
 */
import { expect } from 'vitest';
import type { Clock } from '../../src/ports/clock.js';
import type { Database } from '../../src/storage/database.js';
import type { FakeTelegram, SentMessage } from '../fakes/telegram-api.js';
import type { FakeZalo, ZaloSentMessage } from '../fakes/zalo-api.js';
import { FIGURE_JOURNEYS } from './journeys-figures.js';
import { inviteCode, makeUnit } from './org.js';

/** One message the bot sent, as the driver saw it. */
export interface Reply {
  text: string;
  raw: unknown;
}

/** What a file offered in a reply turned out to be once fetched. */
export interface ReceivedFile {
  name: string;
  /** `document` (xlsx) or `photo` (chart). */
  kind: 'document' | 'photo';
  bytes: number;
  /** Content type, when the platform let us see it. */
  mime?: string;
}

/** The channels a journey runs on. */
export type ChannelName = 'telegram' | 'zalo' | 'web';

/** The choices a reply offers, as the person sees them. */
export interface OfferedChoices {
  /** Labels without leading emoji (`Lưu phần đã có`, `Hủy`). */
  labels: string[];
  /** Answered by a digit (Zalo's numbered lines); false for buttons and choices listed by word. */
  numbered: boolean;
}

export interface ChatDriver {
  readonly channel: ChannelName;
  /** A chat id unique to this run for the person numbered `n`. */
  chat(n: number): string;
  say(chat: string, text: string, name?: string): Promise<void>;
  /** The next message to `chat` (after those already matched) containing `text` ('' = any). */
  waitFor(chat: string, text: string, timeoutMs?: number): Promise<Reply>;
  /** The person answers the choice labelled `label` offered in `reply`. */
  choose(chat: string, reply: Reply, label: string): Promise<void>;
  /** Another person tries the choice offered to someone else (a forwarded or replayed button). */
  chooseForeign(chat: string, reply: Reply, label: string): Promise<void>;
  /** Fetches the file a reply carried or linked to. */
  fileOf(reply: Reply): Promise<ReceivedFile>;
  /** The choices offered in `reply`. */
  choicesOf(reply: Reply): OfferedChoices;
  /** Every message the bot sent to `chat` (so far as the driver has seen). */
  texts(chat: string): string[];
}

export interface JourneyContext {
  db: Database;
  clock: Clock;
  driver: ChatDriver;
  /** Values a journey's steps share (unit ids, invite codes, replies by name). */
  vars: Record<string, unknown>;
}

/** A text with `{name}` placeholders filled from `vars`. */
type Text = string;

/** What a reply is awaited by. */
export interface Expect {
  who: string;
  /** A text the reply contains (per channel when it differs; '' = any). */
  expects: Text | Record<ChannelName, Text>;
  /** The reply is kept under this name (for `chooses`, `fileOf`). */
  as?: string;
  /** Texts the reply also contains. */
  contains?: Text[];
  /** Texts the reply must not contain. */
  lacks?: Text[];
  /** Exactly these choices are offered (labels without leading emoji, in order). */
  choices?: string[];
  /**
   * A figure may be typed next: the choices are never numbered (Zalo lists them by word), so a
   * digit is read as a figure. False: the choices are numbered on Zalo.
   */
  byWord?: boolean;
  /** It is the only message answering the person's last input (refusals and values in one). */
  alone?: boolean;
}

export type Step =
  /** Person `who` (a key of `people`) sends `says`. */
  | { who: string; says: Text }
  /** Waits for a reply to `who` (see Expect). */
  | Expect
  /** `who` answers the choice labelled `chooses` of the reply named `in`. */
  | { who: string; chooses: string; in: string; foreign?: boolean }
  /** The file of the reply named `fileOf` is fetched and checked. */
  | { fileOf: string; kind: 'document' | 'photo'; nameEndsWith: string; minBytes: number }
  /** Anything else, in code. */
  | { check: (ctx: JourneyContext) => Promise<void> };

export interface Journey {
  name: string;
  /** Not played yet: why (the feature it needs is not built). The test lists it as a todo. */
  todo?: string;
  /** People of the journey, by key: the number is the driver's chat index. */
  people: Record<string, number>;
  setup(ctx: JourneyContext): Promise<void>;
  steps: Step[];
}

const T = 15_000;

export const JOURNEYS: Journey[] = [
  {
    name: 'focal point: bind → submit → confirm → correct (another unit cannot confirm)',
    people: { focal: 1, intruder: 2 },
    async setup({ db, clock, vars }) {
      const unit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS', cluster: 'CUM_THADS_1' });
      const intruderUnit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
      vars.unit = unit;
      vars.intruderUnit = intruderUnit;
      vars.code = await inviteCode(db.prisma, clock, unit.code);
      vars.intruderCode = await inviteCode(db.prisma, clock, intruderUnit.code);
    },
    steps: [
      // An unbound chat cannot submit.
      { who: 'focal', says: 'việc 83,5% tiền 46,2%' },
      { who: 'focal', expects: 'chưa kết nối' },
      { who: 'focal', says: '/start {code}' },
      { who: 'focal', expects: 'Đã kết nối: đồng chí là đầu mối' },
      { who: 'focal', says: 'việc 83,5% tiền 46,2% giảm việc 9% giảm tiền 7% nhà 2 xã 1 ủng hộ 15 triệu' },
      {
        who: 'focal',
        expects: 'Xác nhận số liệu',
        as: 'confirm',
        contains: ['83,5 % — đạt chỉ tiêu (> 82,5 %)'],
      },
      // Another unit's focal point cannot confirm these figures with the same choice.
      { who: 'intruder', says: '/start {intruderCode}' },
      { who: 'intruder', expects: 'Đã kết nối' },
      { who: 'intruder', chooses: 'Xác nhận', in: 'confirm', foreign: true },
      { who: 'intruder', expects: { telegram: 'thao tác cũ', zalo: '', web: 'thao tác cũ' } },
      { who: 'focal', chooses: 'Xác nhận', in: 'confirm' },
      { who: 'focal', expects: 'Đã lưu 7 số liệu' },
      { who: 'focal', says: '/sua về tiền thành 47,1 vì Cục đã rà soát lại' },
      { who: 'focal', expects: '46,2 % → 47,1 %', as: 'fix' },
      { who: 'focal', chooses: 'Xác nhận', in: 'fix' },
      { who: 'focal', expects: 'Đã lưu 1 số liệu' },
      {
        async check({ db, driver, vars }) {
          const unit = vars.unit as { id: number };
          const intruderUnit = vars.intruderUnit as { id: number };
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
            [driver.channel, null, 46.2, null],
            [driver.channel, 46.2, 47.1, 'Cục đã rà soát lại'],
          ]);
          expect(
            await db.prisma.submissionValue.count({ where: { assignment: { unitId: intruderUnit.id } } }),
          ).toBe(0);
          const a = await db.prisma.assignment.findFirstOrThrow({
            where: { unitId: unit.id, duty: { code: 'BC6T' }, periodCode: '2027-H1' },
          });
          expect(a.state).toBe('on_time');
          for (const t of driver.texts(driver.chat(2))) expect(t).not.toContain('Đã lưu');
        },
      },
    ],
  },
  {
    name: 'manager: status, the Excel export and the chart',
    people: { manager: 3 },
    async setup({ db, clock, vars }) {
      vars.code = await inviteCode(db.prisma, clock, 'TCTHADS', 'manager');
    },
    steps: [
      { who: 'manager', says: '/start {code}' },
      { who: 'manager', expects: 'Đã kết nối' },
      { who: 'manager', says: '/tinhhinh BC6T 2027-H1' },
      {
        who: 'manager',
        expects: 'Tình hình Báo cáo công tác thi đua',
        contains: ['6 tháng đầu năm 2027', 'Đúng hạn'],
      },
      { who: 'manager', says: '/xuat BC6T 2027-H1' },
      { who: 'manager', expects: 'Tệp Excel tình hình', as: 'xlsx' },
      { fileOf: 'xlsx', kind: 'document', nameEndsWith: '.xlsx', minBytes: 2_000 },
      { who: 'manager', says: '/bieudo BC6T 2027-H1' },
      { who: 'manager', expects: 'Biểu đồ', as: 'chart' },
      { fileOf: 'chart', kind: 'photo', nameEndsWith: '', minBytes: 2_000 },
    ],
  },
  ...FIGURE_JOURNEYS,
];

const fill = (text: string, vars: Record<string, unknown>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));

/** Plays one journey on one driver; resolves to the values its steps shared (invite codes…). */
export async function playJourney(
  journey: Journey,
  ctx: Omit<JourneyContext, 'vars'>,
): Promise<Record<string, unknown>> {
  const full: JourneyContext = { ...ctx, vars: {} };
  await journey.setup(full);
  const chatOf = (who: string) => {
    const n = journey.people[who];
    if (n === undefined) throw new Error(`journey "${journey.name}": nobody called ${who}`);
    return ctx.driver.chat(n);
  };
  const replies = new Map<string, Reply>();
  /** Per chat, how many messages it had received when its person last acted. */
  const actedAt = new Map<string, number>();
  const acted = (chat: string) => actedAt.set(chat, ctx.driver.texts(chat).length);
  for (const [i, step] of journey.steps.entries()) {
    const where = `${ctx.driver.channel} · ${journey.name} · step ${i + 1}`;
    try {
      if ('says' in step) {
        acted(chatOf(step.who));
        await ctx.driver.say(chatOf(step.who), fill(step.says, full.vars), step.who);
      } else if ('expects' in step) {
        const reply = await expectReply(ctx.driver, chatOf(step.who), step, full.vars, actedAt);
        if (step.as) replies.set(step.as, reply);
      } else if ('chooses' in step) {
        const reply = replies.get(step.in);
        if (!reply) throw new Error(`no reply named ${step.in}`);
        acted(chatOf(step.who));
        if (step.foreign) await ctx.driver.chooseForeign(chatOf(step.who), reply, step.chooses);
        else await ctx.driver.choose(chatOf(step.who), reply, step.chooses);
      } else if ('fileOf' in step) {
        const reply = replies.get(step.fileOf);
        if (!reply) throw new Error(`no reply named ${step.fileOf}`);
        const file = await ctx.driver.fileOf(reply);
        expect(file.kind).toBe(step.kind);
        expect(file.name.endsWith(step.nameEndsWith)).toBe(true);
        expect(file.bytes).toBeGreaterThanOrEqual(step.minBytes);
      } else await step.check(full);
    } catch (err) {
      (err as Error).message = `${where}: ${(err as Error).message}`;
      throw err;
    }
  }
  return full.vars;
}

/** Every message the bot sent to the people of `journey` on `driver`, in their chats' order. */
export function journeyTexts(journey: Journey, driver: ChatDriver): string[] {
  return Object.values(journey.people).flatMap((n) => driver.texts(driver.chat(n)));
}

/** How long a reply said to be `alone` is watched for a second message. */
const ALONE_MS = 400;

/** Waits for the reply a step expects and checks what it says and offers. */
async function expectReply(
  driver: ChatDriver,
  chat: string,
  step: Expect,
  vars: Record<string, unknown>,
  actedAt: Map<string, number>,
): Promise<Reply> {
  const wanted = typeof step.expects === 'string' ? step.expects : step.expects[driver.channel];
  const reply = await driver.waitFor(chat, fill(wanted, vars), T);
  for (const c of step.contains ?? []) expect(reply.text).toContain(fill(c, vars));
  for (const c of step.lacks ?? []) expect(reply.text).not.toContain(fill(c, vars));
  const offered = driver.choicesOf(reply);
  if (step.choices) expect(offered.labels).toEqual(step.choices);
  if (step.byWord !== undefined && offered.labels.length > 0) {
    // Only Zalo numbers choices, and never where a figure may be typed next.
    expect(offered.numbered, 'numbered choices').toBe(driver.channel === 'zalo' && !step.byWord);
    if (step.byWord && driver.channel === 'zalo') expect(reply.text).not.toMatch(/(^|\s)1\. /);
  }
  if (step.alone) {
    await new Promise((r) => setTimeout(r, ALONE_MS));
    expect(driver.texts(chat).slice(actedAt.get(chat) ?? 0), 'the only reply').toEqual([reply.text]);
  }
  return reply;
}

/** Polls `messages()` for the first message of `chat` after its cursor containing `text`. */
export async function waitIn<M>(
  messages: () => M[],
  textOf: (m: M) => string,
  cursor: Map<string, number>,
  chat: string,
  text: string,
  timeoutMs: number,
): Promise<M> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const list = messages();
    const from = cursor.get(chat) ?? 0;
    const i = list.findIndex((m, k) => k >= from && textOf(m).includes(text));
    if (i >= 0) {
      cursor.set(chat, i + 1);
      return list[i]!;
    }
    if (Date.now() > end) {
      throw new Error(
        `no message containing "${text}" to ${chat} within ${timeoutMs} ms; got: ${JSON.stringify(list.slice(from).map(textOf))}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A choice's label as typed and compared: without leading emoji or symbols (`✅ Lưu` → `Lưu`). */
export const bareLabel = (label: string) => label.replace(/^[^\p{L}\p{N}]+/u, '').trim();

export function telegramDriver(tg: FakeTelegram, chatBase: number): ChatDriver {
  const cursor = new Map<string, number>();
  const buttonData = (reply: Reply, label: string) => {
    const m = reply.raw as SentMessage;
    const button = m.reply_markup?.inline_keyboard?.flat().find((b) => b.text.includes(label));
    if (!button?.callback_data) throw new Error(`no button "${label}" in ${JSON.stringify(m)}`);
    return { data: button.callback_data, messageId: m.message_id };
  };
  return {
    channel: 'telegram',
    chat: (n) => String(chatBase + n),
    say: (chat, text, name) =>
      tg.userSays(Number(chat), text, { id: Number(chat), first_name: name ?? 'Minh' }),
    async waitFor(chat, text, timeoutMs = T) {
      const m = await waitIn(
        () => tg.messagesTo(chat),
        (x) => x.text ?? '',
        cursor,
        chat,
        text,
        timeoutMs,
      );
      return { text: m.text ?? '', raw: m };
    },
    async choose(chat, reply, label) {
      const { data, messageId } = buttonData(reply, label);
      await tg.userPresses(Number(chat), data, messageId, { id: Number(chat) });
    },
    async chooseForeign(chat, reply, label) {
      const { data } = buttonData(reply, label);
      await tg.userPresses(Number(chat), data, undefined, { id: Number(chat) });
    },
    choicesOf: (reply) => ({
      labels: ((reply.raw as SentMessage).reply_markup?.inline_keyboard ?? [])
        .flat()
        .map((b) => bareLabel(b.text)),
      numbered: false,
    }),
    async fileOf(reply) {
      const m = reply.raw as SentMessage;
      if (!m.file) throw new Error(`no file in ${JSON.stringify(m)}`);
      return { name: m.file.filename, kind: m.file.field, bytes: m.file.size };
    },
    texts: (chat) => tg.messagesTo(chat).map((m) => m.text ?? ''),
  };
}

/** A line of choices listed by word: `“Lưu phần đã có” · “Từng chỉ tiêu” · “Hủy”`. */
const WORD_LINE = /^“[^”]+”(?: · “[^”]+”)*$/;

/**
 * Zalo's choices, the last paragraph of a reply's text: numbered lines (`1. ✅ Xác nhận  2. …`)
 * or words.
 */
function zaloChoices(text: string): { words: string[]; numbered: { digit: string; label: string }[] } {
  const words: string[] = [];
  const numbered: { digit: string; label: string }[] = [];
  for (const line of (text.split('\n\n').at(-1) ?? '').split('\n')) {
    if (WORD_LINE.test(line.trim())) {
      for (const m of line.matchAll(/“([^”]+)”/g)) words.push(m[1]!);
      continue;
    }
    for (const m of line.matchAll(/(?:^|\s)(\d+)\. (.+?)(?= {2}\d+\. |$)/g)) {
      numbered.push({ digit: m[1]!, label: m[2]! });
    }
  }
  return { words, numbered };
}

export function zaloDriver(zalo: FakeZalo, prefix: string): ChatDriver {
  const cursor = new Map<string, number>();
  /**
   * What the person types for the choice labelled `label`: the word shown when the choices are
   * listed by word (a digit there would be a figure), else the digit of the numbered line.
   */
  const answerOf = (reply: Reply, label: string) => {
    const { words, numbered } = zaloChoices(reply.text);
    const word = words.find((w) => w.includes(bareLabel(label)));
    if (word) return word;
    const line = numbered.find((n) => n.label.includes(label));
    if (line) return line.digit;
    throw new Error(`no choice "${label}" in ${JSON.stringify(reply.text)}`);
  };
  return {
    channel: 'zalo',
    chat: (n) => `${prefix}${String(n).padStart(4, '0')}`,
    async say(chat, text, name) {
      await zalo.userSays(chat, text, { id: chat, display_name: name ?? 'Minh' });
    },
    async waitFor(chat, text, timeoutMs = T) {
      const m = await waitIn(
        () => zalo.messagesTo(chat),
        (x) => x.text,
        cursor,
        chat,
        text,
        timeoutMs,
      );
      return { text: m.text, raw: m };
    },
    async choose(chat, reply, label) {
      await zalo.userSays(chat, answerOf(reply, label), { id: chat });
    },
    async chooseForeign(chat, reply, label) {
      await zalo.userSays(chat, answerOf(reply, label), { id: chat });
    },
    choicesOf(reply) {
      const { words, numbered } = zaloChoices(reply.text);
      return words.length > 0
        ? { labels: words, numbered: false }
        : { labels: numbered.map((n) => bareLabel(n.label)), numbered: numbered.length > 0 };
    },
    async fileOf(reply) {
      const m = reply.raw as ZaloSentMessage;
      if (m.method === 'sendPhoto') {
        if (!m.photo || !m.photoFetch) throw new Error(`photo not fetched: ${JSON.stringify(m)}`);
        expect(m.photoFetch.status).toBe(200);
        return { name: m.photo, kind: 'photo', bytes: m.photoFetch.bytes, mime: m.photoFetch.contentType };
      }
      const url = /https?:\/\/\S+\/files\/\S+/.exec(m.text)?.[0];
      if (!url) throw new Error(`no file link in ${JSON.stringify(m.text)}`);
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const data = new Uint8Array(await res.arrayBuffer());
      // An xlsx is a zip: it starts with "PK".
      expect([data[0], data[1]]).toEqual([0x50, 0x4b]);
      const name = decodeURIComponent(new URL(url).pathname.split('/').at(-1) ?? '');
      return { name, kind: 'document', bytes: data.length, mime: res.headers.get('content-type') ?? '' };
    },
    texts: (chat) => zalo.messagesTo(chat).map((m) => m.text),
  };
}
