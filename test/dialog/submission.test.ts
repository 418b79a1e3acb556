/**
 * The submission flow alone (`onText`), on PostgreSQL: free text read into a draft, missing
 * figures asked one by one (a bare number answers, a skip word skips), refused values explained,
 * the unit asked when a person has several — and nothing stored before a confirmation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { onText } from '../../src/dialog/flows/submission.js';
import type { Flow } from '../../src/dialog/state.js';
import { makeUnit } from '../support/org.js';
import {
  assignmentId,
  bindPerson,
  focalOfTwoUnits,
  labels,
  newChat,
  nextTurn,
  texts,
  turnFor,
  useDialog,
} from '../support/turn.js';

const dialog = useDialog();
/** Nothing is stored by this flow: the focal points of one Cục THADS serve every test. */
let thads: { id: number; code: string; name: string };

beforeAll(async () => {
  thads = await makeUnit(dialog.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
});

const storedValues = (unitId: number) =>
  dialog.prisma.submissionValue.count({ where: { assignment: { unitId } } });

/** A focal point of the Cục THADS, bound on a fresh chat. */
async function thadsFocal(locale: 'vi' | 'en' = 'vi') {
  const chat = newChat('web');
  await bindPerson(dialog.prisma, chat, [{ role: 'focal', unitId: thads.id }], { locale });
  return { unit: thads, chat };
}

const collecting = (flow: Flow) => {
  if (flow.k !== 'collect') throw new Error(`expected collect, got ${flow.k}`);
  return flow;
};

describe('figures from free text', () => {
  it('reads two figures into a draft, asks the next missing one with Skip/Cancel, and stores nothing', async () => {
    const { unit, chat } = await thadsFocal();
    const turn = await turnFor(dialog.ctx, chat, { text: 'việc 83,5% tiền 46,2%' });

    await onText(turn, 'việc 83,5% tiền 46,2%');

    expect(texts(turn)).toBe('Còn thiếu: Giảm số việc chuyển kỳ sau (%). Đồng chí gửi số, hoặc bấm Bỏ qua.');
    expect(labels(turn)).toEqual(['Bỏ qua', '✖ Hủy']);
    const flow = collecting(turn.state.flow);
    expect(flow.asking).toBe('thads_giam_viec');
    expect(flow.draft.values).toEqual({ thads_viec: 83.5, thads_tien: 46.2 });
    expect(flow.draft.raw).toBe('việc 83,5% tiền 46,2%');
    expect(flow.draft.aid).toBe(await assignmentId(dialog.prisma, unit.id));
    expect(await storedValues(unit.id)).toBe(0);
  });

  it('while asking: a bare number answers the figure asked, a skip word skips it', async () => {
    const { unit, chat } = await thadsFocal();
    const first = await turnFor(dialog.ctx, chat, { text: 'việc 83,5% tiền 46,2%' });
    await onText(first, 'việc 83,5% tiền 46,2%');

    const answer = await nextTurn(first, { text: '9' });
    await onText(answer, '9');
    let flow = collecting(answer.state.flow);
    expect(flow.draft.values).toMatchObject({ thads_giam_viec: 9 });
    expect(flow.asking).toBe('thads_giam_tien');
    expect(texts(answer)).toContain('Còn thiếu: Giảm số tiền chuyển kỳ sau (%).');

    const skip = await nextTurn(answer, { text: 'bỏ qua' });
    await onText(skip, 'bỏ qua');
    flow = collecting(skip.state.flow);
    expect(flow.draft.skipped).toEqual(['thads_giam_tien']);
    expect(flow.draft.values.thads_giam_tien).toBeUndefined();
    expect(flow.asking).toBe('ho_ngheo_nha');
    expect(texts(skip)).toContain('Còn thiếu: Số nhà hỗ trợ hộ nghèo');
    expect(await storedValues(unit.id)).toBe(0);
  });

  it('refuses an out-of-range value with its reason and keeps it out of the draft', async () => {
    const { unit, chat } = await thadsFocal();
    const turn = await turnFor(dialog.ctx, chat, { text: 'việc 120% tiền 46,2%' });

    await onText(turn, 'việc 120% tiền 46,2%');

    expect(turn.out[0]?.text).toBe(
      'Không nhận Tỷ lệ thi hành xong về việc = 120%: tỷ lệ phần trăm không thể lớn hơn 100 %.',
    );
    const flow = collecting(turn.state.flow);
    expect(flow.draft.values).toEqual({ thads_tien: 46.2 });
    // The refused figure is required: it is asked for again.
    expect(flow.asking).toBe('thads_viec');
    expect(await storedValues(unit.id)).toBe(0);
  });

  it('asks in English for an English-speaking focal point', async () => {
    const { chat } = await thadsFocal('en');
    const turn = await turnFor(dialog.ctx, chat, { text: 'việc 83,5% tiền 46,2%' });

    await onText(turn, 'việc 83,5% tiền 46,2%');

    expect(texts(turn)).toBe(
      'Still missing: Reduction of cases carried over (%). Send the number, or press Skip.',
    );
    expect(labels(turn)).toEqual(['Skip', '✖ Cancel']);
  });
});

describe('a focal point of two units', () => {
  it('is asked which unit; the text is kept in the flow and nothing is read yet', async () => {
    const { alpha, beta, chat } = await focalOfTwoUnits(dialog.prisma);
    const turn = await turnFor(dialog.ctx, chat, { text: 'việc 83,5% tiền 46,2%' });

    await onText(turn, 'việc 83,5% tiền 46,2%');

    expect(texts(turn)).toBe('Đồng chí là đầu mối của nhiều đơn vị. Số liệu này của đơn vị nào?');
    expect([...labels(turn)].sort()).toEqual([alpha.name, beta.name].sort());
    expect(turn.state.flow).toMatchObject({
      k: 'pick_unit',
      text: 'việc 83,5% tiền 46,2%',
      unitIds: expect.arrayContaining([alpha.id, beta.id]),
    });
    expect((await storedValues(alpha.id)) + (await storedValues(beta.id))).toBe(0);
  });
});
