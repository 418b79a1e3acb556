/**
 * The confirmation flow alone (`confirmDraft`, `commit`), on PostgreSQL: the read-back, storing
 * once with a revision, and a locked period refused with a way to ask for an exception.
 */
import { describe, expect, it } from 'vitest';
import { commit, confirmDraft } from '../../src/dialog/flows/confirm.js';
import { type Draft, initialState } from '../../src/dialog/state.js';
import { makeUnit } from '../support/org.js';
import {
  assignmentId,
  bindPerson,
  type Chat,
  draftOf,
  labels,
  newChat,
  texts,
  turnFor,
  useDialog,
} from '../support/turn.js';

const dialog = useDialog();

/** A Cục THADS, its focal point on Telegram, and its BC6T 2027-H1 assignment. */
async function thadsFocal() {
  const unit = await makeUnit(dialog.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
  const chat = newChat('web');
  const personId = await bindPerson(dialog.prisma, chat, [{ role: 'focal', unitId: unit.id }]);
  return { unit, chat, personId, aid: await assignmentId(dialog.prisma, unit.id) };
}

const stored = async (aid: number) => {
  const rows = await dialog.prisma.submissionValue.findMany({
    where: { assignmentId: aid },
    include: { indicator: true, revisions: true },
  });
  return Object.fromEntries(
    rows.map((r) => [r.indicator.code, { value: Number(r.value), revisions: r.revisions }]),
  );
};

/** A turn with the confirmation of `draft` on screen (step `tok`). */
const confirming = (chat: Chat, draft: Draft) =>
  turnFor(
    dialog.ctx,
    chat,
    { buttonData: 'tok|ok' },
    { ...initialState(), flow: { k: 'confirm', token: 'tok', draft } },
  );

describe('the read-back', () => {
  it('lists each value against its target, the skipped figures and the question, and stores nothing', async () => {
    const { unit, chat, aid } = await thadsFocal();
    const draft = draftOf(
      aid,
      {
        thads_viec: 83.5,
        thads_tien: 40,
        thads_giam_tien: 7,
        ho_ngheo_nha: 2,
        xa_ngheo: 1,
        ung_ho: 15_000_000,
      },
      { skipped: ['thads_giam_viec'] },
    );
    const turn = await turnFor(dialog.ctx, chat);

    await confirmDraft(turn, draft);

    const lines = texts(turn).split('\n');
    expect(lines[0]).toBe(
      `Xác nhận số liệu Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2027 — ${unit.name}:`,
    );
    expect(lines).toContain('• Tỷ lệ thi hành xong về việc: 83,5 % — đạt chỉ tiêu (> 82,5 %)');
    expect(lines).toContain('• Tỷ lệ thi hành xong về tiền: 40 % — chưa đạt chỉ tiêu (> 45,5 %)');
    expect(lines).toContain('Bỏ qua: Giảm số việc chuyển kỳ sau');
    expect(lines.at(-1)).toBe('Bấm Xác nhận để lưu, Sửa để thay đổi, Hủy để bỏ.');
    expect(labels(turn)).toEqual(['✅ Xác nhận', '✏️ Sửa', '✖ Hủy']);
    expect(turn.state.flow).toEqual({ k: 'confirm', token: expect.any(String), draft });
    expect(await stored(aid)).toEqual({});

    // The same read-back in English.
    const en = await turnFor(dialog.ctx, chat);
    en.locale = 'en';
    await confirmDraft(en, draft);
    expect(texts(en)).toContain('• Enforcement completion rate (cases): 83.5% — target met (> 82.5%)');
    expect(labels(en)).toEqual(['✅ Confirm', '✏️ Edit', '✖ Cancel']);
  });
});

describe('storing', () => {
  it('stores the values with a revision (who, channel, raw message), and a second claim of the step stores nothing more', async () => {
    const { unit, chat, personId, aid } = await thadsFocal();
    const draft = draftOf(aid, { thads_viec: 83.5, thads_tien: 46.2 }, { raw: 'việc 83,5% tiền 46,2%' });
    // Two presses of the same Confirm, handled side by side (two instances): both read the step.
    const first = await confirming(chat, draft);
    const second = await confirming(chat, draft);

    await commit(first, draft);

    expect(texts(first)).toContain(
      `Đã lưu 2 số liệu của ${unit.name} (Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2027) lúc`,
    );
    expect(texts(first)).toContain('Còn thiếu: Giảm số việc chuyển kỳ sau, Giảm số tiền chuyển kỳ sau');
    expect(first.state.flow).toEqual({ k: 'idle' });
    const values = await stored(aid);
    expect(values.thads_viec?.value).toBe(83.5);
    expect(values.thads_tien?.value).toBe(46.2);
    expect(values.thads_viec?.revisions).toHaveLength(1);
    expect(values.thads_viec?.revisions[0]).toMatchObject({
      personId,
      channel: 'web',
      reason: null,
      rawMessage: 'việc 83,5% tiền 46,2%',
    });

    await commit(second, draft);

    expect(texts(second)).toBe('Thao tác này đã được xử lý.');
    const after = await stored(aid);
    expect(after.thads_viec?.revisions).toHaveLength(1);
    expect(after.thads_tien?.revisions).toHaveLength(1);
  });

  it('a locked assignment is refused with the request-unlock button, and nothing is stored', async () => {
    const { chat, aid } = await thadsFocal();
    await dialog.prisma.assignment.update({
      where: { id: aid },
      data: { locked: true, lockedAt: dialog.clock.now(), lockedBy: 'test' },
    });
    const draft = draftOf(aid, { thads_viec: 83.5 });
    const turn = await confirming(chat, draft);

    await commit(turn, draft);

    expect(texts(turn)).toContain(
      'Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2027 đã khóa, không sửa được số liệu.',
    );
    expect(labels(turn)).toEqual(['Đề nghị mở khóa', '✖ Hủy']);
    expect(turn.state.flow).toMatchObject({ k: 'locked', aid });
    expect(await stored(aid)).toEqual({});
  });
});

describe('a figure declared “không có số liệu”', () => {
  it('is read back as such, stored as no figure, and counts as given: the report is complete', async () => {
    const { unit, chat, aid } = await thadsFocal();
    const draft = draftOf(
      aid,
      {
        thads_viec: 83.5,
        thads_tien: 46.2,
        thads_giam_viec: 9,
        thads_giam_tien: 7,
        ho_ngheo_nha: 2,
        ung_ho: 15_000_000,
      },
      { none: ['xa_ngheo'] },
    );
    const show = await turnFor(dialog.ctx, chat);
    await confirmDraft(show, draft);
    expect(texts(show)).toContain('Không có số liệu: Số xã nghèo được hỗ trợ');
    expect(texts(show)).not.toContain('Còn thiếu');
    expect(labels(show)).toEqual(['✅ Xác nhận', '✏️ Sửa', '✖ Hủy']);

    const press = await confirming(chat, draft);
    await commit(press, draft);

    expect(texts(press)).toContain('Đã lưu 6 số liệu');
    expect(texts(press)).toContain('Báo cáo đã đủ số liệu, nộp đúng hạn');
    const row = await dialog.prisma.submissionValue.findFirstOrThrow({
      where: { assignmentId: aid, indicator: { code: 'xa_ngheo' } },
      include: { revisions: true },
    });
    expect(row.value).toBeNull();
    expect(row.revisions).toHaveLength(1);
    const a = await dialog.prisma.assignment.findUniqueOrThrow({ where: { id: aid } });
    expect(a.state).toBe('on_time');
    expect(unit.id).toBe(a.unitId);
  });
});
