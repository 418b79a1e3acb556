/**
 * The one place that chooses the database: PostgreSQL through `@prisma/adapter-pg` when
 * DATABASE_URL is set, otherwise embedded PGlite under DATA_DIR. Same schema, same migrations.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../generated/prisma/client.js';
import { serialiseTransactions } from './serial-transactions.js';

export { PrismaClient };

/** Which database `openDatabase` opens: PostgreSQL at `url`, or embedded PGlite under `dataDir`. */
export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

/** An open database: its Prisma client and kind, migrations, a health check and `close` (idempotent). */
export interface Database {
  prisma: PrismaClient;
  kind: 'postgres' | 'pglite';
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  /** True when the database answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Thrown when another live process holds the embedded database directory. */
export class DatabaseBusyError extends Error {
  override readonly name = 'DatabaseBusyError';
  readonly code = 'DATABASE_BUSY';
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dir} is in use by another process (pid ${pid}): stop the service first, or set DATABASE_URL to use PostgreSQL.`,
    );
  }
}

export { MIGRATIONS_DIR, SCHEMA_PATH } from '../paths.js';

import { MIGRATIONS_DIR } from '../paths.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the single-process lock of an embedded data directory. PGlite corrupts a directory
 * opened by two processes, so a second process must be refused, not queued.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'pglite.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockFile, 'utf8') === String(process.pid)) unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
      // Our own pid: this process already holds the directory (a second open would corrupt it too).
      if (Number.isFinite(pid) && isAlive(pid)) throw new DatabaseBusyError(dir, pid);
      unlinkSync(lockFile); // stale lock of a dead process
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

/**
 * `@prisma/adapter-pg` and `pg`, loaded where PostgreSQL is used. At load, pg checks whether it
 * runs in a Cloudflare Worker: without `navigator` (Node 20) by building a fetch `Response`,
 * which loads Node's whole fetch implementation — 30 ms of every CLI command (issue 24). Node 21+
 * answers the check with `navigator.userAgent`; while pg loads, Node 20 is given the same.
 */
async function loadPgAdapter(): Promise<typeof PrismaPg> {
  const g = globalThis as { navigator?: unknown };
  const shim = g.navigator === undefined;
  if (shim) g.navigator = { userAgent: `Node.js/${process.versions.node}` };
  try {
    return (await import('@prisma/adapter-pg')).PrismaPg;
  } finally {
    if (shim) delete g.navigator;
  }
}

/** PGlite (~40 MB once loaded) only where the embedded database is used, never beside PostgreSQL. */
async function loadPglite() {
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('pglite-prisma-adapter'),
  ]);
  return { PGlite, PrismaPGlite };
}

/** Opens the database. Embedded PGlite is locked to this process and migrated at open. */
export async function openDatabase(
  target: DatabaseTarget,
  options: { poolSize?: number; connectTimeoutMs?: number } = {},
): Promise<Database> {
  if (target.kind === 'postgres') {
    // A transaction's statements one at a time (./serial-transactions.ts: no concurrent
    // `client.query` on one pg client, deprecated in pg 8 and refused by pg 9).
    const factory = serialiseTransactions(
      new (await loadPgAdapter())({
        connectionString: target.url,
        max: options.poolSize ?? 10,
        // adapter-pg has no connection-wait timeout by default: a slow database would hang replies.
        connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
        idleTimeoutMillis: 30_000,
      }),
    );
    const prisma = new PrismaClient({ adapter: factory });
    return wrap(prisma, 'postgres', factory, async () => {
      await prisma.$disconnect();
    });
  }
  const pgDir = path.join(target.dataDir, 'pglite');
  const unlock = lockDataDir(target.dataDir);
  try {
    const { PGlite, PrismaPGlite } = await loadPglite();
    const client = await PGlite.create(pgDir);
    const factory = new PrismaPGlite(client);
    const prisma = new PrismaClient({ adapter: factory });
    const db = wrap(prisma, 'pglite', factory, async () => {
      await prisma.$disconnect();
      await client.close();
      unlock();
    });
    // A restart finds every migration applied: one query says so, and the schema engine
    // (WebAssembly, ~0.2 s to load) runs only when something is pending (issue 24).
    if (await migrationsPending(client)) await db.migrate();
    return db;
  } catch (err) {
    unlock();
    throw err;
  }
}

/**
 * True unless every folder of prisma/migrations is recorded as applied (finished, not rolled
 * back) in `_prisma_migrations`; true as well when that table does not exist yet.
 */
async function migrationsPending(client: {
  query<T>(sql: string): Promise<{ rows: T[] }>;
}): Promise<boolean> {
  const folders = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return folders.some((f) => !applied.has(f));
  } catch {
    return true; // a new database: no migrations table yet
  }
}

/** An in-memory PGlite database, migrated (tests and the migration diff's shadow database). */
export async function openMemoryDatabase(): Promise<Database> {
  const { PGlite, PrismaPGlite } = await loadPglite();
  const client = await PGlite.create();
  const factory = new PrismaPGlite(client);
  const prisma = new PrismaClient({ adapter: factory });
  const db = wrap(prisma, 'pglite', factory, async () => {
    await prisma.$disconnect();
    await client.close();
  });
  await db.migrate();
  return db;
}

function wrap(
  prisma: PrismaClient,
  kind: 'postgres' | 'pglite',
  factory: SqlMigrationAwareDriverAdapterFactory,
  close: () => Promise<void>,
): Database {
  let closed = false;
  return {
    prisma,
    kind,
    // The schema engine (WebAssembly) loads only when migrating: not in every CLI command.
    migrate: async () => (await import('./schema/schema-engine.js')).applyMigrations(factory, MIGRATIONS_DIR),
    async ping(timeoutMs = 2_000) {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        });
        const query = prisma.$queryRawUnsafe('SELECT 1').then(
          () => true,
          () => false,
        );
        return await Promise.race([query, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await close();
    },
  };
}
