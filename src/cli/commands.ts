import { writeFile } from 'node:fs/promises';
import { createInvite } from '../app/invites.js';
import { createStatusService } from '../app/status.js';
import { parseDuration } from '../domain/duration.js';
import { parseFigures } from '../domain/figures/index.js';
import { createStatusExporter } from '../exports/status-files.js';
import { createTranslator } from '../i18n/fluent.js';
import { formatDateTime } from '../messages/format.js';
import { statusPages } from '../messages/status-view.js';
import { createPrismaInviteStore } from '../storage/invite-store.js';
import { createPrismaStatusStore } from '../storage/status-store.js';
import { createPrismaUnitStore } from '../storage/unit-store.js';
import { type Command, withDb } from './command-context.js';
import { operatorCommands } from './operator-commands.js';
import { reminderCommands } from './reminder-commands.js';
import { unitCommands } from './unit-commands.js';

export type { Command, CommandContext } from './command-context.js';

/**
 * Every CLI command by name, as src/cli/main.ts looks them up and lists them in its usage line;
 * the units' commands are merged in from `unitCommands`, the reminder commands from
 * `reminderCommands`, the operators' target and deadline commands from `operatorCommands`.
 */
export const commands: Record<string, Command> = {
  status: {
    options: {
      duty: { type: 'string' },
      period: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
    async run(ctx, values) {
      const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
      const format = str(values.format) ?? 'text';
      if (!['text', 'json', 'xlsx'].includes(format)) {
        ctx.err(ctx.t('cli-bad-format', { format }));
        return 2;
      }
      const duty = str(values.duty)?.toUpperCase();
      if (!duty) {
        ctx.err(ctx.t('cli-missing-arg', { arg: '--duty <code>' }));
        return 2;
      }
      return withDb(ctx, async (db) => {
        const exporter = createStatusExporter(createTranslator());
        const service = createStatusService({
          store: createPrismaStatusStore(db.prisma),
          clock: ctx.clock,
          timeZone: ctx.config.timeZone,
          exporter,
        });
        const result = await service.forScope(
          { kind: 'all' },
          { dutyCode: duty, periodCode: str(values.period) },
        );
        if (!result.ok) {
          ctx.err(
            ctx.t(result.reason === 'empty' ? 'status-none' : 'status-unknown-duty', {
              duty,
              period: result.periodCode ?? str(values.period) ?? '',
            }),
          );
          return 1;
        }
        const r = result.report;
        if (format === 'json') {
          const json = JSON.stringify({
            duty: r.dutyCode,
            period: r.periodCode,
            units: r.units.map((u) => ({
              code: u.code,
              name: u.name,
              state: u.state,
              submittedAt: u.submittedAt,
              values: u.values,
              missingIndicators: u.missingIndicators,
              // Names and channels (the stable interface); no internal ids.
              focalPoints: (u.focalPoints ?? []).map(({ name, channel }) =>
                channel ? { name, channel } : { name },
              ),
            })),
            totals: r.totals,
          });
          if (str(values.out)) await writeFile(str(values.out)!, json);
          else ctx.out(json);
          return 0;
        }
        if (format === 'xlsx') {
          const file = await exporter.workbook(r, ctx.locale, {
            timeZone: ctx.config.timeZone,
            generatedAt: ctx.clock.now(),
          });
          const out = str(values.out) ?? file.name;
          await writeFile(out, file.data);
          ctx.out(ctx.t('status-xlsx-written', { file: out }));
          return 0;
        }
        // One text, not chat pages: no page header repeated mid-list.
        const text = statusPages(r, ctx.locale, ctx.t, true, ctx.config.timeZone, { paged: false })[0]!;
        if (str(values.out)) await writeFile(str(values.out)!, text);
        else ctx.out(text);
        return 0;
      });
    },
  },
  ...reminderCommands,
  parse: {
    options: { duty: { type: 'string' }, unit: { type: 'string' } },
    async run(ctx, values, positionals) {
      const duty = typeof values.duty === 'string' ? values.duty.toUpperCase() : undefined;
      const unitCode = typeof values.unit === 'string' ? values.unit.toUpperCase() : undefined;
      const text = positionals.join(' ');
      if (!duty || !unitCode) {
        ctx.err(ctx.t('cli-missing-arg', { arg: '--duty <code> --unit <unitCode> "<text>"' }));
        return 2;
      }
      return withDb(ctx, async (db) => {
        const units = createPrismaUnitStore(db.prisma);
        const unit = await units.find(unitCode);
        if (!unit) {
          ctx.err(ctx.t('invite-unknown-unit', { unit: unitCode }));
          return 1;
        }
        const r = parseFigures(text, await units.indicatorsFor(unit, duty));
        ctx.out(
          JSON.stringify({
            values: r.values,
            invalid: [...new Set(r.invalid.map((x) => x.code))],
            ambiguous: [...new Set(r.ambiguous.map((x) => x.code))],
            unused: r.unused.map((x) => x.raw),
          }),
        );
        return 0;
      });
    },
  },
  'db:migrate': {
    async run(ctx) {
      return withDb(ctx, async (db) => {
        const names = await db.migrate(); // PGlite was migrated at open: then names is empty
        ctx.out(ctx.t('migrate-done', { count: names.length, names: names.join(', ') }));
        return 0;
      });
    },
  },
  'db:diff': {
    async run(ctx, _values, positionals) {
      const name = positionals[0];
      if (!name) {
        ctx.err(ctx.t('cli-missing-arg', { arg: '<migration-name>' }));
        return 2;
      }
      // Loaded here, not at start: every command would pay for the schema engine (issue 24).
      const { createMigration } = await import('../storage/schema/migrations.js');
      const folder = await createMigration(name, ctx.clock.now());
      ctx.out(folder ? ctx.t('diff-created', { name: folder }) : ctx.t('diff-none'));
      return 0;
    },
  },
  'db:seed': {
    async run(ctx) {
      return withDb(ctx, async (db) => {
        if (db.kind === 'postgres') await db.migrate();
        const { runSeed } = await import('../storage/seed/bootstrap.js');
        const counts = await runSeed(db.prisma, ctx.clock, ctx.config.timeZone);
        ctx.out(
          ctx.t('seed-done', {
            units: counts.units ?? 0,
            duties: counts.duties ?? 0,
            indicators: counts.indicators ?? 0,
            targets: counts.targets ?? 0,
            holidays: counts.holidays ?? 0,
            assignments: counts.assignments ?? 0,
          }),
        );
        return 0;
      });
    },
  },
  ...unitCommands,
  invite: {
    options: {
      unit: { type: 'string' },
      role: { type: 'string' },
      ttl: { type: 'string' },
      replace: { type: 'string' },
    },
    async run(ctx, values) {
      const unitCode = typeof values.unit === 'string' ? values.unit : undefined;
      if (!unitCode) {
        ctx.err(ctx.t('cli-missing-arg', { arg: '--unit <code>' }));
        return 2;
      }
      const role = typeof values.role === 'string' ? values.role : 'focal';
      if (role !== 'focal' && role !== 'manager') {
        ctx.err(ctx.t('invite-bad-role', { role }));
        return 2;
      }
      // `--replace <person>`: a handover, decided now (a plain focal invite adds a focal point).
      const replace = typeof values.replace === 'string' ? values.replace.trim() : undefined;
      if (replace !== undefined && (role !== 'focal' || replace === '')) {
        ctx.err(
          ctx.t(role !== 'focal' ? 'invite-replace-needs-focal' : 'cli-missing-arg', {
            arg: '--replace <person>',
          }),
        );
        return 2;
      }
      const ttlText = typeof values.ttl === 'string' ? values.ttl : '7d';
      const ttlMs = parseDuration(ttlText);
      if (ttlMs === null) {
        ctx.err(ctx.t('invite-bad-ttl', { ttl: ttlText }));
        return 2;
      }
      return withDb(ctx, async (db) => {
        const invites = createPrismaInviteStore(db.prisma);
        const result = await createInvite(
          { units: createPrismaUnitStore(db.prisma), invites, clock: ctx.clock },
          { unitCode, role, ttlMs, createdBy: 'cli', replace },
        );
        if (!result.ok) {
          const unit = unitCode.toUpperCase();
          const person = (p: { personId: number; fullName: string }) =>
            ctx.t('invite-focal-line', { id: p.personId, name: p.fullName });
          if (result.error === 'not_focal') {
            const none = result.focalPoints.length === 0;
            ctx.err(
              ctx.t(none ? 'invite-replace-no-focal' : 'invite-replace-not-focal', {
                person: replace ?? '',
                unit,
              }),
            );
            for (const p of result.focalPoints) ctx.err(person(p));
          } else if (result.error === 'ambiguous_person') {
            ctx.err(
              ctx.t('invite-replace-ambiguous', {
                person: replace ?? '',
                unit,
                count: result.matches.length,
              }),
            );
            for (const p of result.matches) ctx.err(person(p));
          } else {
            const id = result.error === 'unknown_unit' ? 'invite-unknown-unit' : 'invite-retired-unit';
            ctx.err(ctx.t(id, { unit: unitCode }));
          }
          return 1;
        }
        ctx.out(
          ctx.t('invite-created', {
            unit: `${result.unit.name} (${result.unit.code})`,
            role: ctx.t(`role-${role}`),
            expires: formatDateTime(result.expiresAt, ctx.config.timeZone, ctx.t),
          }),
        );
        ctx.out(result.code);
        ctx.out(ctx.t('invite-how', { code: result.code }));
        // What redeeming it will do to the unit's focal points: replace one, or add one more.
        if (result.replaces) {
          ctx.out(ctx.t('invite-replaces', { name: result.replaces.fullName, unit: result.unit.name }));
        } else if (role === 'focal') {
          const current = await invites.focalPoints(result.unit.id);
          if (current.length > 0) {
            ctx.out(
              ctx.t('invite-adds', {
                unit: result.unit.name,
                count: current.length,
                names: current.map((p) => p.fullName).join(', '),
              }),
            );
          }
        }
        const tg = ctx.config.telegram;
        if (tg.mode !== 'off') {
          // One tap binds: https://t.me/<bot>?start=<code> (needs the bot's name from Telegram).
          // grammY and pino only when a link is printed: the CLI starts faster without them.
          const [{ createTelegramChannel }, { createLogger }] = await Promise.all([
            import('../channels/telegram/telegram-channel.js'),
            import('../logging/logger.js'),
          ]);
          const channel = createTelegramChannel({
            token: tg.token,
            apiRoot: tg.apiRoot,
            mode: { kind: 'polling' },
            logger: createLogger('silent'),
            retry: { maxRetryAttempts: 0, maxDelaySeconds: 0 },
          });
          const name = await Promise.race([
            channel.username().catch(() => null),
            new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000).unref()),
          ]);
          if (name) {
            ctx.out(ctx.t('invite-deeplink', { link: `https://t.me/${name}?start=${result.code}` }));
          }
        }
        return 0;
      });
    },
  },
  ...operatorCommands,
};
