/**
 * Operators' commands for targets, deadlines and reminder policies (issue 5, "Operators"):
 * targets change every year, deadlines are announced late and each duty's reminder stages are
 * the administrator's to choose, so all are changed from here, never in code.
 *
 *   targets:import <file.csv|file.xlsx>
 *   targets:list [--year 2027] [--format text|json]
 *   duties:list [--format text|json]
 *   duties:set-deadline --duty <code> [--unit-type <type>|*] --date <dd/mm|none>
 *   duties:set-reminders --duty <code> --stages=<list|default>
 *
 * A stage list is days relative to the deadline, e.g. `--stages=-7,-3,-1,0,+1,+3` or
 * `--stages -7,-3,0` (joined to its option by ./main.ts), `--stages "T-7 T-3 T0 T+1"`, or
 * `default` (T-7, T-3, T-1, T0, T+1, T+3).
 *
 * Exit code 0 on success, 1 on a refusal, 2 on bad usage (as the other commands).
 */

import {
  type DutyRow,
  importTargets,
  listDuties,
  listTargets,
  type SetDeadlineResult,
  setDeadline,
  setReminderStages,
  type TargetRow,
} from '../app/targets.js';
import { formatValue } from '../domain/figures/index.js';
import { PLANNING_HORIZON_DAYS, parseStageList } from '../domain/reminders.js';
import { parseDayMonth, TARGET_YEAR_MAX, TARGET_YEAR_MIN } from '../domain/targets-import.js';
import { createPrismaDeadlineStore, createPrismaTargetStore } from '../storage/target-store.js';
import { type Command, type CommandContext, readTableArg, withDb } from './command-context.js';

/** Who the audit rows name for a change made from the command line. */
const CLI_ACTOR = 'cli';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** `text` or `json`; otherwise a refusal printed and null. */
function outputFormat(ctx: CommandContext, value: unknown): 'text' | 'json' | null {
  const format = str(value) ?? 'text';
  if (format === 'text' || format === 'json') return format;
  ctx.err(ctx.t('operators-bad-format', { format }));
  return null;
}

function describeTarget(ctx: CommandContext, t: TargetRow): string {
  const v = (n: number | null) => (n === null ? '' : formatValue(n, t.indicatorKind, ctx.locale));
  return ctx.t(`targets-list-${t.kind}`, {
    min: v(t.min),
    max: v(t.max),
    inclusive: t.inclusive ? 'yes' : 'no',
  });
}

function unitTypeLabel(ctx: CommandContext, unitType: string): string {
  return unitType === '*' ? ctx.t('duties-default-type') : unitType;
}

/** Stages as the operator reads them: `-7, -3, -1, 0, +1, +3`. */
const formatStages = (stages: readonly number[]) =>
  stages.map((s) => (s > 0 ? `+${s}` : String(s))).join(', ');

function printDuty(ctx: CommandContext, d: DutyRow): void {
  const stages = formatStages(d.reminderStages);
  ctx.out(
    ctx.t('duties-list-duty', {
      code: d.code,
      name: ctx.locale === 'vi' ? d.nameVi : d.nameEn,
      recurrence: ctx.t(`duties-recurrence-${d.recurrence}`),
      pattern: d.periodPattern,
      stages,
      active: d.active ? 'yes' : 'no',
    }),
  );
  for (const r of d.deadlines) {
    const date = !r.applies
      ? ctx.t('duties-not-applicable')
      : (r.date ?? ctx.t('duties-not-set')) + (r.year !== null ? `/${r.year}` : '');
    ctx.out(
      ctx.t('duties-list-rule', {
        unitType: unitTypeLabel(ctx, r.unitType),
        date,
        updatedBy: r.updatedBy,
      }),
    );
  }
}

function reportDeadlineRefusal(
  ctx: CommandContext,
  r: Extract<SetDeadlineResult, { ok: false }>,
  input: { duty: string; unitType: string; date: string },
): number {
  ctx.err(
    ctx.t(`duties-deadline-${r.error}`, {
      value: input.date,
      duty: input.duty,
      unitType: unitTypeLabel(ctx, input.unitType),
      known: (r.known ?? []).join(', '),
    }),
  );
  return r.error === 'bad_format' || r.error === 'no_such_day' ? 2 : 1;
}

/**
 * The operators' commands (`targets:import`, `targets:list`, `duties:list`,
 * `duties:set-deadline`, `duties:set-reminders`), merged into `commands` (src/cli/commands.ts).
 */
export const operatorCommands: Record<string, Command> = {
  'targets:import': {
    async run(ctx, _values, positionals) {
      const read = await readTableArg(ctx, positionals, {
        missing: 'operators-missing-arg',
        badExtension: 'operators-bad-extension',
        unreadable: 'operators-unreadable',
      });
      if (typeof read === 'number') return read;
      const { file, table } = read;
      return withDb(ctx, async (db) => {
        const result = await importTargets(createPrismaTargetStore(db.prisma), table, CLI_ACTOR, file);
        if (!result.ok) {
          ctx.err(ctx.t('targets-import-refused', { file, count: result.errors.length }));
          for (const e of result.errors) {
            ctx.err(
              ctx.t('targets-import-line', {
                line: e.line,
                message: ctx.t(`targets-import-${e.code}`, e.args),
              }),
            );
          }
          return 1;
        }
        ctx.out(
          ctx.t('targets-import-ok', {
            file,
            count: result.count,
            created: result.created,
            updated: result.updated,
          }),
        );
        return 0;
      });
    },
  },

  'targets:list': {
    options: { year: { type: 'string' }, format: { type: 'string' } },
    async run(ctx, values) {
      const format = outputFormat(ctx, values.format);
      if (!format) return 2;
      const yearText = str(values.year)?.trim();
      let year: number | undefined;
      if (yearText !== undefined) {
        year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
        if (!(year >= TARGET_YEAR_MIN && year <= TARGET_YEAR_MAX)) {
          ctx.err(ctx.t('targets-list-bad-year', { value: yearText }));
          return 2;
        }
      }
      return withDb(ctx, async (db) => {
        const rows = await listTargets(createPrismaTargetStore(db.prisma), year);
        if (format === 'json') {
          ctx.out(JSON.stringify(rows));
          return 0;
        }
        if (rows.length === 0) {
          ctx.out(
            year === undefined
              ? ctx.t('targets-list-empty')
              : ctx.t('targets-list-none', { year: String(year) }),
          );
          return 0;
        }
        ctx.out(ctx.t('targets-list-header'));
        for (const t of rows) {
          ctx.out(
            [
              t.year,
              `${ctx.locale === 'vi' ? t.labelVi : t.labelEn} (${t.indicator})`,
              t.scope,
              describeTarget(ctx, t),
              t.note ?? '',
              t.updatedBy,
            ].join(' | '),
          );
        }
        ctx.out(ctx.t('targets-list-count', { count: rows.length }));
        return 0;
      });
    },
  },

  'duties:list': {
    options: { format: { type: 'string' } },
    async run(ctx, values) {
      const format = outputFormat(ctx, values.format);
      if (!format) return 2;
      return withDb(ctx, async (db) => {
        const duties = await listDuties(createPrismaDeadlineStore(db.prisma));
        if (format === 'json') {
          ctx.out(JSON.stringify(duties));
          return 0;
        }
        for (const d of duties) printDuty(ctx, d);
        ctx.out(ctx.t('duties-list-count', { count: duties.length }));
        return 0;
      });
    },
  },

  'duties:set-deadline': {
    options: { duty: { type: 'string' }, 'unit-type': { type: 'string' }, date: { type: 'string' } },
    async run(ctx, values) {
      const duty = str(values.duty)?.trim().toUpperCase();
      const date = str(values.date)?.trim();
      if (!duty || !date) {
        ctx.err(ctx.t('operators-missing-arg', { arg: '--duty <code> --date <dd/mm|none>' }));
        return 2;
      }
      const unitType = str(values['unit-type'])?.trim().toUpperCase() || '*';
      // A malformed or impossible date is refused before the database is opened.
      const parsed = parseDayMonth(date);
      if (!parsed.ok)
        return reportDeadlineRefusal(ctx, { ok: false, error: parsed.code }, { duty, unitType, date });
      return withDb(ctx, async (db) => {
        const r = await setDeadline(createPrismaDeadlineStore(db.prisma), {
          duty,
          unitType,
          date,
          actor: CLI_ACTOR,
          now: ctx.clock.now(),
          timeZone: ctx.config.timeZone,
        });
        if (!r.ok) return reportDeadlineRefusal(ctx, r, { duty, unitType, date });
        ctx.out(
          ctx.t('duties-deadline-set', {
            duty: r.duty,
            unitType: unitTypeLabel(ctx, r.unitType),
            date: r.date ?? ctx.t('duties-not-set'),
            previous:
              r.previous === undefined
                ? ctx.t('duties-no-own-rule')
                : (r.previous ?? ctx.t('duties-not-set')),
          }),
        );
        ctx.out(
          ctx.t('duties-deadline-redated', {
            redated: r.redated,
            years: r.years.map(String).join(', '),
          }),
        );
        if (r.created > 0) {
          ctx.out(
            ctx.t('duties-deadline-created', { created: r.created, years: r.years.map(String).join(', ') }),
          );
        }
        return 0;
      });
    },
  },

  'duties:set-reminders': {
    options: { duty: { type: 'string' }, stages: { type: 'string' } },
    async run(ctx, values) {
      const duty = str(values.duty)?.trim().toUpperCase();
      const text = str(values.stages);
      if (!duty || text === undefined) {
        ctx.err(ctx.t('operators-missing-arg', { arg: '--duty <code> --stages=<list|default>' }));
        return 2;
      }
      // A malformed list is refused before the database is opened.
      const parsed = parseStageList(text);
      if (!parsed.ok) {
        ctx.err(
          ctx.t(`duties-reminders-${parsed.reason}`, {
            value: parsed.value ?? '',
            horizon: PLANNING_HORIZON_DAYS,
          }),
        );
        return 2;
      }
      return withDb(ctx, async (db) => {
        const r = await setReminderStages(createPrismaDeadlineStore(db.prisma), {
          duty,
          stages: parsed.stages,
          actor: CLI_ACTOR,
          now: ctx.clock.now(),
        });
        if (!r.ok) {
          ctx.err(ctx.t('duties-deadline-unknown_duty', { duty, known: r.known.join(', ') }));
          return 1;
        }
        ctx.out(
          ctx.t('duties-reminders-set', {
            duty: r.duty,
            stages: formatStages(r.stages),
            previous: r.previous.length > 0 ? formatStages(r.previous) : ctx.t('duties-reminders-none'),
          }),
        );
        return 0;
      });
    },
  },
};
