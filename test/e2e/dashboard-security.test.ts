/**
 * The dashboard's locks, over real HTTP on the Fastify server, its use cases on the run's
 * PostgreSQL and the managers' actions on a real queue in Redis: nothing without a session, a
 * one-time link used once and only in time, a unit outside the manager's scope refused without
 * a word about it, every POST needing its form token, the cookie's flags, the sign-in rate
 * limit, and no token or personal data in the logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { CookieClient, type DashboardServer, startDashboard } from '../support/dashboard.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { makeUnit } from '../support/org.js';
import { bindPerson, newChat } from '../support/turn.js';

const clock = createFixedClock(new Date('2027-07-08T09:00:00+07:00'));
const tag = uniqueCode('DSEC');
const MANAGER = `Lê Thị Quản Lý ${tag}`;
let db: Database;
let server: DashboardServer;
let managerId: number;
let focalId: number;
const units: Record<'inside' | 'outside', { id: number; code: string; name: string }> = {} as never;

beforeAll(async () => {
  db = await openTestDatabase();
  const cluster = await db.prisma.unit.create({
    data: { code: `${tag}_CUM`, name: `Cụm bảo mật ${tag}`, typeCode: 'CLUSTER' },
  });
  units.inside = await makeUnit(db.prisma, 'SO_TU_PHAP', {
    cluster: cluster.code,
    name: `Sở Tư pháp Trong ${tag}`,
  });
  units.outside = await makeUnit(db.prisma, 'SO_TU_PHAP', { name: `Sở Tư pháp Ngoài ${tag}` });
  managerId = await bindPerson(db.prisma, newChat('web'), [{ role: 'manager', unitId: cluster.id }], {
    fullName: MANAGER,
  });
  focalId = await bindPerson(db.prisma, newChat('web'), [{ role: 'focal', unitId: units.inside.id }], {
    fullName: `Đầu Mối ${tag}`,
  });
  server = await startDashboard(db.prisma, clock, { signInPerMinute: 200 });
});

afterAll(async () => {
  await server?.close();
  await db?.close();
});

async function signedIn(): Promise<CookieClient> {
  const link = await server.dashboard.issueLink(managerId);
  if (!link.ok) throw new Error('no link');
  const client = new CookieClient(server.base);
  const res = await client.signIn(link.url);
  expect(res.status).toBe(303);
  return client;
}

describe('without a session', () => {
  it('every page, file, stream and action is refused', async () => {
    const anon = new CookieClient(server.base);
    for (const path of [
      '/dashboard/',
      `/dashboard/units/${units.inside.id}`,
      '/dashboard/export.xlsx',
      '/dashboard/chart.png',
      '/dashboard/events',
    ]) {
      const res = await anon.get(path);
      expect(res.status, path).toBe(401);
      expect(await res.text(), path).not.toContain(units.inside.name);
    }
    for (const path of [
      `/dashboard/units/${units.inside.id}/nudge`,
      '/dashboard/lock',
      '/dashboard/exceptions/1',
      '/dashboard/signout',
    ]) {
      expect((await anon.post(path, { _csrf: 'x', duty: 'BC6T' })).status, path).toBe(401);
    }
    // A forged session cookie is no session.
    anon.jar.set('dondoc_session', 'A'.repeat(43));
    expect((await anon.get('/dashboard/')).status).toBe(401);
  });
});

describe('the one-time link', () => {
  it('opens a session once; the second use, an expired link and a forged one are refused', async () => {
    const link = await server.dashboard.issueLink(managerId);
    if (!link.ok) throw new Error('no link');
    const first = new CookieClient(server.base);
    expect((await first.signIn(link.url)).status).toBe(303);
    const page = await first.get('/dashboard/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(MANAGER);

    const again = new CookieClient(server.base);
    const second = await again.signIn(link.url);
    expect(second.status).toBe(400);
    expect(again.jar.has('dondoc_session')).toBe(false);
    expect(await second.text()).toContain('/web');

    const late = await server.dashboard.issueLink(managerId);
    if (!late.ok) throw new Error('no link');
    clock.advance(10 * 60_000 + 1_000);
    try {
      expect((await new CookieClient(server.base).signIn(late.url)).status).toBe(400);
    } finally {
      clock.advance(-(10 * 60_000 + 1_000));
    }
    const forged = `${server.base}/dashboard/signin?t=${'b'.repeat(43)}`;
    expect((await new CookieClient(server.base).signIn(forged)).status).toBe(400);
  });

  it('is given to managers only', async () => {
    expect(await server.dashboard.issueLink(focalId)).toEqual({ ok: false, reason: 'no_scope' });
  });

  it('opening the link (a messenger fetching a preview) does not use it up', async () => {
    const link = await server.dashboard.issueLink(managerId);
    if (!link.ok) throw new Error('no link');
    const u = new URL(link.url);
    const preview = await fetch(server.base + u.pathname + u.search);
    expect(preview.status).toBe(200);
    expect(preview.headers.getSetCookie().join(';')).not.toContain('dondoc_session');
    expect((await new CookieClient(server.base).signIn(link.url)).status).toBe(303);
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, scoped to /dashboard and ends within 8 hours', async () => {
    const link = await server.dashboard.issueLink(managerId);
    if (!link.ok) throw new Error('no link');
    const client = new CookieClient(server.base);
    await client.signIn(link.url);
    const cookie = client.lastSetCookie.find((c) => c.startsWith('dondoc_session='))!;
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\/dashboard/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    const expires = new Date(/Expires=([^;]+)/i.exec(cookie)![1]!);
    expect(expires.getTime() - clock.now().getTime()).toBeLessThanOrEqual(8 * 3_600_000);
    expect(expires.getTime() - clock.now().getTime()).toBeGreaterThan(7 * 3_600_000);
  });

  it('is Secure behind HTTPS', async () => {
    const secure = await startDashboard(db.prisma, clock, { secureCookies: true });
    try {
      const link = await secure.dashboard.issueLink(managerId);
      if (!link.ok) throw new Error('no link');
      const client = new CookieClient(secure.base);
      await client.signIn(link.url);
      expect(client.lastSetCookie.find((c) => c.startsWith('dondoc_session='))).toMatch(/;\s*Secure/i);
    } finally {
      await secure.close();
    }
  });

  it("ends with the page's sign-out, and every session ends with /dangxuat", async () => {
    const a = await signedIn();
    const page = await (await a.get('/dashboard/')).text();
    expect((await a.post('/dashboard/signout', { _csrf: CookieClient.csrfOf(page) })).status).toBe(200);
    expect((await a.get('/dashboard/')).status).toBe(401);

    const b = await signedIn();
    const c = await signedIn();
    expect(await server.dashboard.signOutEverywhere(managerId)).toBeGreaterThanOrEqual(2);
    expect((await b.get('/dashboard/')).status).toBe(401);
    expect((await c.get('/dashboard/')).status).toBe(401);
  });
});

describe('scope', () => {
  it('a unit outside the cluster, opened by URL, is 403 and the page says nothing of it', async () => {
    const client = await signedIn();
    const inside = await client.get(`/dashboard/units/${units.inside.id}`);
    expect(inside.status).toBe(200);
    expect(await inside.text()).toContain(units.inside.name);
    for (const id of [units.outside.id, 999_999_999]) {
      const res = await client.get(`/dashboard/units/${id}`);
      expect(res.status).toBe(403);
      const text = await res.text();
      expect(text).not.toContain(units.outside.name);
      expect(text).not.toContain(units.outside.code);
    }
    const overview = await (await client.get('/dashboard/')).text();
    expect(overview).toContain(units.inside.name);
    expect(overview).not.toContain(units.outside.name);
  });

  it('a nudge to a unit outside the cluster is refused and nothing is queued', async () => {
    const client = await signedIn();
    const csrf = CookieClient.csrfOf(await (await client.get('/dashboard/')).text());
    const res = await client.post(`/dashboard/units/${units.outside.id}/nudge`, { _csrf: csrf });
    expect(res.status).toBe(403);
    expect(await db.prisma.reminderLedger.count({ where: { unitIds: { has: units.outside.id } } })).toBe(0);
  });

  it('a cluster manager may not lock', async () => {
    const client = await signedIn();
    const csrf = CookieClient.csrfOf(await (await client.get('/dashboard/')).text());
    const res = await client.post('/dashboard/lock', {
      _csrf: csrf,
      duty: 'BC6T',
      period: '2027-H1',
      locked: '1',
    });
    expect(res.status).toBe(403);
  });
});

describe('form tokens', () => {
  it("a POST without the token, or with another session's, is refused and changes nothing", async () => {
    const client = await signedIn();
    const other = await signedIn();
    const otherCsrf = CookieClient.csrfOf(await (await other.get('/dashboard/')).text());
    for (const form of [{}, { _csrf: '' }, { _csrf: otherCsrf }] as Record<string, string>[]) {
      const res = await client.post(`/dashboard/units/${units.inside.id}/nudge`, form);
      expect(res.status).toBe(403);
    }
    expect(
      await db.prisma.reminderLedger.count({ where: { kind: 'nudge', unitIds: { has: units.inside.id } } }),
    ).toBe(0);
    const signOut = await client.post('/dashboard/signout', {});
    expect(signOut.status).toBe(403);
    expect((await client.get('/dashboard/')).status).toBe(200);
  });

  it("with the token, the nudge goes through the chat's ledger, once a day", async () => {
    const client = await signedIn();
    const csrf = CookieClient.csrfOf(await (await client.get('/dashboard/')).text());
    const first = await client.post(`/dashboard/units/${units.inside.id}/nudge`, { _csrf: csrf });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toContain('notice=nudged');
    const second = await client.post(`/dashboard/units/${units.inside.id}/nudge`, { _csrf: csrf });
    expect(second.headers.get('location')).toContain('notice=already_today');
    expect(
      await db.prisma.reminderLedger.count({ where: { kind: 'nudge', unitIds: { has: units.inside.id } } }),
    ).toBe(1);
  });
});

describe('the live stream', () => {
  it('ends when the session ends (/dangxuat), and the page is told', async () => {
    const client = await signedIn();
    const controller = new AbortController();
    const res = await client.request('/dashboard/events', { signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const ended = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return text;
        text += new TextDecoder().decode(value);
        if (text.includes('event: ended')) return text;
      }
    })();
    await server.dashboard.signOutEverywhere(managerId);
    const got = await Promise.race([
      ended,
      new Promise<string>((r) => setTimeout(() => r('timeout'), 5_000)),
    ]);
    controller.abort();
    expect(got).toContain('event: ended');
  });

  it("tells a cluster manager's page of changes to the cluster's units only", async () => {
    const client = await signedIn();
    const controller = new AbortController();
    const res = await client.request('/dashboard/events', { signal: controller.signal });
    const reader = res.body!.getReader();
    let text = '';
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        text += new TextDecoder().decode(value);
      }
    })();
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await wait(600);
    await db.prisma.assignment.updateMany({
      where: { unitId: units.outside.id },
      data: { documentRef: `Số ${tag}/BC` },
    });
    await wait(1_000);
    expect(text).not.toContain('event: figures');
    await db.prisma.assignment.updateMany({
      where: { unitId: units.inside.id },
      data: { documentRef: `Số ${tag}/BC` },
    });
    for (let i = 0; i < 50 && !text.includes('event: figures'); i++) await wait(100);
    controller.abort();
    expect(text).toContain('event: figures');
  });

  it('is refused without a session, and a HEAD request opens none', async () => {
    expect((await new CookieClient(server.base).get('/dashboard/events')).status).toBe(401);
    const client = await signedIn();
    const head = await client.request('/dashboard/events', { method: 'HEAD' });
    expect(head.status).not.toBe(200);
  });
});

describe('refusals a person reads', () => {
  it('an unknown address under /dashboard is a page in Vietnamese', async () => {
    const res = await new CookieClient(server.base).get('/dashboard/khong-co');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('Không tìm thấy trang');
  });

  it('an unknown report on a unit in scope is 404, not "no access"', async () => {
    const client = await signedIn();
    const res = await client.get(`/dashboard/units/${units.inside.id}?duty=KHONGCO&period=2027`);
    expect(res.status).toBe(404);
  });

  it('a sign-in posted from another site is refused', async () => {
    const link = await server.dashboard.issueLink(managerId);
    if (!link.ok) throw new Error('no link');
    const client = new CookieClient(server.base);
    const res = await client.request('/dashboard/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      body: new URLSearchParams({ t: new URL(link.url).searchParams.get('t')! }).toString(),
    });
    expect(res.status).toBe(403);
    expect(client.jar.has('dondoc_session')).toBe(false);
    // The link is still good for its owner.
    expect((await client.signIn(link.url)).status).toBe(303);
  });

  it("after signing out, the language links lead to a page, not to the form's address", async () => {
    const client = await signedIn();
    const csrf = CookieClient.csrfOf(await (await client.get('/dashboard/')).text());
    const out = await (await client.post('/dashboard/signout', { _csrf: csrf })).text();
    expect(out).not.toContain('/dashboard/signout?lang=');
    expect(out).toContain('/dashboard/?lang=en');
  });
});

describe('headers', () => {
  it('pages go out with a strict content security policy and no referrer', async () => {
    const client = await signedIn();
    const res = await client.get('/dashboard/');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
  });
});

describe('sign-in rate limit and logs', () => {
  it('refuses a burst of sign-in attempts from one address with 429', async () => {
    const limited = await startDashboard(db.prisma, clock, { signInPerMinute: 5 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await new CookieClient(limited.base).post('/dashboard/signin', { t: 'x'.repeat(43) });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 5).every((s) => s === 400)).toBe(true);
      expect(statuses.slice(5)).toEqual([429, 429]);
      // Said in words, not as an English error object.
      const refused = await new CookieClient(limited.base).post('/dashboard/signin', { t: 'x'.repeat(43) });
      expect(refused.headers.get('content-type')).toContain('text/html');
      expect(await refused.text()).toContain('Thao tác quá nhanh');
    } finally {
      await limited.close();
    }
  });

  it('no token, session cookie or name appears in the logs', async () => {
    const link = await server.dashboard.issueLink(managerId);
    if (!link.ok) throw new Error('no link');
    const client = new CookieClient(server.base);
    await client.signIn(link.url);
    await client.get('/dashboard/');
    await client.get(`/dashboard/units/${units.outside.id}`);
    await client.get('/dashboard/units/not-a-number');
    const logs = server.logs();
    const token = new URL(link.url).searchParams.get('t')!;
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(client.jar.get('dondoc_session')!);
    expect(logs).not.toContain(MANAGER);
  });
});
