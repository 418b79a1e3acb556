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

const FIGURES = 'việc 83,5% tiền 46,2% giảm việc 9% giảm tiền 7% nhà 2 xã 1 ủng hộ 15 triệu';

describe('access and binding', () => {
  it('a second focal invite adds a focal point; only a handover invite ends one, recorded', async () => {
    const unit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const old = chatWith(engine, { chatId: uniqueCode('chat'), name: 'Người cũ' });
    await old.say(`/start ${await inviteCode(db.prisma, clock, unit.code)}`);
    // A deputy: added beside the first focal point, who keeps the role.
    const deputy = chatWith(engine, { chatId: uniqueCode('chat'), name: 'Người phó' });
    let reply = await deputy.say(`/start ${await inviteCode(db.prisma, clock, unit.code)}`);
    expect(reply).toContain(`đầu mối của ${unit.name}, cùng 1 đầu mối khác: Người cũ.`);
    expect(reply).not.toContain('thay');
    expect(await old.say('/hanchot')).toContain(unit.name);
    // The handover is a decision: the invite names whom the newcomer replaces.
    const fresh = chatWith(engine, { chatId: uniqueCode('chat'), name: 'Người mới' });
    reply = await fresh.say(`/start ${await inviteCode(db.prisma, clock, unit.code, 'focal', 'Người cũ')}`);
    expect(reply).toContain(`đầu mối mới của ${unit.name} (thay Người cũ, ghi nhận lúc`);
    expect(await old.say(FIGURES)).toContain('chỉ đầu mối của đơn vị mới gửi được số liệu');
    expect(await old.say('/hanchot')).not.toContain(unit.name);
    expect(await deputy.say('/hanchot')).toContain(unit.name);
    const roles = await db.prisma.role.findMany({
      where: { unitId: unit.id, role: 'focal' },
      include: { person: true },
      orderBy: { id: 'asc' },
    });
    expect(roles.map((r) => [r.person.fullName, r.endedAt !== null, r.endReason])).toEqual([
      ['Người cũ', true, 'handover'],
      ['Người phó', false, null],
      ['Người mới', false, null],
    ]);
    expect(
      await db.prisma.auditLog.count({ where: { action: 'focal.handover', entity: `Unit:${unit.code}` } }),
    ).toBe(1);
  });

  it('one person, several units: asked once which unit, remembered for the conversation', async () => {
    const a = await makeUnit(db.prisma, 'CUC_THADS', {
      parent: 'TCTHADS',
      name: `Cục THADS Alpha ${uniqueCode('x')}`,
    });
    const b = await makeUnit(db.prisma, 'CUC_THADS', {
      parent: 'TCTHADS',
      name: `Cục THADS Beta ${uniqueCode('x')}`,
    });
    const chat = chatWith(engine, { chatId: uniqueCode('chat') });
    await chat.say(`/start ${await inviteCode(db.prisma, clock, a.code)}`);
    await chat.say(await inviteCode(db.prisma, clock, b.code)); // the code typed alone
    let reply = await chat.say(FIGURES);
    expect(reply).toContain('Đồng chí là đầu mối của nhiều đơn vị');
    reply = await chat.press('Beta');
    expect(reply).toContain(`Đã chọn ${b.name}`);
    expect(reply).toContain(`Xác nhận số liệu`);
    expect(reply).toContain(b.name);
    await chat.press('Xác nhận');
    // Remembered: the next message goes to Beta without asking.
    reply = await chat.say('/sua việc 84 vì rà soát');
    expect(reply).not.toContain('nhiều đơn vị');
    expect(reply).toContain(b.name);
    expect(await db.prisma.submissionValue.count({ where: { assignment: { unitId: a.id } } })).toBe(0);
    expect(await db.prisma.submissionValue.count({ where: { assignment: { unitId: b.id } } })).toBe(7);
  });

  it('repeated wrong codes from one chat are rate-limited, even a right one afterwards', async () => {
    const unit = await makeUnit(db.prisma, 'SO_TU_PHAP');
    const chatId = uniqueCode('chat');
    const chat = chatWith(engine, { chatId });
    for (let i = 0; i < 5; i++)
      expect(await chat.say(`/start WRNG-CODE-000${i}`)).toContain('Mã mời không đúng');
    const good = await inviteCode(db.prisma, clock, unit.code);
    expect(await chat.say(`/start ${good}`)).toMatch(/nhập sai mã nhiều lần\. Vui lòng thử lại sau \d+ phút/);
    expect(await db.prisma.role.count({ where: { unitId: unit.id } })).toBe(0);
    // The code was not consumed: a quarter of an hour later it works.
    const later = createDialogOnPrisma(db.prisma, {
      translator: createTranslator(),
      clock: createFixedClock(new Date(clock.now().getTime() + 16 * 60_000)),
      timeZone: 'Asia/Ho_Chi_Minh',
      defaultLocale: 'vi',
      logger: createLogger('silent'),
    });
    expect(await chatWith(later, { chatId }).say(`/start ${good}`)).toContain('Đã kết nối');
  });

  it('an expired code is refused and changes nothing', async () => {
    const unit = await makeUnit(db.prisma, 'SO_TU_PHAP');
    const past = createFixedClock(new Date('2027-06-01T00:00:00Z'));
    const code = await inviteCode(db.prisma, past, unit.code); // valid 7 days from 1 June
    const chat = chatWith(engine, { chatId: uniqueCode('chat') });
    expect(await chat.say(`/start ${code}`)).toContain('Mã mời này đã hết hạn');
    expect(await db.prisma.role.count({ where: { unitId: unit.id } })).toBe(0);
  });

  it('a locked period refuses edits and lets the focal point ask for an exception', async () => {
    const unit = await makeUnit(db.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const chat = chatWith(engine, { chatId: uniqueCode('chat') });
    await chat.say(`/start ${await inviteCode(db.prisma, clock, unit.code)}`);
    await chat.say(FIGURES);
    // The manager locks the period while the confirmation is on screen.
    await db.prisma.assignment.updateMany({
      where: { unitId: unit.id },
      data: { locked: true, lockedAt: clock.now(), lockedBy: 'test' },
    });
    let reply = await chat.press('Xác nhận');
    expect(reply).toContain('đã khóa, không sửa được số liệu');
    expect(await db.prisma.submissionValue.count({ where: { assignment: { unitId: unit.id } } })).toBe(0);
    reply = await chat.press('Đề nghị mở khóa');
    expect(reply).toContain('Đã gửi đề nghị mở khóa');
    expect(await db.prisma.auditLog.count({ where: { action: 'unlock.requested' } })).toBeGreaterThan(0);
    // An exception window reopens this unit's assignment.
    await db.prisma.assignment.updateMany({
      where: { unitId: unit.id },
      data: { openUntil: new Date(clock.now().getTime() + 86_400_000) },
    });
    await chat.say(FIGURES);
    expect(await chat.press('Xác nhận')).toContain('Đã lưu 7 số liệu');
  });
});
