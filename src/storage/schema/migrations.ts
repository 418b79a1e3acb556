/**
 * Creating migrations without Prisma's native CLI: the diff from the committed migrations to
 * the schema, computed by the WebAssembly schema engine against an in-memory PGlite shadow.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { MIGRATIONS_DIR, SCHEMA_PATH } from '../database.js';
import { diffMigrationsToSchema } from './schema-engine.js';

/** SQL needed to bring the migrations folder up to the schema ('' when in sync). */
export async function pendingSchemaChanges(): Promise<string> {
  const shadow = await PGlite.create();
  try {
    return await diffMigrationsToSchema(new PrismaPGlite(shadow), MIGRATIONS_DIR, SCHEMA_PATH);
  } finally {
    await shadow.close();
  }
}

/**
 * Writes `prisma/migrations/<timestamp>_<name>/migration.sql` with the pending changes.
 * Returns the folder name, or null when the schema and the migrations already agree.
 */
export async function createMigration(name: string, now: Date): Promise<string | null> {
  const sql = await pendingSchemaChanges();
  if (sql === '' || /^-- This is an empty migration\.?$/.test(sql)) return null;
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '') || 'migration';
  const stamp = now
    .toISOString()
    .replace(/[-:TZ.]/g, '')
    .slice(0, 14);
  const folder = `${stamp}_${slug}`;
  await mkdir(path.join(MIGRATIONS_DIR, folder), { recursive: true });
  await writeFile(path.join(MIGRATIONS_DIR, folder, 'migration.sql'), `${sql}\n`);
  return folder;
}
