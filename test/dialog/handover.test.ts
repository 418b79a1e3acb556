/**
 * `/bangiao`: a cluster head hands a member unit's focal role over to a successor, on PostgreSQL
 * through the whole engine (routing, buttons, persisted state) with the real use case and
 * stores. Units outside the cluster are refused; inside, the chosen focal point stays one until
 * the successor redeems the code, and both steps are audited. `/danhac` names the focal points.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandover } from '../../src/app/handover.js';
import { createDialogEngine, type DialogEngine } from '../../src/dialog/engine.js';
import { managerCommand } from '../../src/dialog/flows/manager-actions.js';
import { createPrismaInviteStore } from '../../src/storage/invite-store.js';
import { createPrismaManagerStore } from '../../src/storage/manager-store.js';
import { createPrismaStatusStore } from '../../src/storage/status-store.js';
import { chatWith } from '../support/chat.js';
import { uniqueCode } from '../support/db.js';
import { makeUnit } from '../support/org.js';
import { bindPerson, type Chat, newChat, texts, turnFor, useDialog } from '../support/turn.js';

const CODE_RE = /\b[A-HJ-KMNP-Z2-9]{4}-[A-HJ-KMNP-Z2-9]{4}-[A-HJ-KMNP-Z2-9]{4}\b/;
const tag = uniqueCode('HO');
const dialog = useDialog({ actions: true });
let engine: DialogEngine;
let head: Chat;
let headId: number;
const units: Record<'member' | 'outside', { id: number; code: string; name: string }> = {} as never;
const people: Record<'hoa' | 'nam' | 'far', number> = {} as never;

beforeAll(async () => {
  dialog.ctx.deps.handover = createHandover({
    units: createPrismaManagerStore(dialog.prisma),
    scopes: createPrismaStatusStore(dialog.prisma),
    invites: createPrismaInviteStore(dialog.prisma),
  });
  engine = createDialogEngine(dialog.ctx.deps);
  const cluster = await dialog.prisma.unit.create({
    data: { code: `${tag}_CUM`, name: `Cụm bàn giao ${tag}`, typeCode: 'CLUSTER' },
  });
  units.member = await makeUnit(dialog.prisma, 'SO_TU_PHAP', {
    cluster: cluster.code,
    name: `Sở Tư pháp Trong Cụm ${tag}`,
  });
  units.outside = await makeUnit(dialog.prisma, 'SO_TU_PHAP', { name: `Sở Tư pháp Ngoài Cụm ${tag}` });
  head = newChat('web');
  headId = await bindPerson(dialog.prisma, head, [{ role: 'manager', unitId: cluster.id }], {
    fullName: 'Trưởng cụm bàn giao',
  });
  // The member unit has a focal point and a deputy; the outside unit one focal point.
  people.hoa = await bindPerson(
    dialog.prisma,
    newChat('telegram'),
    [{ role: 'focal', unitId: units.member.id }],
    {
      fullName: 'Phạm Thị Hoa',
    },
  );
  people.nam = await bindPerson(
    dialog.prisma,
    newChat('zalo'),
    [{ role: 'focal', unitId: units.member.id }],
    {
      fullName: 'Đỗ Văn Nam',
    },
  );
  people.far = await bindPerson(
    dialog.prisma,
    newChat('web'),
    [{ role: 'focal', unitId: units.outside.id }],
    {
      fullName: 'Vũ Thị Xa',
    },
  );
});

const handoverInvites = (unitId: number) =>
  dialog.prisma.invite.count({ where: { unitId, replacesPersonId: { not: null } } });

describe('/bangiao', () => {
  it('refuses a cluster head a unit outside the cluster, by code or by name, and issues nothing', async () => {
    const chat = chatWith(engine, { chatId: head.chatId });
    expect(await chat.say(`/bangiao ${units.outside.code}`)).toBe(
      'Đơn vị này không thuộc phạm vi quản lý của đồng chí.',
    );
    expect(await chat.say(`/bangiao Ngoài Cụm ${tag}`)).toContain(
      'Không tìm thấy đơn vị này trong phạm vi quản lý của đồng chí.',
    );
    // Nor does a forged choice of that unit get around the scope.
    expect(await chat.pressData(`x|bangiao|${units.outside.code}`)).toBe(
      'Đơn vị này không thuộc phạm vi quản lý của đồng chí.',
    );
    expect(await handoverInvites(units.outside.id)).toBe(0);
    expect(
      await dialog.prisma.role.count({ where: { personId: people.far, endedAt: null, role: 'focal' } }),
    ).toBe(1);
  });

  it('is for managers only: a focal point is told so', async () => {
    const focal = newChat('web');
    await bindPerson(dialog.prisma, focal, [{ role: 'focal', unitId: units.outside.id }]);
    expect(await chatWith(engine, { chatId: focal.chatId }).say(`/bangiao ${units.outside.code}`)).toContain(
      'Lệnh /bangiao dành cho quản lý',
    );
  });

  it('inside the cluster: lists the focal points, confirms, and issues a code that replaces on redemption', async () => {
    const chat = chatWith(engine, { chatId: head.chatId });
    let reply = await chat.say(`/bangiao trong cum ${tag}`);
    expect(reply).toContain(`Bàn giao đầu mối của ${units.member.name} (hiện có 2 đầu mối).`);
    expect(reply).toContain('• Phạm Thị Hoa — đầu mối từ ');
    expect(reply).toContain('nhận lời nhắc qua Telegram');
    expect(reply).toContain('• Đỗ Văn Nam — đầu mối từ ');
    expect(chat.buttons().map((b) => b.label)).toEqual(['Phạm Thị Hoa', 'Đỗ Văn Nam', '✖ Hủy']);

    reply = await chat.press('Phạm Thị Hoa');
    expect(reply).toContain(
      `Phạm Thị Hoa sẽ thôi là đầu mối của ${units.member.name} khi người kế nhiệm dùng mã`,
    );
    expect(await handoverInvites(units.member.id)).toBe(0); // nothing before the confirmation

    const confirm = chat.buttons().find((b) => b.label.includes('Xác nhận bàn giao'))!;
    reply = await chat.pressData(confirm.data);
    const code = CODE_RE.exec(reply)?.[0];
    expect(code, reply).toBeDefined();
    expect(reply).toContain(`Người kế nhiệm gửi cho bot: /start ${code}`);
    expect(reply).toContain(`Khi mã được dùng, Phạm Thị Hoa thôi là đầu mối của ${units.member.name}`);
    // Once: a second press of the same confirmation issues no second code.
    const again = await chat.pressData(confirm.data);
    expect(again).not.toMatch(CODE_RE);
    expect(await handoverInvites(units.member.id)).toBe(1);
    const decided = await dialog.prisma.auditLog.findMany({
      where: { action: 'focal.handover.invite', entity: `Unit:${units.member.code}` },
    });
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({ actor: `person:${headId}`, data: { replaces: people.hoa } });
    expect(JSON.stringify(decided)).not.toContain(code!);
    // Still the focal point until the successor redeems the code.
    const active = () =>
      dialog.prisma.role.findMany({
        where: { unitId: units.member.id, role: 'focal' },
        include: { person: true },
        orderBy: { id: 'asc' },
      });
    expect((await active()).every((r) => r.endedAt === null)).toBe(true);

    const successor = chatWith(engine, { chatId: uniqueCode('web'), name: 'Hoàng Văn Kế' });
    reply = await successor.say(`/start ${code}`);
    expect(reply).toContain(
      `đồng chí là đầu mối mới của ${units.member.name} (thay Phạm Thị Hoa, ghi nhận lúc`,
    );
    const roles = await active();
    expect(roles.map((r) => [r.person.fullName, r.endReason, r.endedAt?.toISOString() ?? null])).toEqual([
      ['Phạm Thị Hoa', 'handover', dialog.clock.now().toISOString()],
      ['Đỗ Văn Nam', null, null],
      ['Hoàng Văn Kế', null, null],
    ]);
    const done = await dialog.prisma.auditLog.findMany({
      where: { action: 'focal.handover', entity: `Unit:${units.member.code}` },
    });
    expect(done).toHaveLength(1);
    expect(done[0]!.data).toMatchObject({ from: people.hoa, to: roles[2]!.personId });
  });

  it('cancelling the confirmation issues nothing', async () => {
    const unit = await makeUnit(dialog.prisma, 'SO_TU_PHAP', { cluster: `${tag}_CUM` });
    await bindPerson(dialog.prisma, newChat('web'), [{ role: 'focal', unitId: unit.id }], {
      fullName: 'Lý Thị Ở',
    });
    const chat = chatWith(engine, { chatId: head.chatId });
    await chat.say(`/bangiao ${unit.code}`);
    await chat.press('Lý Thị Ở');
    expect(await chat.press('Hủy')).toBe(
      'Đã hủy bàn giao: không có mã mời nào được cấp, các đầu mối giữ nguyên.',
    );
    expect(await handoverInvites(unit.id)).toBe(0);
  });
});

describe('/nhac and /danhac with several focal points', () => {
  it('/nhac reaches every focal point of the unit, once each', async () => {
    const turn = await turnFor(dialog.ctx, head, { text: `/nhac ${units.member.code}` });
    await managerCommand(turn, dialog.ctx.deps.actions!, 'nhac', units.member.code);
    const focal = await dialog.prisma.role.count({
      where: { unitId: units.member.id, role: 'focal', endedAt: null },
    });
    expect(focal).toBeGreaterThanOrEqual(2);
    expect(texts(turn)).toContain(`Đã gửi lời nhắc tới ${focal} đầu mối của ${units.member.name}`);
    const rows = await dialog.prisma.reminderLedger.findMany({
      where: { kind: 'nudge', assignment: { unitId: units.member.id } },
    });
    expect(rows).toHaveLength(focal);
    expect(new Set(rows.map((r) => r.recipientId)).size).toBe(focal);
  });

  it('/danhac names the unit’s focal points before its reminders', async () => {
    const turn = await turnFor(dialog.ctx, head, { text: `/danhac ${units.outside.code}` });
    await managerCommand(turn, dialog.ctx.deps.actions!, 'danhac', units.outside.code);
    expect(texts(turn)).toBe('Đơn vị này không thuộc phạm vi quản lý của đồng chí.');
    const mine = await turnFor(dialog.ctx, head, { text: `/danhac ${units.member.code}` });
    await managerCommand(mine, dialog.ctx.deps.actions!, 'danhac', units.member.code);
    expect(texts(mine)).toMatch(/^Đầu mối hiện tại \(\d người\): Đỗ Văn Nam/);
    expect(texts(mine)).toContain(`Lời nhắc đã gửi tới ${units.member.name}`);
  });
});
