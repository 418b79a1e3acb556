/**
 * The overview of one duty and period: counts by state, the units in their groups with their
 * figures against targets, filters, sortable columns, the chart, the Excel file and the lock.
 * The counts and the table (`renderOverviewFragment`) are what the page's script refetches when
 * a figure is stored.
 */
import {
  STATUS_STATES,
  type StatusIndicator,
  type StatusState,
  type UnitStatus,
} from '../../domain/status.js';
import {
  compareNames,
  formatDate,
  formatPeriod,
  formatReport,
  formatShare,
  formatValue,
} from '../../messages/format.js';
import { groupHeading, indicatorLabels, unitStateText } from '../../messages/status-view.js';
import { html, type SafeHtml } from '../html.js';
import { DASHBOARD_PATH, type OverviewData, type OverviewFilters, type PageContext } from '../model.js';
import { NO_CLUSTER, type OverviewRows, overviewRows } from '../overview-rows.js';
import {
  capitalise,
  csrfInput,
  HOME,
  href,
  label,
  nothing,
  page,
  targetVerdict,
  unitHref,
  unitTarget,
  when,
} from './layout.js';

/** The overview's address with these filters (duty and period always). */
function overviewHref(data: OverviewData, filters: OverviewFilters): string {
  return href(HOME, {
    duty: data.report.dutyCode,
    period: data.report.periodCode,
    cluster: filters.cluster,
    state: filters.state,
    sector: filters.sector,
    q: filters.q,
    sort: filters.sort && filters.sort !== 'name' ? filters.sort : undefined,
    dir: filters.dir === 'desc' ? 'desc' : undefined,
  });
}

function reportTitle(ctx: PageContext, data: OverviewData): string {
  const r = data.report;
  return formatReport(ctx.locale === 'vi' ? r.dutyNameVi : r.dutyNameEn, r.periodCode, ctx.t);
}

/** The whole overview page. */
export function renderOverviewPage(ctx: PageContext, data: OverviewData): string {
  const title = ctx.t('dash-overview-title', { report: reportTitle(ctx, data) });
  const body = html`<h1>${title}</h1>
${reportPicker(ctx, data)}
${filtersForm(ctx, data)}
<p id="dash-live" class="sr-only" aria-live="polite" data-updated="${ctx.t('dash-updated')}"></p>
<div id="overview" data-events="${data.eventsUrl}" data-fragment="${data.fragmentUrl}" data-ended="${ctx.t('dash-stream-ended')}">
${fragment(ctx, data)}
</div>
${actions(ctx, data)}
<figure class="chart">
  <img src="${data.chartUrl}" alt="${ctx.t('dash-chart-alt', { report: reportTitle(ctx, data) })}" loading="lazy">
  <figcaption>${ctx.t('dash-chart-caption')}</figcaption>
</figure>`;
  return page(ctx, title, body);
}

/** The inner HTML of `<div id="overview">`: counts by state and the table. */
export function renderOverviewFragment(ctx: PageContext, data: OverviewData): string {
  return fragment(ctx, data).toString();
}

function fragment(ctx: PageContext, data: OverviewData): SafeHtml {
  const rows = overviewRows(data.report, data.filters, ctx.locale);
  // The time the figures are as of, for the page's footer to follow a live refresh.
  return html`<span hidden data-as-of="${ctx.t('dash-as-of', { at: when(ctx, ctx.now) })}"></span>${counts(ctx, data, rows)}
${rows.count === 0 ? html`<p class="empty">${ctx.t('dash-no-units')}</p>` : table(ctx, data, rows)}`;
}

/** The duty and period on show, as a GET form. */
function reportPicker(ctx: PageContext, data: OverviewData): SafeHtml {
  const r = data.report;
  const duty = data.duties.find((d) => d.code === r.dutyCode);
  const periods = duty?.periods.length ? duty.periods : [r.periodCode];
  return html`<form class="picker" method="get" action="${HOME}" data-autosubmit>
  <div class="field"><label for="pick-duty">${ctx.t('dash-duty')}</label>
    <select id="pick-duty" name="duty">${data.duties.map(
      (d) =>
        html`<option value="${d.code}"${d.code === r.dutyCode ? html` selected` : ''}>${
          ctx.locale === 'vi' ? d.nameVi : d.nameEn
        }</option>`,
    )}</select></div>
  <div class="field"><label for="pick-period">${ctx.t('dash-period')}</label>
    <select id="pick-period" name="period">${periods.map(
      (p) =>
        html`<option value="${p}"${p === r.periodCode ? html` selected` : ''}>${formatPeriodText(ctx, p)}</option>`,
    )}</select></div>
  <button type="submit">${ctx.t('dash-show')}</button>
</form>`;
}

function formatPeriodText(ctx: PageContext, periodCode: string): string {
  // The period alone, capitalised for a list ("6 tháng đầu năm 2027", "Năm 2027").
  return capitalise(formatPeriod(periodCode, ctx.t), ctx.locale);
}

/** Cluster, state, sector and text filters, as a GET form that keeps duty, period and sort. */
function filtersForm(ctx: PageContext, data: OverviewData): SafeHtml {
  const f = data.filters;
  const clusters = new Map<string, string>();
  let noCluster = false;
  for (const u of data.report.units) {
    for (const c of u.clusters) clusters.set(c.code, c.name);
    if (u.clusters.length === 0) noCluster = true;
  }
  const clusterOptions = [...clusters].sort((a, b) => compareNames(a[1], b[1]));
  if (noCluster) clusterOptions.push([NO_CLUSTER, ctx.t('status-no-cluster')]);
  const option = (value: string, text: string, selected: boolean) =>
    html`<option value="${value}"${selected ? html` selected` : ''}>${text}</option>`;
  const any = f.cluster || f.state || f.sector || f.q;
  return html`<form class="filters" method="get" action="${HOME}" data-autosubmit aria-labelledby="filters-title">
  <h2 id="filters-title" class="sr-only">${ctx.t('dash-filters')}</h2>
  <input type="hidden" name="duty" value="${data.report.dutyCode}">
  <input type="hidden" name="period" value="${data.report.periodCode}">
  ${f.sort && f.sort !== 'name' && html`<input type="hidden" name="sort" value="${f.sort}">`}
  ${f.dir === 'desc' && html`<input type="hidden" name="dir" value="desc">`}
  <div class="field"><label for="f-cluster">${ctx.t('dash-filter-cluster')}</label>
    <select id="f-cluster" name="cluster">${option('', ctx.t('dash-all'), !f.cluster)}${clusterOptions.map(
      ([code, name]) => option(code, name, f.cluster === code),
    )}</select></div>
  <div class="field"><label for="f-state">${ctx.t('dash-filter-state')}</label>
    <select id="f-state" name="state">${option('', ctx.t('dash-all'), !f.state)}${STATUS_STATES.map((s) =>
      option(s, ctx.t(`status-state-${s}`), f.state === s),
    )}</select></div>
  <div class="field"><label for="f-sector">${ctx.t('dash-filter-sector')}</label>
    <select id="f-sector" name="sector">${option('', ctx.t('dash-all'), !f.sector)}${data.sectors.map((s) =>
      option(s.code, ctx.locale === 'vi' ? s.nameVi : s.nameEn, f.sector === s.code),
    )}</select></div>
  <div class="field field-q"><label for="f-q">${ctx.t('dash-filter-q')}</label>
    <input id="f-q" name="q" type="search" value="${f.q ?? ''}" autocomplete="off" aria-describedby="f-q-hint">
    <span id="f-q-hint" class="hint">${ctx.t('dash-filter-q-hint')}</span></div>
  <div class="filter-actions">
    <button type="submit">${ctx.t('dash-filter-apply')}</button>
    ${any && html`<a href="${overviewHref(data, { sort: f.sort, dir: f.dir })}">${ctx.t('dash-filter-clear')}</a>`}
  </div>
</form>`;
}

/** The five counts, each a link listing that state (the active one marked), and completion. */
function counts(ctx: PageContext, data: OverviewData, rows: OverviewRows): SafeHtml {
  const f = data.filters;
  const total = STATUS_STATES.reduce((n, s) => n + rows.counts[s], 0);
  const done = rows.counts.on_time + rows.counts.late;
  const link = (state: StatusState) =>
    html`<li><a class="count state-${state}" href="${overviewHref(data, { ...f, state: f.state === state ? undefined : state })}"${
      f.state === state ? html` aria-current="true"` : ''
    }><span class="count-label">${ctx.t(`status-state-${state}`)}</span> <span class="count-num">${rows.counts[state]}</span></a></li>`;
  return html`<section class="counts" aria-labelledby="counts-title">
  <h2 id="counts-title">${ctx.t('dash-counts-title')}</h2>
  <ul class="count-list">
    ${STATUS_STATES.map(link)}
    <li><a class="count state-all" href="${overviewHref(data, { ...f, state: undefined })}"${
      f.state ? '' : html` aria-current="true"`
    }><span class="count-label">${ctx.t('dash-all-units')}</span> <span class="count-num">${total}</span></a></li>
  </ul>
  <p class="completion">${ctx.t('dash-completion', {
    done,
    total,
    percent: formatShare(done, total, ctx.locale),
  })}</p>
</section>`;
}

/** A column the table can be sorted by. */
interface Column {
  key: string;
  text: string;
  cls?: string;
}

/** The table of units: a heading row per group, a row per unit, a column per indicator. */
function table(ctx: PageContext, data: OverviewData, rows: OverviewRows): SafeHtml {
  const indicators = data.indicators;
  const columns: Column[] = [
    { key: 'name', text: ctx.t('dash-col-unit'), cls: 'col-unit' },
    { key: 'state', text: ctx.t('dash-col-state') },
    { key: 'submitted', text: ctx.t('dash-col-submitted') },
    { key: 'due', text: ctx.t('dash-col-due') },
  ];
  const width = columns.length + 2 + indicators.length;
  const sortable = (c: Column) => {
    const active = rows.sort === c.key;
    const dir = active && rows.dir === 'asc' ? 'desc' : 'asc';
    const link = overviewHref(data, { ...data.filters, sort: c.key, dir });
    const aria = active ? html` aria-sort="${rows.dir === 'asc' ? 'ascending' : 'descending'}"` : '';
    const mark = active ? (rows.dir === 'asc' ? '▲' : '▼') : '';
    return html`<th scope="col"${c.cls ? html` class="${c.cls}"` : ''}${aria}><a class="units-sort" href="${link}">${c.text}${
      mark && html`<span class="sort-mark" aria-hidden="true"> ${mark}</span>`
    }</a></th>`;
  };
  const labels = indicatorLabels(data.report, ctx.locale);
  const groups = rows.groups.map(
    (g) =>
      html`<tbody>${
        rows.grouped &&
        html`<tr class="group"><th scope="rowgroup" colspan="${width}">${groupHeading(
          g,
          ctx.locale,
          ctx.t('status-no-cluster'),
        )} <span class="group-count">${ctx.t('dash-group-count', { count: g.units.length })}</span></th></tr>`
      }${g.units.map((u) => unitRow(ctx, data, u, labels))}</tbody>`,
  );
  return html`<div class="table-wrap" role="region" aria-labelledby="units-caption" tabindex="0">
<table class="units">
  <caption id="units-caption">${ctx.t('dash-units-caption', { count: rows.count })} <span class="hint">${ctx.t(
    'dash-units-hint',
  )}</span></caption>
  <thead><tr>${columns.map(sortable)}<th scope="col">${ctx.t('dash-col-focal')}</th><th scope="col">${ctx.t(
    'dash-col-document',
  )}</th>${indicators.map((i) => sortable({ key: `ind:${i.code}`, text: label(ctx, i), cls: 'col-ind' }))}</tr></thead>
  ${groups}
</table>
</div>`;
}

function unitRow(
  ctx: PageContext,
  data: OverviewData,
  u: UnitStatus,
  labels: ReadonlyMap<string, string>,
): SafeHtml {
  const r = data.report;
  const focal = u.focalPoints?.map((p) => p.name) ?? [];
  return html`<tr>
  <th scope="row" class="col-unit"><a href="${unitHref(u.unitId, r.dutyCode, r.periodCode)}">${u.name}</a> <span class="code">${u.code}</span></th>
  <td><span class="state state-${u.state}">${unitStateText(u, labels, ctx.t)}</span>${
    u.locked && !data.locked && html` <span class="locked">${ctx.t('dash-locked-short')}</span>`
  }</td>
  <td>${u.submittedAt ? when(ctx, new Date(u.submittedAt)) : nothing(ctx)}</td>
  <td>${u.dueDate ? formatDate(u.dueDate) : nothing(ctx)}</td>
  <td>${focal.length > 0 ? focal.join(', ') : u.focalPoints ? ctx.t('dash-no-focal') : nothing(ctx)}</td>
  <td>${ctx.t(u.documentSent ? 'dash-document-sent' : 'dash-document-not-sent')}</td>
  ${data.indicators.map((i) => indicatorCell(ctx, i, u))}
</tr>`;
}

/** A unit's value of an indicator, with its verdict against the unit's target. */
function indicatorCell(ctx: PageContext, i: StatusIndicator, u: UnitStatus): SafeHtml {
  const value = u.values[i.code];
  if (value === undefined) {
    const none = u.declaredNone?.includes(i.code);
    return html`<td class="ind no-value">${ctx.t(none ? 'dash-value-declared-none' : 'dash-value-missing')}</td>`;
  }
  const target = unitTarget(ctx, i, u);
  const status = u.targetStatus[i.code];
  // A page has a few verdicts for thousands of cells: each one's markup made once.
  let cells = cellsOf.get(ctx);
  if (!cells) {
    cells = new Map();
    cellsOf.set(ctx, cells);
  }
  const key = `${status}\u0000${target}`;
  let cell = cells.get(key);
  if (!cell) {
    const v = targetVerdict(ctx, status, target);
    cell = {
      open: html`<td class="ind ${v.cls}">`,
      close: html`<span class="sr-only"> — ${v.text}</span></td>`,
    };
    cells.set(key, cell);
  }
  return html`${cell.open}${formatValue(value, i.kind, ctx.locale)}${cell.close}`;
}
const cellsOf = new WeakMap<PageContext, Map<string, { open: SafeHtml; close: SafeHtml }>>();

/** The Excel file, and the lock for those who may set it. */
function actions(ctx: PageContext, data: OverviewData): SafeHtml {
  const r = data.report;
  return html`<section class="report-actions" aria-labelledby="actions-title">
  <h2 id="actions-title">${ctx.t('dash-actions-title')}</h2>
  <ul class="downloads"><li><a href="${data.exportUrl}" download>${ctx.t('dash-export')}</a></li></ul>
  <p class="lock-state">${ctx.t(data.locked ? 'dash-lock-state-locked' : 'dash-lock-state-open')}</p>
  ${
    data.canLock &&
    html`<form class="lock" method="post" action="${DASHBOARD_PATH}/lock">
    ${csrfInput(ctx)}
    <input type="hidden" name="duty" value="${r.dutyCode}">
    <input type="hidden" name="period" value="${r.periodCode}">
    <input type="hidden" name="locked" value="${data.locked ? '0' : '1'}">
    <button type="submit">${ctx.t(data.locked ? 'dash-unlock' : 'dash-lock')}</button>
  </form>`
  }
</section>`;
}
