/**
 * A unit's page for one duty and period: where it stands, the nudge, every figure with its
 * revisions (who, when, channel, old → new, reason, the message as sent), the reminders it was
 * sent, its focal points and handovers, and the requests to edit after the lock.
 */
import { parseStageLabel } from '../../domain/reminder-stages.js';
import { formatDate, formatReport, formatValue } from '../../messages/format.js';
import { unitStateText } from '../../messages/status-view.js';
import type { UnitLedgerLine } from '../../ports/manager-store.js';
import { html, type SafeHtml } from '../html.js';
import {
  DASHBOARD_PATH,
  type ExceptionLine,
  type FigureLine,
  type FocalPointLine,
  type PageContext,
  type RevisionLine,
  type UnitPageData,
} from '../model.js';
import {
  channelName,
  csrfInput,
  dayOf,
  label,
  nothing,
  page,
  targetVerdict,
  unitTarget,
  when,
} from './layout.js';

function reportTitle(ctx: PageContext, data: UnitPageData): string {
  return formatReport(ctx.locale === 'vi' ? data.dutyNameVi : data.dutyNameEn, data.periodCode, ctx.t);
}

/** The unit's page. */
export function renderUnitPage(ctx: PageContext, data: UnitPageData): string {
  const u = data.unit;
  const body = html`<p class="back"><a href="${data.overviewUrl}">${ctx.t('dash-back-overview')}</a></p>
<h1>${u.name} <span class="code">${u.code}</span></h1>
<p class="subtitle">${reportTitle(ctx, data)}</p>
${facts(ctx, data)}
${nudge(ctx, data)}
${figures(ctx, data)}
${revisions(ctx, data)}
${ledger(ctx, data)}
${focalPoints(ctx, data.focalPoints)}
${exceptions(ctx, data)}
<p class="back"><a href="${data.overviewUrl}">${ctx.t('dash-back-overview')}</a></p>`;
  return page(ctx, u.name, body);
}

/** Who the unit is and where its report stands. */
function facts(ctx: PageContext, data: UnitPageData): SafeHtml {
  const u = data.unit;
  const s = data.status;
  const labels = new Map(data.indicators.map((i) => [i.code, label(ctx, i)]));
  const row = (term: string, value: string | SafeHtml) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
  return html`<dl class="facts">
  ${row(ctx.t('dash-unit-type'), ctx.locale === 'vi' ? u.typeNameVi : u.typeNameEn)}
  ${row(ctx.t('dash-unit-clusters'), u.clusters.length > 0 ? u.clusters.join(', ') : ctx.t('status-no-cluster'))}
  ${row(
    ctx.t('dash-col-state'),
    s
      ? html`<span class="state state-${s.state}">${unitStateText(s, labels, ctx.t)}</span>`
      : ctx.t('dash-no-assignment'),
  )}
  ${s && row(ctx.t('dash-col-submitted'), s.submittedAt ? when(ctx, new Date(s.submittedAt)) : nothing(ctx))}
  ${row(ctx.t('dash-col-due'), s?.dueDate ? formatDate(s.dueDate) : nothing(ctx))}
  ${row(
    ctx.t('dash-unit-lock'),
    html`${ctx.t(data.locked ? 'dash-unit-locked' : 'dash-unit-open')}${
      data.openUntil &&
      html` <span class="open-until">${ctx.t('dash-open-until', { until: when(ctx, data.openUntil) })}</span>`
    }`,
  )}
  ${row(
    ctx.t('dash-col-document'),
    html`${
      data.documentSentAt
        ? ctx.t('dash-document-sent-at', { at: when(ctx, data.documentSentAt) })
        : ctx.t('dash-document-not-sent')
    }${data.documentRef && html` <span class="doc-ref">${ctx.t('dash-document-ref', { ref: data.documentRef })}</span>`}`,
  )}
</dl>`;
}

/** The nudge: a POST form, or why the unit cannot be nudged now. */
function nudge(ctx: PageContext, data: UnitPageData): SafeHtml {
  return html`<section class="nudge" aria-labelledby="nudge-title">
  <h2 id="nudge-title">${ctx.t('dash-nudge-title')}</h2>
  <form method="post" action="${DASHBOARD_PATH}/units/${data.unit.id}/nudge">
    ${csrfInput(ctx)}
    <input type="hidden" name="duty" value="${data.dutyCode}">
    <input type="hidden" name="period" value="${data.periodCode}">
    <button type="submit"${data.canNudge ? '' : html` disabled aria-describedby="nudge-why"`}>${ctx.t('dash-nudge')}</button>
    <p id="nudge-why" class="hint">${ctx.t(data.canNudge ? 'dash-nudge-how' : 'dash-nudge-unavailable')}</p>
  </form>
</section>`;
}

/** A stored value as people read it: the number in its kind, a text, "no figure" or not given. */
function figureValue(
  ctx: PageContext,
  f: Pick<FigureLine, 'kind' | 'value' | 'textValue' | 'stored'>,
): string {
  if (!f.stored) return ctx.t('dash-value-missing');
  if (f.value !== null) return formatValue(f.value, f.kind, ctx.locale);
  if (f.textValue !== null) return f.textValue;
  return ctx.t('dash-value-declared-none');
}

/** Each indicator: its value now against the unit's target, and how often it was changed. */
function figures(ctx: PageContext, data: UnitPageData): SafeHtml {
  const s = data.status;
  const rows = data.figures.map((f) => {
    const indicator = data.indicators.find((i) => i.code === f.code);
    const target = s && indicator ? unitTarget(ctx, indicator, s) : null;
    const v = f.stored && f.value !== null ? targetVerdict(ctx, s?.targetStatus[f.code], target) : null;
    return html`<tr>
  <th scope="row">${label(ctx, f)}</th>
  <td class="ind ${v?.cls ?? 'no-value'}"${v && html` title="${v.text}"`}>${
    v?.mark && html`<span class="mark" aria-hidden="true">${v.mark}</span> `
  }${figureValue(ctx, f)}${v && html`<span class="sr-only"> — ${v.text}</span>`}</td>
  <td>${target ?? nothing(ctx)}</td>
  <td>${f.revisions.length > 0 ? html`<a href="#rev-${f.code}">${ctx.t('dash-revision-count', { count: f.revisions.length })}</a>` : nothing(ctx)}</td>
</tr>`;
  });
  return html`<section aria-labelledby="figures-title">
  <h2 id="figures-title">${ctx.t('dash-figures-title')}</h2>
  ${
    data.figures.length === 0
      ? html`<p class="empty">${ctx.t('dash-figures-none')}</p>`
      : html`<div class="table-wrap" role="region" aria-labelledby="figures-caption" tabindex="0"><table>
    <caption id="figures-caption">${ctx.t('dash-figures-caption')}</caption>
    <thead><tr><th scope="col">${ctx.t('dash-col-indicator')}</th><th scope="col">${ctx.t(
      'dash-col-value',
    )}</th><th scope="col">${ctx.t('dash-col-target')}</th><th scope="col">${ctx.t('dash-col-revisions')}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`
  }
</section>`;
}

/** A revision's value (old or new) in words. */
function revisionValue(ctx: PageContext, f: FigureLine, value: number | null, text: string | null): SafeHtml {
  if (value !== null) return html`${formatValue(value, f.kind, ctx.locale)}`;
  if (text !== null) return html`${text}`;
  return html`<span class="muted">${ctx.t('dash-value-empty')}</span>`;
}

/** Every change of every value, newest first, grouped by indicator. */
function revisions(ctx: PageContext, data: UnitPageData): SafeHtml {
  const changed = data.figures.filter((f) => f.revisions.length > 0);
  const row = (
    f: FigureLine,
    r: RevisionLine,
    first: boolean,
  ) => html`<tr${first ? html` id="rev-${f.code}"` : ''}>
  <th scope="row">${label(ctx, f)}</th>
  <td>${when(ctx, r.at)}</td>
  <td>${r.personName}</td>
  <td>${channelName(ctx, r.channel)}</td>
  <td class="change"><span class="old">${revisionValue(ctx, f, r.oldValue, r.oldText)}</span> <span aria-hidden="true">→</span><span class="sr-only">${ctx.t(
    'dash-changed-to',
  )}</span> <span class="new">${revisionValue(ctx, f, r.newValue, r.newText)}</span></td>
  <td>${r.reason ?? html`<span class="muted">${ctx.t('exception-no-reason')}</span>`}</td>
  <td><blockquote class="raw">${r.rawMessage}</blockquote></td>
</tr>`;
  return html`<section aria-labelledby="revisions-title">
  <h2 id="revisions-title">${ctx.t('dash-revisions-title')}</h2>
  ${
    changed.length === 0
      ? html`<p class="empty">${ctx.t('dash-revisions-none')}</p>`
      : html`<div class="table-wrap" role="region" aria-labelledby="revisions-caption" tabindex="0"><table>
    <caption id="revisions-caption">${ctx.t('dash-revisions-caption')}</caption>
    <thead><tr><th scope="col">${ctx.t('dash-col-indicator')}</th><th scope="col">${ctx.t(
      'dash-col-when',
    )}</th><th scope="col">${ctx.t('dash-col-person')}</th><th scope="col">${ctx.t(
      'dash-col-channel',
    )}</th><th scope="col">${ctx.t('dash-col-change')}</th><th scope="col">${ctx.t(
      'dash-col-reason',
    )}</th><th scope="col">${ctx.t('dash-col-raw')}</th></tr></thead>
    <tbody>${changed.flatMap((f) => f.revisions.map((r, i) => row(f, r, i === 0)))}</tbody>
  </table></div>`
  }
</section>`;
}

/** A ledger stage in words: days before or after the deadline, a digest's deadline. */
function stageText(ctx: PageContext, stage: string): SafeHtml | string {
  if (stage.startsWith('nudge-')) return nothing(ctx);
  const due = /-due-(\d{4}-\d{2}-\d{2})$/.exec(stage)?.[1];
  if (due) return ctx.t('dash-stage-due', { date: formatDate(due) });
  const offset = parseStageLabel(stage);
  if (offset === null) {
    // Exception requests, their decisions, blocked-bot notices: the row's kind says what it was.
    if (/^(exception|decision)-\d+/.test(stage))
      return ctx.t('dash-stage-request', { id: stage.split('-')[1]! });
    return nothing(ctx);
  }
  if (offset === 0) return ctx.t('dash-stage-on-due');
  return ctx.t(offset < 0 ? 'dash-stage-before' : 'dash-stage-after', { days: Math.abs(offset) });
}

/** The reminders, nudges and digests about the unit, newest first. */
function ledger(ctx: PageContext, data: UnitPageData): SafeHtml {
  const report = (x: UnitLedgerLine) =>
    x.dutyNameVi !== null && x.dutyNameEn !== null && x.periodCode
      ? formatReport(ctx.locale === 'vi' ? x.dutyNameVi : x.dutyNameEn, x.periodCode, ctx.t)
      : nothing(ctx);
  const rows = data.ledger.map(
    (x) => html`<tr>
  <td>${when(ctx, x.plannedFor)}</td>
  <td>${x.sentAt ? when(ctx, x.sentAt) : nothing(ctx)}</td>
  <td>${ctx.t(`ledger-kind-${x.kind}`)}</td>
  <td>${report(x)}</td>
  <td>${stageText(ctx, x.stage)}</td>
  <td>${x.recipient}</td>
  <td>${channelName(ctx, x.channel)}</td>
  <td><span class="ledger ledger-${x.status}">${ctx.t(`ledger-status-${x.status}`)}</span></td>
</tr>`,
  );
  return html`<section aria-labelledby="ledger-title">
  <h2 id="ledger-title">${ctx.t('dash-ledger-title')}</h2>
  ${
    data.ledger.length === 0
      ? html`<p class="empty">${ctx.t('dash-ledger-none')}</p>`
      : html`<div class="table-wrap" role="region" aria-labelledby="ledger-caption" tabindex="0"><table>
    <caption id="ledger-caption">${ctx.t('dash-ledger-caption')}</caption>
    <thead><tr><th scope="col">${ctx.t('dash-col-planned')}</th><th scope="col">${ctx.t(
      'dash-col-sent',
    )}</th><th scope="col">${ctx.t('dash-col-kind')}</th><th scope="col">${ctx.t(
      'dash-col-report',
    )}</th><th scope="col">${ctx.t('dash-col-stage')}</th><th scope="col">${ctx.t(
      'dash-col-recipient',
    )}</th><th scope="col">${ctx.t('dash-col-channel')}</th><th scope="col">${ctx.t(
      'dash-col-status',
    )}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`
  }
</section>`;
}

/** The focal points now, then those before (ended by a handover or otherwise). */
function focalPoints(ctx: PageContext, list: FocalPointLine[]): SafeHtml {
  const now = list.filter((p) => p.endedAt === null);
  const past = list.filter((p) => p.endedAt !== null);
  const row = (p: FocalPointLine) => html`<tr>
  <th scope="row">${p.name}</th>
  <td>${dayOf(ctx, p.since)}</td>
  <td>${p.endedAt ? dayOf(ctx, p.endedAt) : ctx.t('dash-focal-current')}</td>
  <td>${
    p.endedAt
      ? ctx.t(p.endReason === 'handover' ? 'dash-focal-end-handover' : 'dash-focal-end-other')
      : p.channel
        ? channelName(ctx, p.channel)
        : ctx.t('dash-focal-unreachable')
  }</td>
</tr>`;
  return html`<section aria-labelledby="focal-title">
  <h2 id="focal-title">${ctx.t('dash-focal-title')}</h2>
  ${
    list.length === 0
      ? html`<p class="empty">${ctx.t('dash-no-focal')}</p>`
      : html`<div class="table-wrap" role="region" aria-labelledby="focal-caption" tabindex="0"><table>
    <caption id="focal-caption">${ctx.t('dash-focal-caption', { now: now.length, past: past.length })}</caption>
    <thead><tr><th scope="col">${ctx.t('dash-col-name')}</th><th scope="col">${ctx.t(
      'dash-col-since',
    )}</th><th scope="col">${ctx.t('dash-col-until')}</th><th scope="col">${ctx.t(
      'dash-col-focal-how',
    )}</th></tr></thead>
    <tbody>${now.map(row)}${past.map(row)}</tbody>
  </table></div>`
  }
</section>`;
}

/** Requests to edit after the lock: each with its decision, or the forms to decide it. */
function exceptions(ctx: PageContext, data: UnitPageData): SafeHtml {
  const status = (x: ExceptionLine) => {
    if (x.status === 'pending') return ctx.t('dash-exception-pending');
    if (x.status === 'refused') return ctx.t('dash-exception-refused');
    return x.openUntil
      ? ctx.t('dash-exception-allowed-until', { until: when(ctx, x.openUntil) })
      : ctx.t('dash-exception-allowed');
  };
  const decide = (x: ExceptionLine, decision: 'allow' | 'refuse') =>
    html`<form method="post" action="${DASHBOARD_PATH}/exceptions/${x.id}">
      ${csrfInput(ctx)}
      <input type="hidden" name="decision" value="${decision}">
      <input type="hidden" name="back" value="${ctx.currentUrl}">
      <button type="submit" class="${decision === 'allow' ? 'primary' : 'secondary'}">${ctx.t(
        decision === 'allow' ? 'dash-exception-allow' : 'dash-exception-refuse',
      )}</button>
    </form>`;
  const item = (x: ExceptionLine) => html`<li class="exception exception-${x.status}">
  <h3>${ctx.t('dash-exception-title', { id: x.id })}</h3>
  <dl class="facts">
    <div><dt>${ctx.t('dash-exception-by')}</dt><dd>${x.requestedBy}</dd></div>
    <div><dt>${ctx.t('dash-col-when')}</dt><dd>${when(ctx, x.createdAt)}</dd></div>
    <div><dt>${ctx.t('dash-col-reason')}</dt><dd>${x.reason ?? ctx.t('exception-no-reason')}</dd></div>
    <div><dt>${ctx.t('dash-col-status')}</dt><dd>${status(x)}</dd></div>
    ${
      x.decidedBy &&
      html`<div><dt>${ctx.t('dash-exception-decided-by')}</dt><dd>${x.decidedBy}${
        x.decidedAt && html`, ${when(ctx, x.decidedAt)}`
      }</dd></div>`
    }
  </dl>
  ${x.status === 'pending' && html`<div class="decide">${decide(x, 'allow')}${decide(x, 'refuse')}</div>`}
</li>`;
  return html`<section aria-labelledby="exceptions-title">
  <h2 id="exceptions-title">${ctx.t('dash-exceptions-title')}</h2>
  ${
    data.exceptions.length === 0
      ? html`<p class="empty">${ctx.t('dash-exceptions-none')}</p>`
      : html`<ul class="exceptions">${data.exceptions.map(item)}</ul>`
  }
</section>`;
}
