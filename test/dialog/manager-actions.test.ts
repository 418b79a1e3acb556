/**
 * The managers' actions flow alone (`managerCommand`), on PostgreSQL with the real use case and
 * reminder ledger (the delivery queue records instead of reaching Redis): nudges within scope,
 * units named ambiguously, and locks refused to anyone but Vụ TĐKT.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ManagerActions } from '../../src/app/manager-actions.js';
import { managerCommand } from '../../src/dialog/flows/manager-actions.js';
import { uniqueCode } from '../support/db.js';
import { makeUnit } from '../support/org.js';
import { bindPerson, type Chat, newChat, texts, turnFor, useDialog } from '../support/turn.js';

const tag = uniqueCode('MA');
const dialog = useDialog({ actions: true });
let actions: ManagerActions;
const units: Record<'a' | 'b' | 'out', { id: number; code: string; name: string }> = {} as never;
let head: Chat;

beforeAll(async () => {
  actions = dialog.ctx.deps.actions!;
  // A cluster of its own with two Sở Tư pháp, and a Sở outside it; A's focal point is on Telegram.
  const cluster = await dialog.prisma.unit.create({
    data: { code: `${tag}_CUM`, name: `Cụm thử ${tag}`, typeCode: 'CLUSTER' },
  });
  units.a = await makeUnit(dialog.prisma, 'SO_TU_PHAP', {
    cluster: cluster.code,
    name: `Sở Tư pháp Bắc Thử ${tag}`,
  });
  units.b = await makeUnit(dialog.prisma, 'SO_TU_PHAP', {
    cluster: cluster.code,
    name: `Sở Tư pháp Nam Thử ${tag}`,
  });
  units.out = await makeUnit(dialog.prisma, 'SO_TU_PHAP', { name: `Sở Tư pháp Xa Thử ${tag}` });
  head = newChat('web');
  await bindPerson(dialog.prisma, head, [{ role: 'manager', unitId: cluster.id }], {
    fullName: 'Trưởng cụm thử',
  });
  await bindPerson(dialog.prisma, newChat('web'), [{ role: 'focal', unitId: units.a.id }], {
    fullName: 'Đầu mối Bắc',
  });
});

const nudges = (unitId: number) =>
  dialog.prisma.reminderLedger.count({ where: { kind: 'nudge', assignment: { unitId } } });

/** The head of the cluster sends `/<name> <args>`; returns the turn. */
async function headSays(name: 'nhac' | 'khoa', args: string) {
  const turn = await turnFor(dialog.ctx, head, { text: `/${name} ${args}` });
  await managerCommand(turn, actions, name, args);
  return turn;
}

describe('/nhac', () => {
  it('a unit name matching several lists the candidates in scope, by code, and sends nothing', async () => {
    const turn = await headSays('nhac', `thu ${tag.toLowerCase()}`);

    const text = texts(turn);
    expect(text).toContain('Có nhiều đơn vị trùng tên, đồng chí gửi lại với mã đơn vị:');
    expect(text).toContain(`• ${units.a.code} — ${units.a.name}`);
    expect(text).toContain(`• ${units.b.code} — ${units.b.name}`);
    expect(text).not.toContain(units.out.code);
    expect(text).toContain('Ví dụ: /nhac STP_HANOI');
    expect((await nudges(units.a.id)) + (await nudges(units.b.id))).toBe(0);
    expect(dialog.queue.rows).toEqual([]);
  });

  it('nudges a unit in scope once a day: one ledger row, queued; a unit outside the scope is refused', async () => {
    const turn = await headSays('nhac', units.a.code.toLowerCase());

    expect(texts(turn)).toContain(`Đã gửi lời nhắc tới 1 đầu mối của ${units.a.name}`);
    const rows = await dialog.prisma.reminderLedger.findMany({
      where: { kind: 'nudge', assignment: { unitId: units.a.id } },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.stage).toBe('nudge-2027-07-08');
    expect(dialog.queue.rows).toEqual([{ id: rows[0]!.id, channel: 'web' }]);

    const again = await headSays('nhac', units.a.code);
    expect(texts(again)).toBe(
      `Hôm nay đã nhắc ${units.a.name} rồi; mỗi đơn vị chỉ nhắc thủ công một lần mỗi ngày.`,
    );
    expect(await nudges(units.a.id)).toBe(1);

    const outside = await headSays('nhac', units.out.code);
    expect(texts(outside)).toBe('Đơn vị này không thuộc phạm vi quản lý của đồng chí.');
    expect(await nudges(units.out.id)).toBe(0);
    expect(dialog.queue.rows).toHaveLength(1);
  });
});

describe('/khoa', () => {
  it('is refused to a manager who is not Vụ TĐKT, and locks nothing', async () => {
    const turn = await headSays('khoa', 'BC6T 2027-H1');

    expect(texts(turn)).toBe('Chỉ Vụ Thi đua – Khen thưởng được khóa hoặc mở khóa kỳ báo cáo.');
    expect(
      await dialog.prisma.assignment.count({
        where: { unitId: { in: [units.a.id, units.b.id, units.out.id] }, locked: true },
      }),
    ).toBe(0);
  });
});
