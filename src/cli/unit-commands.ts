/**
 * The units' commands: the organisation is data, imported and listed from here (issue 23:
 * renamed in bulk, each unit's former names kept and listed).
 *
 *   units:import <file.csv|file.xlsx>
 *   units:list [--format text|json]
 *
 * Exit code 0 on success, 1 on a refusal, 2 on bad usage (as the other commands).
 */
import { importUnits } from '../app/import-units.js';
import { formatDate } from '../messages/format.js';
import { createPrismaUnitStore } from '../storage/unit-store.js';
import { type Command, readTableArg, withDb } from './command-context.js';

/**
 * The `units:import <file.csv|file.xlsx>` command: imports units all or nothing and prints the
 * counts created and updated (and, when rows renamed units, how many and the last day of their
 * old names; and the reporting assignments created with them, by duty), or every refused line
 * (exit 1; an unreadable file too; exit 2 without a file).
 */
export function createImportUnits(): Command {
  return {
    async run(ctx, _values, positionals) {
      const read = await readTableArg(ctx, positionals, {
        missing: 'cli-missing-arg',
        badExtension: 'units-import-bad-extension',
        unreadable: 'units-import-unreadable',
      });
      if (typeof read === 'number') return read;
      const { file, table } = read;
      return withDb(ctx, async (db) => {
        const units = createPrismaUnitStore(db.prisma);
        const result = await importUnits(
          { units, clock: ctx.clock, timeZone: ctx.config.timeZone },
          table,
          'cli',
        );
        if (!result.ok) {
          ctx.err(ctx.t('units-import-refused', { file, count: result.errors.length }));
          for (const e of result.errors) {
            ctx.err(
              ctx.t('units-import-line', { line: e.line, message: ctx.t(`units-import-${e.code}`, e.args) }),
            );
          }
          return 1;
        }
        const { count, created, updated, renamed } = result;
        ctx.out(ctx.t('units-import-ok', { file, count, created, updated }));
        if (renamed > 0) {
          ctx.out(ctx.t('units-import-renamed', { count: renamed, until: formatDate(result.renamedUntil) }));
        }
        // Taken part at once: the assignments were created in the import's transaction.
        const made = result.assignments;
        const years = made.years.join(', ');
        if (made.created > 0) {
          const duties = Object.entries(made.byDuty)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([duty, n]) => `${duty}: ${n}`)
            .join(', ');
          ctx.out(ctx.t('units-import-assignments', { count: made.created, years, duties }));
        } else if (created > 0) {
          ctx.out(ctx.t('units-import-no-assignments', { years }));
        }
        return 0;
      });
    },
  };
}

/**
 * `units:list [--format json]`: every unit by type and code — code, name, type, parent, clusters,
 * focal points, status; as JSON also each unit's former names (`formerNames`: name, validFrom, validTo, source).
 */
export const unitCommands: Record<string, Command> = {
  'units:import': createImportUnits(),
  'units:list': {
    options: { format: { type: 'string' } },
    async run(ctx, values) {
      return withDb(ctx, async (db) => {
        const units = await createPrismaUnitStore(db.prisma).list();
        if (values.format === 'json') {
          ctx.out(JSON.stringify(units.map(({ id: _id, ...u }) => u)));
          return 0;
        }
        ctx.out(ctx.t('units-list-header'));
        for (const u of units) {
          const status = u.active ? ctx.t('units-list-active') : ctx.t('units-list-retired');
          const focal = u.focalPoints.map((p) => p.name).join(', ');
          ctx.out([u.code, u.name, u.type, u.parent ?? '', u.clusters.join(' '), focal, status].join(' | '));
        }
        ctx.out(ctx.t('units-list-count', { count: units.length }));
        return 0;
      });
    },
  },
};
