/**
 * The corrections flow alone (`correct`, the `/sua` command), on PostgreSQL: how to correct,
 * with an example from the person's own report, and a changed value that needs a reason first.
 */
import { describe, expect, it } from 'vitest';
import { correct } from '../../src/dialog/flows/corrections.js';
import { onText } from '../../src/dialog/flows/submission.js';
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

/** A Cục THADS whose focal point already sent 83,5 % in cases for BC6T 2027-H1. */
async function thadsWithValue() {
  const unit = await makeUnit(dialog.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
  const chat = newChat('web');
  await bindPerson(dialog.prisma, chat, [{ role: 'focal', unitId: unit.id }]);
  const aid = await assignmentId(dialog.prisma, unit.id);
  const viec = await dialog.prisma.indicator.findUniqueOrThrow({ where: { code: 'thads_viec' } });
  await dialog.prisma.submissionValue.create({
    data: { assignmentId: aid, indicatorId: viec.id, value: 83.5 },
  });
  return { unit, chat, aid };
}

const storedValue = async (aid: number, code: string) =>
  Number(
    (
      await dialog.prisma.submissionValue.findFirstOrThrow({
        where: { assignmentId: aid, indicator: { code } },
      })
    ).value,
  );

describe('/sua', () => {
  it('alone, explains how with an example from the person’s own report', async () => {
    const unit = await makeUnit(dialog.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const chat = newChat('web');
    await bindPerson(dialog.prisma, chat, [{ role: 'focal', unitId: unit.id }]);
    const turn = await turnFor(dialog.ctx, chat, { text: '/sua' });

    await correct(turn, '');

    // The report due next is BC6T: its second indicator is the rate in money.
    expect(texts(turn)).toBe(
      'Đồng chí gửi chỉ tiêu và số mới, ví dụ: /sua tiền thành 47,1% vì đơn vị đã rà soát lại',
    );
    expect(turn.state.flow).toEqual({ k: 'idle' });

    // A manager (no report of their own) is told what they can do instead.
    const manager = newChat('web');
    await bindPerson(dialog.prisma, manager, [{ role: 'manager', unitId: unit.id }]);
    const managerTurn = await turnFor(dialog.ctx, manager, { text: '/sua' });
    await correct(managerTurn, '');
    expect(texts(managerTurn)).toContain('chỉ đầu mối của đơn vị mới gửi được số liệu');
  });

  it('with a changed value and no reason, asks for the reason first, then reads back old → new with it', async () => {
    const { chat, aid } = await thadsWithValue();
    const turn = await turnFor(dialog.ctx, chat, { text: '/sua việc 84' });

    await correct(turn, 'việc 84');

    expect(texts(turn)).toBe(
      'Đồng chí đang sửa số liệu đã gửi. Vui lòng cho biết lý do sửa (ví dụ: Cục đã rà soát lại số liệu).',
    );
    expect(labels(turn)).toEqual(['✖ Hủy']);
    expect(turn.state.flow).toMatchObject({
      k: 'reason',
      draft: { aid, values: { thads_viec: 84 }, reason: null },
    });

    const reason = await nextTurn(turn, { text: 'Rà soát án chuyển kỳ' });
    await onText(reason, 'Rà soát án chuyển kỳ');

    expect(texts(reason)).toContain('• Tỷ lệ thi hành xong về việc: 83,5 % → 84 %');
    expect(texts(reason)).toContain('Lý do sửa: Rà soát án chuyển kỳ');
    expect(reason.state.flow).toMatchObject({ k: 'confirm', draft: { reason: 'Rà soát án chuyển kỳ' } });
    // Still not stored: only Confirm stores.
    expect(await storedValue(aid, 'thads_viec')).toBe(83.5);
  });

  it('with the reason in the same message, goes straight to the confirmation', async () => {
    const { chat, aid } = await thadsWithValue();
    const turn = await turnFor(dialog.ctx, chat, { text: '/sua việc 84 vì Cục đã rà soát lại' });

    await correct(turn, 'việc 84 vì Cục đã rà soát lại');

    expect(texts(turn)).toContain('• Tỷ lệ thi hành xong về việc: 83,5 % → 84 %');
    expect(texts(turn)).toContain('Lý do sửa: Cục đã rà soát lại');
    expect(turn.state.flow.k).toBe('confirm');
    expect(await storedValue(aid, 'thads_viec')).toBe(83.5);
  });
});
