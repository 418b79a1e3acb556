/**
 * The managers' status flow alone (`status`, `statusText`), on PostgreSQL with the real status
 * service: a report within the manager's scope, and refusals that name what is wrong.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { status, statusText } from '../../src/dialog/flows/status.js';
import { uniqueCode } from '../support/db.js';
import { makeUnit } from '../support/org.js';
import { assignmentId, bindPerson, type Chat, newChat, texts, turnFor, useDialog } from '../support/turn.js';

const tag = uniqueCode('ST');
// 20 July 2027: five days after BC6T 2027-H1 was due.
const dialog = useDialog({ status: true, now: new Date('2027-07-20T03:00:00Z') });
const units: Record<'a' | 'b' | 'out', { id: number; code: string; name: string }> = {} as never;
let manager: Chat;
let focal: Chat;

beforeAll(async () => {
  // A cluster of its own (which reports too) with two Sở Tư pháp — A sent BC6T 2027-H1 on time,
  // B has not — and a Sở outside it that has not either.
  const cluster = await dialog.prisma.unit.create({
    data: { code: `${tag}_CUM`, name: `Cụm thử ${tag}`, typeCode: 'CLUSTER' },
  });
  units.a = await makeUnit(dialog.prisma, 'SO_TU_PHAP', {
    cluster: cluster.code,
    name: `Sở Tư pháp An ${tag}`,
  });
  units.b = await makeUnit(dialog.prisma, 'SO_TU_PHAP', {
    cluster: cluster.code,
    name: `Sở Tư pháp Bình ${tag}`,
  });
  units.out = await makeUnit(dialog.prisma, 'SO_TU_PHAP', { name: `Sở Tư pháp Xa ${tag}` });
  await dialog.prisma.assignment.update({
    where: { id: await assignmentId(dialog.prisma, units.a.id) },
    data: { state: 'on_time', submittedAt: new Date('2027-07-05T03:00:00Z') },
  });
  // Mediation success: A below its target (≥ 85 %); the Sở outside the scope too.
  const mediation = await dialog.prisma.indicator.findUniqueOrThrow({ where: { code: 'hoa_giai_thanh' } });
  for (const [unit, value] of [
    [units.a, 80],
    [units.out, 70],
  ] as const) {
    await dialog.prisma.submissionValue.create({
      data: { assignmentId: await assignmentId(dialog.prisma, unit.id), indicatorId: mediation.id, value },
    });
  }
  manager = newChat('web');
  await bindPerson(dialog.prisma, manager, [{ role: 'manager', unitId: cluster.id }], {
    fullName: 'Trưởng cụm thử',
  });
  focal = newChat('web');
  await bindPerson(dialog.prisma, focal, [{ role: 'focal', unitId: units.out.id }]);
});

describe('/tinhhinh', () => {
  it('a manager sees the report of the units in scope only, with the step kept for paging', async () => {
    const turn = await turnFor(dialog.ctx, manager, { text: '/tinhhinh BC6T 2027-H1' });

    await status(turn, { dutyCode: 'BC6T', periodCode: '2027-H1' });

    const text = texts(turn);
    expect(text).toContain(
      'Tình hình Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2027 (3 đơn vị trong phạm vi):',
    );
    expect(text).toContain(
      'Đúng hạn 1 · Nộp muộn 0 · Nộp một phần 0 · Chưa đến hạn 0 · Chưa nộp 2 — đã nộp đủ 1/3 (33,3 %)',
    );
    expect(text).toContain(`• ${units.b.name} — Chưa nộp`);
    // The cluster reports too: under the clusters' heading, never "Không thuộc cụm".
    expect(text).toContain(`Cụm thi đua (1):\n• Cụm thử ${tag} — Chưa nộp`);
    expect(text).not.toContain('Không thuộc cụm');
    expect(text).not.toContain(units.a.name);
    expect(text).not.toContain(units.out.name);
    expect(turn.state.flow).toEqual({
      k: 'status',
      token: expect.any(String),
      duty: 'BC6T',
      period: '2027-H1',
    });
  });

  it('refuses a person without a manager role, and names a duty that does not exist', async () => {
    const notManager = await turnFor(dialog.ctx, focal, { text: '/tinhhinh' });
    await status(notManager, {});
    expect(texts(notManager)).toBe(
      'Chức năng này dành cho lãnh đạo, quản lý. Tài khoản của đồng chí chưa có vai trò quản lý.',
    );
    expect(notManager.state.flow).toEqual({ k: 'idle' });

    const unknown = await turnFor(dialog.ctx, manager, { text: '/tinhhinh XYZ 2027' });
    await status(unknown, { dutyCode: 'XYZ', periodCode: '2027' });
    expect(texts(unknown)).toContain('Không tìm thấy báo cáo "XYZ" kỳ "2027".');
    expect(unknown.state.flow).toEqual({ k: 'idle' });
  });
});

describe('/chitieu', () => {
  it('reads the figures of the scope against the year’s targets', async () => {
    const turn = await turnFor(dialog.ctx, manager, { text: '/chitieu BC6T 2027-H1' });

    await statusText(turn, 'chitieu', 'BC6T 2027-h1');

    expect(texts(turn)).toContain(
      'Số liệu so với chỉ tiêu — Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2027:',
    );
    // The mean and the units below target are the scope's: 80 %, not (80 + 70) / 2.
    expect(texts(turn)).toContain(
      '• Tỷ lệ hòa giải thành: bình quân 80 % · đạt chỉ tiêu 0/1 đơn vị (≥ 85 %)',
    );
    expect(texts(turn)).toContain(`⚠ Chưa đạt: ${units.a.name} (80 %)`);
    expect(texts(turn)).not.toContain(units.out.name);
  });
});
