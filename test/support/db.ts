import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/storage/database.js';

/** The run's PostgreSQL database (migrated and seeded by the global setup). */
export async function openTestDatabase(): Promise<Database> {
  return openDatabase({ kind: 'postgres', url: inject('databaseUrl') }, { poolSize: 4 });
}

/**
 * A database of the test file's own (a copy of the seeded one), for a test whose reminder
 * ledger no other file's service may touch: a running service re-queues every stale planned row
 * of its database. One file uses it.
 */
export async function openOwnTestDatabase(): Promise<Database> {
  return openDatabase({ kind: 'postgres', url: inject('ownDatabaseUrl') }, { poolSize: 4 });
}

let counter = 0;
/** A code no other test uses: `PREFIX_<time><n>`, upper case, valid as a unit code. */
export function uniqueCode(prefix: string): string {
  counter++;
  return `${prefix}_${Date.now().toString(36)}${process.pid.toString(36)}${counter}`.toUpperCase();
}
