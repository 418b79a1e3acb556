/**
 * The web chat's history over HTTP (no browser), with the real dialog on the run's PostgreSQL:
 * a person's conversation is still there when the web chat is started again against the same
 * database — their messages and the bot's, the last reply's buttons usable while the
 * conversation expects them — invite codes never kept, and the kept messages bounded.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWebChannel,
  type WebHistoryMessage,
  type WebInboxMessage,
} from '../../src/channels/web/web-channel.js';
import { maskCodes } from '../../src/channels/web/web-history.js';
import { createHttpServer } from '../../src/http/server.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import type { Database } from '../../src/storage/database.js';
import { createPrismaWebChatTranscript } from '../../src/storage/web-chat-transcript-store.js';
import { createDialogOnPrisma } from '../../src/wiring/dialog.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { createWebChatHistory } from '../../src/wiring/web-chat-history.js';
import { openTestDatabase } from '../support/db.js';
import { inviteCode, makeUnit } from '../support/org.js';

const clock = createFixedClock(new Date('2027-07-08T07:30:00+07:00'));
const FIGURES = 'việc 83,5% tiền 46,2% giảm việc 9% giảm tiền 7% nhà 2 xã 1 ủng hộ 15 triệu';

let setupDb: Database;
let code = '';
beforeAll(async () => {
  setupDb = await openTestDatabase();
  const unit = await makeUnit(setupDb.prisma, 'CUC_THADS', { parent: 'TCTHADS', cluster: 'CUM_THADS_1' });
  code = await inviteCode(setupDb.prisma, clock, unit.code);
});
afterAll(async () => {
  await setupDb?.close();
});

/** The web chat as the service runs it (its own database connection), with what it logged. */
async function startWebChat() {
  let logText = '';
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logText += String(chunk);
      cb();
    },
  });
  const logger = createLogger('debug', sink);
  const db = await openTestDatabase();
  const http = createHttpServer({ logger, health: async () => ({ ok: true, checks: {} }) });
  const translator = createTranslator();
  const engine = createDialogOnPrisma(db.prisma, {
    translator,
    clock,
    timeZone: 'Asia/Ho_Chi_Minh',
    defaultLocale: 'vi',
    logger,
  });
  const channel = createWebChannel({
    routes: http,
    logger,
    translator,
    users: { list: async () => [] },
    ...createWebChatHistory(db.prisma, clock),
  });
  await channel.start(async (input) => {
    for (const reply of await engine.handle(input)) await channel.send(input.chatId, reply);
  });
  const base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}/web/api`;
  return {
    base,
    channel,
    logs: () => logText,
    async stop() {
      await channel.stop();
      await http.close();
      await db.close();
    },
  };
}

async function send(base: string, user: string, body: { text: string } | { buttonData: string }) {
  const res = await fetch(`${base}/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'vi' },
    body: JSON.stringify({ user, ...body }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

async function history(base: string, user: string) {
  const res = await fetch(`${base}/history?user=${encodeURIComponent(user)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { messages: WebHistoryMessage[]; after: number };
}

async function inbox(base: string, user: string, after: number) {
  const res = await fetch(`${base}/inbox?user=${encodeURIComponent(user)}&after=${after}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: WebInboxMessage[] }).messages;
}

const guest = () => `guest-h${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

describe('web chat history', () => {
  it('shows the conversation again after a restart, and the last buttons still work', async () => {
    const user = guest();
    const first = await startWebChat();
    await send(first.base, user, { text: `/start ${code}` });
    await send(first.base, user, { text: FIGURES });
    const live = await inbox(first.base, user, 0);
    expect(live.at(-1)?.text).toContain('Xác nhận số liệu');
    const logsBefore = first.logs();
    await first.stop();

    const second = await startWebChat();
    // Nothing in memory: what the page would show comes from the database.
    expect(await inbox(second.base, user, 0)).toEqual([]);
    const h = await history(second.base, user);
    expect(live).toHaveLength(2);
    expect(h.messages.map((m) => m.from)).toEqual(['me', 'bot', 'me', 'bot']);
    expect(h.messages.map((m) => m.text)).toEqual([
      '/start ••••-••••-••••',
      live[0]!.text,
      FIGURES,
      live[1]!.text,
    ]);
    expect(h.messages[1]!.text).toContain('Đã kết nối');
    // The invite code is neither kept nor logged; the figures are not logged.
    expect(JSON.stringify(h)).not.toContain(code);
    for (const logs of [logsBefore, second.logs()]) {
      expect(logs).not.toContain(code);
      expect(logs).not.toContain('83,5');
    }
    // The confirmation's buttons come back (the conversation still waits for them), only there.
    const card = h.messages.at(-1)!;
    expect(card.buttons?.flat().map((b) => b.label)).toEqual(
      live
        .at(-1)!
        .buttons?.flat()
        .map((b) => b.label),
    );
    expect(h.messages.slice(0, -1).every((m) => m.buttons === undefined)).toBe(true);

    const confirm = card.buttons!.flat().find((b) => b.label.includes('Xác nhận'))!;
    await send(second.base, user, { buttonData: confirm.data });
    const after = await inbox(second.base, user, h.after);
    expect(after.map((m) => m.text).join('\n')).toMatch(/Đã lưu 7 số liệu/);
    // Each new message is in the transcript too, under the id the page de-duplicates by.
    const h2 = await history(second.base, user);
    for (const m of after)
      expect(h2.messages.some((x) => x.historyId === m.historyId && x.text === m.text)).toBe(true);
    // The press shows as its label; the confirmation's buttons are gone (nothing waits for them).
    expect(h2.messages.slice(4).map((m) => [m.from, m.from === 'me' ? m.text : '…'])).toEqual([
      ['me', confirm.label],
      ...after.map(() => ['bot', '…']),
    ]);
    expect(h2.messages.every((m) => m.buttons === undefined)).toBe(true);
    expect(h2.after).toBeGreaterThan(h.after);
    await second.stop();
  }, 60_000);

  it('answers another person nothing of this chat, and a chat never seen an empty history', async () => {
    const web = await startWebChat();
    try {
      const res = await fetch(`${web.base}/history?user=intruder`);
      expect(res.status).toBe(403);
      expect((await history(web.base, guest())).messages).toEqual([]);
    } finally {
      await web.stop();
    }
  });

  it('keeps each chat to its last messages, and none past their days', async () => {
    // Long ago: the sweep of every chat reaches no other test's messages in the shared database.
    const t = createFixedClock(new Date('2001-03-01T09:00:00+07:00'));
    const transcript = createPrismaWebChatTranscript(setupDb.prisma, t, { keep: 5, days: 30 });
    const [a, b] = [guest(), `${guest()}b`];
    await transcript.append(b, { direction: 'in', text: 'xin chào' });
    for (let i = 1; i <= 8; i++) {
      await transcript.append(a, { direction: i % 2 ? 'in' : 'out', text: `tin ${i}` });
    }
    expect((await transcript.recent(a)).map((e) => e.text)).toEqual([
      'tin 4',
      'tin 5',
      'tin 6',
      'tin 7',
      'tin 8',
    ]);
    expect(await setupDb.prisma.webChatMessage.count({ where: { chatId: a } })).toBe(5);
    // 31 days on: what is older is no longer shown, and the next message sweeps every chat.
    t.advance(31 * 86_400_000);
    expect(await transcript.recent(a)).toEqual([]);
    await transcript.append(a, { direction: 'in', text: 'tin 9' });
    expect((await transcript.recent(a)).map((e) => e.text)).toEqual(['tin 9']);
    expect(await setupDb.prisma.webChatMessage.count({ where: { chatId: { in: [a, b] } } })).toBe(1);
  });

  it('keeps no invite or link code, and every figure as typed', () => {
    expect(maskCodes('k7pm q2xd 9rwa')).toBe('••••-••••-••••');
    expect(maskCodes('/start K7PM-Q2XD-9RWA')).toBe('/start ••••-••••-••••');
    expect(
      maskCodes('Mở: http://localhost:3000/dashboard/signin?t=Qx3_vB-9aZ0kLmN4pQ7rS2tU5vW8yA1bC6dE0fG3hJ4'),
    ).toBe('Mở: http://localhost:3000/dashboard/signin?t=••••-••••-••••');
    expect(maskCodes('Mã liên kết của đồng chí: K7PM-Q2XD-9RWA (dùng một lần, hiệu lực 10 phút).')).toBe(
      'Mã liên kết của đồng chí: ••••-••••-•••• (dùng một lần, hiệu lực 10 phút).',
    );
    for (const text of [
      FIGURES,
      '/sua về tiền thành 47,1 vì Cục đã rà soát lại',
      'báo cáo 2027-H1',
      '/start',
    ]) {
      expect(maskCodes(text)).toBe(text);
    }
  });
});
