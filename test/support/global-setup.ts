/**
 * Once per `vitest run`: the compiled runtime brought up to date with the sources (tests run
 * the CLI and `npm start` as operators do, from dist/), and a fresh PostgreSQL database for this
 * run (migrated with the project's own migrate command), dropped at the end. Tests get its URL
 * through `inject('databaseUrl')`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/storage/database.js';
import { runSeed } from '../../src/storage/seed/bootstrap.js';
import { createSystemClock } from '../../src/wiring/system-clock.js';
import { ROOT } from './cli.js';

export const ADMIN_URL =
  process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /**
     * A copy of the seeded database for the one fault test whose ledger must be its own: the
     * services other files start re-queue every stale planned row of their database.
     */
    ownDatabaseUrl: string;
    redisUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // A no-op (~0.1 s) when dist/ is newer than every source; otherwise one build of ~4 s.
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0)
    throw new Error('dist/ could not be built (see above); the tests run the compiled CLI');
  const name = `dondoc_test_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const db = await openDatabase({ kind: 'postgres', url });
  await db.migrate();
  // Every test file shares the seeded organisation; tests add their own rows with unique codes.
  await runSeed(db.prisma, createSystemClock(), 'Asia/Ho_Chi_Minh');
  await db.close();
  const own = `${name}_own`;
  const copier = new pg.Client({ connectionString: ADMIN_URL });
  await copier.connect();
  await copier.query(`CREATE DATABASE "${own}" TEMPLATE "${name}"`);
  await copier.end();
  project.provide('databaseUrl', url);
  project.provide('ownDatabaseUrl', ADMIN_URL.replace(/\/[^/]*$/, `/${own}`));
  project.provide('redisUrl', process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  return async () => {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`DROP DATABASE IF EXISTS "${own}" WITH (FORCE)`);
    await c.end();
  };
}
