/**
 * What every CLI command gets and returns: the context (config, clock, translator, output
 * streams) and the shape of a command. Exit codes: 0 success, 1 refusal, 2 bad usage.
 */
import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config/config.js';
import type { Clock } from '../ports/clock.js';
import type { Locale } from '../ports/translator.js';
import { type Database, DatabaseBusyError, openDatabase } from '../storage/database.js';
import type { readTable } from './tabular-file.js';

/**
 * What a command runs with, built once by src/cli/main.ts: the configuration, the service clock,
 * the operator's language with `t` bound to it, and line writers for stdout (`out`) and stderr
 * (`err`).
 */
export interface CommandContext {
  config: Config;
  clock: Clock;
  locale: Locale;
  t: (id: string, args?: Record<string, string | number>) => string;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Option values as `node:util` `parseArgs` returns them: a string, a flag, or absent. */
export type Values = Record<string, string | boolean | undefined>;

/**
 * One CLI command: its `parseArgs` options (parsed strictly: an unknown option is bad usage) and
 * `run`, which returns the exit code (0 success, 1 refusal, 2 bad usage).
 */
export interface Command {
  options?: ParseArgsConfig['options'];
  run(ctx: CommandContext, values: Values, positionals: string[]): Promise<number>;
}

/**
 * Opens the configured database for one command, and closes it afterwards. A database held
 * by a running service (embedded mode) is a refusal (exit 1) with one line saying so.
 */
export async function withDb(ctx: CommandContext, run: (db: Database) => Promise<number>): Promise<number> {
  let db: Database;
  try {
    db = await openDatabase(ctx.config.database, { poolSize: 4 });
  } catch (err) {
    if (err instanceof DatabaseBusyError) {
      ctx.err(err.message);
      return 1;
    }
    throw err;
  }
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}

/**
 * Reads the CSV or XLSX file named by the first positional argument. On a missing argument
 * (exit 2), another kind of file or an unreadable one (exit 1) it prints the refusal with the
 * given message ids and returns the exit code instead of a table.
 */
export async function readTableArg(
  ctx: CommandContext,
  positionals: string[],
  ids: { missing: string; badExtension: string; unreadable: string },
): Promise<{ file: string; table: Awaited<ReturnType<typeof readTable>> } | number> {
  const file = positionals[0];
  if (!file) {
    ctx.err(ctx.t(ids.missing, { arg: '<file.csv|file.xlsx>' }));
    return 2;
  }
  // csv-parse (and exceljs for .xlsx) load only for the commands that read a file (issue 24).
  const { readTable, TabularFileError } = await import('./tabular-file.js');
  try {
    return { file, table: await readTable(file) };
  } catch (err) {
    if (err instanceof TabularFileError) {
      ctx.err(
        err.code === 'bad_extension'
          ? ctx.t(ids.badExtension)
          : ctx.t(ids.unreadable, { file, reason: err.message }),
      );
      return 1;
    }
    throw err;
  }
}
