/**
 * Fault: PostgreSQL becomes unreachable while a focal point confirms figures. The service talks
 * to the real PostgreSQL through a TCP relay that the test cuts (open connections reset, new
 * ones refused) and restores. The person gets a clear "not saved, try again" in their language,
 * nothing is half-written, and the same Confirm button works once the database is back.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DialogEngine } from '../../src/dialog/engine.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import type { OutgoingMessage } from '../../src/ports/channel.js';
import { type Database, openDatabase } from '../../src/storage/database.js';
import { createDialogOnPrisma } from '../../src/wiring/dialog.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';
import { inviteCode, makeUnit } from '../support/org.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

// 8 July 2027, 09:00 in Hà Nội: BC6T 2027-H1 is open (due 15 July).
const clock = createFixedClock(new Date('2027-07-08T02:00:00Z'));
let direct: Database; // the test's own view of the database, never cut
let relayed: Database; // the service's, through the relay
let proxy: TcpProxy;
let engine: DialogEngine;

beforeAll(async () => {
  direct = await openTestDatabase();
  const url = new URL(inject('databaseUrl'));
  proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  url.port = String(proxy.port);
  relayed = await openDatabase(
    { kind: 'postgres', url: url.toString() },
    { poolSize: 2, connectTimeoutMs: 1_000 },
  );
  engine = createDialogOnPrisma(relayed.prisma, {
    translator: createTranslator(),
    clock,
    timeZone: 'Asia/Ho_Chi_Minh',
    defaultLocale: 'vi',
    logger: createLogger('silent'),
  });
});
afterAll(async () => {
  await proxy.restore().catch(() => undefined);
  await relayed.close();
  await proxy.close();
  await direct.close();
});

describe('PostgreSQL unreachable while a focal point confirms', () => {
  it('answers "not saved, try again", writes nothing, and the same Confirm works after recovery', async () => {
    const unit = await makeUnit(direct.prisma, 'CUC_THADS', { parent: 'TCTHADS' });
    const chatId = uniqueCode('pgcut');
    let last: OutgoingMessage[] = [];
    const send = async (input: { text?: string; buttonData?: string }) => {
      last = await engine.handle({ channel: 'telegram', chatId, userId: chatId, ...input });
      return last.map((m) => m.text).join('\n');
    };
    const button = (label: string) => {
      const b = last.flatMap((m) => m.buttons?.flat() ?? []).find((x) => x.label.includes(label));
      if (!b) throw new Error(`no button ${label} in ${JSON.stringify(last)}`);
      return b.data;
    };
    expect(await send({ text: `/start ${await inviteCode(direct.prisma, clock, unit.code)}` })).toContain(
      'Đã kết nối',
    );
    const reply = await send({ text: 'việc 83,5% tiền 46,2%' });
    expect(reply).toContain('Xác nhận số liệu');
    const confirm = button('Lưu phần đã có');
    const stored = () =>
      direct.prisma.submissionRevision.count({ where: { value: { assignment: { unitId: unit.id } } } });

    await proxy.cut();
    const during = await send({ buttonData: confirm });
    expect(during).toMatch(/chưa (có gì được lưu|được ghi)/);
    expect(during).toContain('thử lại sau ít phút');
    // Pressing again while it is still down: the same polite answer, still nothing written.
    expect(await send({ buttonData: confirm })).toMatch(/chưa (có gì được lưu|được ghi)/);
    expect(await stored()).toBe(0);
    expect(
      await direct.prisma.assignment.count({
        where: { unitId: unit.id, state: { in: ['on_time', 'late'] } },
      }),
    ).toBe(0);

    await proxy.restore();
    const after = await send({ buttonData: confirm });
    expect(after).toContain(`Đã lưu 2 số liệu của ${unit.name}`);
    expect(await stored()).toBe(2);
    // Once: a second press of the same button stores nothing more.
    expect(await send({ buttonData: confirm })).not.toContain('Đã lưu');
    expect(await stored()).toBe(2);
  }, 60_000);
});
