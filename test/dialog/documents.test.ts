/**
 * The documents flow alone (`onDocument`), on PostgreSQL: the signed report's number and date (or
 * file) recorded on the one open report, or a choice first when several are open.
 */
import { describe, expect, it } from 'vitest';
import { onDocument } from '../../src/dialog/flows/documents.js';
import { makeUnit } from '../support/org.js';
import {
  assignmentId,
  bindPerson,
  labels,
  newChat,
  nextTurn,
  texts,
  turnFor,
  useDialog,
} from '../support/turn.js';

const dialog = useDialog();

const withDocument = (unitId: number) =>
  dialog.prisma.assignment.findMany({
    where: { unitId, documentSentAt: { not: null } },
    select: { id: true, documentRef: true },
  });

const BC6T_NAME = 'Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm';

describe('the signed report', () => {
  it('a number and date is recorded on the single open report', async () => {
    const unit = await makeUnit(dialog.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    // The year's registration (DKTD 2027) was filed in January: only BC6T 2027-H1 is open.
    await dialog.prisma.assignment.update({
      where: { id: await assignmentId(dialog.prisma, unit.id, 'DKTD', '2027') },
      data: {
        state: 'on_time',
        dueDate: new Date('2026-12-31T00:00:00Z'),
        submittedAt: new Date('2026-12-20T00:00:00Z'),
      },
    });
    const chat = newChat('web');
    await bindPerson(dialog.prisma, chat, [{ role: 'focal', unitId: unit.id }]);
    const turn = await turnFor(dialog.ctx, chat, { text: 'số 123/BC-CTHADS ngày 10/7/2027' });

    await onDocument(turn, { kind: 'number', number: '123/BC-CTHADS', date: '2027-07-10' });

    expect(texts(turn)).toBe(
      `Đã ghi nhận văn bản ${BC6T_NAME} 2027 của ${unit.name}: số 123/BC-CTHADS ngày 10/07/2027.`,
    );
    expect(turn.state.flow).toEqual({ k: 'idle' });
    expect(await withDocument(unit.id)).toEqual([
      { id: await assignmentId(dialog.prisma, unit.id), documentRef: '123/BC-CTHADS 2027-07-10' },
    ]);
  });

  it('with several open reports, asks which one and records nothing until chosen', async () => {
    const unit = await makeUnit(dialog.prisma, 'SO_TU_PHAP');
    const chat = newChat('web');
    await bindPerson(dialog.prisma, chat, [{ role: 'focal', unitId: unit.id }]);
    const file = { kind: 'file' as const, name: 'bao-cao-6-thang.pdf', ref: 'zalo-file-1' };
    const turn = await turnFor(dialog.ctx, chat);

    await onDocument(turn, file);

    expect(texts(turn)).toBe('Văn bản này cho báo cáo nào?');
    expect(labels(turn)).toEqual([
      'Kế hoạch thi đua và đăng ký danh hiệu thi đua năm 2027',
      'Báo cáo sơ kết đợt thi đua thứ nhất 6 tháng đầu năm 2027',
      `${BC6T_NAME} 2027`,
    ]);
    const bc6t = await assignmentId(dialog.prisma, unit.id);
    expect(turn.state.flow).toMatchObject({
      k: 'pick_assignment',
      purpose: 'document',
      ids: expect.arrayContaining([bc6t]),
      document: JSON.stringify(file),
    });
    expect(await withDocument(unit.id)).toEqual([]);

    // Once chosen (the button passes the report), only that one is recorded.
    const chosen = await nextTurn(turn);
    await onDocument(chosen, file, bc6t);
    expect(texts(chosen)).toBe(
      `Đã ghi nhận văn bản ${BC6T_NAME} 2027 của ${unit.name}: tệp "bao-cao-6-thang.pdf".`,
    );
    expect(await withDocument(unit.id)).toEqual([
      { id: bc6t, documentRef: 'file:bao-cao-6-thang.pdf (zalo-file-1)' },
    ]);
  });
});
