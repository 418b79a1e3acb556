/**
 * Reminder use cases: plan what is due at an instant (ledger first, then the queue), and
 * deliver one ledger row through its channel. The ledger is the truth: a lost queue loses no
 * reminder (stale planned rows are re-enqueued) and a row is sent at most once (claimed
 * planned → sending before the platform call).
 */

import { daysBetween, localDateOf, yearsToMaterialise } from '../domain/calendar.js';
import { quietEndsAt } from '../domain/quiet-hours.js';
import {
  inSendingWindow,
  nextWindowOpening,
  planReminders,
  type SendingWindow,
} from '../domain/reminders.js';
import { exampleMessage } from '../messages/examples.js';
import { statusPages } from '../messages/status-view.js';
import {
  type Channel,
  type ChannelName,
  ChannelNetworkError,
  type OutgoingMessage,
  PartlySentError,
  RateLimitedError,
  RecipientGoneError,
} from '../ports/channel.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { ManagerStore } from '../ports/manager-store.js';
import type {
  LedgerRow,
  NewLedgerRow,
  ReminderQueue,
  ReminderStore,
  ReminderView,
} from '../ports/reminders.js';
import type { SubmissionStore } from '../ports/submissions.js';
import type { Locale, Translator } from '../ports/translator.js';
import type { StatusService } from './status.js';

export interface PlanSummary {
  planned: number;
  skipped: number;
  escalations: number;
  /** Planned rows re-enqueued because their job may have been lost (Redis restart). */
  requeued: number;
  /** Rows caught in flight by a crash, now `uncertain`. */
  uncertain: number;
}

export interface PlanDeps {
  store: ReminderStore;
  queue: ReminderQueue;
  /** Creates the assignments of the years around `now` (idempotent). */
  materialise: (years: number[]) => Promise<unknown>;
  timeZone: string;
  window?: SendingWindow;
  /** A planned row untouched this long is re-enqueued (default 2 minutes). */
  requeueAfterMs?: number;
  /** A sending row untouched this long is resolved as uncertain (default 5 minutes). */
  uncertainAfterMs?: number;
}

/** One planning pass at `now`. Safe to run concurrently and repeatedly: the ledger dedupes. */
export async function planDueReminders(deps: PlanDeps, now: Date): Promise<PlanSummary> {
  const today = localDateOf(now, deps.timeZone);
  await deps.materialise(yearsToMaterialise(today));
  const data = await deps.store.planningData(now, deps.timeZone);
  const plan = planReminders({
    now,
    timeZone: deps.timeZone,
    assignments: data.assignments,
    policies: data.policies,
    holidays: data.holidays,
    planned: data.planned,
    ...(deps.window ? { window: deps.window } : {}),
  });
  const byId = new Map(data.assignments.map((a) => [a.id, a]));

  const unitIds = [...new Set(plan.due.map((d) => byId.get(d.assignmentId)!.unitId))];
  const focal = await deps.store.focalRecipients(unitIds);
  const rows: NewLedgerRow[] = [];
  for (const d of plan.due) {
    const a = byId.get(d.assignmentId)!;
    for (const recipient of focal.get(a.unitId) ?? []) {
      rows.push({
        kind: 'reminder',
        dedupeKey: `r:${a.id}:${d.stage}:${recipient.personId}`,
        assignmentId: a.id,
        dutyId: a.dutyId,
        periodCode: a.periodCode,
        stage: d.stage,
        recipient,
        plannedFor: now,
      });
    }
  }

  // Overdue stages escalate: one digest per manager, duty, period, deadline and stage, listing
  // the units still missing. The deadline is part of the key: one duty may fall due on
  // different days for different unit types (DKTD: 15 Feb, clusters 20 Feb), and each group's
  // stage is its own digest.
  const overdue = plan.due.filter((d) => d.escalate);
  const escalationRows: NewLedgerRow[] = [];
  const digests = new Map<string, NewLedgerRow & { unitIds: number[] }>();
  for (const dutyId of new Set(overdue.map((d) => byId.get(d.assignmentId)!.dutyId))) {
    const ofDuty = overdue.filter((d) => byId.get(d.assignmentId)!.dutyId === dutyId);
    const managers = await deps.store.escalationRecipients(
      [...new Set(ofDuty.map((d) => byId.get(d.assignmentId)!.unitId))],
      dutyId,
    );
    for (const d of ofDuty) {
      const a = byId.get(d.assignmentId)!;
      for (const m of managers.get(a.unitId) ?? []) {
        const key = `e:${a.dutyId}:${a.periodCode}:${a.dueDate}:${d.stage}:${m.personId}`;
        const digest = digests.get(key) ?? {
          kind: 'escalation' as const,
          dedupeKey: key,
          assignmentId: null,
          dutyId: a.dutyId,
          periodCode: a.periodCode,
          stage: d.stage,
          recipient: m,
          plannedFor: now,
          unitIds: [],
        };
        if (!digest.unitIds.includes(a.unitId)) digest.unitIds.push(a.unitId);
        digests.set(key, digest);
      }
    }
  }
  escalationRows.push(...digests.values());

  const created = await deps.store.insert([...rows, ...escalationRows]);
  await deps.store.recordSkipped(
    plan.skipped.map((s) => ({ assignmentId: s.assignmentId, stage: s.stage, reason: s.reason })),
  );

  // Recovery: jobs lost with Redis are re-enqueued (the row id dedupes a job still queued) —
  // inside the sending window only, so a queue lost at night sends nothing before the morning
  // (an answer to a manager's exception request excepted: a person is waiting for it);
  // rows caught mid-send by a crash become uncertain, never re-sent in a loop.
  const inWindow = inSendingWindow(now, deps.timeZone, data.holidays, deps.window);
  const stale = (await deps.store.stalePlanned(deps.requeueAfterMs ?? 120_000, 5_000)).filter(
    (r) => inWindow || r.kind === 'exception',
  );
  const uncertain = await deps.store.resolveStaleSending(deps.uncertainAfterMs ?? 300_000);
  await deps.queue.enqueueDelivery(created.map((r) => ({ id: r.id, channel: r.channel })));
  await deps.queue.enqueueDelivery(
    stale.map((r) => ({ id: r.id, channel: r.channel })),
    { requeue: true },
  );

  return {
    planned: created.filter((r) => r.kind === 'reminder').length,
    skipped: plan.skipped.length,
    escalations: created.filter((r) => r.kind === 'escalation').length,
    requeued: stale.length,
    uncertain,
  };
}

export type DeliveryOutcome = 'sent' | 'not_planned' | 'skipped' | 'recipient_gone' | 'uncertain';

export interface DeliverDeps {
  store: ReminderStore;
  /** Lock exceptions and duty codes (rows of kind `exception` and `digest`). */
  managers?: Pick<ManagerStore, 'exception' | 'dutyCode'>;
  /** Managers' status (rows of kind `digest`). */
  status?: Pick<StatusService, 'forPerson'>;
  submissions: SubmissionStore;
  channels: Pick<ReadonlyMap<ChannelName, Pick<Channel, 'send'>>, 'get'>;
  /** Where notices to managers go (a focal point who blocked the bot). */
  queue?: Pick<ReminderQueue, 'enqueueDelivery'>;
  /** The sending window deliveries put off by quiet hours wait for (default 08:00-17:00). */
  window?: SendingWindow;
  translator: Translator;
  clock: Clock;
  timeZone: string;
  logger: Logger;
}

/**
 * Thrown when the recipient is in their quiet hours: the worker puts the job off until `until`
 * (a delay, never a drop: quiet hours are not an opt-out), the attempt is not counted.
 */
export class DeliveryDeferredError extends Error {
  constructor(
    readonly until: Date,
    /** From now by the service's clock (which `APP_NOW` may shift from the real one). */
    readonly delayMs: number,
  ) {
    super(`recipient in quiet hours until ${until.toISOString()}`);
  }
}

/** Thrown when the platform asked to wait: the worker rate-limits the queue, the attempt is not counted. */
export class DeliveryRateLimitedError extends Error {
  constructor(readonly retryAfterSec: number) {
    super(`rate limited for ${retryAfterSec}s`);
  }
}

/**
 * Sends one ledger row. Claims it first (planned → sending); a row not planned (already sent,
 * being sent, skipped) is left alone — except that a `resumed` job (its previous worker died)
 * finding its row `sending` marks it `uncertain`. A reminder whose assignment was completed meanwhile is
 * skipped. Errors: rate limit → row back to planned, DeliveryRateLimitedError; recipient gone →
 * failed, the identity marked blocked and the unit's managers told; a failure after which the
 * message may have arrived (a timeout or reset after the request left, a long text cut off
 * after its first pieces) → uncertain, never sent again; anything else → row back to planned
 * and rethrown for the worker's retry (the worker marks it failed after the last attempt).
 */
export async function deliverReminder(
  deps: DeliverDeps,
  ledgerId: number,
  opts: { resumed?: boolean } = {},
): Promise<DeliveryOutcome> {
  const row = await deps.store.claim(ledgerId);
  if (!row) {
    // A job resumed after its worker died finds its row still `sending`: the platform may or
    // may not have the message. Never send it again; count it as uncertain.
    if (opts.resumed && (await deps.store.markUncertain(ledgerId))) return 'uncertain';
    return 'not_planned';
  }
  const now = deps.clock.now();
  const quietEnd = quietEndsAt(now, deps.timeZone, row.quiet);
  if (quietEnd) {
    // After the quiet hours, and inside the sending window: quiet 16:30-06:30 must not turn a
    // Friday-afternoon reminder into a Saturday-morning one. A manager's answer to an exception
    // request waits only for the quiet hours (a person is waiting for it).
    const until =
      row.kind === 'exception'
        ? quietEnd
        : nextWindowOpening(quietEnd, deps.timeZone, await deps.store.holidays(), deps.window);
    // The ledger's timestamps are real time (see stalePlanned): the same delay from the real now.
    const delayMs = Math.max(0, until.getTime() - now.getTime());
    await deps.store.release(row.id, null, true, new Date(Date.now() + delayMs));
    throw new DeliveryDeferredError(until, delayMs);
  }
  let message: OutgoingMessage | null;
  try {
    message = await render(deps, row, row.locale);
  } catch (err) {
    await deps.store.release(row.id, errorText(err), false);
    throw err;
  }
  if (!message) {
    await deps.store.markSkipped(row.id, 'submitted before sending');
    return 'skipped';
  }
  const channel = deps.channels.get(row.channel);
  if (!channel) {
    await deps.store.release(row.id, `channel ${row.channel} is not configured here`, false);
    throw new Error(`channel ${row.channel} is not configured`);
  }
  let messageId: string;
  try {
    ({ messageId } = await channel.send(row.chatId, message));
  } catch (err) {
    if (err instanceof RateLimitedError) {
      await deps.store.release(row.id, 'rate limited', true);
      throw new DeliveryRateLimitedError(err.retryAfterSec);
    }
    if (err instanceof RecipientGoneError) {
      await deps.store.markRecipientGone(row);
      const told = await reportRecipientGone(deps, row).catch((e: unknown) => {
        deps.logger.error(
          { ledgerId: row.id, err: errorText(e) },
          'could not tell managers of a blocked recipient',
        );
        return 0;
      });
      deps.logger.warn(
        { ledgerId: row.id, channel: row.channel, managersTold: told },
        'recipient gone: marked, not retried',
      );
      return 'recipient_gone';
    }
    if (err instanceof PartlySentError || (err instanceof ChannelNetworkError && err.maybeDelivered)) {
      // Neither Telegram nor Zalo has an idempotency key: sending again could deliver it twice.
      await deps.store.markUncertain(row.id, `may have been delivered: ${errorText(err)}`);
      deps.logger.warn(
        { ledgerId: row.id, channel: row.channel },
        'send failed after it may have arrived: uncertain',
      );
      return 'uncertain';
    }
    await deps.store.release(row.id, errorText(err), false);
    throw err;
  }
  // The platform has the message: from here on the row must never go back to planned, or it
  // would be sent twice. Marking is retried; a row that still cannot be marked stays `sending`
  // and the recovery pass resolves it as uncertain.
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.store.markSent(row.id, messageId, deps.clock.now());
      return 'sent';
    } catch (err) {
      if (attempt >= 3) {
        deps.logger.error({ ledgerId: row.id, err: errorText(err) }, 'sent but not marked: left sending');
        return 'uncertain';
      }
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

/**
 * A focal point's reminder could not reach them (they blocked the bot, the chat is gone): the
 * unit's managers in scope hear it once a day per person and channel, with whether the person
 * can still be reached elsewhere. Returns how many notices were queued.
 */
async function reportRecipientGone(deps: DeliverDeps, row: LedgerRow & { view?: ReminderView | null }) {
  if (row.kind !== 'reminder' && row.kind !== 'nudge') return 0;
  if (row.assignmentId === null || row.dutyId === null) return 0;
  const view = row.view ?? (await deps.store.reminderView(row.assignmentId));
  if (!view) return 0;
  // The unit's managers only: the focal points of the cluster's lead units cannot act on it.
  const managers =
    (await deps.store.escalationRecipients([view.unitId], row.dutyId, { clusterLeads: false })).get(
      view.unitId,
    ) ?? [];
  const now = deps.clock.now();
  const day = localDateOf(now, deps.timeZone);
  const created = await deps.store.insert(
    managers
      .filter((m) => m.personId !== row.recipientId)
      .map((recipient) => ({
        kind: 'recipient_gone' as const,
        dedupeKey: `g:${row.recipientId}:${row.channel}:${day}:${recipient.personId}`,
        assignmentId: null,
        dutyId: row.dutyId,
        periodCode: row.periodCode,
        stage: `gone-${row.recipientId}-${row.channel}`,
        recipient,
        plannedFor: now,
        unitIds: [view.unitId],
      })),
  );
  await deps.queue?.enqueueDelivery(created.map((r) => ({ id: r.id, channel: r.channel })));
  return created.length;
}

const CHANNEL_LABEL: Record<ChannelName, string> = { telegram: 'Telegram', zalo: 'Zalo', web: 'web' };

async function renderRecipientGone(
  deps: DeliverDeps,
  row: LedgerRow,
  l: Locale,
): Promise<OutgoingMessage | null> {
  const m = /^gone-(\d+)-(telegram|zalo|web)$/.exec(row.stage);
  const unitId = row.unitIds[0];
  if (!m || unitId === undefined) return null;
  const notice = await deps.store.goneNotice(Number(m[1]), unitId);
  // Reached on that channel again (they wrote to the bot since): nothing to report any more.
  if (!notice || notice.reachedOn === m[2]) return null;
  const t = (id: string, args?: Record<string, string | number>) => deps.translator.t(l, id, args);
  const args = {
    person: notice.personName,
    unit: notice.unitName,
    channel: CHANNEL_LABEL[m[2] as ChannelName],
  };
  return {
    text: [
      t('recipient-gone-notice', args),
      notice.reachedOn
        ? t('recipient-gone-elsewhere', { ...args, other: CHANNEL_LABEL[notice.reachedOn] })
        : t('recipient-gone-how', args),
    ].join('\n'),
  };
}

function errorText(err: unknown): string {
  return (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 300);
}

const fmtDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

/**
 * Lines shared by many reminders of a fan-out (what is missing and how to answer; how the peers
 * stand), formatted once per translator and key instead of once per message. Bounded.
 */
const sharedLines = new WeakMap<Translator, Map<string, string>>();
function sharedLine(deps: DeliverDeps, key: string, format: () => string): string {
  let lines = sharedLines.get(deps.translator);
  if (!lines) {
    lines = new Map();
    sharedLines.set(deps.translator, lines);
  }
  let line = lines.get(key);
  if (line === undefined) {
    if (lines.size >= 2_000) lines.clear();
    line = format();
    lines.set(key, line);
  }
  return line;
}

/** The text of a ledger row in the person's language; null when there is nothing left to ask. */
async function render(
  deps: DeliverDeps,
  row: LedgerRow & { view?: ReminderView | null },
  l: Locale,
): Promise<OutgoingMessage | null> {
  const t = (id: string, args?: Record<string, string | number>) => deps.translator.t(l, id, args);
  const today = localDateOf(deps.clock.now(), deps.timeZone);
  if (row.kind === 'exception') return renderException(deps, row, l);
  if (row.kind === 'recipient_gone') return renderRecipientGone(deps, row, l);
  if (row.kind === 'digest') {
    if (!deps.status || !deps.managers || row.dutyId === null || row.periodCode === null) return null;
    const dutyCode = await deps.managers.dutyCode(row.dutyId);
    if (!dutyCode) return null;
    const r = await deps.status.forPerson(row.recipientId, { dutyCode, periodCode: row.periodCode });
    if (!r.ok) return null;
    const first = statusPages(r.report, l, t, r.scope.kind === 'all', deps.timeZone)[0] ?? '';
    return { text: [t('digest-title'), first, t('digest-more')].join('\n') };
  }
  if (row.kind === 'escalation') {
    if (row.dutyId === null || row.periodCode === null) return null;
    const missing = await deps.store.stillMissing(row.dutyId, row.periodCode, row.unitIds);
    if (missing.length === 0) return null;
    const info = await deps.store.dutyInfo(row.dutyId, row.periodCode);
    const shown = missing.slice(0, 40);
    // The digest's units share one deadline (it is part of the row's key).
    const due = missing[0]?.dueDate ?? info?.dueDate;
    const lines = [
      t('escalation-title', {
        duty: l === 'vi' ? (info?.nameVi ?? '') : (info?.nameEn ?? ''),
        period: row.periodCode,
        due: due ? fmtDate(due) : '?',
      }),
      ...shown.map((u) =>
        t('escalation-line', { unit: u.name, cluster: u.cluster ? ` (${u.cluster})` : '' }),
      ),
    ];
    if (missing.length > shown.length)
      lines.push(t('escalation-more', { count: missing.length - shown.length }));
    if (info) lines.push(t('escalation-summary', { done: info.done, total: info.total }));
    return { text: lines.join('\n') };
  }
  if (row.assignmentId === null) return null;
  const a = row.view ?? (await deps.store.reminderView(row.assignmentId));
  if (!a || a.complete) return null;
  const duty = l === 'vi' ? a.dutyNameVi : a.dutyNameEn;
  const due = a.dueDate ?? today;
  const days = daysBetween(today, due);
  const args = { duty, period: a.periodCode, unit: a.unitName, due: fmtDate(due) };
  const head =
    days > 0
      ? t('reminder-before', { ...args, days })
      : days === 0
        ? t('reminder-today', args)
        : t('reminder-overdue', { ...args, days: -days });
  const lines = [head];
  if (row.kind === 'nudge') lines.push(t('reminder-manual'));
  if (a.missing.length > 0) {
    const missing = a.missing;
    lines.push(
      // The whole indicator specs are the key: an edited label or synonym gives a new line.
      sharedLine(deps, `missing|${l}|${JSON.stringify(missing)}`, () =>
        [
          t('reminder-missing', {
            labels: missing.map((i) => (l === 'vi' ? i.labelVi : i.labelEn)).join(', '),
          }),
          t('reminder-how', { example: exampleMessage(l, missing) }),
        ].join('\n'),
      ),
    );
  } else if (!a.documentSent) {
    lines.push(t('reminder-document'));
  }
  const peers = await deps.store.peerStats({
    dutyId: a.dutyId,
    periodCode: a.periodCode,
    typeCode: a.typeCode,
    clusterId: a.clusterId,
  });
  if (peers.total > 1) {
    const key = `peers|${l}|${peers.done}|${peers.total}|${peers.pluralVi}|${peers.pluralEn}|${peers.clusterLeft}`;
    lines.push(
      sharedLine(deps, key, () => {
        let line = t('reminder-peers', {
          done: peers.done,
          total: peers.total,
          type: l === 'vi' ? peers.pluralVi : peers.pluralEn,
        });
        if (peers.clusterLeft !== null && peers.clusterLeft > 0)
          line += ` ${t('reminder-cluster', { left: peers.clusterLeft })}`;
        return line;
      }),
    );
  }
  return { text: lines.join('\n') };
}

/**
 * A lock-exception row: the request as its managers see it (with Allow / Refuse buttons that
 * act statelessly, checked against the presser's scope), or the decision as the focal point
 * hears it. A request decided before its row is sent is skipped.
 */
async function renderException(
  deps: DeliverDeps,
  row: LedgerRow,
  l: Locale,
): Promise<OutgoingMessage | null> {
  const t = (id: string, args?: Record<string, string | number>) => deps.translator.t(l, id, args);
  const m = /^(exception|decision)-(\d+)$/.exec(row.stage);
  if (!m || !deps.managers) return null;
  const ex = await deps.managers.exception(Number(m[2]));
  if (!ex) return null;
  const args = {
    unit: ex.unit.name,
    duty: l === 'vi' ? ex.dutyNameVi : ex.dutyNameEn,
    period: ex.periodCode,
    person: ex.requestedByName,
    reason: ex.reason ?? t('exception-no-reason'),
    id: ex.id,
  };
  if (m[1] === 'exception') {
    if (ex.status !== 'pending') return null;
    return {
      text: [t('exception-request', args), t('exception-request-how', args)].join('\n'),
      buttons: [
        [
          { label: t('btn-allow'), data: `x|allow|${ex.id}` },
          { label: t('btn-refuse'), data: `x|refuse|${ex.id}` },
        ],
      ],
    };
  }
  if (ex.status === 'allowed') {
    const until = ex.openUntil
      ? new Intl.DateTimeFormat(l === 'vi' ? 'vi-VN' : 'en-GB', {
          timeZone: deps.timeZone,
          dateStyle: 'short',
          timeStyle: 'short',
        }).format(ex.openUntil)
      : '';
    return { text: t('exception-allowed', { ...args, until }) };
  }
  if (ex.status === 'refused') return { text: t('exception-refused', args) };
  return null;
}
