/**
 * The dashboard's actions with the chat's rules, over HTTP on the run's PostgreSQL and Redis:
 * Vụ TĐKT locks and unlocks a period from the overview, allows a focal point's request to edit
 * after the lock from the unit's page, and each is audited; a nudge is audited with who sent it.
 * The annual report of 2041, which no other file uses, keeps the lock from touching the reports
 * other files work on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { CookieClient, type DashboardServer, startDashboard } from '../support/dashboard.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { makeUnit } from '../support/org.js';
import { bindPerson, newChat } from '../support/turn.js';

const clock = createFixedClock(new Date('2027-07-08T09:00:00+07:00'));
const tag = uniqueCode('DACT');
const DUTY = 'BCNAM';
const PERIOD = '2041';
let db: Database;
let server: DashboardServer;
let chiefId: number;
let focalId: number;
let unit: { id: number; code: string; name: string };
let assignmentId: number;

beforeAll(async () => {
  db = await openTestDatabase();
  const vu = await db.prisma.unit.findUniqueOrThrow({ where: { code: 'VU_TDKT' } });
  unit = await makeUnit(db.prisma, 'SO_TU_PHAP', { name: `Sở Tư pháp Hành Động ${tag}` });
  // The annual report of a year no other file touches: locking it locks this unit's only.
  await db.prisma.period.upsert({
    where: { code: PERIOD },
    create: {
      code: PERIOD,
      kind: 'year',
      year: 2041,
      startDate: new Date('2041-01-01T00:00:00Z'),
      endDate: new Date('2041-12-31T00:00:00Z'),
    },
    update: {},
  });
  const duty = await db.prisma.duty.findUniqueOrThrow({ where: { code: DUTY } });
  const a = await db.prisma.assignment.create({
    data: { dutyId: duty.id, periodCode: PERIOD, unitId: unit.id, dueDate: new Date('2041-11-15T00:00:00Z') },
  });
  assignmentId = a.id;
  chiefId = await bindPerson(db.prisma, newChat('web'), [{ role: 'manager', unitId: vu.id }], {
    fullName: `Chánh Văn Phòng ${tag}`,
  });
  focalId = await bindPerson(db.prisma, newChat('web'), [{ role: 'focal', unitId: unit.id }], {
    fullName: `Đầu Mối Hành Động ${tag}`,
  });
  server = await startDashboard(db.prisma, clock, { signInPerMinute: 100 });
});

afterAll(async () => {
  await server?.close();
  await db?.close();
});

async function signedIn(personId: number): Promise<{ client: CookieClient; csrf: string }> {
  const link = await server.dashboard.issueLink(personId);
  if (!link.ok) throw new Error('no link');
  const client = new CookieClient(server.base);
  expect((await client.signIn(link.url)).status).toBe(303);
  const csrf = CookieClient.csrfOf(await (await client.get('/dashboard/')).text());
  return { client, csrf };
}

const audits = (action: string) =>
  db.prisma.auditLog.findMany({ where: { action, actor: `person:${chiefId}` }, orderBy: { id: 'asc' } });

describe('Vụ TĐKT', () => {
  it('locks and unlocks a period from the overview, each audited', async () => {
    const { client, csrf } = await signedIn(chiefId);
    const lock = await client.post('/dashboard/lock', {
      _csrf: csrf,
      duty: DUTY,
      period: PERIOD,
      locked: '1',
    });
    expect(lock.status).toBe(303);
    expect(lock.headers.get('location')).toContain('notice=locked');
    expect((await db.prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).locked).toBe(true);
    const unlock = await client.post('/dashboard/lock', {
      _csrf: csrf,
      duty: DUTY,
      period: PERIOD,
      locked: '0',
    });
    expect(unlock.headers.get('location')).toContain('notice=unlocked');
    expect((await db.prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).locked).toBe(
      false,
    );
    expect((await audits('period.lock')).map((a) => a.entity)).toContain(`Duty:${DUTY}:${PERIOD}`);
    expect((await audits('period.unlock')).map((a) => a.entity)).toContain(`Duty:${DUTY}:${PERIOD}`);
  });

  it("allows a focal point's request on the unit's page; the decision opens that report and is told to the focal point", async () => {
    const { client, csrf } = await signedIn(chiefId);
    await client.post('/dashboard/lock', { _csrf: csrf, duty: DUTY, period: PERIOD, locked: '1' });
    const request = await db.prisma.lockException.create({
      data: { assignmentId, requestedById: focalId, reason: 'Sai số liệu tiền do nhập nhầm' },
    });
    const page = await client.get(`/dashboard/units/${unit.id}?duty=${DUTY}&period=${PERIOD}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Sai số liệu tiền do nhập nhầm');
    expect(html).toContain(`action="/dashboard/exceptions/${request.id}"`);

    const back = `/dashboard/units/${unit.id}?duty=${DUTY}&period=${PERIOD}`;
    const allow = await client.post(`/dashboard/exceptions/${request.id}`, {
      _csrf: csrf,
      decision: 'allow',
      back,
    });
    expect(allow.status).toBe(303);
    expect(allow.headers.get('location')).toBe(`${back}&notice=allowed`);
    const a = await db.prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(a.openUntil!.getTime()).toBe(clock.now().getTime() + 48 * 3_600_000);
    const decided = await db.prisma.lockException.findUniqueOrThrow({ where: { id: request.id } });
    expect(decided).toMatchObject({ status: 'allowed', decidedById: chiefId });
    expect(await db.prisma.reminderLedger.count({ where: { kind: 'exception', recipientId: focalId } })).toBe(
      1,
    );
    // Deciding twice: the second is told it was decided already, and nothing changes.
    const again = await client.post(`/dashboard/exceptions/${request.id}`, {
      _csrf: csrf,
      decision: 'refuse',
      back,
    });
    expect(again.headers.get('location')).toContain('notice=decided');
    expect((await db.prisma.lockException.findUniqueOrThrow({ where: { id: request.id } })).status).toBe(
      'allowed',
    );
    // A decision not said in words is refused and changes nothing.
    const vague = await db.prisma.lockException.create({
      data: { assignmentId, requestedById: focalId, reason: null },
    });
    expect((await client.post(`/dashboard/exceptions/${vague.id}`, { _csrf: csrf, back })).status).toBe(400);
    expect((await db.prisma.lockException.findUniqueOrThrow({ where: { id: vague.id } })).status).toBe(
      'pending',
    );
    // A way back with Vietnamese in it comes back encoded.
    const accented = await client.post(`/dashboard/exceptions/${vague.id}`, {
      _csrf: csrf,
      decision: 'refuse',
      back: '/dashboard/?q=Hà Nội',
    });
    expect(accented.status).toBe(303);
    expect(accented.headers.get('location')).toBe('/dashboard/?q=H%C3%A0+N%E1%BB%99i&notice=refused');
    // An address elsewhere is never where the decision sends the browser back to.
    const other = await db.prisma.lockException.create({
      data: { assignmentId, requestedById: focalId, reason: null },
    });
    const offsite = await client.post(`/dashboard/exceptions/${other.id}`, {
      _csrf: csrf,
      decision: 'refuse',
      back: 'https://evil.example/phish',
    });
    expect(offsite.headers.get('location')).toBe('/dashboard/?notice=refused');
    await client.post('/dashboard/lock', { _csrf: csrf, duty: DUTY, period: PERIOD, locked: '0' });
  });

  it("offers the chat's Excel workbook and chart for the report on screen", async () => {
    const { client } = await signedIn(chiefId);
    const xlsx = await client.get('/dashboard/export.xlsx?duty=BC6T&period=2027-H1');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(xlsx.headers.get('content-disposition')).toContain('6-thang-dau-nam-2027.xlsx');
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const png = await client.get('/dashboard/chart.png?duty=BC6T&period=2027-H1');
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('a nudge from the page is audited with who sent it', async () => {
    const { client, csrf } = await signedIn(chiefId);
    const res = await client.post(`/dashboard/units/${unit.id}/nudge`, {
      _csrf: csrf,
      duty: 'BC6T',
      period: '2027-H1',
    });
    // This unit has open reports of the seeded duties: the nudge goes out, about the one on screen.
    expect(res.headers.get('location')).toContain('notice=nudged');
    const row = await db.prisma.reminderLedger.findFirstOrThrow({
      where: { kind: 'nudge', unitIds: { has: unit.id } },
      include: { assignment: { include: { duty: true } } },
    });
    expect([row.assignment!.duty.code, row.periodCode]).toEqual(['BC6T', '2027-H1']);
    const rows = await audits('unit.nudge');
    expect(rows.map((r) => r.entity)).toEqual([`Unit:${unit.code}`]);
    expect(rows[0]!.data).toMatchObject({ recipients: 1 });
  });
});
