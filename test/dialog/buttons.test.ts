/**
 * The buttons flow alone (`onButton`), on PostgreSQL: a press acts only on the current step —
 * an old or forged one says so and changes nothing — Cancel ends the step, and choosing a unit
 * goes on with the text that was kept.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buttonIsLive, onButton } from '../../src/dialog/flows/buttons.js';
import { onText } from '../../src/dialog/flows/submission.js';
import { type ConversationState, initialState } from '../../src/dialog/state.js';
import { makeUnit } from '../support/org.js';
import {
  assignmentId,
  bindPerson,
  buttonData,
  type Chat,
  draftOf,
  focalOfTwoUnits,
  newChat,
  nextTurn,
  texts,
  turnFor,
  useDialog,
} from '../support/turn.js';

const dialog = useDialog();
/** No test here stores figures: the focal points of one Cục THADS serve the confirmations. */
let thadsId: number;

beforeAll(async () => {
  thadsId = (await makeUnit(dialog.prisma, 'CUC_THADS', { parent: 'TCTHADS' })).id;
});

const storedValues = (unitId: number) =>
  dialog.prisma.submissionValue.count({ where: { assignment: { unitId } } });

/** A focal point of the Cục THADS with a confirmation of two figures on screen (step `tok`). */
async function confirmationOnScreen(): Promise<{ unitId: number; chat: Chat; state: ConversationState }> {
  const chat = newChat('web');
  await bindPerson(dialog.prisma, chat, [{ role: 'focal', unitId: thadsId }]);
  const draft = draftOf(await assignmentId(dialog.prisma, thadsId), { thads_viec: 83.5, thads_tien: 46.2 });
  const state: ConversationState = {
    ...initialState(),
    flow: { k: 'confirm', token: 'tok', draft },
    choices: ['tok|ok', 'tok|edit', 'tok|cancel'],
  };
  return { unitId: thadsId, chat, state };
}

describe('a press', () => {
  it('of an older step says it is stale and changes nothing', async () => {
    const { unitId, chat, state } = await confirmationOnScreen();
    const turn = await turnFor(dialog.ctx, chat, { buttonData: 'old|ok' }, structuredClone(state));

    await onButton(turn, 'old|ok');

    expect(texts(turn)).toBe('Nút này thuộc một thao tác cũ đã kết thúc. Đồng chí gửi lại số liệu nếu cần.');
    expect(turn.state).toEqual(state);
    expect(await storedValues(unitId)).toBe(0);
  });

  it('from a chat that is not bound is stale, even with the current token', async () => {
    const { unitId, state } = await confirmationOnScreen();
    const turn = await turnFor(dialog.ctx, newChat('web'), { buttonData: 'tok|ok' }, structuredClone(state));

    await onButton(turn, 'tok|ok');

    expect(texts(turn)).toContain('Nút này thuộc một thao tác cũ');
    expect(await storedValues(unitId)).toBe(0);
  });

  it('of Cancel returns to idle and stores nothing', async () => {
    const { unitId, chat, state } = await confirmationOnScreen();
    const turn = await turnFor(dialog.ctx, chat, { buttonData: 'tok|cancel' }, state);

    await onButton(turn, 'tok|cancel');

    expect(texts(turn)).toBe('Đã hủy. Không có số liệu nào được lưu.');
    expect(turn.state.flow).toEqual({ k: 'idle' });
    expect(turn.state.choices).toEqual([]);
    expect(await storedValues(unitId)).toBe(0);
  });
});

describe('choosing a unit', () => {
  it('remembers the unit and goes on with the text kept from before', async () => {
    const { alpha, beta, chat } = await focalOfTwoUnits(dialog.prisma);
    const ask = await turnFor(dialog.ctx, chat, { text: 'việc 83,5% tiền 46,2%' });
    await onText(ask, 'việc 83,5% tiền 46,2%');
    const data = buttonData(ask, 'Beta');

    const press = await nextTurn(ask, { buttonData: data });
    await onButton(press, data);

    // One reply: the unit chosen, then the read-back of the kept text.
    expect(press.out).toHaveLength(1);
    expect(press.out[0]?.text.split('\n')[0]).toBe(
      `Đã chọn ${beta.name}. Các tin nhắn tiếp theo sẽ tính cho đơn vị này (gửi /huy để chọn lại).`,
    );
    expect(press.out[0]?.text).toContain('Còn thiếu: Giảm số việc chuyển kỳ sau, Giảm số tiền chuyển kỳ sau');
    expect(press.state.unitId).toBe(beta.id);
    expect(press.state.flow).toMatchObject({
      k: 'confirm',
      draft: {
        aid: await assignmentId(dialog.prisma, beta.id),
        values: { thads_viec: 83.5, thads_tien: 46.2 },
      },
    });
    expect((await storedValues(alpha.id)) + (await storedValues(beta.id))).toBe(0);
  });
});

describe('which buttons still work (the web chat shows only those again after a restart)', () => {
  it('the current step’s token, a language, a well-formed out-of-band button; nothing else', () => {
    const confirming: ConversationState = {
      ...initialState(),
      flow: { k: 'confirm', token: 'T1', draft: { values: [], skipped: [], none: [] } as never },
    };
    expect(buttonIsLive(confirming, 'T1|ok')).toBe(true);
    expect(buttonIsLive(confirming, 'T0|ok')).toBe(false);
    expect(buttonIsLive(initialState(), 'T1|ok')).toBe(false);
    expect(buttonIsLive(initialState(), 'T9|lang|en')).toBe(true);
    expect(buttonIsLive(initialState(), 'T9|lang|fr')).toBe(false);
    expect(buttonIsLive(initialState(), 'x|allow|42')).toBe(true);
    expect(buttonIsLive(initialState(), 'x|allow|4x2')).toBe(false);
    expect(buttonIsLive(initialState(), 'x|nhac|STP_HANOI BC6T')).toBe(true);
    expect(buttonIsLive(initialState(), 'x|drop|1')).toBe(false);
  });
});
