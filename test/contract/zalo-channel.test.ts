/**
 * The Zalo client and adapter against the fake Zalo Bot API server: what a person does in Zalo
 * arrives as a DialogInput, what the bot says arrives as API calls (numbered choices, split
 * texts, files as signed links), and failures come back as the ChannelErrors the delivery jobs
 * act on. File links are kept in the real Redis.
 */
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import {
  createZaloChannel,
  numberedChoices,
  type ZaloChannel,
  type ZaloChannelOptions,
} from '../../src/channels/zalo/zalo-channel.js';
import { createZaloClient, scrubToken, type ZaloClientOptions } from '../../src/channels/zalo/zalo-client.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { createSignedFileLinks } from '../../src/http/signed-file-links.js';
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
import { createRedis, type Redis } from '../../src/redis/connection.js';
import { createRedisFileBlobStore } from '../../src/redis/file-blob-store.js';
import { createFakeZalo } from '../fakes/zalo-api.js';
import { uniqueCode } from '../support/db.js';
import { freePort } from '../support/service.js';

const fake = createFakeZalo();
const translator = createTranslator();
const SECRET = 'zalo-webhook-secret-123';
const LAN = { id: 'a1b2c3d4e5f60718', display_name: 'Nguyễn Thị Lan' };
const CHAT = 'a1b2c3d4e5f60718';

/** Every line any logger of this file wrote, and every error thrown: none may carry the token. */
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});
const logger = createLogger('debug', sink);
const thrown: unknown[] = [];

let redis: Redis;
let channels: ZaloChannel[] = [];
let servers: HttpServer[] = [];

beforeAll(async () => {
  await fake.start();
  redis = createRedis(inject('redisUrl'));
});
afterAll(async () => {
  await fake.stop();
  redis.disconnect();
  const secretPart = fake.token.split(':')[1]!;
  const log = lines.join('');
  expect(log.length).toBeGreaterThan(0);
  expect(log).not.toContain(secretPart);
  for (const err of thrown) {
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).not.toContain(secretPart);
  }
});
beforeEach(() => fake.reset());
afterEach(async () => {
  for (const c of channels) await c.stop();
  for (const s of servers) await s.close();
  channels = [];
  servers = [];
});

function client(overrides: Partial<ZaloClientOptions> = {}) {
  return createZaloClient({
    token: fake.token,
    apiRoot: fake.apiRoot,
    logger,
    retry: { attempts: 3, baseDelayMs: 20, maxRetryAfterSec: 1 },
    ...overrides,
  });
}

/** A pacer that lets every request through at once and counts them. */
function countingPacer(): { take(): Promise<void>; takes: number } {
  const pacer = {
    takes: 0,
    async take() {
      pacer.takes++;
    },
  };
  return pacer;
}

function make(overrides: Partial<ZaloChannelOptions> = {}): ZaloChannel {
  const channel = createZaloChannel({
    token: fake.token,
    apiRoot: fake.apiRoot,
    mode: { kind: 'polling', timeoutSec: 1 },
    logger,
    translator,
    retry: { attempts: 2, baseDelayMs: 20, maxRetryAfterSec: 1 },
    ...overrides,
  });
  channels.push(channel);
  return channel;
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

async function polling(onInput?: (input: DialogInput) => Promise<void>) {
  const got: DialogInput[] = [];
  const channel = make();
  await channel.start(async (input) => {
    got.push(input);
    await onInput?.(input);
  });
  const waitInputs = (n: number) =>
    vi.waitFor(() => expect(got).toHaveLength(n), { timeout: 4000, interval: 5 }).then(() => got);
  return { channel, got, waitInputs };
}

async function httpServer(): Promise<{ http: HttpServer; base: string }> {
  const http = createHttpServer({ logger, health: async () => ({ ok: true, checks: {} }) });
  servers.push(http);
  const port = await http.listen(0, '127.0.0.1');
  return { http, base: `http://127.0.0.1:${port}` };
}

describe('client', () => {
  it('getMe answers the bot; an HTTP 200 with ok:false is a failure, typed by error_code', async () => {
    const c = client();
    expect(await c.getMe()).toMatchObject({ account_name: 'bot.dondoc_test' });
    fake.failNext('sendMessage', 1, { error_code: 400, description: 'Bad request: chat_id invalid format' });
    const refused = await failure(c.sendMessage({ chat_id: CHAT, text: 'x' }));
    expect(refused).toBeInstanceOf(ChannelError);
    expect(refused).not.toBeInstanceOf(ChannelNetworkError);
    expect((refused as Error).message).toContain('400');

    fake.failNext('sendMessage', 1, { error_code: 403, description: 'User has blocked the bot' });
    expect(await failure(c.sendMessage({ chat_id: CHAT, text: 'x' }))).toBeInstanceOf(RecipientGoneError);
    fake.failNext('sendMessage', 1, { error_code: 404, description: 'Chat not found' });
    expect(await failure(c.sendMessage({ chat_id: CHAT, text: 'x' }))).toBeInstanceOf(RecipientGoneError);
    fake.failNext('sendMessage', 1, { error_code: 403, description: 'Forbidden' });
    expect(await failure(c.sendMessage({ chat_id: CHAT, text: 'x' }))).toBeInstanceOf(ChannelAuthError);

    const wrong = client({ token: '1234567890123456789:WrongTokenWrongTokenWrongToken' });
    expect(await failure(wrong.getMe())).toBeInstanceOf(ChannelAuthError);
    expect(fake.sent).toHaveLength(0);
  });

  it('getUpdates: 408 "Request timeout" is no update, not a fault; one event per call', async () => {
    const c = client();
    const started = Date.now();
    expect(await c.getUpdates({ timeoutSec: 1 })).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await fake.userSays(CHAT, 'một');
    await fake.userSays(CHAT, 'hai');
    expect((await c.getUpdates({ timeoutSec: 1 }))?.message?.text).toBe('một');
    expect((await c.getUpdates({ timeoutSec: 1 }))?.message?.text).toBe('hai');
    expect(await c.getUpdates({ timeoutSec: 0 })).toBeNull();
  });

  it('retries 5xx and short 429s a bounded number of times, then throws', async () => {
    const c = client();
    fake.failNext('sendMessage', 2, { error_code: 500, description: 'Internal error', httpStatus: 500 });
    expect(await c.sendMessage({ chat_id: CHAT, text: 'sau hai lỗi' })).toMatchObject({
      message_id: expect.any(String),
    });
    expect(fake.calls.sendMessage).toBe(3);

    fake.failNext('sendMessage', 3, {
      error_code: 502,
      description: 'Bad gateway',
      httpStatus: 502,
      rawBody: '<html>502 Bad Gateway</html>',
    });
    expect(await failure(c.sendMessage({ chat_id: CHAT, text: 'x' }))).toBeInstanceOf(ChannelNetworkError);
    expect(fake.calls.sendMessage).toBe(6);

    fake.failNext('sendMessage', 1, { error_code: 429, description: 'Too Many Requests' });
    const t0 = Date.now();
    await c.sendMessage({ chat_id: CHAT, text: 'chờ một giây' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(fake.messagesTo(CHAT).map((m) => m.text)).toEqual(['sau hai lỗi', 'chờ một giây']);
  });

  it('a pacer spaces every attempt of a request that sends, and nothing else', async () => {
    const pacer = countingPacer();
    const c = client({ pacer });
    await c.getMe();
    expect(pacer.takes).toBe(0);
    fake.failNext('sendMessage', 2, { error_code: 500, description: 'Internal error', httpStatus: 500 });
    await c.sendMessage({ chat_id: CHAT, text: 'lần thứ ba' });
    expect(fake.calls.sendMessage).toBe(3);
    expect(pacer.takes).toBe(3);
  });

  it('a long retry-after is thrown as RateLimitedError at once, for the queue to wait', async () => {
    const c = client();
    fake.failNext('sendMessage', 1, {
      error_code: 429,
      description: 'Too Many Requests',
      rawBody: JSON.stringify({
        ok: false,
        error_code: 429,
        description: 'Too Many Requests',
        parameters: { retry_after: 30 },
      }),
    });
    const err = await failure(c.sendMessage({ chat_id: CHAT, text: 'x' }));
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterSec).toBe(30);
    expect(fake.calls.sendMessage).toBe(1);
  });

  it('network failures: ChannelNetworkError after bounded retries, token-free', async () => {
    const down = client({ apiRoot: `http://127.0.0.1:${await freePort()}` });
    const t0 = Date.now();
    const err = await failure(down.getMe());
    expect(err).toBeInstanceOf(ChannelNetworkError);
    expect((err as Error).message).toContain('ECONNREFUSED');
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(await failure(down.sendMessage({ chat_id: CHAT, text: 'x' }))).toBeInstanceOf(ChannelNetworkError);
  });

  it('webhook methods, sendChatAction and sendPhoto by URL', async () => {
    const c = client();
    await c.setWebhook({ url: 'https://dondoc.example.vn/zalo/webhook', secret_token: SECRET });
    expect(await c.getWebhookInfo()).toMatchObject({ url: 'https://dondoc.example.vn/zalo/webhook' });
    expect(await failure(c.getUpdates({ timeoutSec: 0 }))).toBeInstanceOf(ChannelError);
    await c.deleteWebhook();
    expect((await c.getWebhookInfo()).url).toBe('');
    expect(await failure(c.setWebhook({ url: 'https://x.vn/z', secret_token: 'short' }))).toBeInstanceOf(
      ChannelError,
    );
    await c.sendChatAction({ chat_id: CHAT, action: 'typing' });
    expect(fake.chatActions).toEqual([{ chat_id: CHAT, action: 'typing' }]);
  });

  it('scrubs the token from any text, even inside a URL', () => {
    const secretPart = fake.token.split(':')[1]!;
    const url = `${fake.apiRoot}/bot${fake.token}/sendMessage`;
    for (const text of [`request to ${url} failed`, `token ${fake.token}`, encodeURIComponent(url)]) {
      expect(scrubToken(text, fake.token)).not.toContain(secretPart);
    }
    expect(scrubToken('việc 83,5%', fake.token)).toBe('việc 83,5%');
  });

  it('refuses texts outside 1–2000 characters before calling Zalo', async () => {
    const c = client();
    expect(await failure(c.sendMessage({ chat_id: CHAT, text: 'x'.repeat(2001) }))).toBeInstanceOf(
      ChannelError,
    );
    expect(await failure(c.sendMessage({ chat_id: CHAT, text: '' }))).toBeInstanceOf(ChannelError);
    expect(fake.calls.sendMessage).toBeUndefined();
  });
});

describe('inputs (long polling)', () => {
  it('text, image, sticker, voice and unsupported events become inputs; unknown events and bots are ignored', async () => {
    const { waitInputs } = await polling();
    await fake.userSays(CHAT, '/start K7PM-Q2XD-9RWA', LAN);
    await fake.userSendsImage(CHAT, { url: 'https://photo.zadn.vn/bc.jpg', caption: 'bản ký' }, LAN);
    await fake.userSendsSticker(CHAT, LAN);
    await fake.userSendsVoice(CHAT, LAN);
    await fake.userSendsUnsupported(CHAT, LAN);
    await fake.deliver({ event_name: 'user.reacted.message', message: { message_id: 'r1', reaction: '❤️' } });
    await fake.deliver({ event_name: 'oa.follow.changed' });
    await fake.userSays(CHAT, 'tôi là bot', { id: 'bot-9', is_bot: true });
    await fake.userSays(CHAT, 'việc 83,5%', LAN);
    const got = await waitInputs(6);
    const who = { channel: 'zalo', chatId: CHAT, userId: LAN.id, displayName: 'Nguyễn Thị Lan' };
    expect(got[0]).toEqual({ ...who, text: '/start K7PM-Q2XD-9RWA' });
    expect(got[1]).toMatchObject({
      ...who,
      text: 'bản ký',
      file: { mime: 'image/jpeg', ref: 'https://photo.zadn.vn/bc.jpg' },
    });
    for (const i of [2, 3, 4]) expect(got[i]).toEqual(who);
    expect(got[5]).toEqual({ ...who, text: 'việc 83,5%' });
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toHaveLength(6);
  });

  it('a replayed event (same message_id) is processed once', async () => {
    const { got, waitInputs } = await polling();
    const event = await fake.userSays(CHAT, 'việc 83,5%', LAN);
    await fake.deliver(event);
    await fake.deliver(structuredClone(event));
    await fake.userSays(CHAT, 'tiền 46,2%', LAN);
    await waitInputs(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(got.map((i) => i.text)).toEqual(['việc 83,5%', 'tiền 46,2%']);
  });

  it('keeps polling when onInput throws, and logs neither the text nor the token', async () => {
    const before = lines.length;
    const { waitInputs } = await polling(async (input) => {
      if (input.text?.includes('bí mật')) throw new Error('dialog exploded');
    });
    await fake.userSays(CHAT, 'việc 83,5% bí mật', LAN);
    await fake.userSays(CHAT, 'vẫn chạy', LAN);
    await waitInputs(2);
    await vi.waitFor(() => expect(lines.slice(before).join('')).toContain('zalo input handler failed'));
    expect(lines.slice(before).join('')).not.toContain('bí mật');
  });

  it('polling survives Zalo failing for a while', async () => {
    fake.failNext('getUpdates', 2, { error_code: 500, description: 'Internal error' });
    const { waitInputs } = await polling();
    await fake.userSays(CHAT, 'sau sự cố', LAN);
    expect((await waitInputs(1))[0]?.text).toBe('sau sự cố');
  });

  it('stop ends a 30 s long poll promptly; start twice is refused; stop is idempotent', async () => {
    const channel = make({ mode: { kind: 'polling', timeoutSec: 30 } });
    await channel.start(async () => {});
    await expect(channel.start(async () => {})).rejects.toBeInstanceOf(ChannelError);
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await channel.stop();
    expect(Date.now() - t0).toBeLessThan(500);
    await channel.stop();
    expect(fake.calls.deleteWebhook).toBe(1);
  });

  it('a wrong token rejects start with ChannelAuthError', async () => {
    const channel = make({ token: '1234567890123456789:WrongTokenWrongTokenWrongToken' });
    expect(await failure(channel.start(async () => {}))).toBeInstanceOf(ChannelAuthError);
  });
});

describe('send', () => {
  it('renders buttons as numbered choices on the last line, numbered across rows', async () => {
    expect(
      numberedChoices([
        [
          { label: 'Xác nhận', data: 't|ok' },
          { label: 'Sửa', data: 't|edit' },
          { label: 'Hủy', data: 't|cancel' },
        ],
      ]),
    ).toBe('1. Xác nhận  2. Sửa  3. Hủy');
    const channel = make();
    const { messageId } = await channel.send(CHAT, {
      text: 'Xác nhận số liệu?',
      buttons: [
        [
          { label: 'Xác nhận', data: 't|ok' },
          { label: 'Sửa', data: 't|edit' },
        ],
        [{ label: 'Hủy', data: 't|cancel' }],
      ],
    });
    const [m] = fake.messagesTo(CHAT);
    expect(m?.text).toBe('Xác nhận số liệu?\n\n1. Xác nhận  2. Sửa\n3. Hủy');
    expect(m?.message_id).toBe(messageId);
  });

  it('a pacer given to the channel spaces each piece it sends', async () => {
    const pacer = countingPacer();
    const channel = make({ pacer });
    await channel.send(CHAT, { text: `${'một dòng dài\n'.repeat(300)}` });
    expect(fake.calls.sendMessage).toBe(2);
    expect(pacer.takes).toBe(2);
  });

  it('splits texts over 2,000 characters on line boundaries, in order', async () => {
    const channel = make();
    const rows = Array.from(
      { length: 120 },
      (_, i) => `Dòng ${String(i + 1).padStart(3, '0')}: ${'đơn vị '.repeat(4).trim()}`,
    );
    const text = rows.join('\n');
    expect(text.length).toBeGreaterThan(4000);
    const { messageId } = await channel.send(CHAT, { text, buttons: [[{ label: 'Trang sau', data: 'n' }]] });
    const sent = fake.messagesTo(CHAT);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const m of sent) {
      expect(m.text.length).toBeLessThanOrEqual(2000);
      expect(m.text.startsWith('Dòng ')).toBe(true);
    }
    expect(sent.map((m) => m.text).join('\n')).toBe(`${text}\n\n1. Trang sau`);
    expect(sent.at(-1)?.message_id).toBe(messageId);
    expect(sent.at(-1)?.text.endsWith('1. Trang sau')).toBe(true);
  });

  it('a workbook goes as a signed link; a chart as a photo Zalo fetches from a signed link', async () => {
    const { http, base } = await httpServer();
    const links = createSignedFileLinks({
      store: createRedisFileBlobStore(redis, uniqueCode('zl')),
      baseUrl: base,
      secret: 'a-secret-of-at-least-16-bytes',
    });
    links.register(http);
    const channel = make({ fileLinks: links });
    const xlsx = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]);
    await channel.send(CHAT, {
      text: 'Tệp Excel tình hình',
      file: {
        name: 'Tình hình BC6T.xlsx',
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        data: xlsx,
      },
    });
    const [doc] = fake.messagesTo(CHAT);
    expect(doc?.method).toBe('sendMessage');
    expect(doc?.text).toContain('Tệp Excel tình hình\n\n📎 Tải tệp Tình hình BC6T.xlsx: ');
    expect(doc?.text).toContain('hiệu lực 24 giờ');
    const url = /https?:\/\/\S+/.exec(doc!.text)![0];
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(xlsx);

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 9]);
    await channel.send(CHAT, {
      text: 'Biểu đồ BC6T',
      file: { name: 'chart.png', mime: 'image/png', data: png, asPhoto: true },
    });
    const photo = fake.messagesTo(CHAT).at(-1)!;
    expect(photo).toMatchObject({
      method: 'sendPhoto',
      text: 'Biểu đồ BC6T',
      photoFetch: { status: 200, contentType: 'image/png', bytes: png.length },
    });
    expect(photo.photo?.startsWith(`${base}/files/`)).toBe(true);
  });

  it('without file links, the file is announced, never silently dropped', async () => {
    const channel = make();
    await channel.send(CHAT, {
      text: 'Tệp',
      file: { name: 'a.xlsx', mime: 'application/octet-stream', data: new Uint8Array(3) },
    });
    expect(fake.messagesTo(CHAT)[0]?.text).toContain('a.xlsx chưa gửi được qua Zalo');
  });

  it('refuses an empty message; a 403 "blocked" is RecipientGoneError', async () => {
    const channel = make();
    expect(await failure(channel.send(CHAT, { text: '  ' }))).toBeInstanceOf(ChannelError);
    fake.failNext('sendMessage', 1, { error_code: 403, description: 'User blocked the OA' });
    expect(await failure(channel.send(CHAT, { text: 'nhắc hạn' }))).toBeInstanceOf(RecipientGoneError);
  });
});

describe('webhook', () => {
  async function webhook(onInput?: (input: DialogInput) => Promise<void>) {
    const { http, base } = await httpServer();
    const got: DialogInput[] = [];
    const channel = make({
      mode: { kind: 'webhook', url: `${base}/zalo/webhook`, secret: SECRET },
      routes: http,
    });
    await channel.start(async (input) => {
      got.push(input);
      await onInput?.(input);
    });
    const post = (body: string, headers: Record<string, string> = { 'x-bot-api-secret-token': SECRET }) =>
      fetch(`${base}/zalo/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    return { channel, got, post, base };
  }
  const event = (id: string, text: string) =>
    JSON.stringify({
      ok: true,
      result: {
        event_name: 'message.text.received',
        message: {
          message_id: id,
          date: Date.now(),
          from: LAN,
          chat: { id: CHAT, chat_type: 'PRIVATE' },
          text,
        },
      },
    });

  it('registers the webhook with its secret; deliveries with the secret header are processed', async () => {
    const { got } = await webhook();
    expect(fake.webhook).toMatchObject({ secret: SECRET });
    await fake.userSays(CHAT, 'việc 83,5%', LAN);
    // The delivery is answered once the input is handled.
    expect(got.map((i) => i.text)).toEqual(['việc 83,5%']);
    expect(fake.deliveries).toEqual([200]);
  });

  it('a missing or wrong secret → 401, nothing processed, nothing of the body logged', async () => {
    const before = lines.length;
    const { got, post } = await webhook();
    expect((await post(event('m-401-a', 'giả mạo bí mật 1'), {})).status).toBe(401);
    expect(
      (await post(event('m-401-b', 'giả mạo bí mật 2'), { 'x-bot-api-secret-token': 'wrong-secret-123' }))
        .status,
    ).toBe(401);
    expect(
      (await post(event('m-401-c', 'giả mạo bí mật 3'), { 'x-bot-api-secret-token': `${SECRET}x` })).status,
    ).toBe(401);
    expect(
      (await post(event('m-401-d', 'giả mạo bí mật 4'), { 'x-bot-api-secret-token': SECRET.slice(0, -1) }))
        .status,
    ).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual([]);
    const log = lines.slice(before).join('');
    expect(log).toContain('zalo webhook refused');
    expect(log).not.toContain('giả mạo');
    // The same event with the right secret is then processed (it was not remembered as seen).
    expect((await post(event('m-401-a', 'thật'))).status).toBe(200);
    expect(got.map((i) => i.text)).toEqual(['thật']);
  });

  it('a replayed delivery (same message_id) is processed once', async () => {
    const { got, post } = await webhook();
    for (let i = 0; i < 3; i++) expect((await post(event('m-replay-1', 'việc 83,5%'))).status).toBe(200);
    expect((await post(event('m-replay-2', 'tiền 46,2%'))).status).toBe(200);
    expect(got.map((i) => i.text)).toEqual(['việc 83,5%', 'tiền 46,2%']);
  });

  it('unknown events and message.unsupported.received do not crash; bad JSON → 400; GET → 405', async () => {
    const { got, post, base } = await webhook();
    const unknown = JSON.stringify({
      ok: true,
      result: { event_name: 'message.reaction.received', message: { message_id: 'x' } },
    });
    expect((await post(unknown)).status).toBe(200);
    expect((await post(JSON.stringify({ ok: true, result: { something: 'new' } }))).status).toBe(200);
    expect((await post(JSON.stringify({ ok: true }))).status).toBe(200);
    expect((await post('{not json')).status).toBe(400);
    expect((await fetch(`${base}/zalo/webhook`)).status).toBe(405);
    // The real payload of a message whose content Zalo withholds: no text, no attachment.
    const unsupported = JSON.stringify({
      ok: true,
      result: {
        event_name: 'message.unsupported.received',
        message: {
          from: { id: LAN.id, display_name: LAN.display_name, is_bot: false },
          chat: { id: CHAT, chat_type: 'PRIVATE' },
          message_id: '7f1d3c2b1a0918273645',
          date: 1750316131602,
        },
      },
    });
    expect((await post(unsupported)).status).toBe(200);
    expect(got).toEqual([{ channel: 'zalo', chatId: CHAT, userId: LAN.id, displayName: LAN.display_name }]);
    await fake.userSays(CHAT, 'vẫn chạy', LAN);
    expect(got.at(-1)?.text).toBe('vẫn chạy');
  });
});

describe('file links', () => {
  it('403 on a bad signature, 410 once expired, 200 with the bytes in between', async () => {
    const { http, base } = await httpServer();
    let now = Date.UTC(2027, 6, 8, 2);
    const links = createSignedFileLinks({
      store: createRedisFileBlobStore(redis, uniqueCode('zl')),
      baseUrl: `${base}/`,
      secret: 'another-secret-of-16-bytes',
      ttlSec: 60,
      now: () => now,
    });
    links.register(http);
    const { url, expiresAt } = await links.publish({
      name: 'Báo cáo.xlsx',
      mime: 'application/octet-stream',
      data: new Uint8Array([1, 2, 3]),
    });
    expect(expiresAt.getTime()).toBe(now + 60_000);
    expect((await fetch(url)).status).toBe(200);
    const u = new URL(url);
    const sig = u.searchParams.get('sig')!;
    const flipped = new URL(url);
    flipped.searchParams.set('sig', `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`);
    expect((await fetch(flipped)).status).toBe(403);
    const longer = new URL(url);
    longer.searchParams.set('exp', String(Number(u.searchParams.get('exp')) + 3600));
    expect((await fetch(longer)).status).toBe(403);
    const missing = new URL(url);
    missing.searchParams.delete('sig');
    expect((await fetch(missing)).status).toBe(403);
    now += 61_000;
    expect((await fetch(url)).status).toBe(410);
  });
});
