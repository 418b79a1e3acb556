/**
 * The reminder commands, for people: what a tick would send (or sends), and the ledger.
 *
 *   reminders:tick [--now <ISO-8601>] [--send] [--format json|text]  (JSON by default)
 *   reminders:list [--duty <code>] [--period <id>] [--unit <code>] [--format text|json]
 *
 * `reminders:tick` is a preview unless `--send`: it plans at `--now` (default: the service
 * clock) inside a transaction that is rolled back and enqueues nothing, then prints what would
 * be sent by stage, unit, person and channel, one example text per group, and the counts.
 * `--send` writes the ledger and enqueues for the service's workers; it is refused for an
 * instant more than {@link SEND_TOLERANCE_MINUTES} minutes from the real clock, unless the
 * database is a test one (APP_NOW set): a message sent cannot be taken back.
 *
 * Exit code 0 on success, 1 on a refusal, 2 on bad usage (as the other commands).
 */
import type { PlannedGroup, PlannedMessage, TickReport } from '../app/reminder-tick.js';
import { DEFAULT_WINDOW } from '../domain/reminders.js';
import { createTranslator } from '../i18n/fluent.js';
import { formatDate, formatDateTime, formatPeriod } from '../messages/format.js';
import type { LedgerListing } from '../ports/ledger-listing.js';
import type { Redis } from '../redis/connection.js';
import { createPrismaLedgerListing } from '../storage/ledger-listing-store.js';
import { reminderTick } from '../wiring/reminder-tick.js';
import { type Command, type CommandContext, withDb } from './command-context.js';

/** How far (minutes) `--now` may be from the real clock for `--send` on a real database. */
export const SEND_TOLERANCE_MINUTES = 10;

/** Lines listed per group of a tick's text before the rest are counted. */
const LINES_PER_GROUP = 20;

/** Lines of an example text shown (a digest may list dozens of units). */
const EXAMPLE_LINES = 12;

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Opens Redis for one command (queues), and closes it afterwards. */
async function withRedis<T>(ctx: CommandContext, run: (redis: Redis) => Promise<T>): Promise<T> {
  // ioredis and BullMQ load only for `--send`: every other command starts without them (issue 24).
  const { createRedis, safeUrl } = await import('../redis/connection.js');
  const redis = createRedis(ctx.config.redisUrl, { lazyConnect: true, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch {
    throw new Error(`Redis is not answering at ${safeUrl(ctx.config.redisUrl)}: start it or set REDIS_URL.`);
  }
  try {
    return await run(redis);
  } finally {
    redis.disconnect();
  }
}

/** `text` or `json`; otherwise a refusal printed and null. */
function outputFormat(ctx: CommandContext, value: unknown): 'text' | 'json' | null {
  const format = str(value) ?? 'text';
  if (format === 'text' || format === 'json') return format;
  ctx.err(ctx.t('operators-bad-format', { format }));
  return null;
}

/** A ledger stage as people read it: `T-7` as is, a weekly digest's by its deadline. */
function stageText(ctx: CommandContext, stage: string): string {
  const due = /-due-(\d{4}-\d{2}-\d{2})$/.exec(stage)?.[1];
  return due ? ctx.t('tick-stage-due', { date: formatDate(due) }) : stage;
}

/** The units a message is about: one by name and code, several counted with their codes. */
function unitsText(ctx: CommandContext, m: PlannedMessage): string {
  const [first] = m.units;
  if (!first) return ctx.t('tick-units-none');
  if (m.units.length === 1) return ctx.t('tick-units-one', { name: first.name, code: first.code });
  const shown = m.units.slice(0, 5).map((u) => u.code);
  if (m.units.length > shown.length) shown.push('…');
  return ctx.t('tick-units-many', { count: m.units.length, codes: shown.join(', ') });
}

function groupTitle(ctx: CommandContext, g: PlannedGroup): string {
  const report =
    g.dutyCode && g.periodCode
      ? `${g.dutyCode}, ${formatPeriod(g.periodCode, ctx.t)}`
      : (g.dutyCode ?? (g.periodCode ? formatPeriod(g.periodCode, ctx.t) : ''));
  const kind = ctx.t(`ledger-kind-${g.kind}`);
  return ctx.t('tick-group', {
    kind: kind.charAt(0).toLocaleUpperCase(ctx.locale) + kind.slice(1),
    stage: stageText(ctx, g.stage),
    report,
    count: g.messages.length,
  });
}

/** The tick's report as text: title, groups with their lines and example, the counts' line. */
function printTick(ctx: CommandContext, r: TickReport, now: Date, sent: boolean): void {
  const at = formatDateTime(now, ctx.config.timeZone, ctx.t);
  ctx.out(ctx.t(sent ? 'tick-sent-title' : 'tick-preview-title', { at }));
  if (!r.inWindow) {
    ctx.out(ctx.t('tick-outside-window', { at, start: DEFAULT_WINDOW.start, end: DEFAULT_WINDOW.end }));
  } else if (r.groups.length === 0) {
    ctx.out(ctx.t('tick-nothing'));
  }
  for (const g of r.groups) {
    ctx.out(groupTitle(ctx, g));
    for (const m of g.messages.slice(0, LINES_PER_GROUP)) {
      ctx.out(
        ctx.t('tick-line', {
          units: unitsText(ctx, m),
          recipient: m.recipient,
          channel: ctx.t(`channel-${m.channel}`),
        }),
      );
    }
    if (g.messages.length > LINES_PER_GROUP) {
      ctx.out(ctx.t('tick-more', { count: g.messages.length - LINES_PER_GROUP }));
    }
    if (g.example) {
      ctx.out(ctx.t('tick-example', { recipient: g.example.recipient }));
      const lines = g.example.text.split('\n');
      for (const line of lines.slice(0, EXAMPLE_LINES)) ctx.out(`    │ ${line}`);
      if (lines.length > EXAMPLE_LINES) ctx.out('    │ …');
    }
  }
  if (r.unreached.length > 0) {
    const codes = r.unreached.slice(0, 10).map((u) => u.code);
    if (r.unreached.length > codes.length) codes.push('…');
    ctx.out(ctx.t('tick-unreached', { count: r.unreached.length, codes: codes.join(', ') }));
  }
  ctx.out(summaryLine(ctx, r, sent));
}

/** The tick's counts in one sentence: what was (or would be) sent, skipped, re-queued. */
function summaryLine(ctx: CommandContext, r: TickReport, sent: boolean): string {
  return ctx.t(sent ? 'tick-summary-sent' : 'tick-summary-preview', {
    reminders: r.planned,
    escalations: r.escalations,
    digests: r.digests,
    skipped: r.skipped,
    requeued: r.requeued,
    uncertain: r.uncertain,
  });
}

/** The tick's report as one JSON line: the counts and every message, with the examples. */
function tickJson(r: TickReport, now: Date, sent: boolean): string {
  return JSON.stringify({
    mode: sent ? 'send' : 'preview',
    now: now.toISOString(),
    inWindow: r.inWindow,
    planned: r.planned,
    escalations: r.escalations,
    digests: r.digests,
    skipped: r.skipped,
    requeued: r.requeued,
    uncertain: r.uncertain,
    unreached: r.unreached.map((u) => ({ code: u.code, name: u.name })),
    groups: r.groups.map((g) => ({
      kind: g.kind,
      stage: g.stage,
      duty: g.dutyCode,
      period: g.periodCode,
      messages: g.messages.map((m) => ({
        units: m.units.map((u) => ({ code: u.code, name: u.name })),
        recipient: m.recipient,
        channel: m.channel,
      })),
      example: g.example,
    })),
  });
}

/** The unit column of a ledger row: its assignment's unit, the units it lists, or the recipient's. */
function ledgerUnit(ctx: CommandContext, r: LedgerListing): string {
  if (r.unit) return r.unit;
  if (r.units.length === 1) return r.units[0]!;
  if (r.units.length > 1) return ctx.t('ledger-units', { count: r.units.length });
  return r.recipientUnits[0] ?? '';
}

/** `reminders:tick` and `reminders:list`, merged into `commands` (src/cli/commands.ts). */
export const reminderCommands: Record<string, Command> = {
  'reminders:tick': {
    options: { now: { type: 'string' }, send: { type: 'boolean' }, format: { type: 'string' } },
    async run(ctx, values) {
      // A JSON summary on stdout by default (the stable interface, DESIGN.md), with its counts
      // in one sentence on stderr for the person at the terminal. `--format text` lists it all.
      const format = outputFormat(ctx, values.format ?? 'json');
      if (!format) return 2;
      const nowText = str(values.now);
      const now = nowText ? new Date(nowText) : ctx.clock.now();
      if (Number.isNaN(now.getTime())) {
        ctx.err(ctx.t('cli-bad-now', { value: nowText ?? '' }));
        return 2;
      }
      const send = values.send === true;
      const real = new Date();
      if (
        send &&
        !ctx.config.startAt &&
        Math.abs(now.getTime() - real.getTime()) > SEND_TOLERANCE_MINUTES * 60_000
      ) {
        ctx.err(
          ctx.t('tick-send-refused', {
            at: formatDateTime(now, ctx.config.timeZone, ctx.t),
            real: formatDateTime(real, ctx.config.timeZone, ctx.t),
            minutes: SEND_TOLERANCE_MINUTES,
          }),
        );
        return 1;
      }
      const print = (r: TickReport) => {
        if (format === 'json') {
          ctx.out(tickJson(r, now, send));
          ctx.err(summaryLine(ctx, r, send));
        } else printTick(ctx, r, now, send);
        return 0;
      };
      const deps = { translator: createTranslator(), timeZone: ctx.config.timeZone };
      if (!send)
        return withDb(ctx, async (db) =>
          print(await reminderTick({ ...deps, prisma: db.prisma }, now, { kind: 'preview' })),
        );
      return withDb(ctx, (db) =>
        withRedis(ctx, async (redis) => {
          const { createBullmqReminderQueue, createQueues } = await import('../../jobs/queues.js');
          const queues = createQueues(redis, ctx.config.redisPrefix);
          try {
            const queue = createBullmqReminderQueue(queues);
            return print(await reminderTick({ ...deps, prisma: db.prisma }, now, { kind: 'send', queue }));
          } finally {
            await queues.close();
          }
        }),
      );
    },
  },

  'reminders:list': {
    options: {
      duty: { type: 'string' },
      period: { type: 'string' },
      unit: { type: 'string' },
      format: { type: 'string' },
    },
    async run(ctx, values) {
      const format = outputFormat(ctx, values.format);
      if (!format) return 2;
      return withDb(ctx, async (db) => {
        const rows = await createPrismaLedgerListing(db.prisma).list({
          ...(str(values.duty) ? { dutyCode: str(values.duty)!.toUpperCase() } : {}),
          ...(str(values.period) ? { periodCode: str(values.period)! } : {}),
          ...(str(values.unit) ? { unitCode: str(values.unit)!.toUpperCase() } : {}),
        });
        if (format === 'json') {
          ctx.out(JSON.stringify(rows));
          return 0;
        }
        ctx.out(ctx.t('ledger-header'));
        for (const r of rows) {
          ctx.out(
            [
              r.id,
              ctx.t(`ledger-kind-${r.kind}`),
              ledgerUnit(ctx, r),
              r.duty ?? '',
              r.period ?? '',
              stageText(ctx, r.stage),
              r.recipient,
              ctx.t(`channel-${r.channel}`),
              ctx.t(`ledger-status-${r.status}`),
              r.attempts,
              formatDateTime(new Date(r.sentAt ?? r.plannedFor), ctx.config.timeZone, ctx.t),
              r.error ?? '',
            ].join(' | '),
          );
        }
        ctx.out(ctx.t('ledger-count', { count: rows.length }));
        return 0;
      });
    },
  },
};
