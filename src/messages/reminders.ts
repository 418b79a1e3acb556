/**
 * What the reminder pipeline says: a focal point's reminder (or a manager's nudge), an
 * escalation digest, the weekly digest, a lock exception's request and decision, and the notice
 * that a focal point can no longer be reached. Words come from `locales/` (reminders.ftl and
 * managers.ftl); these functions only choose the messages and fill them in.
 */
import { daysBetween, type IsoDate } from '../domain/calendar.js';
import type { StatusReport } from '../domain/status.js';
import type { ChannelName, OutgoingMessage } from '../ports/channel.js';
import type { ExceptionView } from '../ports/manager-store.js';
import type { GoneNotice } from '../ports/reminder-recipients.js';
import type { DutyProgress, MissingUnit, PeerStats, ReminderView } from '../ports/reminder-views.js';
import type { Locale, Translator } from '../ports/translator.js';
import { exampleMessage } from './examples.js';
import { compareNames, formatDate, formatDateTime, formatReport, type Translate } from './format.js';
import { indicatorLabels, statusPages, unitStateText } from './status-view.js';

const bind =
  (translator: Translator, l: Locale): Translate =>
  (id, args) =>
    translator.t(l, id, args);

/** How a channel is named in a notice. */
const CHANNEL_LABEL: Record<ChannelName, string> = { telegram: 'Telegram', zalo: 'Zalo', web: 'web' };

/** Units an escalation digest lists by name; the rest are counted. */
const ESCALATION_LISTED_UNITS = 40;

/** Units a weekly digest names; the rest are counted (`/tinhhinh` names more). */
const DIGEST_LISTED_UNITS = 15;

/**
 * Lines shared by many reminders of a fan-out (what is missing and how to answer; how the peers
 * stand), formatted once per translator and key instead of once per message. Bounded.
 */
const sharedLines = new WeakMap<Translator, Map<string, string>>();
function sharedLine(translator: Translator, key: string, format: () => string): string {
  let lines = sharedLines.get(translator);
  if (!lines) {
    lines = new Map();
    sharedLines.set(translator, lines);
  }
  let line = lines.get(key);
  if (line === undefined) {
    if (lines.size >= 2_000) lines.clear();
    line = format();
    lines.set(key, line);
  }
  return line;
}

/**
 * A reminder about an assignment not yet complete, on `today`: how far the deadline is, that a
 * manager asked for it (`nudge`), what is still missing and how to send it (or that the signed
 * document is), and how the unit's peers stand. The example of what to send is also the
 * message's `inputHint`.
 */
export function reminderMessage(
  translator: Translator,
  l: Locale,
  input: { view: ReminderView; peers: PeerStats; nudge: boolean; today: IsoDate },
): OutgoingMessage {
  const t = bind(translator, l);
  const { view: a, peers, today } = input;
  const duty = l === 'vi' ? a.dutyNameVi : a.dutyNameEn;
  const due = a.dueDate ?? today;
  const days = daysBetween(today, due);
  const args = { report: formatReport(duty, a.periodCode, t), unit: a.unitName, due: formatDate(due) };
  const head =
    days > 0
      ? t('reminder-before', { ...args, days })
      : days === 0
        ? t('reminder-today', args)
        : t('reminder-overdue', { ...args, days: -days });
  const lines = [head];
  let inputHint: string | undefined;
  if (input.nudge) lines.push(t('reminder-manual'));
  if (a.missing.length > 0) {
    const missing = a.missing;
    // The whole indicator specs (targets included) are the key: an edited label, synonym or
    // target gives a new line. The example's values keep within the unit's targets.
    const key = `${l}|${JSON.stringify(missing)}`;
    const example = sharedLine(translator, `example|${key}`, () => exampleMessage(translator, l, missing));
    inputHint = example;
    lines.push(
      sharedLine(translator, `missing|${key}`, () =>
        [
          t('reminder-missing', {
            labels: missing.map((i) => (l === 'vi' ? i.labelVi : i.labelEn)).join(', '),
          }),
          t('reminder-how', { example }),
        ].join('\n'),
      ),
    );
  } else if (!a.documentSent) {
    lines.push(t('reminder-document'));
  }
  if (peers.total > 1) {
    const key = `peers|${l}|${peers.done}|${peers.total}|${peers.pluralVi}|${peers.pluralEn}|${peers.clusterLeft}`;
    lines.push(
      sharedLine(translator, key, () => {
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
  // The example doubles as what to type next, where a channel has an input box (the web chat).
  return inputHint === undefined ? { text: lines.join('\n') } : { text: lines.join('\n'), inputHint };
}

/**
 * An escalation digest: the units (at least one) still not complete on a duty and period past
 * their shared deadline, in Vietnamese order, the first forty by name — a unit that sent part
 * of it with what it still owes — and how the digest's own group stands (`group`: the
 * recipient's units of that deadline; without it, no count is given rather than a wrong one).
 */
export function escalationMessage(
  translator: Translator,
  l: Locale,
  input: {
    periodCode: string;
    missing: readonly MissingUnit[];
    info: DutyProgress | null;
    group?: StatusReport | null;
  },
): OutgoingMessage {
  const t = bind(translator, l);
  const { missing, info, group } = input;
  const shown = [...missing].sort((a, b) => compareNames(a.name, b.name)).slice(0, ESCALATION_LISTED_UNITS);
  const inGroup = new Map(group?.units.map((u) => [u.unitId, u]) ?? []);
  const labels = group ? indicatorLabels(group, l) : new Map<string, string>();
  // The digest's units share one deadline (it is part of the row's key).
  const due = missing[0]?.dueDate ?? info?.dueDate;
  const lines = [
    t('escalation-title', {
      report: formatReport(l === 'vi' ? (info?.nameVi ?? '') : (info?.nameEn ?? ''), input.periodCode, t),
      due: due ? formatDate(due) : '?',
    }),
    ...shown.map((u) => {
      const args = { unit: u.name, cluster: u.cluster ? ` (${u.cluster})` : '' };
      const status = inGroup.get(u.id);
      return status?.state === 'partial'
        ? t('escalation-line-state', { ...args, state: unitStateText(status, labels, t) })
        : t('escalation-line', args);
    }),
  ];
  if (missing.length > shown.length)
    lines.push(t('escalation-more', { count: missing.length - shown.length }));
  if (group) {
    const done = group.totals.on_time + group.totals.late;
    lines.push(t('escalation-summary', { done, total: group.total, partial: group.totals.partial }));
  } else {
    lines.push(t('escalation-details'));
  }
  return { text: lines.join('\n') };
}

/**
 * The weekly digest: the first page of the manager's status report over the units of the
 * coming deadline `due` (the report given is already narrowed to them), between a title and a
 * hint; at most fifteen units named.
 */
export function digestMessage(
  translator: Translator,
  l: Locale,
  input: { report: StatusReport; due: string; timeZone: string },
): OutgoingMessage {
  const t = bind(translator, l);
  const first = statusPages(input.report, l, t, false, input.timeZone, { maxUnits: DIGEST_LISTED_UNITS })[0];
  return {
    text: [t('digest-title', { due: formatDate(input.due) }), first ?? '', t('digest-more')].join('\n'),
  };
}

function exceptionArgs(t: Translate, l: Locale, ex: ExceptionView) {
  return {
    unit: ex.unit.name,
    report: formatReport(l === 'vi' ? ex.dutyNameVi : ex.dutyNameEn, ex.periodCode, t),
    person: ex.requestedByName,
    reason: ex.reason ?? t('exception-no-reason'),
    id: ex.id,
  };
}

/**
 * A focal point's request for an exception to a lock as its managers see it, with Allow and
 * Refuse buttons (`x|allow|<id>`, `x|refuse|<id>`) that act statelessly.
 */
export function exceptionRequestMessage(
  translator: Translator,
  l: Locale,
  ex: ExceptionView,
): OutgoingMessage {
  const t = bind(translator, l);
  const args = exceptionArgs(t, l, ex);
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

/** A decided exception as the focal point hears it (allowed until when, or refused); null while pending. */
export function exceptionDecisionMessage(
  translator: Translator,
  l: Locale,
  ex: ExceptionView,
  timeZone: string,
): OutgoingMessage | null {
  const t = bind(translator, l);
  const args = exceptionArgs(t, l, ex);
  if (ex.status === 'allowed') {
    const until = ex.openUntil ? formatDateTime(ex.openUntil, timeZone, t) : '';
    return { text: t('exception-allowed', { ...args, until }) };
  }
  if (ex.status === 'refused') return { text: t('exception-refused', args) };
  return null;
}

/**
 * A notice to a unit's managers that its focal point cannot be reached on `channel` any more,
 * with the channel they can still be reached on, or how to bring them back.
 */
export function recipientGoneMessage(
  translator: Translator,
  l: Locale,
  notice: GoneNotice,
  channel: ChannelName,
): OutgoingMessage {
  const t = bind(translator, l);
  const args = { person: notice.personName, unit: notice.unitName, channel: CHANNEL_LABEL[channel] };
  return {
    text: [
      t('recipient-gone-notice', args),
      notice.reachedOn
        ? t('recipient-gone-elsewhere', { ...args, other: CHANNEL_LABEL[notice.reachedOn] })
        : t('recipient-gone-how', args),
    ].join('\n'),
  };
}
