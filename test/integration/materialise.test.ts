import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import {
  materialisationFingerprint,
  materialiseIfChanged,
} from '../../src/storage/materialise-assignments.js';
import { openTestDatabase } from '../support/db.js';

// The planning tick asks every minute; materialising runs only when something it depends on
// changed. A year of its own (2031): no other test file plans or dates it.
const YEARS = [2031];
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const assignments2031 = () =>
  db.prisma.assignment.findMany({ where: { period: { year: 2031 } }, orderBy: { id: 'asc' } });

/**
 * One call, and whether other test files (sharing the database) changed what materialising
 * depends on — units, duties, deadline rules, holidays — since the previous call: their units'
 * assignments for 2031 are then created by the same call (the fan-out crash test adds 240 Cục
 * THADS at once; a unit may be activated or retyped, a deadline rule made to apply), so exact
 * counts hold only when those are the same as after the previous call.
 */
const unitsPrint = async () =>
  (await materialisationFingerprint(db.prisma, YEARS)).split('|').slice(0, 4).join('|');
let unitsSeen = '';
async function materialise() {
  const before = unitsSeen;
  const result = await materialiseIfChanged(db.prisma, YEARS);
  unitsSeen = await unitsPrint();
  return { result, quiet: unitsSeen === before };
}

describe('materialising only when something changed', () => {
  it('a repeated call does nothing; a removed or re-dated assignment is noticed and repaired', async () => {
    await materialise();
    const all = await assignments2031();
    expect(all.length).toBeGreaterThan(100);
    let call = await materialise();
    if (call.quiet) expect(call.result).toEqual({ created: 0, redated: 0 });

    // An assignment goes missing: recreated by the next call.
    const gone = all.find((a) => a.state === 'pending')!;
    await db.prisma.assignment.delete({ where: { id: gone.id } });
    call = await materialise();
    // At least the one removed: an import committing units meanwhile (another file) adds theirs.
    expect(call.result.created).toBeGreaterThanOrEqual(1);
    expect(call.result.redated).toBe(0);
    expect(
      await db.prisma.assignment.count({
        where: { dutyId: gone.dutyId, periodCode: gone.periodCode, unitId: gone.unitId },
      }),
    ).toBe(1);

    // A pending assignment's deadline drifts from its rule: put back by the next call.
    const drifted = (await assignments2031()).find((a) => a.state === 'pending' && a.dueDate)!;
    await db.prisma.assignment.update({
      where: { id: drifted.id },
      data: { dueDate: new Date(drifted.dueDate!.getTime() + 86_400_000) },
    });
    call = await materialise();
    expect(call.result.redated).toBe(1);
    if (call.quiet) expect(call.result.created).toBe(0);
    const after = await db.prisma.assignment.findUniqueOrThrow({ where: { id: drifted.id } });
    expect(after.dueDate).toEqual(drifted.dueDate);
    call = await materialise();
    if (call.quiet) expect(call.result).toEqual({ created: 0, redated: 0 });
    else expect(call.result.redated).toBe(0);
  });
});
