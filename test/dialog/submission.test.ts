/**
 * The submission flow alone (`onText`), on PostgreSQL: free text read into a draft and read back
 * with everything still missing in one reply, more figures merged in any order, a lone number
 * given to the only missing figure or named back, one-by-one asking on request, refused values
 * explained with the accepted ones, the unit asked when a person has several — and nothing
 * stored before a confirmation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { onButton } from '../../src/dialog/flows/buttons.js';
import { onText } from '../../src/dialog/flows/submission.js';
import type { Flow } from '../../src/dialog/state.js';
import { makeUnit } from '../support/org.js';
import {
  assignmentId,
  bindPerson,
  buttonData,
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
const confirming = (flow: Flow) => {
  if (flow.k !== 'confirm') throw new Error(`expected confirm, got ${flow.k}`);
  return flow;
};

const MISSING_5 =
  'Còn thiếu: Giảm số việc chuyển kỳ sau, Giảm số tiền chuyển kỳ sau, Số nhà hỗ trợ hộ nghèo, Số xã nghèo được hỗ trợ, Tiền, hàng ủng hộ người nghèo.';

describe('figures from free text', () => {
  it('reads two figures back with everything still missing, in one reply, and stores nothing', async () => {
    const { unit, chat } = await thadsFocal();
    const turn = await turnFor(dialog.ctx, chat, { text: 'việc 83,5% tiền 46,2%' });

    await onText(turn, 'việc 83,5% tiền 46,2%');

    expect(turn.out).toHaveLength(1);
    const text = texts(turn);
    expect(text).toContain('Xác nhận số liệu Báo cáo công tác thi đua, khen thưởng 6 tháng');
    expect(text).toMatch(/• Tỷ lệ thi hành xong về việc: 83,5 % — đạt chỉ tiêu/);
    expect(text).toContain(MISSING_5);
    expect(text).toContain('Đồng chí gửi tiếp các số còn thiếu trong một tin (thứ tự tùy ý)');
    expect(labels(turn)).toEqual(['✅ Lưu phần đã có', 'Từng chỉ tiêu', '✖ Hủy']);
    // A figure may be typed next: no channel may number these choices.
    expect(turn.out[0]?.expectsFigure).toBe(true);
    expect(turn.out[0]?.inputHint).toMatch(/\d/);
    const flow = confirming(turn.state.flow);
    expect(flow.draft.values).toEqual({ thads_viec: 83.5, thads_tien: 46.2 });
    expect(flow.draft.raw).toBe('việc 83,5% tiền 46,2%');
    expect(flow.draft.aid).toBe(await assignmentId(dialog.prisma, unit.id));
    expect(await storedValues(unit.id)).toBe(0);
  });

  it('the missing figures come in one more message, in any order; then the usual confirmation', async () => {
    const { unit, chat } = await thadsFocal();
    const first = await turnFor(dialog.ctx, chat, { text: 'việc 83,5% tiền 46,2%' });
    await onText(first, 'việc 83,5% tiền 46,2%');

    const more = 'ủng hộ 15 triệu, giảm tiền 7%; nhà 2, xã 1, giảm việc 9%';
    const next = await nextTurn(first, { text: more });
    await onText(next, more);

    const flow = confirming(next.state.flow);
    expect(flow.draft.values).toEqual({
      thads_viec: 83.5,
      thads_tien: 46.2,
      thads_giam_viec: 9,
      thads_giam_tien: 7,
      ho_ngheo_nha: 2,
      xa_ngheo: 1,
      ung_ho: 15_000_000,
    });
    expect(texts(next)).not.toContain('Còn thiếu');
    expect(labels(next)).toEqual(['✅ Xác nhận', '✏️ Sửa', '✖ Hủy']);
    expect(flow.draft.raw).toBe(`việc 83,5% tiền 46,2%\n${more}`);
    expect(await storedValues(unit.id)).toBe(0);
  });

  it('a lone number answers the only figure still missing; with several missing it is named back', async () => {
    const { chat } = await thadsFocal();
    const all = 'việc 83,5% tiền 46,2% giảm việc 9% giảm tiền 7% nhà 2 xã 1';
    const first = await turnFor(dialog.ctx, chat, { text: all });
    await onText(first, all);
    expect(texts(first)).toContain('Còn thiếu: Tiền, hàng ủng hộ người nghèo.');

    const lone = await nextTurn(first, { text: '15000000' });
    await onText(lone, '15000000');
    expect(confirming(lone.state.flow).draft.values.ung_ho).toBe(15_000_000);
    expect(labels(lone)).toEqual(['✅ Xác nhận', '✏️ Sửa', '✖ Hủy']);

    const { chat: other } = await thadsFocal();
    const two = await turnFor(dialog.ctx, other, { text: 'việc 83,5% tiền 46,2%' });
    await onText(two, 'việc 83,5% tiền 46,2%');
    const digit = await nextTurn(two, { text: '1' });
    await onText(digit, '1');
    const flow = confirming(digit.state.flow);
    // Not a choice, not a guess: asked about, with the indicators it could be for.
    expect(flow.draft.values).toEqual({ thads_viec: 83.5, thads_tien: 46.2 });
    expect(texts(digit)).toContain('Chưa dùng: 1 — thuộc chỉ tiêu nào?');
    expect(labels(digit)).toContain('Bỏ qua số này');
  });

  it('on request, one by one: a bare number answers the figure asked, a skip word skips it', async () => {
    const { unit, chat } = await thadsFocal();
    const first = await turnFor(dialog.ctx, chat, { text: 'việc 83,5% tiền 46,2%' });
    await onText(first, 'việc 83,5% tiền 46,2%');
    const one = await nextTurn(first, { buttonData: buttonData(first, 'Từng chỉ tiêu') });
    await onButton(one, buttonData(first, 'Từng chỉ tiêu'));
    expect(texts(one)).toBe(
      'Còn thiếu: Giảm số việc chuyển kỳ sau (%). Đồng chí gửi số, hoặc bấm (gõ) Bỏ qua.',
    );
    expect(labels(one)).toEqual(['Bỏ qua', 'Không có số liệu', '✖ Hủy']);
    expect(one.out[0]?.expectsFigure).toBe(true);

    const answer = await nextTurn(one, { text: '9' });
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

  it('one by one, “không có” (or its button) declares the figure has none — unlike a skip, it is given', async () => {
    const { chat } = await thadsFocal();
    const first = await turnFor(dialog.ctx, chat, { text: 'việc 83,5% tiền 46,2%' });
    await onText(first, 'việc 83,5% tiền 46,2%');
    const one = await nextTurn(first, { buttonData: buttonData(first, 'Từng chỉ tiêu') });
    await onButton(one, buttonData(first, 'Từng chỉ tiêu'));
    expect(labels(one)).toEqual(['Bỏ qua', 'Không có số liệu', '✖ Hủy']);

    const typed = await nextTurn(one, { text: 'không có' });
    await onText(typed, 'không có');
    let flow = collecting(typed.state.flow);
    expect(flow.draft.none).toEqual(['thads_giam_viec']);
    expect(flow.draft.skipped).toEqual([]);
    expect(flow.asking).toBe('thads_giam_tien');

    const pressed = await nextTurn(typed, { buttonData: buttonData(typed, 'Không có số liệu') });
    await onButton(pressed, buttonData(typed, 'Không có số liệu'));
    flow = collecting(pressed.state.flow);
    expect(flow.draft.none).toEqual(['thads_giam_viec', 'thads_giam_tien']);
    expect(flow.asking).toBe('ho_ngheo_nha');
  });

  it('refuses an out-of-range value with its reason in the same reply as the accepted one', async () => {
    const { unit, chat } = await thadsFocal();
    const turn = await turnFor(dialog.ctx, chat, { text: 'việc 120% tiền 46,2%' });

    await onText(turn, 'việc 120% tiền 46,2%');

    expect(turn.out).toHaveLength(1);
    const [refusal, title] = texts(turn).split('\n');
    expect(refusal).toBe(
      'Không nhận Tỷ lệ thi hành xong về việc = 120%: tỷ lệ phần trăm không thể lớn hơn 100 %.',
    );
    expect(title).toContain('Xác nhận số liệu');
    const flow = confirming(turn.state.flow);
    expect(flow.draft.values).toEqual({ thads_tien: 46.2 });
    // The refused figure is required: it is listed as missing.
    expect(texts(turn)).toContain('Còn thiếu: Tỷ lệ thi hành xong về việc, Giảm số việc chuyển kỳ sau');
    expect(await storedValues(unit.id)).toBe(0);
  });

  it('a refused value alone gets its reason and what to send instead — never "no figures found"', async () => {
    const { chat } = await thadsFocal();
    const turn = await turnFor(dialog.ctx, chat, { text: 'việc 120%' });

    await onText(turn, 'việc 120%');

    expect(turn.out).toHaveLength(1);
    const text = texts(turn);
    expect(text).toContain('Không nhận Tỷ lệ thi hành xong về việc = 120%');
    expect(text).toContain('Chưa có số nào được nhận. Đồng chí gửi lại số đúng, ví dụ:');
    expect(text).not.toContain('chưa nhận ra số liệu');
    expect(turn.state.flow).toEqual({ k: 'idle' });
  });

  it('a number tied to no indicator is named back, and the person says which', async () => {
    const { chat } = await thadsFocal();
    const turn = await turnFor(dialog.ctx, chat, { text: 'nhà 15 căn, 350tr' });

    await onText(turn, 'nhà 15 căn, 350tr');

    expect(texts(turn)).toContain('Chưa dùng: 350tr — thuộc chỉ tiêu nào?');
    expect(labels(turn)).toContain('Tiền, hàng ủng hộ người nghèo');
    const data = buttonData(turn, 'Tiền, hàng ủng hộ người nghèo');
    const press = await nextTurn(turn, { buttonData: data });
    await onButton(press, data);
    const flow = confirming(press.state.flow);
    expect(flow.draft.values).toEqual({ ho_ngheo_nha: 15, ung_ho: 350_000_000 });
    expect(flow.draft.unused).toEqual([]);
    expect(texts(press)).not.toContain('Chưa dùng');
  });

  it('a number alone, with one report open, is named back with the indicators it fits', async () => {
    const { chat } = await thadsFocal();
    const turn = await turnFor(dialog.ctx, chat, { text: '350tr' });

    await onText(turn, '350tr');

    expect(texts(turn)).toContain('Chưa dùng: 350tr — thuộc chỉ tiêu nào?');
    expect(labels(turn)).toEqual(['Tiền, hàng ủng hộ người nghèo', 'Bỏ qua số này', '✖ Hủy']);
    expect(confirming(turn.state.flow).draft.values).toEqual({});
  });

  it('a reading asked about is chosen by typing its number out, or by its button', async () => {
    const { chat } = await thadsFocal();
    const turn = await turnFor(dialog.ctx, chat, { text: 'ủng hộ 1,234 tỷ' });
    await onText(turn, 'ủng hộ 1,234 tỷ');
    expect(texts(turn)).toContain('có thể hiểu theo nhiều cách');
    expect(turn.out[0]?.expectsFigure).toBe(true);

    const typed = await nextTurn(turn, { text: '1.234.000.000' });
    await onText(typed, '1.234.000.000');
    expect(confirming(typed.state.flow).draft.values).toEqual({ ung_ho: 1_234_000_000 });

    const other = await nextTurn(turn, { text: '7' });
    await onText(other, '7');
    // Not one of the readings: kept, to be named back once the reading is chosen.
    const flow = collecting(other.state.flow);
    expect(flow.draft.ambiguous).toHaveLength(1);
    expect(flow.draft.unused).toMatchObject([{ raw: '7' }]);
  });

  it('reads back in English for an English-speaking focal point', async () => {
    const { chat } = await thadsFocal('en');
    const turn = await turnFor(dialog.ctx, chat, { text: 'việc 83,5% tiền 46,2%' });

    await onText(turn, 'việc 83,5% tiền 46,2%');

    expect(texts(turn)).toContain(
      'Still missing: Reduction of cases carried over, Reduction of money carried over',
    );
    expect(labels(turn)).toEqual(['✅ Save what I sent', 'One by one', '✖ Cancel']);
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
