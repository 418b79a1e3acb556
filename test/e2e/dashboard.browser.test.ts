/**
 * The managers' dashboard in a real browser (Debian's Chromium through playwright-core), against
 * the real service on the run's PostgreSQL and Redis with Telegram on the fake Bot API: a
 * cluster manager bound on Telegram asks `/web`, opens the link, sees the overview of their
 * cluster only, filters to the units that have sent nothing, opens one and nudges it (the
 * ledger row shows), opens another and reads a correction with its reason; while the overview
 * is open, a focal point confirms figures in Telegram and the page shows them without reload.
 * Screenshots go to test-results/dashboard/.
 *
 * The service's clock starts at 06:30 on 21 July 2027, after the half-year report's deadline
 * (so units that sent nothing are "missing") and before the sending window opens at 08:00, so
 * this service plans no reminder for the other files' units in the shared database.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { createFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.js';
import { ROOT } from '../support/cli.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { type ChatDriver, telegramDriver } from '../support/journeys.js';
import { inviteCode, makeUnit } from '../support/org.js';
import { freePort, type RunningService, startService } from '../support/service.js';

const CHROMIUM = '/usr/bin/chromium';
const APP_NOW = '2027-07-21T06:30:00+07:00';
const SHOTS = path.join(ROOT, 'test-results', 'dashboard');
const FIGURES = 'việc 83,5% tiền 46,2% giảm việc 9% giảm tiền 7% nhà 2 xã 1 ủng hộ 15 triệu';
const tag = uniqueCode('DB');
const NAMES = {
  cluster: `Cụm thi đua trình duyệt ${tag}`,
  a: `Thi hành án dân sự An Giang thử ${tag}`,
  b: `Thi hành án dân sự Bắc Ninh thử ${tag}`,
  c: `Thi hành án dân sự Cà Mau thử ${tag}`,
};
const T = 20_000;

let db: Database;
let tg: FakeTelegram;
let service: RunningService | undefined;
let context: BrowserContext | undefined;
let profileDir: string | undefined;
let driver: ChatDriver;
let base = '';
const people = { manager: 1, a: 2, b: 3 };

async function bind(who: keyof typeof people, code: string) {
  const chat = driver.chat(people[who]);
  await driver.say(chat, `/start ${code}`, who);
  await driver.waitFor(chat, 'Đã kết nối', T);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(SHOTS, { recursive: true });
  db = await openTestDatabase();
  const clock = createFixedClock(new Date(APP_NOW));
  const cluster = await db.prisma.unit.create({
    data: { code: `${tag}_CUM`, name: NAMES.cluster, typeCode: 'CLUSTER' },
  });
  const units = {
    a: await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS', cluster: cluster.code, name: NAMES.a }),
    b: await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS', cluster: cluster.code, name: NAMES.b }),
    c: await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS', cluster: cluster.code, name: NAMES.c }),
  };
  const due = await db.prisma.assignment.findFirstOrThrow({
    where: { unitId: units.a.id, duty: { code: 'BC6T' }, periodCode: '2027-H1' },
  });
  expect(due.dueDate!.getTime()).toBeLessThan(new Date(APP_NOW).getTime());
  const codes = {
    manager: await inviteCode(db.prisma, clock, cluster.code, 'manager'),
    a: await inviteCode(db.prisma, clock, units.a.code),
    b: await inviteCode(db.prisma, clock, units.b.code),
  };

  tg = createFakeTelegram();
  await tg.start();
  driver = telegramDriver(tg, 930_000_000 + Math.floor(Math.random() * 90_000) * 100);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  profileDir = mkdtempSync(path.join(tmpdir(), 'dondoc-dashboard-'));
  const [svc, ctx] = await Promise.all([
    startService(
      {
        DATABASE_URL: inject('databaseUrl'),
        REDIS_URL: inject('redisUrl'),
        REDIS_PREFIX: `dash-browser-${tag}`,
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        PUBLIC_BASE_URL: base,
        APP_NOW,
      },
      port,
    ),
    chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
    }),
  ]);
  service = svc;
  context = ctx;

  await bind('manager', codes.manager);
  await bind('a', codes.a);
  await bind('b', codes.b);
  // Unit A sends its figures late, then corrects one with a reason.
  const a = driver.chat(people.a);
  await driver.say(a, FIGURES);
  const confirm = await driver.waitFor(a, 'Xác nhận số liệu', T);
  await driver.choose(a, confirm, 'Xác nhận');
  await driver.waitFor(a, 'Đã lưu 7 số liệu', T);
  await driver.say(a, '/sua về tiền thành 47,1 vì Cục đã rà soát lại');
  const fix = await driver.waitFor(a, '46,2 % → 47,1 %', T);
  await driver.choose(a, fix, 'Xác nhận');
  await driver.waitFor(a, 'Đã lưu 1 số liệu', T);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await service?.stop();
  await tg?.stop();
  await db?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
}, 30_000);

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

describe('the dashboard in a browser', () => {
  it('a manager signs in from Telegram, filters, opens units, nudges one, and sees figures arrive live', async () => {
    const page = await context!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('response', (res) => {
      if (res.status() >= 400) errors.push(`${res.status()} ${res.url()}`);
    });
    const external: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(base) && !req.url().startsWith('data:')) external.push(req.url());
    });

    // `/web` in Telegram: a one-time link to this service.
    const manager = driver.chat(people.manager);
    await driver.say(manager, '/web');
    const reply = await driver.waitFor(manager, '/dashboard/signin?t=', T);
    const link = /(http:\/\/\S+\/dashboard\/signin\?t=[\w-]+)/.exec(reply.text)![1]!;
    expect(link.startsWith(base)).toBe(true);

    // Opening it signs in (the page's script posts its form) and shows the overview.
    await page.goto(link);
    await page.waitForURL(`${base}/dashboard/`);
    const table = page.locator('table.units');
    await table.waitFor();
    for (const name of [NAMES.a, NAMES.b, NAMES.c])
      await expect.poll(() => table.getByText(name).count()).toBe(1);
    // The cluster's units only: a seeded unit of another cluster is not there.
    expect(await page.getByText('Thi hành án dân sự thành phố Hà Nội').count()).toBe(0);
    await shot(page, '1-overview');

    // Filter to the units that have sent nothing: B and C, not A.
    await page.selectOption('#f-state', 'missing');
    await page.waitForURL(/state=missing/);
    await table.waitFor();
    await expect.poll(() => table.getByText(NAMES.b).count()).toBe(1);
    expect(await table.getByText(NAMES.c).count()).toBe(1);
    expect(await table.getByText(NAMES.a).count()).toBe(0);
    await shot(page, '2-missing');

    // Open B, nudge it: the notice, and the ledger row on its page.
    await table.getByRole('link', { name: NAMES.b }).click();
    await page.getByRole('heading', { name: NAMES.b }).waitFor();
    await page.locator('form[action$="/nudge"] button').click();
    await page.waitForURL(/notice=nudged/);
    const ledger = page.locator('table', { has: page.locator('#ledger-caption') });
    await expect.poll(() => ledger.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await ledger.locator('tbody').textContent()).toMatch(/Đôn đốc|nhắc/i);
    await shot(page, '3-unit-nudged');
    const nudges = await db.prisma.reminderLedger.count({
      where: { kind: 'nudge', assignment: { unit: { name: NAMES.b } } },
    });
    expect(nudges).toBe(1);

    // Open A: the correction with who, old → new and the reason.
    await page.goto(`${base}/dashboard/`);
    await table.getByRole('link', { name: NAMES.a }).click();
    await page.getByRole('heading', { name: NAMES.a }).waitFor();
    const revisions = page.locator('table', { has: page.locator('#revisions-caption') });
    const revisionText = (await revisions.textContent()) ?? '';
    expect(revisionText).toContain('Cục đã rà soát lại');
    expect(revisionText).toMatch(/46,2\s*%/);
    expect(revisionText).toMatch(/47,1\s*%/);
    expect(revisionText).toContain('Telegram');
    await shot(page, '4-unit-revision');

    // The overview open; B confirms figures in Telegram; the page shows them without reload.
    await page.goto(`${base}/dashboard/`);
    await table.waitFor();
    await page.evaluate(() => {
      (globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    const rowB = table.locator('tr', { hasText: NAMES.b });
    expect(await rowB.textContent()).not.toMatch(/83,5/);
    const b = driver.chat(people.b);
    await driver.say(b, FIGURES);
    const confirmB = await driver.waitFor(b, 'Xác nhận số liệu', T);
    await driver.choose(b, confirmB, 'Xác nhận');
    await driver.waitFor(b, 'Đã lưu 7 số liệu', T);
    await expect.poll(() => rowB.textContent(), { timeout: 15_000 }).toMatch(/83,5/);
    expect(
      await page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
    await shot(page, '5-live');

    // On a phone the page keeps its width (the table scrolls inside its box); printed, the
    // filters and buttons are gone.
    await page.setViewportSize({ width: 390, height: 844 });
    const widths = await page.evaluate(() => {
      const d = (
        globalThis as unknown as {
          document: { documentElement: { scrollWidth: number; clientWidth: number } };
        }
      ).document.documentElement;
      return [d.scrollWidth, d.clientWidth];
    });
    expect(widths[0]).toBeLessThanOrEqual(widths[1]! + 1);
    await shot(page, '6-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form.filters').isVisible()).toBe(false);
    expect(await table.isVisible()).toBe(true);
    await shot(page, '7-print');
    await page.emulateMedia({ media: 'screen' });

    // Keyboard only: the skip link comes first and leads to the content.
    await page.goto(`${base}/dashboard/`);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const el = (
        globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } } }
      ).document.activeElement;
      return el.getAttribute('href');
    });
    expect(first).toMatch(/^#/);

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  }, 120_000);
});
