import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root: the nearest folder above this file holding package.json. Works from the
 * sources (tsx) and from the compiled `dist/` of the Docker image alike.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above the sources');
    dir = up;
  }
}

/** The project root, found once at import (`findRoot`); throws when no package.json is above. */
export const PROJECT_ROOT = findRoot();
/** `prisma/migrations`: applied by `Database.migrate`, written by `createMigration` (`db:diff`). */
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma', 'migrations');
/** `prisma/schema.prisma`: what the migration diff compares the migrations with. */
export const SCHEMA_PATH = path.join(PROJECT_ROOT, 'prisma', 'schema.prisma');
/** The managers' dashboard's stylesheet and script (src/dashboard/plugin.ts serves them). */
export const DASHBOARD_ASSETS_DIR = path.join(PROJECT_ROOT, 'src', 'dashboard', 'assets');
/** `locales/`: one folder of Fluent files per locale, read by the translator (src/i18n/fluent.ts). */
export const LOCALES_DIR = path.join(PROJECT_ROOT, 'locales');
