import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialogEngine } from '../../src/dialog/engine.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import type { Database } from '../../src/storage/database.js';
import { createDialogOnPrisma } from '../../src/wiring/dialog.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { chatWith } from '../support/chat.js';
import { openTestDatabase } from '../support/db.js';
import { bulkFocalPoints } from '../support/org.js';

// 8 July 2027, 09:00 in Hà Nội: the 6-month report of a Cục THADS is open.
const clock = createFixedClock(new Date('2027-07-08T02:00:00Z'));
const TEXT = 'việc 83,5% tiền 46,2% giảm việc 9% giảm tiền 7% nhà 2 xã 1 ủng hộ 15 triệu';
const N = 20;
let db: Database;
const engine = (): DialogEngine =>
  createDialogOnPrisma(db.prisma, {
    translator: createTranslator(),
    clock,
    timeZone: 'Asia/Ho_Chi_Minh',
    defaultLocale: 'vi',
    logger: createLogger('silent'),
  });

// Every `pg.Client#query` is one round trip to PostgreSQL (BEGIN and COMMIT included).
let statements = 0;
const original = pg.Client.prototype.query;
beforeAll(async () => {
  db = await openTestDatabase();
  pg.Client.prototype.query = function counted(this: pg.Client, ...a: unknown[]) {
    statements++;
    return (original as (...x: unknown[]) => unknown).apply(this, a);
  } as typeof original;
});
afterAll(async () => {
  pg.Client.prototype.query = original;
  await db.close();
});

/** Runs `work` and returns the statements it sent. */
async function counting(work: () => Promise<unknown>): Promise<number> {
  const start = statements;
  await work();
  return statements - start;
}

describe('a burst of focal points sending their figures at once', () => {
  it('reads back and stores every one in a few round trips per turn, and a restart continues', async () => {
    const { unitIds, chats } = await bulkFocalPoints(
      db.prisma,
      N,
      940_000_000 + (process.pid % 10_000) * 100,
    );
    const first = engine();
    const people = chats.map((c) => chatWith(first, { channel: 'telegram', chatId: String(c) }));
    await people[0]!.say('/huy'); // the process has read its reference data once, as a running service has

    let replies: string[] = [];
    const readBack = await counting(async () => {
      replies = await Promise.all(people.map((p) => p.say(TEXT)));
    });
    for (const r of replies) expect(r).toContain('Tỷ lệ thi hành xong về việc: 83,5 %');
    // Before issue 25 one such turn took 6 statements, 8 with a stored conversation.
    expect(readBack / N).toBeLessThanOrEqual(2);
    // Nothing is stored before the confirmation.
    expect(
      await db.prisma.submissionValue.count({ where: { assignment: { unitId: { in: unitIds } } } }),
    ).toBe(0);

    // A restart (a new engine over the same database) continues the same conversations.
    const second = engine();
    const again = chats.map((c) => chatWith(second, { channel: 'telegram', chatId: String(c) }));
    const stored = await counting(async () => {
      replies = await Promise.all(
        again.map((p, i) =>
          p.pressData(people[i]!.buttons().find((b) => b.label.includes('Xác nhận'))!.data),
        ),
      );
    });
    for (const r of replies) expect(r).toContain('Đã lưu 7 số liệu');
    // Before: 36 statements for one confirmation of 7 figures (three per figure).
    expect(stored / N).toBeLessThanOrEqual(10);
    console.log(
      `round trips per turn in a burst of ${N}: figures → read-back ${(readBack / N).toFixed(2)}, confirm → stored ${(stored / N).toFixed(2)}`,
    );
    const values = await db.prisma.submissionValue.findMany({
      where: { assignment: { unitId: { in: unitIds } } },
      include: { indicator: true, revisions: true },
    });
    expect(values).toHaveLength(7 * N);
    for (const v of values) expect(v.revisions).toHaveLength(1);
    const viec = values.filter((v) => v.indicator.code === 'thads_viec');
    expect(viec.map((v) => Number(v.value))).toEqual(Array(N).fill(83.5));
    expect(viec[0]!.revisions[0]).toMatchObject({ channel: 'telegram', oldValue: null, reason: null });
    expect(viec[0]!.revisions[0]!.createdAt.toISOString()).toBe(clock.now().toISOString());
    expect(viec[0]!.revisions[0]!.rawMessage).toContain('việc 83,5%');
    const states = await db.prisma.assignment.findMany({
      where: { unitId: { in: unitIds }, periodCode: '2027-H1', duty: { code: 'BC6T' } },
      select: { state: true, submittedAt: true },
    });
    expect(states.map((s) => s.state)).toEqual(Array(N).fill('on_time'));

    // A correction keeps the old value in its revision.
    const fix = await again[0]!.say('/sua về việc thành 84 vì rà soát lại');
    expect(fix).toMatch(/về việc[^\n]*: 83,5 % → 84 %/);
    expect(await again[0]!.press('Xác nhận')).toContain('Đã lưu 1 số liệu');
    const revisions = await db.prisma.submissionRevision.findMany({
      where: { value: { assignment: { unitId: unitIds[0] }, indicator: { code: 'thads_viec' } } },
      orderBy: { id: 'asc' },
    });
    expect(revisions.map((r) => [Number(r.oldValue), Number(r.newValue), r.reason])).toEqual([
      [0, 83.5, null],
      [83.5, 84, 'rà soát lại'],
    ]);
  });
});
