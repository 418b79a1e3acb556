/**
 * `/web` (`/bangdieukhien`) and `/dangxuat` through the whole engine on PostgreSQL with the real
 * dashboard use case: a manager gets a one-time link that opens a session once; a focal point
 * is told the dashboard is for managers; `/dangxuat` ends the sessions and the unused links.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDialogEngine, type DialogEngine } from '../../src/dialog/engine.js';
import { createDashboardOnPrisma } from '../../src/wiring/dashboard.js';
import { chatWith } from '../support/chat.js';
import { uniqueCode } from '../support/db.js';
import { makeUnit } from '../support/org.js';
import { bindPerson, type Chat, newChat, useDialog } from '../support/turn.js';

const dialog = useDialog({ actions: true });
let engine: DialogEngine;
let dashboard: ReturnType<typeof createDashboardOnPrisma>['dashboard'];
let manager: Chat;
let managerEn: Chat;
let focal: Chat;
const LINK = /https:\/\/dondoc\.example\.gov\.vn\/dashboard\/signin\?t=([A-Za-z0-9_-]{43})/;

beforeAll(async () => {
  const tag = uniqueCode('DW');
  const cluster = await dialog.prisma.unit.create({
    data: { code: `${tag}_CUM`, name: `Cụm web ${tag}`, typeCode: 'CLUSTER' },
  });
  const unit = await makeUnit(dialog.prisma, 'SO_TU_PHAP', { cluster: cluster.code });
  manager = newChat('web');
  await bindPerson(dialog.prisma, manager, [{ role: 'manager', unitId: cluster.id }]);
  managerEn = newChat('telegram');
  await bindPerson(dialog.prisma, managerEn, [{ role: 'manager', unitId: cluster.id }], { locale: 'en' });
  focal = newChat('zalo');
  await bindPerson(dialog.prisma, focal, [{ role: 'focal', unitId: unit.id }]);
  const actions = dialog.ctx.deps.actions;
  if (!actions) throw new Error('no actions');
  ({ dashboard } = createDashboardOnPrisma(dialog.prisma, {
    translator: dialog.ctx.deps.translator,
    clock: dialog.clock,
    timeZone: dialog.ctx.deps.timeZone,
    actions,
    baseUrl: 'https://dondoc.example.gov.vn/',
  }));
  engine = createDialogEngine({ ...dialog.ctx.deps, dashboard });
});

describe('/web', () => {
  it('gives a manager a one-time link, valid ten minutes, that opens one session', async () => {
    const reply = await chatWith(engine, { chatId: manager.chatId }).say('/web');
    const token = LINK.exec(reply)?.[1];
    expect(token, reply).toBeDefined();
    expect(reply).toContain('dùng một lần');
    expect(reply).toMatch(/hiệu lực đến \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    const first = await dashboard.signIn(token!);
    expect(first).not.toBeNull();
    expect(await dashboard.session(first!.sessionToken)).toMatchObject({ scope: { kind: 'units' } });
    expect(await dashboard.signIn(token!)).toBeNull();
  });

  it('answers the Vietnamese alias and the English reader alike', async () => {
    expect(await chatWith(engine, { chatId: manager.chatId }).say('/bangdieukhien')).toMatch(LINK);
    const en = await chatWith(engine, { channel: 'telegram', chatId: managerEn.chatId }).say('/dashboard');
    expect(en).toMatch(LINK);
    expect(en).toContain('single use');
  });

  it('tells a focal point the dashboard is for managers, and gives no link', async () => {
    const reply = await chatWith(engine, { channel: 'zalo', chatId: focal.chatId }).say('/web');
    expect(reply).toContain('dành cho cán bộ quản lý');
    expect(reply).not.toMatch(/https?:\/\//);
  });

  it('tells someone not bound to bind first', async () => {
    const reply = await chatWith(engine, { chatId: newChat('web').chatId }).say('/web');
    expect(reply).not.toMatch(/https?:\/\//);
  });
});

describe('old sign-ins', () => {
  it('links and sessions ended more than 30 days before are deleted as new links are made', async () => {
    const personId = (await dialog.prisma.identity.findFirstOrThrow({ where: { chatId: manager.chatId } }))
      .personId;
    const long = new Date(dialog.clock.now().getTime() - 40 * 86_400_000);
    const recent = new Date(dialog.clock.now().getTime() - 2 * 86_400_000);
    const tag = uniqueCode('old');
    await dialog.prisma.dashboardLink.createMany({
      data: [
        { personId, tokenHash: `${tag}-link-old`, expiresAt: long },
        { personId, tokenHash: `${tag}-link-recent`, expiresAt: recent },
      ],
    });
    await dialog.prisma.dashboardSession.createMany({
      data: [
        { personId, tokenHash: `${tag}-session-old`, expiresAt: long },
        { personId, tokenHash: `${tag}-session-revoked`, expiresAt: recent, revokedAt: long },
      ],
    });
    await chatWith(engine, { chatId: manager.chatId }).say('/web');
    const links = await dialog.prisma.dashboardLink.findMany({ where: { tokenHash: { startsWith: tag } } });
    const sessions = await dialog.prisma.dashboardSession.findMany({
      where: { tokenHash: { startsWith: tag } },
    });
    expect(links.map((l) => l.tokenHash)).toEqual([`${tag}-link-recent`]);
    expect(sessions).toEqual([]);
  });
});

describe('/dangxuat', () => {
  it('ends every session and every unused link of the person', async () => {
    const chat = chatWith(engine, { chatId: manager.chatId });
    const a = LINK.exec(await chat.say('/web'))![1]!;
    const unused = LINK.exec(await chat.say('/web'))![1]!;
    const session = await dashboard.signIn(a);
    expect(session).not.toBeNull();
    const reply = await chat.say('/dangxuat');
    expect(reply).toMatch(/Đã đăng xuất \d+ phiên/);
    expect(await dashboard.session(session!.sessionToken)).toBeNull();
    expect(await dashboard.signIn(unused)).toBeNull();
    expect(await chat.say('/dangxuat')).toContain('không có phiên');
  });
});
