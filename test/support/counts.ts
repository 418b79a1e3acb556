import type { PrismaClient } from '../../src/storage/database.js';

/** Row counts of every table the seed writes. */
export async function seedCounts(prisma: PrismaClient): Promise<Record<string, number>> {
  return {
    unitTypes: await prisma.unitType.count(),
    units: await prisma.unit.count(),
    clusterMembers: await prisma.clusterMember.count(),
    movements: await prisma.movement.count(),
    duties: await prisma.duty.count(),
    deadlineRules: await prisma.deadlineRule.count(),
    indicators: await prisma.indicator.count(),
    dutyIndicators: await prisma.dutyIndicator.count(),
    targets: await prisma.target.count({ where: { updatedBy: 'seed' } }),
    holidays: await prisma.holiday.count(),
    // The seed's years; test files that need a period of their own use 2030 and later.
    periods: await prisma.period.count({ where: { year: { lt: 2030 } } }),
    assignments: await prisma.assignment.count(),
  };
}
