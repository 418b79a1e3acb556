/**
 * The router alone (`route`), on PostgreSQL: which flow an input reaches — a digit or a word
 * answering the numbered choices on screen (but a figure while one is being asked), an invite
 * code typed alone, free text from someone unbound.
 */
import { describe, expect, it } from 'vitest';
import { route } from '../../src/dialog/router.js';
import { inviteCode, makeUnit } from '../support/org.js';
import { bindPerson, labels, newChat, nextTurn, texts, turnFor, useDialog } from '../support/turn.js';

const dialog = useDialog();

describe('numbered choices', () => {
  it('a digit answers the choices on screen (text-only channels)', async () => {
    const unit = await makeUnit(dialog.prisma, 'SO_TU_PHAP');
    const chat = newChat('zalo');
    const personId = await bindPerson(dialog.prisma, chat, [{ role: 'manager', unitId: unit.id }]);
    await dialog.prisma.identity.create({
      data: { personId, channel: 'telegram', externalId: `${chat.userId}-t`, chatId: `${chat.chatId}-t` },
    });
    const offer = await turnFor(dialog.ctx, chat, { text: '/kenh' });
    await route(offer);
    const digit = String(labels(offer).indexOf('Telegram') + 1);

    const answer = await nextTurn(offer, { text: digit });
    await route(answer);

    expect(texts(answer)).toBe('Đã lưu: lời nhắc sẽ gửi tới Telegram.');
    const person = await dialog.prisma.person.findUniqueOrThrow({ where: { id: personId } });
    expect(person.preferredChannel).toBe('telegram');
  });

  it('where a figure may be typed, a digit is a figure, never the first button; the button’s word still presses it', async () => {
    const unit = await makeUnit(dialog.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const chat = newChat('web');
    await bindPerson(dialog.prisma, chat, [{ role: 'focal', unitId: unit.id }]);
    const first = await turnFor(dialog.ctx, chat, { text: 'việc 83,5% tiền 46,2%' });
    await route(first);
    expect(first.state.flow).toMatchObject({ k: 'confirm' });
    expect(labels(first)[0]).toBe('✅ Lưu phần đã có');

    // "1" is not "press the first button" (that would store): it is a number, named back.
    const one = await nextTurn(first, { text: '1' });
    await route(one);
    expect(one.state.flow).toMatchObject({
      k: 'confirm',
      draft: { values: { thads_viec: 83.5, thads_tien: 46.2 }, unused: [{ raw: '1', value: 1 }] },
    });
    expect(texts(one)).toContain('Chưa dùng: 1 — thuộc chỉ tiêu nào?');
    expect(await dialog.prisma.submissionValue.count({ where: { assignment: { unitId: unit.id } } })).toBe(0);

    // The button's first word presses it.
    const save = await nextTurn(one, { text: 'lưu' });
    await route(save);
    expect(texts(save)).toContain('Đã lưu 2 số liệu');
    expect(await dialog.prisma.submissionValue.count({ where: { assignment: { unitId: unit.id } } })).toBe(2);
  });

  it('one by one, a digit answers the figure asked and “bỏ qua” skips it', async () => {
    const unit = await makeUnit(dialog.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const chat = newChat('web');
    await bindPerson(dialog.prisma, chat, [{ role: 'focal', unitId: unit.id }]);
    const first = await turnFor(dialog.ctx, chat, { text: 'việc 83,5% tiền 46,2%' });
    await route(first);
    const ask = await nextTurn(first, { text: '/tungchitieu' });
    await route(ask);
    expect(ask.state.flow).toMatchObject({ k: 'collect', asking: 'thads_giam_viec' });

    const one = await nextTurn(ask, { text: '1' });
    await route(one);
    expect(one.state.flow).toMatchObject({
      k: 'collect',
      asking: 'thads_giam_tien',
      draft: { values: { thads_giam_viec: 1 }, skipped: [] },
    });

    const skip = await nextTurn(one, { text: 'Bỏ qua' });
    await route(skip);
    expect(skip.state.flow).toMatchObject({
      k: 'collect',
      asking: 'ho_ngheo_nha',
      draft: { skipped: ['thads_giam_tien'] },
    });
  });
});

describe('text from an unbound chat', () => {
  it('an invite code typed alone binds; other text is told to bind first', async () => {
    const unit = await makeUnit(dialog.prisma, 'SO_TU_PHAP');
    const code = await inviteCode(dialog.prisma, dialog.clock, unit.code);
    const chat = newChat('web');

    const text = await turnFor(dialog.ctx, chat, { text: 'hòa giải thành 86%' });
    await route(text);
    expect(texts(text)).toMatch(/^Đồng chí chưa kết nối với đơn vị nào nên chưa gửi được số liệu\./);

    const bind = await nextTurn(text, { text: code.toLowerCase() });
    await route(bind);
    expect(texts(bind)).toContain(`Đã kết nối: đồng chí là đầu mối của ${unit.name}.`);
    expect(await dialog.prisma.role.count({ where: { unitId: unit.id, endedAt: null } })).toBe(1);
  });

  it('a text longer than the limit is read up to it, and the person is told', async () => {
    const turn = await turnFor(dialog.ctx, newChat('web'), { text: 'a'.repeat(2500) });
    await route(turn);
    // One reply: the notice first, then the answer to what was read.
    expect(turn.out).toHaveLength(1);
    const [notice, answer] = turn.out[0]!.text.split('\n');
    expect(notice).toBe('Tin nhắn dài quá; tôi chỉ đọc 2.000 ký tự đầu.');
    expect(answer).toMatch(/^Đồng chí chưa kết nối/);
  });
});
