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
// A word no indicator knows until the operator adds it as a synonym.
const WORD = 'vuviecxong';
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
  await db.prisma.$executeRawUnsafe(
    `UPDATE "Indicator" SET synonyms = array_remove(synonyms, $1) WHERE code = 'thads_viec'`,
    WORD,
  );
  await db.close();
});

describe('reference data cached in a running service', () => {
  it("uses an operator's new synonym of an indicator in the very next turn", async () => {
    const { chats } = await bulkFocalPoints(db.prisma, 2, 930_000_000 + (process.pid % 10_000) * 10);
    const before = chatWith(engine, { channel: 'telegram', chatId: String(chats[0]) });
    // The service has read (and cached) the report's indicators: the word means nothing yet.
    const unknown = await before.say(`${WORD} 83,5%`);
    expect(unknown).not.toContain('Tỷ lệ thi hành xong về việc: 83,5 %');

    // The operator adds the synonym (as the seed or an SQL update does), service still running.
    await db.prisma.$executeRawUnsafe(
      `UPDATE "Indicator" SET synonyms = array_append(synonyms, $1) WHERE code = 'thads_viec'`,
      WORD,
    );

    const after = chatWith(engine, { channel: 'telegram', chatId: String(chats[1]) });
    const read = await after.say(`${WORD} 83,5%`);
    expect(read).toContain('Xác nhận số liệu');
    expect(read).toContain('Tỷ lệ thi hành xong về việc: 83,5 %');
  });
});
