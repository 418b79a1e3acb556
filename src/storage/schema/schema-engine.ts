/**
 * Prisma's schema engine compiled to WebAssembly, driven through a driver adapter.
 *
 * Prisma's CLI needs a native schema-engine binary that it downloads from Prisma's servers;
 * machines without internet cannot get it. The same engine ships on npm as
 * `@prisma/schema-engine-wasm` (pinned exactly: internal package, no semver). This module
 * loads it by hand (its entry imports a `.wasm` file as a module, which Node cannot) and
 * exposes the two operations the project needs:
 *  - `applyMigrations` — what `prisma migrate deploy` does (records `_prisma_migrations`);
 *  - `diffMigrationsToSchema` — what `prisma migrate diff --from-migrations --to-schema
 *    --script` does, with an in-memory PGlite as the shadow database.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

type Engine = glue.SchemaEngine;

/** The part of the WebAssembly global used here (not in the ES2023 lib typings). */
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, object>): Promise<{ instance: { exports: object } }>;
}

let loaded: Promise<typeof glue> | undefined;

async function loadEngineModule(): Promise<typeof glue> {
  loaded ??= (async () => {
    const entry = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm');
    const bytes = await readFile(path.join(path.dirname(entry), 'schema_engine_bg.wasm'));
    const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    const { instance } = await wasm.instantiate(bytes, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return glue;
  })();
  return loaded;
}

async function readMigrationsList(dir: string): Promise<glue.MigrationList> {
  const lockPath = path.join(dir, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories: glue.MigrationDirectory[] = [];
  for (const e of entries.filter((x) => x.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, e.name, 'migration.sql');
    const content: glue.JsResult<string, string> = await readFile(file, 'utf8').then(
      (value) => ({ tag: 'ok' as const, value }),
      (err: Error) => ({ tag: 'error' as const, value: err.message }),
    );
    migrationDirectories.push({ path: e.name, migrationFile: { path: 'migration.sql', content } });
  }
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    migrationDirectories,
    shadowDbInitScript: '',
  };
}

const noFilter: glue.SchemaFilter = { externalTables: [], externalEnums: [] };

async function withEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  datamodels: [string, string][] | undefined,
  run: (engine: Engine) => Promise<T>,
): Promise<T> {
  const mod = await loadEngineModule();
  // The engine never disposes the connections it opens, and its advisory lock is held per
  // session: track every adapter it gets, release the lock and dispose them afterwards.
  const opened: SqlDriverAdapter[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => track(await adapterFactory.connect()),
    connectToShadowDb: async () => track(await adapterFactory.connectToShadowDb()),
  };
  const track = (a: SqlDriverAdapter) => {
    opened.push(a);
    return a;
  };
  const bound = bindMigrationAwareSqlAdapterFactory(tracking);
  const logs: string[] = [];
  const engine = await mod.SchemaEngine.new({ datamodels }, (line: string) => logs.push(line), bound);
  try {
    return await run(engine);
  } catch (err) {
    throw new Error(`schema engine: ${describe(err)}`, { cause: err });
  } finally {
    engine.free();
    for (const a of opened) {
      await a.executeScript('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      await a.dispose().catch(() => undefined);
    }
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null && 'message' in err) return String(err.message);
  return JSON.stringify(err);
}

/**
 * Applies every migration of `migrationsDir` not yet recorded in `_prisma_migrations`.
 * Returns the names of the migrations applied now (empty when up to date).
 */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir: string,
): Promise<string[]> {
  const migrationsList = await readMigrationsList(migrationsDir);
  return withEngine(adapterFactory, undefined, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilter });
    return out.appliedMigrationNames;
  });
}

/**
 * The SQL script that takes a database from the state of the migrations folder to the state
 * of the Prisma schema (empty string when they agree). `shadowFactory` hosts the shadow
 * database the engine replays the migrations into.
 */
export async function diffMigrationsToSchema(
  shadowFactory: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir: string,
  schemaPath: string,
): Promise<string> {
  const migrationsList = await readMigrationsList(migrationsDir);
  const content = await readFile(schemaPath, 'utf8');
  return withEngine(shadowFactory, [[schemaPath, content]], async (engine) => {
    const out = await engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return (out.stdout ?? '').trim();
  });
}
