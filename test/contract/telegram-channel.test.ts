/**
 * The Telegram adapter against the fake Bot API server, with real grammY and auto-retry:
 * what a person does in Telegram arrives as a DialogInput, what the bot says arrives as Bot API
 * calls, and failures come back as the ChannelErrors the delivery jobs act on.
 */
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createTelegramChannel,
  type TelegramChannel,
  type TelegramChannelOptions,
} from '../../src/channels/telegram/telegram-channel.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import {
  ChannelAuthError,
  ChannelError,
  ChannelNetworkError,
  type DialogInput,
  RateLimitedError,
  RecipientGoneError,
} from '../../src/ports/channel.js';
import { createFakeTelegram } from '../fakes/telegram-api.js';

const fake = createFakeTelegram();
const logger = createLogger('silent');
const translator = createTranslator();
const LAN = { id: 4242, first_name: 'Lan', last_name: 'Nguyễn', language_code: 'vi' };

let channels: TelegramChannel[] = [];
let servers: HttpServer[] = [];
/** Every error the adapter threw in this file: none may carry the token. */
const thrown: unknown[] = [];

beforeAll(() => fake.start());
afterAll(async () => {
  await fake.stop();
  for (const err of thrown) {
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).not.toContain(fake.token);
    expect((err as Error).message).not.toContain(fake.token.split(':')[1]);
  }
});
beforeEach(() => fake.reset());
afterEach(async () => {
  for (const c of channels) await c.stop();
  for (const s of servers) await s.close();
  channels = [];
  servers = [];
  vi.useRealTimers();
});

function make(overrides: Partial<TelegramChannelOptions> = {}): TelegramChannel {
  const channel = createTelegramChannel({
    token: fake.token,
    apiRoot: fake.apiRoot,
    mode: { kind: 'polling', timeoutSec: 1 },
    logger,
    botInfo: fake.botInfo,
    translator,
    ...overrides,
  });
  channels.push(channel);
  return channel;
}

/** Starts a polling channel that records its inputs. */
async function polling(onInput?: (input: DialogInput) => Promise<void>) {
  const got: DialogInput[] = [];
  const channel = make();
  await channel.start(async (input) => {
    got.push(input);
    await onInput?.(input);
  });
  const waitInputs = (n: number) =>
    vi.waitFor(() => expect(got).toHaveLength(n), { timeout: 3000, interval: 5 }).then(() => got);
  return { channel, got, waitInputs };
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    thrown.push(err);
    return err;
  }
  throw new Error('expected a failure');
}

describe('inputs (long polling)', () => {
  it('a typed command with its bot_command entity arrives as raw text with who said it', async () => {
    const { waitInputs } = await polling();
    await fake.userSays(4242, '/start ABCD-EFGH-JKLM', LAN);
    expect((await waitInputs(1))[0]).toEqual({
      channel: 'telegram',
      chatId: '4242',
      userId: '4242',
      displayName: 'Lan Nguyễn',
      languageHint: 'vi',
      text: '/start ABCD-EFGH-JKLM',
    });
  });

  it('commands without an entity and plain figures arrive as text too', async () => {
    const { waitInputs } = await polling();
    await fake.userSays(4242, '/hanchot', LAN, { entities: false });
    await fake.userSays(4242, 'việc 83,5% tiền 46,2%', LAN);
    const got = await waitInputs(2);
    expect(got.map((i) => i.text)).toEqual(['/hanchot', 'việc 83,5% tiền 46,2%']);
  });

  it('strips @thisbot from the command word and ignores commands for another bot', async () => {
    const { waitInputs } = await polling();
    await fake.userSays(-1001234567890, '/hanchot@dondoc_test_bot', LAN);
    await fake.userSays(-1001234567890, '/tinhhinh@DonDoc_Test_Bot quý 2', LAN);
    await fake.userSays(-1001234567890, '/start@some_other_bot', LAN);
    await fake.userSays(-1001234567890, 'xong', LAN);
    const got = await waitInputs(3);
    expect(got.map((i) => i.text)).toEqual(['/hanchot', '/tinhhinh quý 2', 'xong']);
    expect(got[0]).toMatchObject({ chatId: '-1001234567890', userId: '4242' });
  });

  it('a button press arrives as buttonData and the callback is answered', async () => {
    const { channel, waitInputs } = await polling();
    await channel.send('4242', { text: 'Xác nhận?', buttons: [[{ label: 'Đúng', data: 'confirm:yes' }]] });
    const callbackId = await fake.userPresses(4242, 'confirm:yes', undefined, LAN);
    const [input] = await waitInputs(1);
    expect(input).toMatchObject({
      channel: 'telegram',
      chatId: '4242',
      userId: '4242',
      buttonData: 'confirm:yes',
    });
    expect(input?.text).toBeUndefined();
    await vi.waitFor(() =>
      expect(fake.callbackAnswers.map((a) => a.callback_query_id)).toContain(callbackId),
    );
  });

  it('a document arrives as a file with its caption as text; a photo as its largest size', async () => {
    const { waitInputs } = await polling();
    await fake.userSendsDocument(
      4242,
      {
        file_name: 'Báo cáo 6 tháng.pdf',
        mime_type: 'application/pdf',
        file_size: 52_113,
        caption: 'bản ký',
      },
      LAN,
    );
    await fake.userSendsPhoto(4242, { file_size: 310_000 }, LAN);
    const [doc, photo] = await waitInputs(2);
    expect(doc).toMatchObject({
      text: 'bản ký',
      file: { name: 'Báo cáo 6 tháng.pdf', mime: 'application/pdf', size: 52_113 },
    });
    expect(doc?.file?.ref).toMatch(/^BQAC/);
    expect(photo?.text).toBeUndefined();
    expect(photo?.file).toMatchObject({ mime: 'image/jpeg', size: 310_000 });
    expect(photo?.file?.ref).toMatch(/-large-/);
  });

  it('ignores messages from bots', async () => {
    const { waitInputs } = await polling();
    await fake.userSays(4242, 'tôi là bot', { id: 555, first_name: 'Other', is_bot: true });
    await fake.userSays(4242, 'tôi là người', LAN);
    const got = await waitInputs(1);
    expect(got[0]?.text).toBe('tôi là người');
  });

  it('keeps polling when onInput throws', async () => {
    const { waitInputs } = await polling(async (input) => {
      if (input.text === 'boom') throw new Error('dialog exploded');
    });
    await fake.userSays(4242, 'boom', LAN);
    await fake.userSays(4242, 'vẫn chạy', LAN);
    const got = await waitInputs(2);
    expect(got[1]?.text).toBe('vẫn chạy');
  });

  it('logs failures without the message text or the token', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const channel = make({ logger: createLogger('debug', sink) });
    await channel.start(async () => {
      throw new Error('dialog exploded');
    });
    await fake.userSays(4242, 'việc 83,5% bí mật', LAN);
    await vi.waitFor(() => expect(lines.join('')).toContain('telegram input handler failed'));
    const down = make({ apiRoot: 'http://127.0.0.1:9', logger: createLogger('debug', sink) });
    const starting = down.start(async () => {}).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    await down.stop();
    await starting;
    const log = lines.join('');
    expect(log).toContain('dialog exploded');
    expect(log).not.toContain('bí mật');
    expect(log).not.toContain(fake.token.split(':')[1]);
  });

  it('handles chats concurrently but one chat in order', async () => {
    let releaseSlow!: () => void;
    const slow = new Promise<void>((r) => {
      releaseSlow = r;
    });
    const order: string[] = [];
    const { waitInputs } = await polling(async (input) => {
      if (input.text === 'A1') await slow;
      order.push(input.text ?? '');
    });
    await fake.userSays(1001, 'A1');
    await fake.userSays(1001, 'A2');
    await fake.userSays(2002, 'B1');
    await vi.waitFor(() => expect(order).toEqual(['B1']));
    releaseSlow();
    await waitInputs(3);
    await vi.waitFor(() => expect(order).toEqual(['B1', 'A1', 'A2']));
  });

  it('start twice is refused, stop is idempotent, username comes from botInfo', async () => {
    const { channel } = await polling();
    await expect(channel.start(async () => {})).rejects.toBeInstanceOf(ChannelError);
    expect(await channel.username()).toBe('dondoc_test_bot');
    await channel.stop();
    await channel.stop();
  });
});

describe('send', () => {
  it('renders buttons as an inline keyboard and returns the message id', async () => {
    const channel = make();
    const { messageId } = await channel.send('4242', {
      text: 'Chọn kỳ báo cáo',
      buttons: [[{ label: '6 tháng', data: 'period:2026-H1' }], [{ label: 'Cả năm', data: 'period:2026' }]],
    });
    const [m] = fake.messagesTo(4242);
    expect(m).toMatchObject({ method: 'sendMessage', chat_id: 4242, text: 'Chọn kỳ báo cáo' });
    expect(String(m?.message_id)).toBe(messageId);
    expect(m?.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: '6 tháng', callback_data: 'period:2026-H1' }],
        [{ text: 'Cả năm', callback_data: 'period:2026' }],
      ],
    });
  });

  it('splits a 9,000-character text into 3 ordered pieces with the buttons on the last', async () => {
    const channel = make();
    const lines = Array.from({ length: 300 }, (_, i) => `Đơn vị ${String(i).padStart(3, '0')}: đã nộp`);
    let text = lines.join('\n');
    while (text.length < 9000) text += ' thêm';
    text = text.slice(0, 9000);
    const { messageId } = await channel.send('4242', {
      text,
      buttons: [[{ label: 'Tải Excel', data: 'xlsx' }]],
    });
    const got = fake.messagesTo(4242);
    expect(got).toHaveLength(3);
    for (const m of got) expect(m.text.length).toBeLessThanOrEqual(4096);
    // Pieces end on a line break where possible (else a space), which the split consumes.
    expect(
      got
        .map((m) => m.text)
        .join(' ')
        .replace(/\s+/g, ' '),
    ).toBe(text.replace(/\s+/g, ' '));
    expect(got[0]?.text.endsWith(': đã nộp')).toBe(true);
    expect(got.map((m) => m.reply_markup === undefined)).toEqual([true, true, false]);
    expect(messageId).toBe(String(got[2]?.message_id));
  });

  it('sends a file as a document with the text as caption, or the text first when it is long', async () => {
    const channel = make();
    const data = new Uint8Array(20_000).fill(7);
    await channel.send('4242', {
      text: 'Tình hình 6 tháng',
      buttons: [[{ label: 'Nhắc đơn vị chậm', data: 'nudge:late' }]],
      file: { name: 'Tình hình 2026-H1.xlsx', mime: 'application/vnd.ms-excel', data },
    });
    await channel.send('4242', {
      text: 'x'.repeat(1500),
      file: { name: 'chart.png', mime: 'image/png', data: new Uint8Array(900), asPhoto: true },
    });
    const [doc, text, photo] = fake.messagesTo(4242);
    expect(doc).toMatchObject({
      method: 'sendDocument',
      caption: 'Tình hình 6 tháng',
      file: { field: 'document', filename: 'Tình hình 2026-H1.xlsx', size: 20_000 },
      reply_markup: { inline_keyboard: [[{ text: 'Nhắc đơn vị chậm', callback_data: 'nudge:late' }]] },
    });
    expect(text).toMatchObject({ method: 'sendMessage', text: 'x'.repeat(1500) });
    expect(photo).toMatchObject({ method: 'sendPhoto', text: '', file: { field: 'photo', size: 900 } });
  });

  it('refuses callback data over 64 bytes before sending anything', async () => {
    const channel = make();
    const err = await failure(
      channel.send('4242', { text: 'a'.repeat(5000), buttons: [[{ label: 'x', data: 'đ'.repeat(33) }]] }),
    );
    expect(err).toBeInstanceOf(ChannelError);
    expect(fake.sent).toHaveLength(0);
  });
});

describe('errors', () => {
  it('429 with a retry_after beyond the bound → RateLimitedError(retry_after)', async () => {
    const channel = make();
    fake.failNext('sendMessage', 1, {
      error_code: 429,
      description: 'Too Many Requests: retry after 30',
      parameters: { retry_after: 30 },
    });
    const err = await failure(channel.send('4242', { text: 'nhắc hạn' }));
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterSec).toBe(30);
    expect(fake.sent).toHaveLength(0);
  });

  it('403 blocked and 400 chat not found → RecipientGoneError', async () => {
    const channel = make();
    fake.failNext('sendMessage', 1, {
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    expect(await failure(channel.send('4242', { text: 'nhắc hạn' }))).toBeInstanceOf(RecipientGoneError);
    fake.failNext('sendMessage', 1, { error_code: 400, description: 'Bad Request: chat not found' });
    expect(await failure(channel.send('4242', { text: 'nhắc hạn' }))).toBeInstanceOf(RecipientGoneError);
  });

  it('a wrong token → ChannelAuthError; an unreachable API → ChannelNetworkError; neither shows the token', async () => {
    const wrong = make({ token: '7000000002:AAWrongTokenWrongToken_0123456789' });
    const auth = await failure(wrong.send('4242', { text: 'x' }));
    expect(auth).toBeInstanceOf(ChannelAuthError);
    expect((auth as Error).message).not.toContain('AAWrongTokenWrongToken');
    const down = make({ apiRoot: 'http://127.0.0.1:9' });
    const net = await failure(down.send('4242', { text: 'x' }));
    expect(net).toBeInstanceOf(ChannelNetworkError);
  });

  it('start rejects on a wrong token; stop aborts a start still waiting for the network', async () => {
    const wrong = make({ token: '7000000002:AAWrongTokenWrongToken_0123456789' });
    expect(await failure(wrong.start(async () => {}))).toBeInstanceOf(ChannelAuthError);
    const down = make({ apiRoot: 'http://127.0.0.1:9' });
    const starting = failure(down.start(async () => {}));
    await new Promise((r) => setTimeout(r, 100));
    await down.stop();
    expect(await starting).toBeInstanceOf(ChannelError);
  });

  it('5xx twice then ok, and a short 429, are delivered by auto-retry', async () => {
    const channel = make();
    fake.failNext('sendMessage', 2, { error_code: 500, description: 'Internal Server Error' });
    fake.failNext('sendMessage', 1, {
      error_code: 429,
      description: 'Too Many Requests: retry after 2',
      parameters: { retry_after: 2 },
    });
    // auto-retry waits 3 s then 6 s after 5xx and retry_after after 429: virtual time.
    const realSetTimeout = globalThis.setTimeout;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const sending = channel.send('4242', { text: 'nhắc hạn' });
    let settled = false;
    sending.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    while (!settled) {
      await vi.advanceTimersByTimeAsync(250);
      await new Promise((r) => realSetTimeout(r, 3));
    }
    vi.useRealTimers();
    const { messageId } = await sending;
    expect(fake.calls.sendMessage).toBe(4);
    expect(fake.messagesTo(4242).map((m) => String(m.message_id))).toEqual([messageId]);
  });

  it('a pacer spaces every request that sends: each retry and each piece of a long text, nothing else', async () => {
    let takes = 0;
    let open: () => void = () => undefined;
    let gate = Promise.resolve();
    const channel = make({
      pacer: {
        take: () => {
          takes++;
          return gate;
        },
      },
    });
    await channel.registerCommands();
    expect(takes).toBe(0);
    // A send waits for its token.
    gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const held = channel.send('4242', { text: 'chờ lượt' });
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.calls.sendMessage ?? 0).toBe(0);
    open();
    await held;
    expect(fake.calls.sendMessage).toBe(1);
    // The retry after a 429 takes a token of its own (before, it went out unpaced).
    gate = Promise.resolve();
    fake.failNext('sendMessage', 1, {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    await channel.send('4242', { text: 'sau một giây' });
    expect(fake.calls.sendMessage).toBe(3);
    expect(takes).toBe(3);
    // Two pieces, two tokens.
    await channel.send('4242', { text: `${'dòng dài\n'.repeat(600)}` });
    expect(fake.calls.sendMessage).toBe(5);
    expect(takes).toBe(5);
  });
});

describe('webhook', () => {
  async function webhookChannel() {
    const http = createHttpServer({ health: async () => ({ ok: true, checks: {} }), logger });
    servers.push(http);
    const port = await http.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}/telegram/webhook`;
    const got: DialogInput[] = [];
    const channel = make({ mode: { kind: 'webhook', url, secret: 'webhook-secret_42' }, routes: http });
    await channel.start(async (input) => {
      got.push(input);
    });
    return { channel, url, got };
  }

  const update = (text: string) =>
    JSON.stringify({
      update_id: 1,
      message: {
        message_id: 1,
        date: 1_780_000_000,
        chat: { id: 4242, type: 'private', first_name: 'Lan' },
        from: { id: 4242, is_bot: false, first_name: 'Lan' },
        text,
      },
    });

  it('sets the webhook with the secret and the update kinds', async () => {
    const { url } = await webhookChannel();
    expect(fake.webhook).toEqual({ url, secret: 'webhook-secret_42' });
    expect(fake.calls.setWebhook).toBe(1);
  });

  it('answers 401 to a POST without or with a wrong secret, and onInput is not called', async () => {
    const { url, got } = await webhookChannel();
    const none = await fetch(url, { method: 'POST', body: update('giả mạo') });
    const wrong = await fetch(url, {
      method: 'POST',
      headers: { 'x-telegram-bot-api-secret-token': 'webhook-secret_43' },
      body: update('giả mạo'),
    });
    expect([none.status, wrong.status]).toEqual([401, 401]);
    const get = await fetch(url);
    expect(get.status).toBe(405);
    expect(got).toHaveLength(0);
  });

  it('delivers an update posted with the right secret before answering', async () => {
    const { got } = await webhookChannel();
    await fake.userSays(4242, '/hanchot', LAN);
    expect(got).toEqual([
      {
        channel: 'telegram',
        chatId: '4242',
        userId: '4242',
        displayName: 'Lan Nguyễn',
        languageHint: 'vi',
        text: '/hanchot',
      },
    ]);
    await fake.userPresses(4242, 'lang:en', 7, LAN);
    expect(got[1]).toMatchObject({ buttonData: 'lang:en' });
  });

  it('polling is refused by the API while the webhook is set', async () => {
    await webhookChannel();
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/getUpdates`, { method: 'POST' });
    expect(res.status).toBe(409);
  });
});

describe('commands', () => {
  it('registers the menu in Vietnamese (default) and English', async () => {
    const channel = make();
    await channel.registerCommands();
    expect(fake.commands).toHaveLength(2);
    const [vi, en] = fake.commands;
    const names = ['start', 'hanchot', 'sua', 'huy', 'trogiup', 'ngonngu', 'giotinh', 'tinhhinh'];
    expect(vi?.language_code).toBeUndefined();
    expect(en?.language_code).toBe('en');
    expect(vi?.commands.map((c) => c.command)).toEqual(names);
    expect(en?.commands.map((c) => c.command)).toEqual(names);
    expect(vi?.commands.find((c) => c.command === 'hanchot')?.description).toMatch(/Hạn chót/);
    expect(en?.commands.find((c) => c.command === 'hanchot')?.description).toMatch(/due/i);
  });
});
