/**
 * No concurrent `client.query` on one `pg` client (deprecated in pg 8, refused by pg 9), on the
 * run's PostgreSQL through the project's own `openDatabase`: what the fan-out benchmark's
 * preparation does (a `createMany` of thousands of rows, which Prisma splits into several
 * statements in one transaction) and reads of sibling relations inside a transaction. Warnings
 * are collected as the process emits them; pg emits this one once per process (each test file
 * runs in a process of its own), so the first case to break it fails, and every case after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { openTestDatabase, uniqueCode } from '../support/db.js';

let db: Database;
const warnings: string[] = [];
const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);

beforeAll(async () => {
  db = await openTestDatabase();
  process.on('warning', onWarning);
});
afterAll(async () => {
  process.off('warning', onWarning);
  await db?.close();
});

/** Warnings are emitted on the next tick: let them arrive. */
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('one statement at a time per pg client', () => {
  it('sibling relations read in a transaction, and a failing statement still rolls back', async () => {
    const code = uniqueCode('PGSER');
    const unit = await db.prisma.unit.create({
      data: { code, name: 'Đơn vị thử', typeCode: 'CUC_THADS', active: false },
    });
    const read = await db.prisma.$transaction(async (tx) =>
      tx.unit.update({
        where: { id: unit.id },
        data: { name: 'Đơn vị thử (đổi tên)' },
        include: { roles: true, invites: true, formerNames: true, assignments: true },
      }),
    );
    expect(read.name).toBe('Đơn vị thử (đổi tên)');
    // A statement that fails mid-transaction: the transaction rolls back and the next one runs.
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.unit.update({ where: { id: unit.id }, data: { name: 'không được lưu' } });
        await tx.$executeRaw`SELECT 1 / 0`;
      }),
    ).rejects.toThrow();
    expect((await db.prisma.unit.findUniqueOrThrow({ where: { id: unit.id } })).name).toBe(
      'Đơn vị thử (đổi tên)',
    );
    await settle();
    expect(warnings.filter((w) => w.includes('client.query'))).toEqual([]);
  });

  it('a createMany too large for one statement stores every row, without a pg warning', async () => {
    const chatId = `guest-pg${Date.now().toString(36)}`;
    // 4 columns × 20,000 rows: past PostgreSQL's 32,767 parameters, so several statements.
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      chatId,
      direction: 'in' as const,
      text: `tin ${i}`,
      createdAt: new Date(Date.UTC(2001, 0, 1, 0, 0, i % 60)),
    }));
    try {
      const { count } = await db.prisma.webChatMessage.createMany({ data: rows });
      expect(count).toBe(20_000);
    } finally {
      await db.prisma.webChatMessage.deleteMany({ where: { chatId } });
    }
    await settle();
    expect(warnings.filter((w) => w.includes('client.query'))).toEqual([]);
  });
});
