/**
 * The binding flow alone (`bind`), on PostgreSQL: invite codes, link codes from `/lienket`, and
 * the per-chat limit on failed codes.
 */
import { describe, expect, it } from 'vitest';
import { generateInviteCode, hashInviteCode } from '../../src/app/invites.js';
import { bind } from '../../src/dialog/flows/binding.js';
import { initialState } from '../../src/dialog/state.js';
import { inviteCode, makeUnit } from '../support/org.js';
import { bindPerson, newChat, texts, turnFor, useDialog } from '../support/turn.js';

const dialog = useDialog();

/** The roles held now by whoever is bound on the chat (none when unbound). */
async function rolesOf(chat: { channel: 'telegram' | 'zalo' | 'web'; userId: string }) {
  const identity = await dialog.prisma.identity.findUnique({
    where: { channel_externalId: { channel: chat.channel, externalId: chat.userId } },
    include: { person: { include: { roles: { where: { endedAt: null } } } } },
  });
  return identity?.person.roles.map((r) => ({ role: r.role, unitId: r.unitId })) ?? [];
}

const minutesAgo = (n: number) => dialog.clock.now().getTime() - n * 60_000;

describe('invite codes', () => {
  it('a valid invite binds the chat as the unit’s focal point and forgets earlier failures', async () => {
    const unit = await makeUnit(dialog.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const code = await inviteCode(dialog.prisma, dialog.clock, unit.code);
    const chat = newChat('web');
    const state = { ...initialState(), bindFailures: [minutesAgo(2), minutesAgo(1)] };
    const turn = await turnFor(dialog.ctx, chat, { text: code }, state);

    await bind(turn, code);

    expect(texts(turn)).toContain(`Đã kết nối: đồng chí là đầu mối của ${unit.name}.`);
    // A focal point is shown how to send figures, with an example from its own report.
    expect(texts(turn)).toMatch(
      /Gửi \/hanchot để xem các báo cáo cần nộp, hoặc gửi số liệu ngay, ví dụ: \S+/,
    );
    expect(turn.state.bindFailures).toEqual([]);
    expect(turn.state.flow).toEqual({ k: 'idle' });
    expect(await rolesOf(chat)).toEqual([{ role: 'focal', unitId: unit.id }]);
    const invite = await dialog.prisma.invite.findUniqueOrThrow({
      where: { codeHash: hashInviteCode(code) },
    });
    expect(invite.usedAt).not.toBeNull();
  });

  it('a manager’s invite binds the manager role, in English for an English-speaking chat', async () => {
    const unit = await makeUnit(dialog.prisma, 'SO_TU_PHAP');
    const code = await inviteCode(dialog.prisma, dialog.clock, unit.code, 'manager');
    const chat = newChat('zalo');
    const turn = await turnFor(dialog.ctx, chat, { text: code }, { ...initialState(), locale: 'en' });

    await bind(turn, code);

    expect(texts(turn)).toBe(`Connected: you are manager of ${unit.name}.`);
    expect(await rolesOf(chat)).toEqual([{ role: 'manager', unitId: unit.id }]);
  });

  it('a malformed or unknown code counts a failure and binds nothing', async () => {
    const chat = newChat('web');
    const turn = await turnFor(dialog.ctx, chat, { text: 'K7!' });

    await bind(turn, 'K7!');
    expect(texts(turn)).toContain('Mã mời không đúng.');
    expect(turn.state.bindFailures).toHaveLength(1);

    await bind(turn, 'SAI0-SAI0-SAI0');
    expect(turn.state.bindFailures).toHaveLength(2);
    expect(turn.out.map((m) => m.text)[1]).toContain('Mã mời không đúng.');
    expect(await rolesOf(chat)).toEqual([]);
  });

  it('after 5 failures within a quarter of an hour even a valid code is refused, with the wait in minutes', async () => {
    const unit = await makeUnit(dialog.prisma, 'SO_TU_PHAP');
    const code = await inviteCode(dialog.prisma, dialog.clock, unit.code);
    const chat = newChat('web');
    // The oldest failure is 5 minutes old: 10 minutes to wait.
    const failures = [5, 4, 3, 2, 1].map(minutesAgo);
    const turn = await turnFor(
      dialog.ctx,
      chat,
      { text: code },
      { ...initialState(), bindFailures: failures },
    );

    await bind(turn, code);

    expect(texts(turn)).toBe('Đồng chí đã nhập sai mã nhiều lần. Vui lòng thử lại sau 10 phút.');
    expect(await rolesOf(chat)).toEqual([]);
    expect(await dialog.prisma.role.count({ where: { unitId: unit.id } })).toBe(0);
    const invite = await dialog.prisma.invite.findUniqueOrThrow({
      where: { codeHash: hashInviteCode(code) },
    });
    expect(invite.usedAt).toBeNull();

    // Failures older than the quarter of an hour are forgotten: the same code then binds.
    const later = await turnFor(
      dialog.ctx,
      chat,
      { text: code },
      { ...initialState(), bindFailures: [20, 19, 18, 17, 16].map(minutesAgo) },
    );
    await bind(later, code);
    expect(texts(later)).toContain('Đã kết nối');
    expect(await rolesOf(chat)).toEqual([{ role: 'focal', unitId: unit.id }]);
  });
});

describe('link codes', () => {
  it('a code from /lienket binds a second channel to the same person, once', async () => {
    const unit = await makeUnit(dialog.prisma, 'SO_TU_PHAP');
    // A manager, not a focal point: no reminder of another test file's planning pass reaches
    // these identities (the files share one database).
    const web = newChat('web');
    const personId = await bindPerson(dialog.prisma, web, [{ role: 'manager', unitId: unit.id }], {
      fullName: 'Trần Thị Liên',
    });
    const code = generateInviteCode();
    await dialog.ctx.deps.identities.createLinkCode(
      personId,
      hashInviteCode(code),
      new Date(dialog.clock.now().getTime() + 30 * 60_000),
    );
    const zalo = newChat('zalo');
    const turn = await turnFor(dialog.ctx, zalo, { text: code });

    await bind(turn, code);

    expect(texts(turn)).toContain(
      'Đã liên kết: tài khoản này là của Trần Thị Liên, dùng được trên Zalo như kênh cũ.',
    );
    const identities = await dialog.prisma.identity.findMany({ where: { personId } });
    expect(identities.map((i) => i.channel).sort()).toEqual(['web', 'zalo']);
    // Linking is not a handover: still one role, the same person's.
    expect(await rolesOf(zalo)).toEqual([{ role: 'manager', unitId: unit.id }]);
    expect(await dialog.prisma.role.count({ where: { unitId: unit.id } })).toBe(1);

    // Used once: another account cannot take it, and the attempt counts as a failure.
    const intruder = newChat('zalo');
    const again = await turnFor(dialog.ctx, intruder, { text: code });
    await bind(again, code);
    expect(texts(again)).toContain('Mã liên kết này đã được sử dụng.');
    expect(again.state.bindFailures).toHaveLength(1);
    expect(await rolesOf(intruder)).toEqual([]);
  });
});
