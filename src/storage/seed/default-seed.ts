/** The default-install data of prisma/seed, gathered for the seeding code. */
import * as seed from '../../../prisma/seed/index.js';
import type { SeedData } from './seed-database.js';

/** The default install's data (prisma/seed): what `runSeed` loads unless given other data. */
export const defaultSeed: SeedData = {
  unitTypes: seed.unitTypes,
  units: seed.units,
  clusters: seed.clusters,
  movements: seed.movements,
  indicators: seed.indicators,
  duties: seed.duties,
  targets: seed.targets,
  holidays: seed.holidays,
};
