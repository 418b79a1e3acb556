/**
 * The managers' actions flow alone (`managerCommand`), on PostgreSQL with the real use case and
 * reminder ledger (the delivery queue records instead of reaching Redis): nudges within scope,
 * units named ambiguously, and locks refused to anyone but Vụ TĐKT.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ManagerActions } from '../../src/app/manager-actions.js';
import { onButton } from '../../src/dialog/flows/buttons.js';
import { managerCommand } from '../../src/dialog/flows/manager-actions.js';
import { uniqueCode } from '../support/db.js';
import { makeUnit } from '../support/org.js';
import { bindPerson, type Chat, newChat, texts, turnFor, useDialog } from '../support/turn.js';

const tag = uniqueCode('MA');
const dialog = useDialog({ actions: true });
let actions: ManagerActions;
const units: Record<'a' | 'b' | 'out' | 'bacNinh', { id: number; code: string; name: string }> = {} as never;
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
  // A member named as the seed names a provincial THADS body — its last word, "Ninh", looks like
  // a duty code — with no focal point yet. The seed's own unit of that name is outside the scope.
  units.bacNinh = await makeUnit(dialog.prisma, 'CUC_THADS', {
    cluster: cluster.code,
    name: 'Cục Thi hành án dân sự Bắc Ninh',
  });
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
async function headSays(name: 'nhac' | 'danhac' | 'khoa', args: string) {
  const turn = await turnFor(dialog.ctx, head, { text: `/${name} ${args}` });
  await managerCommand(turn, actions, name, args);
  return turn;
}

describe('/nhac', () => {
  it('a unit name matching several lists the candidates in scope, by code, and sends nothing', async () => {
    const turn = await headSays('nhac', `thu ${tag.toLowerCase()}`);

    const text = texts(turn);
    expect(text).toContain(
      'Có nhiều đơn vị trùng tên, đồng chí chọn một đơn vị (hoặc gửi lại với mã đơn vị):',
    );
    expect(text).toContain(`• ${units.a.code} — ${units.a.name}`);
    expect(text).toContain(`• ${units.b.code} — ${units.b.name}`);
    expect(text).not.toContain(units.out.code);
    // A choice: one button per unit in scope (the cluster's own name matches too), in
    // Vietnamese order, which runs the command on it; the example is the first one's code.
    expect(turn.out[0]?.buttons?.flat()).toEqual([
      { label: `Cụm thử ${tag}`, data: `x|nhac|${tag}_CUM` },
      { label: units.a.name, data: `x|nhac|${units.a.code}` },
      { label: units.b.name, data: `x|nhac|${units.b.code}` },
    ]);
    expect(text).toContain(`Ví dụ: /nhac ${tag}_CUM`);
    expect((await nudges(units.a.id)) + (await nudges(units.b.id))).toBe(0);
    expect(dialog.queue.rows).toEqual([]);
  });

  it('a unit chosen among several by its button gets the command; a forged choice outside the scope is refused', async () => {
    const asked = await headSays('danhac', `thu ${tag.toLowerCase()}`);
    const choice = asked.out[0]!.buttons!.flat().find((b) => b.label === units.b.name)!;
    expect(choice.data).toBe(`x|danhac|${units.b.code}`);

    const pressed = await turnFor(dialog.ctx, head, { buttonData: choice.data });
    await onButton(pressed, choice.data);
    expect(texts(pressed)).toBe(`Chưa có lời nhắc nào gửi tới ${units.b.name}.`);

    const forged = await turnFor(dialog.ctx, head, { buttonData: `x|nhac|${units.out.code}` });
    await onButton(forged, `x|nhac|${units.out.code}`);
    expect(texts(forged)).toBe('Đơn vị này không thuộc phạm vi quản lý của đồng chí.');
    expect(dialog.queue.rows).toEqual([]);
  });

  it('by code, by full name and by part of the name, accents or not: the same unit and the same answer', async () => {
    // Issue 23, seen: by code "chưa có đầu mối", by name "không có báo cáo nào đang chờ nộp" —
    // the name's last word ("Ninh") was taken for a duty code.
    const answers: string[] = [];
    for (const named of [
      units.bacNinh.code,
      units.bacNinh.code.toLowerCase(),
      'Cục Thi hành án dân sự Bắc Ninh',
      'cuc thi hanh an dan su bac ninh',
      'bac ninh',
      'Bắc Ninh BC6T',
    ]) {
      answers.push(texts(await headSays('nhac', named)));
    }
    const expected =
      'Cục Thi hành án dân sự Bắc Ninh chưa có đầu mối kết nối với bot nên chưa nhắc được. Đề nghị Vụ Thi đua – Khen thưởng cấp mã mời cho đơn vị; cán bộ đầu mối gửi mã đó cho bot là nhận được lời nhắc.';
    expect(answers).toEqual(answers.map(() => expected));
    expect(answers.join('\n')).not.toContain('lệnh invite');
    expect(await nudges(units.bacNinh.id)).toBe(0);

    for (const named of [units.bacNinh.code, 'Cục Thi hành án dân sự Bắc Ninh', 'ninh bac']) {
      expect(texts(await headSays('danhac', named))).toBe(
        'Chưa có lời nhắc nào gửi tới Cục Thi hành án dân sự Bắc Ninh.',
      );
    }
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
