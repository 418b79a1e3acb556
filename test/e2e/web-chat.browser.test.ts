/**
 * The web chat in a real browser (Debian's Chromium driven by playwright-core; no browser is
 * ever downloaded) against the real service started as `npm start` would, on the run's
 * PostgreSQL and Redis: a focal point picks the demo identity, types quick figures, confirms,
 * and the figures are saved; after a restart of the service the page shows that conversation
 * again.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const FIGURES = 'việc 83,5% tiền 46,2% giảm việc 9% giảm tiền 7% nhà 2 xã 1 ủng hộ 15 triệu';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** The few browser globals the test reads (the test's tsconfig has no DOM library). */
interface BrowserWindow {
  getComputedStyle(el: unknown): { whiteSpace: string };
  document: { documentElement: { scrollWidth: number } };
}

let child: ChildProcess | undefined;
let context: BrowserContext | undefined;
let profileDir: string | undefined;
let base = '';
let logs = '';

/** Starts the service exactly as `npm start` does (through tsx), and waits for /healthz. */
async function startService(): Promise<void> {
  const port = await freePort();
  child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      LOG_LEVEL: 'info',
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: inject('redisUrl'),
      WEB_CHAT: '1',
      // Before the sending window: no reminder of any file's units is planned by this service.
      APP_NOW: '2027-07-08T07:30:00+07:00',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    logs += d;
  });
  child.stderr?.on('data', (d) => {
    logs += d;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`service exited ${child.exitCode}:\n${logs}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) {
        base = `http://127.0.0.1:${port}`;
        return;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`service did not become healthy:\n${logs}`);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  profileDir = mkdtempSync(path.join(tmpdir(), 'dondoc-chromium-'));
  const [, ctx] = await Promise.all([
    startService(),
    chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1100, height: 820 },
      locale: 'vi-VN',
    }),
  ]);
  context = ctx;
}, 90_000);

/** Stops the service (SIGTERM, then SIGKILL after 10 s). */
async function stopService(): Promise<void> {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

afterAll(async () => {
  await context?.close();
  await stopService();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
}, 30_000);

describe('web chat in a browser', () => {
  it('a focal point submits figures and confirms them', async () => {
    const page = await context!.newPage();
    const browserErrors: string[] = [];
    page.on('pageerror', (err) => browserErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') browserErrors.push(msg.text());
    });

    await page.goto(`${base}/`);
    await expect.poll(() => page.getByText('Chế độ thử nghiệm — dữ liệu mẫu').isVisible()).toBe(true);
    const minh = page.getByTestId('user-demo-thads-hanoi');
    await minh.waitFor();
    expect(await minh.textContent()).toContain('Trần Văn Minh (đầu mối)');
    expect(await page.getByTestId('user-guest').textContent()).toContain('Khách (chưa kết nối)');
    await minh.click();

    const input = page.getByTestId('chat-input');
    const botMessages = page.getByTestId('bot-message');

    // The demo person is shared with other test files: start from a clean conversation.
    await input.fill('/huy');
    await page.getByTestId('send').click();
    await botMessages.first().waitFor();

    const before = await botMessages.count();
    await input.fill(FIGURES);
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('user-message').last().textContent()).toContain(FIGURES);
    await expect.poll(() => botMessages.count(), { timeout: 15_000 }).toBeGreaterThan(before);

    const confirmCard = botMessages.filter({ hasText: 'Xác nhận số liệu' });
    const pick = page.getByTestId('bot-button').filter({ hasText: '6 tháng' });
    // Shared data: if these figures were already saved, the bot asks why they are corrected.
    const reason = botMessages.filter({ hasText: 'lý do sửa' });
    const seen = async () => ({
      confirm: await confirmCard.count(),
      pick: await pick.count(),
      reason: await reason.count(),
    });
    const anything = async () => Object.values(await seen()).reduce((a, b) => a + b, 0);
    // Either the bot asks which report (buttons), or it goes straight to the confirmation.
    await expect.poll(anything, { timeout: 15_000 }).toBeGreaterThan(0);
    if ((await seen()).confirm === 0 && (await seen()).pick > 0) {
      await pick.last().click();
      await expect
        .poll(async () => (await seen()).confirm + (await seen()).reason, { timeout: 15_000 })
        .toBeGreaterThan(0);
    }
    if ((await seen()).confirm === 0 && (await seen()).reason > 0) {
      await input.fill('Cục đã rà soát lại số liệu');
      await input.press('Enter');
    }
    await confirmCard.last().waitFor({ timeout: 15_000 });
    const card = (await confirmCard.last().textContent()) ?? '';
    expect(card).toContain('83,5 %');
    expect(card).toContain('46,2 %');

    await confirmCard.last().getByTestId('bot-button').filter({ hasText: 'Xác nhận' }).click();
    const saved = botMessages.filter({ hasText: 'Đã lưu' });
    await saved.last().waitFor({ timeout: 15_000 });
    expect(await saved.last().textContent()).toMatch(/Đã lưu \d+ số liệu/);

    // Line breaks of the bot's texts are kept (pre-wrap), and nothing failed in the page.
    const whiteSpace = await confirmCard
      .last()
      .locator('.text')
      // The test's tsconfig has no DOM library: reach the window through globalThis.
      .evaluate((el) => (globalThis as unknown as BrowserWindow).getComputedStyle(el).whiteSpace);
    expect(whiteSpace).toBe('pre-wrap');
    expect(browserErrors).toEqual([]);

    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'web-chat.png'), fullPage: true });
  }, 60_000);

  it('the placeholder suggests nothing a person cannot send, then what the bot suggests', async () => {
    const page = await context!.newPage();
    await page.goto(`${base}/`);
    const input = page.getByTestId('chat-input');
    const log = page.locator('#log');
    expect(await input.getAttribute('placeholder')).toBe('Gõ tin nhắn…');
    // The Sở Tư pháp's focal point: no THADS rates, in the box or in the note.
    await page.getByTestId('user-demo-stp-hanoi').click();
    expect(await input.getAttribute('placeholder')).toBe('Gõ tin nhắn…');
    expect(await log.textContent()).toContain('/trogiup');
    expect(await log.textContent()).not.toContain('83,5');
    // A manager: the question a manager asks.
    await page.getByTestId('user-demo-vu-tdkt').click();
    expect(await input.getAttribute('placeholder')).toBe('Ví dụ: đơn vị nào chưa nộp báo cáo 6 tháng?');
    expect(await log.textContent()).toContain('đơn vị nào chưa nộp báo cáo 6 tháng?');
    expect(await log.textContent()).not.toContain('83,5');
    // A message bringing an input hint (the inbox answered here, as the dialog will) sets the
    // placeholder until another one does; choosing someone else starts from their role's hint.
    await page.route('**/web/api/history?user=demo-stp-hanoi*', (route) =>
      route.fulfill({ json: { messages: [], after: 0 } }),
    );
    await page.route('**/web/api/inbox?user=demo-stp-hanoi*', (route) =>
      route.fulfill({
        json: {
          messages: [
            { seq: 1, text: 'Còn thiếu: Tỷ lệ hòa giải thành.', inputHint: 'hòa giải thành 87,5%' },
            { seq: 2, text: 'Cảm ơn đồng chí.' },
          ],
        },
      }),
    );
    await page.getByTestId('user-demo-stp-hanoi').click();
    await expect.poll(() => input.getAttribute('placeholder')).toBe('Ví dụ: hòa giải thành 87,5%');
    await page.getByTestId('user-demo-vu-tdkt').click();
    expect(await input.getAttribute('placeholder')).toBe('Ví dụ: đơn vị nào chưa nộp báo cáo 6 tháng?');
  }, 30_000);

  it('works at 390 px: the picker and the input stay usable', async () => {
    const page = await context!.newPage();
    await page.setViewportSize({ width: 390, height: 780 });
    await page.goto(`${base}/`);
    await page.getByTestId('user-guest').click();
    const input = page.getByTestId('chat-input');
    const box = await input.boundingBox();
    const send = await page.getByTestId('send').boundingBox();
    expect(box && send).toBeTruthy();
    expect(send!.x + send!.width).toBeLessThanOrEqual(390);
    expect(
      await page.evaluate(
        () => (globalThis as unknown as BrowserWindow).document.documentElement.scrollWidth,
      ),
    ).toBeLessThanOrEqual(390);
    await input.fill('/trogiup');
    await page.getByTestId('send').click();
    await page.getByTestId('bot-message').nth(0).waitFor({ timeout: 15_000 });
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'web-chat-390.png') });
  }, 30_000);

  it('a demo manager opens the dashboard in one click, signed in with their scope', async () => {
    const page = await context!.newPage();
    await page.goto(`${base}/`);
    // A focal point has no such button.
    await page.getByTestId('user-demo-thads-hanoi').click();
    expect(await page.getByTestId('open-dashboard').isVisible()).toBe(false);
    await page.getByTestId('user-demo-vu-tdkt').click();
    const [tab] = await Promise.all([
      context!.waitForEvent('page'),
      page.getByTestId('open-dashboard').click(),
    ]);
    await tab.waitForURL(/\/dashboard\/$/, { timeout: 20_000 });
    await tab.locator('table.units').waitFor();
    expect(await tab.locator('header').textContent()).toContain('Lê Thu Hà');
    // The link the bot answered with is in the chat too, as a link.
    expect(await page.locator('.msg.bot a[href*="/dashboard/signin"]').count()).toBe(1);
    await tab.close();
  }, 40_000);

  it('after a restart, the page shows the conversation again from the database', async () => {
    await stopService();
    await startService();
    const page = await context!.newPage();
    await page.goto(`${base}/`);
    await page.getByTestId('user-demo-thads-hanoi').click();
    // What Trần Văn Minh typed and what the bot answered in the first test, read back.
    await expect
      .poll(() => page.getByTestId('user-message').filter({ hasText: FIGURES }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const botMessages = page.getByTestId('bot-message');
    expect(await botMessages.filter({ hasText: 'Xác nhận số liệu' }).count()).toBeGreaterThan(0);
    expect(await botMessages.filter({ hasText: /Đã lưu \d+ số liệu/ }).count()).toBeGreaterThan(0);
    // The confirmation was answered: its buttons are not offered again.
    expect(await botMessages.filter({ hasText: 'Xác nhận số liệu' }).getByTestId('bot-button').count()).toBe(
      0,
    );
    // The conversation goes on after the history.
    const before = await botMessages.count();
    await page.getByTestId('chat-input').fill('/trogiup');
    await page.getByTestId('send').click();
    await expect.poll(() => botMessages.count(), { timeout: 15_000 }).toBeGreaterThan(before);
  }, 90_000);
});
