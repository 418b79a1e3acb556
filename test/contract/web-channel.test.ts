/**
 * The web chat adapter over real HTTP, with a tiny echo dialog (no database): what the page
 * posts arrives as a DialogInput, what the bot sends lands in the chat's inbox, and bad or
 * unknown requests are refused without disturbing the server.
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebChannel, INBOX_LIMIT, type WebInboxMessage } from '../../src/channels/web/web-channel.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import type { Channel, DialogInput } from '../../src/ports/channel.js';
import type { DemoUser } from '../../src/ports/web-chat-users.js';

const MINH: DemoUser = {
  id: 'demo-thads-hanoi',
  name: 'Trần Văn Minh (đầu mối)',
  role: 'focal',
  unitCode: 'THADS_HANOI',
  unitName: 'Cục Thi hành án dân sự thành phố Hà Nội',
};
const HA: DemoUser = {
  id: 'demo-vu-tdkt',
  name: 'Lê Thu Hà (Vụ TĐKT)',
  role: 'manager',
  unitCode: 'VU_TDKT',
  unitName: 'Vụ Thi đua - Khen thưởng',
};
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let servers: HttpServer[] = [];
let channels: Channel[] = [];
afterEach(async () => {
  for (const c of channels) await c.stop();
  for (const s of servers) await s.close();
  channels = [];
  servers = [];
});

interface Harness {
  base: string;
  channel: Channel;
  inputs: DialogInput[];
  logs: () => string;
}

/**
 * A started web channel whose dialog echoes: `boom` throws, `nut` answers with buttons,
 * `tep` with an Excel file, `anh` with a PNG chart, anything else with `Đã nhận: <text>`.
 */
async function start(opts: { basePath?: string; started?: boolean } = {}): Promise<Harness> {
  let logText = '';
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logText += String(chunk);
      cb();
    },
  });
  const logger = createLogger('info', sink);
  const http = createHttpServer({ logger, health: async () => ({ ok: true, checks: {} }) });
  servers.push(http);
  const channel = createWebChannel({
    routes: http,
    logger,
    translator: createTranslator(),
    users: { list: async () => [MINH, HA] },
    ...(opts.basePath !== undefined ? { basePath: opts.basePath } : {}),
  });
  channels.push(channel);
  const inputs: DialogInput[] = [];
  if (opts.started !== false) {
    await channel.start(async (input) => {
      inputs.push(input);
      const said = input.text ?? `[nút ${input.buttonData}]`;
      if (said === 'boom') throw new Error('dialog exploded');
      if (said === 'nut') {
        await channel.send(input.chatId, {
          text: 'Số liệu này cho báo cáo nào?',
          buttons: [[{ label: 'Báo cáo 6 tháng', data: 'pick:h1' }], [{ label: '✖ Hủy', data: 'cancel' }]],
        });
        return;
      }
      if (said === 'tep') {
        await channel.send(input.chatId, {
          text: 'Bảng tổng hợp',
          file: { name: 'tình-hình.xlsx', mime: XLSX_MIME, data: Uint8Array.from([0x50, 0x4b, 3, 4]) },
        });
        return;
      }
      if (said === 'anh') {
        await channel.send(input.chatId, {
          text: 'Biểu đồ',
          file: { name: 'chart.png', mime: 'image/png', data: PNG, asPhoto: true },
        });
        return;
      }
      await channel.send(input.chatId, { text: `Đã nhận: ${said}` });
    });
  }
  const port = await http.listen(0, '127.0.0.1');
  return { base: `http://127.0.0.1:${port}`, channel, inputs, logs: () => logText };
}

function post(base: string, body: unknown, path = '/web/api/send'): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function inbox(base: string, user: string, after = 0): Promise<WebInboxMessage[]> {
  const res = await fetch(`${base}/web/api/inbox?user=${encodeURIComponent(user)}&after=${after}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: WebInboxMessage[] }).messages;
}

describe('web chat channel', () => {
  it('declares itself as the web channel with HTML buttons and files', async () => {
    const { channel } = await start();
    expect(channel.name).toBe('web');
    expect(channel.capabilities).toEqual({ maxTextLength: 4096, buttons: 'html', files: true });
  });

  it('serves the chat page at / with its test ids, the demo banner and a strict CSP', async () => {
    const { base } = await start();
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Chế độ thử nghiệm — dữ liệu mẫu');
    for (const id of ['chat-input', 'send', 'bot-message', 'user-message', 'bot-button']) {
      expect(html).toContain(id);
    }
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\//);
    expect(html).not.toContain('innerHTML');
  });

  it('suggests no one report’s figures before the bot does: a neutral placeholder, a manager’s question', async () => {
    const { base } = await start();
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toContain('placeholder="Gõ tin nhắn…"');
    // Neither the page nor the texts its script shows suggest THADS figures to everyone.
    expect(html).not.toContain('83,5');
    expect(html).not.toContain('46,2');
    const config = JSON.parse(
      /<script type="application\/json" id="config">(.*?)<\/script>/s.exec(html)![1]!,
    );
    expect(config.texts).toMatchObject({
      placeholder: 'Gõ tin nhắn…',
      inputHint: 'Ví dụ: {hint}',
      managerExample: 'đơn vị nào chưa nộp báo cáo 6 tháng?',
      managerNote: expect.stringContaining('đơn vị nào chưa nộp báo cáo 6 tháng?'),
      focalNote: expect.stringContaining('/trogiup'),
    });
    const en = await (await fetch(`${base}/`, { headers: { 'accept-language': 'en-GB' } })).text();
    expect(en).toContain('placeholder="Type a message…"');
    expect(en).toContain('who has not sent BC6T yet?');
  });

  it('carries a message’s input hint to the page, on its last piece, on one line', async () => {
    const { base, channel } = await start();
    await channel.send(MINH.id, {
      text: 'Còn thiếu: Giảm số việc chuyển kỳ sau.',
      inputHint: 'giảm việc 9%',
    });
    await channel.send(MINH.id, { text: 'x'.repeat(5000), inputHint: ' việc 83,5%,\n tiền 46,2% ' });
    await channel.send(MINH.id, { text: 'Đã lưu.' });
    const messages = await inbox(base, MINH.id);
    expect(messages.map((m) => m.inputHint)).toEqual([
      'giảm việc 9%',
      undefined,
      'việc 83,5%, tiền 46,2%',
      undefined,
    ]);
    expect(messages[3]).not.toHaveProperty('inputHint');
  });

  it('serves the page and API under a base path', async () => {
    const { base } = await start({ basePath: '/thu' });
    const page = await fetch(`${base}/thu/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('"/thu/web/api"');
    const redirect = await fetch(`${base}/thu`, { redirect: 'manual' });
    expect(redirect.status).toBe(308);
    expect((await fetch(`${base}/thu/web/api/users`)).status).toBe(200);
    expect((await fetch(`${base}/`)).status).toBe(404);
  });

  it('lists the demo users for the picker', async () => {
    const { base } = await start();
    const res = await fetch(`${base}/web/api/users`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      users: [
        {
          id: MINH.id,
          name: MINH.name,
          role: 'focal',
          unitCode: 'THADS_HANOI',
          unitName: MINH.unitName,
        },
        { id: HA.id, name: HA.name, role: 'manager', unitCode: 'VU_TDKT', unitName: HA.unitName },
      ],
    });
  });

  it('turns a typed message into a DialogInput and answers once the reply is in the inbox', async () => {
    const { base, inputs } = await start();
    const res = await post(base, { user: MINH.id, text: 'việc 83,5% tiền 46,2%' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(inputs).toEqual([
      {
        channel: 'web',
        chatId: MINH.id,
        userId: MINH.id,
        displayName: MINH.name,
        text: 'việc 83,5% tiền 46,2%',
      },
    ]);
    const messages = await inbox(base, MINH.id);
    expect(messages).toEqual([{ seq: expect.any(Number), text: 'Đã nhận: việc 83,5% tiền 46,2%' }]);
    // Read again after the last seq: nothing new. Other chats see nothing.
    expect(await inbox(base, MINH.id, messages[0]!.seq)).toEqual([]);
    expect(await inbox(base, HA.id)).toEqual([]);
  });

  it('keeps the order of one chat and gives growing seqs', async () => {
    const { base } = await start();
    for (const t of ['một', 'hai', 'ba'])
      expect((await post(base, { user: MINH.id, text: t })).status).toBe(200);
    const messages = await inbox(base, MINH.id);
    expect(messages.map((m) => m.text)).toEqual(['Đã nhận: một', 'Đã nhận: hai', 'Đã nhận: ba']);
    const seqs = messages.map((m) => m.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(3);
    expect(await inbox(base, MINH.id, seqs[1])).toEqual([messages[2]]);
  });

  it('shows buttons and turns a press into buttonData', async () => {
    const { base, inputs } = await start();
    await post(base, { user: MINH.id, text: 'nut' });
    const [asked] = await inbox(base, MINH.id);
    expect(asked?.buttons).toEqual([
      [{ label: 'Báo cáo 6 tháng', data: 'pick:h1' }],
      [{ label: '✖ Hủy', data: 'cancel' }],
    ]);
    const res = await post(base, { user: MINH.id, buttonData: 'pick:h1' });
    expect(res.status).toBe(200);
    expect(inputs[1]).toEqual({
      channel: 'web',
      chatId: MINH.id,
      userId: MINH.id,
      displayName: MINH.name,
      buttonData: 'pick:h1',
    });
    expect((await inbox(base, MINH.id, asked!.seq)).map((m) => m.text)).toEqual(['Đã nhận: [nút pick:h1]']);
  });

  it('lets a guest with a well-formed id talk, as an unknown person', async () => {
    const { base, inputs } = await start();
    const res = await post(base, { user: 'guest-k3x9a2b7', text: '/start' });
    expect(res.status).toBe(200);
    expect(inputs[0]).toMatchObject({
      chatId: 'guest-k3x9a2b7',
      userId: 'guest-k3x9a2b7',
      displayName: 'Khách',
    });
    expect((await inbox(base, 'guest-k3x9a2b7')).map((m) => m.text)).toEqual(['Đã nhận: /start']);
  });

  it('refuses unknown users and malformed guest ids with 403, for sending and reading', async () => {
    const { base, inputs } = await start();
    for (const user of ['demo-nobody', 'guest-AB12CD', 'guest-abc', 'guest-abcdefghijklmnopq', '', 42]) {
      const res = await post(base, { user, text: 'xin chào' });
      expect(res.status, String(user)).toBe(user === 42 ? 400 : 403);
      expect(await res.json()).toMatchObject({ ok: false, error: expect.any(String) });
    }
    const read = await fetch(`${base}/web/api/inbox?user=demo-nobody&after=0`);
    expect(read.status).toBe(403);
    expect((await fetch(`${base}/web/api/inbox`)).status).toBe(403);
    expect(inputs).toEqual([]);
  });

  it('refuses a body over 16 kB with 413 and a text over 4096 characters', async () => {
    const { base, inputs } = await start();
    const huge = await post(base, { user: MINH.id, text: 'a'.repeat(20_000) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ ok: false });
    const long = await post(base, { user: MINH.id, text: 'ơ'.repeat(4097) });
    expect(long.status).toBe(413);
    const fits = await post(base, { user: MINH.id, text: 'ơ'.repeat(4096) });
    expect(fits.status).toBe(200);
    expect(inputs).toHaveLength(1);
  });

  it('refuses malformed JSON, a body without text or button, and non-JSON posts', async () => {
    const { base, inputs } = await start();
    const bad = await post(base, '{"user": "demo-thads-hanoi", "text": ');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ ok: false, error: expect.stringMatching(/không hợp lệ/) });
    for (const body of [
      [],
      'null',
      { user: MINH.id },
      { user: MINH.id, text: '   ' },
      { user: MINH.id, text: 'a', buttonData: 'b' },
      { user: MINH.id, buttonData: '' },
      { user: MINH.id, text: 5 },
    ]) {
      expect((await post(base, body)).status, JSON.stringify(body)).toBe(400);
    }
    const form = await fetch(`${base}/web/api/send`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ user: MINH.id, text: 'x' }),
    });
    expect(form.status).toBe(415);
    const get = await fetch(`${base}/web/api/send`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await fetch(`${base}/web/api/inbox?user=${MINH.id}&after=abc`)).status).toBe(400);
    expect((await fetch(`${base}/web/api/nope`)).status).toBe(404);
    expect(inputs).toEqual([]);
  });

  it('serves an Excel file as a download and a chart inline, only to its chat', async () => {
    const { base } = await start();
    await post(base, { user: MINH.id, text: 'tep' });
    await post(base, { user: MINH.id, text: 'anh' });
    const [excel, chart] = await inbox(base, MINH.id);
    expect(excel?.file).toEqual({ name: 'tình-hình.xlsx', mime: XLSX_MIME, url: expect.any(String) });
    expect(excel?.file?.url).toMatch(/^\/web\/api\/file\/[A-Za-z0-9_-]{20,}\?user=demo-thads-hanoi$/);

    const xlsx = await fetch(`${base}${excel!.file!.url}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(XLSX_MIME);
    expect(xlsx.headers.get('content-disposition')).toBe(
      `attachment; filename="tinh-hinh.xlsx"; filename*=UTF-8''${encodeURIComponent('tình-hình.xlsx')}`,
    );
    expect(new Uint8Array(await xlsx.arrayBuffer())).toEqual(Uint8Array.from([0x50, 0x4b, 3, 4]));

    const png = await fetch(`${base}${chart!.file!.url}`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(png.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await png.arrayBuffer())).toEqual(PNG);

    const fileUrl = chart!.file!.url.replace(/\?.*$/, '');
    expect((await fetch(`${base}${fileUrl}?user=${HA.id}`)).status).toBe(404);
    expect((await fetch(`${base}${fileUrl}?user=demo-nobody`)).status).toBe(403);
    expect((await fetch(`${base}${fileUrl}`)).status).toBe(403);
    expect((await fetch(`${base}/web/api/file/nope?user=${MINH.id}`)).status).toBe(404);
  });

  it('answers 500 with a polite Vietnamese error when the dialog throws, and keeps serving', async () => {
    const { base, logs } = await start();
    const res = await post(base, { user: MINH.id, text: 'boom' });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { ok: boolean; error: string };
    expect(body.ok).toBe(false);
    expect(body.error).toMatch(/^Xin lỗi, Đôn Đốc đang gặp sự cố/);
    expect(body.error).not.toContain('exploded');
    const next = await post(base, { user: MINH.id, text: 'còn đó không' });
    expect(next.status).toBe(200);
    expect((await inbox(base, MINH.id)).map((m) => m.text)).toEqual(['Đã nhận: còn đó không']);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(logs()).toContain('web chat input handler failed');
  });

  it('never writes message texts to the log', async () => {
    const { base, logs } = await start();
    await post(base, { user: MINH.id, text: 'bí mật 83,5%' });
    await post(base, { user: MINH.id, text: 'boom' });
    await post(base, { user: 'demo-nobody', text: 'người lạ 46,2%' });
    expect(logs()).not.toContain('bí mật');
    expect(logs()).not.toContain('83,5');
    expect(logs()).not.toContain('người lạ');
  });

  it('delivers messages sent by other parts of the service (reminders), before any input', async () => {
    const { base, channel } = await start({ started: false });
    const sent = await channel.send(HA.id, { text: 'Nhắc: báo cáo 6 tháng đến hạn ngày 15/7.' });
    const messages = await inbox(base, HA.id);
    expect(messages).toEqual([
      { seq: Number(sent.messageId), text: 'Nhắc: báo cáo 6 tháng đến hạn ngày 15/7.' },
    ]);
    // Not started: inputs are refused politely until start().
    const res = await post(base, { user: HA.id, text: 'chào' });
    expect(res.status).toBe(503);
  });

  it('splits texts longer than 4096 characters, buttons on the last piece', async () => {
    const { base, channel } = await start();
    const line = `${'x'.repeat(99)}\n`;
    await channel.send(MINH.id, { text: line.repeat(50), buttons: [[{ label: 'OK', data: 'ok' }]] });
    const messages = await inbox(base, MINH.id);
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m.text.length).toBeLessThanOrEqual(4096);
    expect(messages[0]?.buttons).toBeUndefined();
    expect(messages[1]?.buttons).toEqual([[{ label: 'OK', data: 'ok' }]]);
  });

  it(`keeps the last ${INBOX_LIMIT} messages of a chat`, async () => {
    const { base, channel } = await start();
    for (let i = 1; i <= INBOX_LIMIT + 5; i++) await channel.send(MINH.id, { text: `tin ${i}` });
    const messages = await inbox(base, MINH.id);
    expect(messages).toHaveLength(INBOX_LIMIT);
    expect(messages[0]?.text).toBe('tin 6');
    expect(messages.at(-1)?.text).toBe(`tin ${INBOX_LIMIT + 5}`);
  });

  it('refuses an empty message, a second start, and stops idempotently', async () => {
    const { channel } = await start();
    await expect(channel.send(MINH.id, { text: '  ' })).rejects.toThrow(/nothing to send/);
    await expect(channel.start(async () => {})).rejects.toThrow(/already started/);
    await channel.stop();
    await channel.stop();
  });
});
