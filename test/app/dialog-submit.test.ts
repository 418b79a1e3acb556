import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialogEngine } from '../../src/dialog/engine.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import type { Database } from '../../src/storage/database.js';
import { createDialogOnPrisma } from '../../src/wiring/dialog.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { chatWith } from '../support/chat.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { inviteCode, makeUnit } from '../support/org.js';

// 8 July 2027, 09:00 in Hà Nội: the 6-month report (BC6T 2027-H1) is due on 15 July.
const clock = createFixedClock(new Date('2027-07-08T02:00:00Z'));
let db: Database;
let engine: DialogEngine;

beforeAll(async () => {
  db = await openTestDatabase();
  engine = createDialogOnPrisma(db.prisma, {
    translator: createTranslator(),
    clock,
    timeZone: 'Asia/Ho_Chi_Minh',
    defaultLocale: 'vi',
    logger: createLogger('silent'),
  });
});
afterAll(async () => {
  await db.close();
});

const valuesOf = async (unitId: number, duty: string, period: string) => {
  const rows = await db.prisma.submissionValue.findMany({
    where: { assignment: { unitId, duty: { code: duty }, periodCode: period } },
    include: { indicator: true, revisions: { orderBy: { id: 'asc' } } },
  });
  return Object.fromEntries(
    rows.map((r) => [r.indicator.code, { value: Number(r.value), revisions: r.revisions }]),
  );
};

describe('a focal point of a Cục THADS', () => {
  it('binds, submits in plain Vietnamese, confirms, corrects with a reason — every revision kept', async () => {
    const unit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS', cluster: 'CUM_THADS_1' });
    const code = await inviteCode(db.prisma, clock, unit.code);
    const chat = chatWith(engine, { chatId: uniqueCode('chat') });

    // Unbound: cannot submit.
    expect(await chat.say('việc 83,5% tiền 46,2%')).toContain('chưa kết nối với đơn vị nào');
    expect(await chat.say('/start SAI0-SAI0-SAI0')).toContain('Mã mời không đúng');
    expect(await chat.say(`/start ${code}`)).toContain(`Đã kết nối: đồng chí là đầu mối của ${unit.name}.`);
    // The code is single-use.
    const other = chatWith(engine, { chatId: uniqueCode('chat') });
    expect(await other.say(`/start ${code}`)).toContain('đã được sử dụng');

    // Figures in one line: one reply reads them back and lists everything still missing.
    let reply = await chat.say('việc 83,5% tiền 46,2%');
    expect(reply).toContain('Xác nhận số liệu Báo cáo');
    expect(reply).toContain('Còn thiếu: Giảm số việc chuyển kỳ sau, Giảm số tiền chuyển kỳ sau');
    expect(chat.buttons().map((b) => b.label)).toEqual(['✅ Lưu phần đã có', 'Từng chỉ tiêu', '✖ Hủy']);
    expect(reply).toMatch(/Tỷ lệ thi hành xong về việc[^\n]*: 83,5 % — đạt chỉ tiêu \(> 82,5 %\)/);
    expect(reply).toMatch(/về tiền[^\n]*: 46,2 % — đạt chỉ tiêu \(> 45,5 %\)/);
    // Nothing stored before the confirmation.
    expect(await valuesOf(unit.id, 'BC6T', '2027-H1')).toEqual({});

    reply = await chat.press('Lưu phần đã có');
    expect(reply).toContain(`Đã lưu 2 số liệu của ${unit.name}`);
    expect(reply).toContain('Còn thiếu:');
    let stored = await valuesOf(unit.id, 'BC6T', '2027-H1');
    expect(stored.thads_viec?.value).toBe(83.5);
    expect(stored.thads_tien?.value).toBe(46.2);
    expect(stored.thads_tien?.revisions).toHaveLength(1);
    expect(stored.thads_tien?.revisions[0]).toMatchObject({ channel: 'web', reason: null });
    expect(stored.thads_tien?.revisions[0]?.rawMessage).toContain('việc 83,5% tiền 46,2%');

    // Correction with the reason in the same message.
    reply = await chat.say('/sua về tiền thành 47,1 vì Cục đã rà soát lại');
    expect(reply).toMatch(/về tiền[^\n]*: 46,2 % → 47,1 %/);
    expect(reply).toContain('Lý do sửa: Cục đã rà soát lại');
    reply = await chat.press('Xác nhận');
    expect(reply).toContain('Đã lưu 1 số liệu');
    stored = await valuesOf(unit.id, 'BC6T', '2027-H1');
    expect(stored.thads_tien?.value).toBe(47.1);
    expect(
      stored.thads_tien?.revisions.map((r) => [Number(r.oldValue ?? Number.NaN), Number(r.newValue)]),
    ).toEqual([
      [Number.NaN, 46.2],
      [46.2, 47.1],
    ]);
    expect(stored.thads_tien?.revisions[1]?.reason).toBe('Cục đã rà soát lại');

    // A correction without a reason asks for one before confirming.
    reply = await chat.say('việc 84');
    expect(reply).toContain('lý do sửa');
    reply = await chat.say('Rà soát án chuyển kỳ');
    expect(reply).toMatch(/83,5 % → 84 %/);
    await chat.press('Xác nhận');
    expect((await valuesOf(unit.id, 'BC6T', '2027-H1')).thads_viec?.revisions[1]?.reason).toBe(
      'Rà soát án chuyển kỳ',
    );
  });

  it('completes the report: on time, and /hanchot shows it complete', async () => {
    const unit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const chat = chatWith(engine, { chatId: uniqueCode('chat') });
    await chat.say(`/start ${await inviteCode(db.prisma, clock, unit.code)}`);
    let reply = await chat.say(
      'Cục THADS báo cáo: việc 83,5%; tiền 46,2%; giảm việc 9%; giảm tiền 7%; nhà 2; xã nghèo 1; ủng hộ 15 triệu',
    );
    expect(reply).toContain('Xác nhận số liệu');
    expect(reply).toContain('15.000.000 đồng');
    reply = await chat.press('Xác nhận');
    expect(reply).toContain('Báo cáo đã đủ số liệu, nộp đúng hạn.');
    const a = await db.prisma.assignment.findFirstOrThrow({
      where: { unitId: unit.id, duty: { code: 'BC6T' }, periodCode: '2027-H1' },
    });
    expect(a.state).toBe('on_time');
    expect(await chat.say('/hanchot')).toMatch(
      /Báo cáo[^\n]*6 tháng đầu năm 2027 — hạn 15\/07\/2027: đã đủ số liệu/,
    );
  });

  it('refuses out-of-range values with the reason and never stores them; cancel stores nothing', async () => {
    const unit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const chat = chatWith(engine, { chatId: uniqueCode('chat') });
    await chat.say(`/start ${await inviteCode(db.prisma, clock, unit.code)}`);
    const reply = await chat.say('việc 120% tiền 46,2%');
    expect(reply).toContain('Không nhận Tỷ lệ thi hành xong về việc');
    expect(reply).toContain('không thể lớn hơn 100 %');
    expect(await chat.press('Hủy')).toContain('Đã hủy. Không có số liệu nào được lưu.');
    expect(await valuesOf(unit.id, 'BC6T', '2027-H1')).toEqual({});
  });

  it('a forged or stale button cannot confirm someone else’s pending figures', async () => {
    const unit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const victim = chatWith(engine, { chatId: uniqueCode('chat') });
    await victim.say(`/start ${await inviteCode(db.prisma, clock, unit.code)}`);
    await victim.say('việc 83,5% tiền 46,2% giảm việc 9% giảm tiền 7% nhà 1 xã 1 ủng hộ 1 triệu');
    const confirm = victim.buttons().find((b) => b.label.includes('Xác nhận'))!;

    const intruderUnit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const intruder = chatWith(engine, { chatId: uniqueCode('chat') });
    await intruder.say(`/start ${await inviteCode(db.prisma, clock, intruderUnit.code)}`);
    expect(await intruder.pressData(confirm.data)).toContain('thao tác cũ');
    expect(await valuesOf(unit.id, 'BC6T', '2027-H1')).toEqual({});
    // The victim's own button still works once; a second press does nothing more.
    expect(await victim.pressData(confirm.data)).toContain('Đã lưu 7 số liệu');
    expect(await victim.pressData(confirm.data)).toContain('thao tác cũ');
    expect((await valuesOf(unit.id, 'BC6T', '2027-H1')).thads_viec?.revisions).toHaveLength(1);
  });

  it('reads back a value far from the previous period for a second look', async () => {
    const unit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const chat = chatWith(engine, { chatId: uniqueCode('chat') });
    await chat.say(`/start ${await inviteCode(db.prisma, clock, unit.code)}`);
    // Previous period (2026-H1) stored directly: 85 % in cases.
    const prev = await db.prisma.assignment.findFirstOrThrow({
      where: { unitId: unit.id, duty: { code: 'BC6T' }, periodCode: '2026-H1' },
    });
    const ind = await db.prisma.indicator.findUniqueOrThrow({ where: { code: 'thads_viec' } });
    await db.prisma.submissionValue.create({
      data: { assignmentId: prev.id, indicatorId: ind.id, value: 85 },
    });
    const reply = await chat.say('việc 35%, tiền 46,2%');
    expect(reply).toContain('⚠ Tỷ lệ thi hành xong về việc 35 % khác nhiều so với kỳ trước (85 %)');
    expect(reply).toMatch(/35 % — chưa đạt chỉ tiêu \(> 82,5 %\)/);
  });
});

describe('the signed report and help', () => {
  it('records a document number and date; the assignment shows "document sent"', async () => {
    const unit = await makeUnit(db.prisma, 'SO_TU_PHAP', { cluster: 'CUM_STP_1' });
    const chat = chatWith(engine, { chatId: uniqueCode('chat') });
    await chat.say(`/start ${await inviteCode(db.prisma, clock, unit.code)}`);
    let reply = await chat.say('số 123/BC-STP ngày 10/7/2027');
    if (reply.includes('Văn bản này cho báo cáo nào?')) reply = await chat.press('Báo cáo');
    expect(reply).toMatch(/Đã ghi nhận văn bản (Báo cáo|Kế hoạch)/);
    expect(reply).toContain('số 123/BC-STP ngày 10/07/2027');
    const withDoc = await db.prisma.assignment.findMany({
      where: { unitId: unit.id, documentSentAt: { not: null } },
    });
    expect(withDoc).toHaveLength(1);
    expect(await chat.say('/hanchot')).toContain('đã gửi văn bản');
  });

  it('help gives examples from the unit’s own indicators; English on request', async () => {
    const unit = await makeUnit(db.prisma, 'SO_TU_PHAP');
    const chat = chatWith(engine, { chatId: uniqueCode('chat') });
    await chat.say(`/start ${await inviteCode(db.prisma, clock, unit.code)}`);
    // Due next: the Sở Tư pháp's 6-month figures (mediation, civil status…), not the THADS rates.
    const help = await chat.say('/trogiup');
    expect(help).toMatch(/Gửi số liệu bằng tin nhắn thường, ví dụ: \S+/);
    expect(help).not.toContain('việc 83,5%');
    expect(help).toMatch(/ví dụ: [^\n]*(hòa giải|hgt|hoa giai)/i);
    await chat.say('/ngonngu');
    expect(await chat.press('English')).toBe('Switched to English.');
    expect(await chat.say('/huy')).toBe('Nothing is in progress.');
    expect(await chat.say('hello there')).toContain('I could not find figures');
  });
});
