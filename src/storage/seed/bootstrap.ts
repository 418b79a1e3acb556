import { localDateOf, yearsToMaterialise } from '../../domain/calendar.js';
import type { Clock } from '../../ports/clock.js';
import type { PrismaClient } from '../database.js';
import { materialiseIfChanged } from '../materialise-assignments.js';
import { defaultSeed } from './default-seed.js';
import { type SeedData, seedDatabase } from './seed-database.js';

/** Seeds the default data and materialises this year's and next year's assignments. */
export async function runSeed(
  prisma: PrismaClient,
  clock: Clock,
  timeZone: string,
  data: SeedData = defaultSeed,
): Promise<Record<string, number>> {
  const counts = await seedDatabase(prisma, data);
  const years = yearsToMaterialise(localDateOf(clock.now(), timeZone));
  await materialiseIfChanged(prisma, years);
  const assignments = await prisma.assignment.count();
  return { ...counts, assignments };
}

/**
 * First start on an empty database (embedded defaults): load the default data. Returns the
 * counts when it seeded, null when the database already had units.
 */
export async function ensureSeeded(
  prisma: PrismaClient,
  clock: Clock,
  timeZone: string,
): Promise<Record<string, number> | null> {
  if ((await prisma.unit.count()) > 0) {
    await materialiseIfChanged(prisma, yearsToMaterialise(localDateOf(clock.now(), timeZone)));
    return null;
  }
  return runSeed(prisma, clock, timeZone);
}
