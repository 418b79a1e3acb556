/**
 * The settings flow alone, on PostgreSQL: quiet hours (`/giotinh`), the reminder channel
 * (`/kenh`), link codes (`/lienket`) and the language.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hashInviteCode } from '../../src/app/invites.js';
import {
  chooseChannel,
  linkCode,
  quietHours,
  setChannel,
  setLanguage,
} from '../../src/dialog/flows/settings.js';
import { makeUnit } from '../support/org.js';
import { bindPerson, labels, newChat, nextTurn, texts, turnFor, useDialog } from '../support/turn.js';

const dialog = useDialog();
let unitId: number;

beforeAll(async () => {
  // Settings are a person's own: one unit serves every test (managers, so no handover).
  unitId = (await makeUnit(dialog.prisma, 'SO_TU_PHAP')).id;
});

/** A manager bound on a fresh chat. */
async function person(channel: 'telegram' | 'zalo' | 'web' = 'telegram') {
  const chat = newChat(channel);
  const personId = await bindPerson(dialog.prisma, chat, [{ role: 'manager', unitId }]);
  return { chat, personId };
}

const personRow = (id: number) => dialog.prisma.person.findUniqueOrThrow({ where: { id } });

describe('quiet hours', () => {
  it('sets, shows, refuses a period too long, and clears', async () => {
    const { chat, personId } = await person();
    const set = await turnFor(dialog.ctx, chat);
    await quietHours(set, personId, '12h-13h30');
    expect(texts(set)).toBe(
      'Đã lưu giờ tạm dừng nhắc: 12:00–13:30 hằng ngày. Lời nhắc rơi vào khoảng này sẽ được gửi từ 13:30 (trong giờ làm việc).',
    );
    expect(await personRow(personId)).toMatchObject({ quietFrom: 720, quietTo: 810 });

    const show = await nextTurn(set);
    await quietHours(show, personId, '');
    expect(texts(show)).toContain('Giờ tạm dừng nhắc của đồng chí: 12:00–13:30 hằng ngày.');
    expect(texts(show)).toContain('Bỏ giờ tạm dừng nhắc: /giotinh tắt');

    const tooLong = await nextTurn(show);
    await quietHours(tooLong, personId, '8:00-17:00');
    expect(texts(tooLong)).toContain('Khoảng tạm dừng nhắc "8:00-17:00" dài quá.');
    expect(await personRow(personId)).toMatchObject({ quietFrom: 720, quietTo: 810 });

    const clear = await nextTurn(tooLong);
    await quietHours(clear, personId, 'tắt');
    expect(texts(clear)).toBe('Đã bỏ giờ tạm dừng nhắc: lời nhắc sẽ được gửi ngay khi đến lúc nhắc.');
    expect(await personRow(personId)).toMatchObject({ quietFrom: null, quietTo: null });
  });
});

describe('/kenh', () => {
  it('offers the channels the person is bound on and stores the choice; a channel not bound on is refused', async () => {
    const { chat, personId } = await person('telegram');
    await dialog.prisma.identity.create({
      data: {
        personId,
        channel: 'zalo',
        externalId: `${chat.userId}-z`,
        chatId: `${chat.chatId}-z`,
        verified: true,
      },
    });
    const offer = await turnFor(dialog.ctx, chat, { text: '/kenh' });

    await chooseChannel(offer, personId);

    expect(texts(offer)).toBe('Lời nhắc đang gửi tới: kênh dùng gần nhất. Đồng chí chọn kênh nhận lời nhắc:');
    expect(labels(offer)).toEqual(['kênh dùng gần nhất', 'Telegram', 'Zalo']);
    const flow = offer.state.flow;
    expect(flow.k).toBe('channel');
    const token = flow.k === 'channel' ? flow.token : '';
    expect(offer.state.choices).toEqual(['last', 'telegram', 'zalo'].map((c) => `${token}|chan|${c}`));

    const choose = await nextTurn(offer, { buttonData: `${token}|chan|zalo` });
    await setChannel(choose, personId, 'zalo');
    expect(texts(choose)).toBe('Đã lưu: lời nhắc sẽ gửi tới Zalo.');
    expect(choose.state.flow).toEqual({ k: 'idle' });
    expect((await personRow(personId)).preferredChannel).toBe('zalo');

    // The web chat is not one of this person's channels: nothing changes.
    const web = await nextTurn(choose);
    await setChannel(web, personId, 'web');
    expect(texts(web)).toContain('Nút này thuộc một thao tác cũ');
    expect((await personRow(personId)).preferredChannel).toBe('zalo');
  });
});

describe('/lienket', () => {
  it('shows a one-time code valid 30 minutes and stores only its hash', async () => {
    const { chat, personId } = await person();
    const turn = await turnFor(dialog.ctx, chat, { text: '/lienket' });

    await linkCode(turn, personId);

    const code =
      /Mã liên kết của đồng chí: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}) \(dùng một lần, hiệu lực 30 phút\)/.exec(
        texts(turn),
      )?.[1];
    expect(code).toBeDefined();
    const rows = await dialog.prisma.linkCode.findMany({ where: { personId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.codeHash).toBe(hashInviteCode(code!));
    expect(rows[0]?.codeHash).not.toContain(code!.replaceAll('-', ''));
    expect(rows[0]?.expiresAt.getTime()).toBe(dialog.clock.now().getTime() + 30 * 60_000);
  });
});

describe('language', () => {
  it('is stored on the person when bound, on the conversation otherwise', async () => {
    const { chat, personId } = await person();
    const bound = await turnFor(dialog.ctx, chat);
    await setLanguage(bound, 'en');
    expect(texts(bound)).toBe('Switched to English.');
    expect((await personRow(personId)).locale).toBe('en');

    const stranger = await turnFor(dialog.ctx, newChat('web'));
    await setLanguage(stranger, 'en');
    expect(texts(stranger)).toBe('Switched to English.');
    expect(stranger.state.locale).toBe('en');
  });
});
