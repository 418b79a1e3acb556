/** The status report as chat text, paginated. */
import { localDateOf } from '../domain/calendar.js';
import { formatValue } from '../domain/figures/index.js';
import type { IndicatorSummary, StatusReport } from '../domain/status.js';
import type { Locale } from '../ports/translator.js';
import {
  formatDate,
  formatDayMonth,
  formatPeriod,
  formatShare,
  formatTarget,
  type Translate,
} from './format.js';

const PAGE_LINES = 35;

/**
 * The status report as chat messages: totals (and how many are locked) on the first page, then
 * missing units by cluster and late units, 35 lines a page, each later page headed by the title.
 * Read by the `/tinhhinh` flow, the CLI `status` text and the weekly digest (first page only).
 */
export function statusPages(
  report: StatusReport,
  locale: Locale,
  t: (id: string, args?: Record<string, string | number>) => string,
  scopeAll: boolean,
  timeZone: string,
): string[] {
  const head = [
    t('status-title', {
      duty: locale === 'vi' ? report.dutyNameVi : report.dutyNameEn,
      period: formatPeriod(report.periodCode),
      scope: scopeAll ? t('status-scope-all') : t('status-scope-units', { count: report.total }),
    }),
    t('status-totals', {
      onTime: report.totals.on_time,
      late: report.totals.late,
      missing: report.totals.missing,
      pending: report.totals.pending,
      done: report.totals.on_time + report.totals.late,
      total: report.total,
      percent: formatShare(report.totals.on_time + report.totals.late, report.total, locale),
    }),
  ];
  // Locked is a fact of its own, beside on time / late / missing.
  const locked = report.units.filter((u) => u.locked).length;
  if (locked > 0) head.push(t('status-locked', { count: locked, total: report.total }));
  const body: string[] = [];
  if (report.missingByCluster.length > 0) {
    body.push(t('status-missing-title'));
    for (const g of report.missingByCluster) {
      body.push(
        t('status-cluster', { cluster: g.cluster?.name ?? t('status-no-cluster'), count: g.units.length }),
      );
      for (const u of g.units) body.push(t('status-unit-line', { unit: u.name }));
    }
  }
  if (report.late.length > 0) {
    body.push(t('status-late-title'));
    for (const u of report.late) {
      const at = u.submittedAt ? localDateOf(new Date(u.submittedAt), timeZone) : null;
      body.push(t('status-unit-late', { unit: u.name, at: at ? formatDayMonth(at) : '?' }));
    }
  }
  const pages: string[] = [];
  for (let i = 0; i === 0 || i < body.length; i += PAGE_LINES) {
    pages.push([...(i === 0 ? head : [head[0]!]), ...body.slice(i, i + PAGE_LINES)].join('\n'));
  }
  return pages;
}

/** The target shown beside an indicator: its per-unit target if it has one, else its sum. */
function targetShort(
  i: Pick<IndicatorSummary, 'kind' | 'targets'>,
  locale: Locale,
  t: Translate,
): string | null {
  const target = i.targets.find((x) => x.kind !== 'sum') ?? i.targets[0];
  return target ? formatTarget(target, i.kind, locale, t) : null;
}

/** `/chitieu`: each indicator against the year's target. */
export function targetsText(report: StatusReport, locale: Locale, t: Translate): string {
  const lines = [
    t('targets-title', {
      duty: locale === 'vi' ? report.dutyNameVi : report.dutyNameEn,
      period: formatPeriod(report.periodCode),
    }),
  ];
  for (const i of report.indicators) {
    const label = locale === 'vi' ? i.labelVi : i.labelEn;
    if (i.reported === 0) {
      lines.push(t('targets-none', { label }));
      continue;
    }
    const parts = [
      t(i.aggregateKind === 'sum' ? 'targets-sum' : 'targets-mean', {
        value: formatValue(i.aggregate ?? 0, i.kind, locale),
      }),
    ];
    const target = targetShort(i, locale, t);
    if (i.sumTarget) {
      parts.push(
        t(i.sumTarget.status === 'met' ? 'targets-sum-met' : 'targets-sum-not-met', { target: target ?? '' }),
      );
    } else if (i.evaluated > 0) {
      parts.push(t('targets-met', { met: i.met, evaluated: i.evaluated, target: target ?? '' }));
    }
    if (i.best && i.worst && i.reported > 1) {
      parts.push(
        t('targets-best-worst', {
          best: `${i.best.name} ${formatValue(i.best.value, i.kind, locale)}`,
          worst: `${i.worst.name} ${formatValue(i.worst.value, i.kind, locale)}`,
        }),
      );
    }
    lines.push(`• ${label}: ${parts.join(' · ')}`);
    if (i.below.length > 0) {
      const shown = i.below.slice(0, 10).map((b) => `${b.name} (${formatValue(b.value, i.kind, locale)})`);
      lines.push(
        `  ${t('targets-below', { units: shown.join(', ') })}${i.below.length > 10 ? ` ${t('status-more', { count: i.below.length - 10 })}` : ''}`,
      );
    }
  }
  if (report.indicators.length === 0) lines.push(t('targets-no-indicators'));
  return lines.join('\n');
}

/** `/tonghop`: a drafted paragraph for the consolidated report; every number comes from the report. */
export function summaryParagraph(report: StatusReport, locale: Locale, t: Translate, today: string): string {
  const done = report.totals.on_time + report.totals.late;
  const plural = report.unitsPlural
    ? locale === 'vi'
      ? report.unitsPlural.vi
      : report.unitsPlural.en
    : t('units-word');
  const sentences = [
    t('summary-head', {
      date: formatDate(today),
      done,
      total: report.total,
      units: plural,
      duty: locale === 'vi' ? report.dutyNameVi.toLowerCase() : report.dutyNameEn,
      period: formatPeriod(report.periodCode),
      onTime: report.totals.on_time,
      late: report.totals.late,
    }),
  ];
  for (const i of report.indicators.filter((x) => x.reported > 0)) {
    const label = (locale === 'vi' ? i.labelVi : i.labelEn).toLowerCase();
    const value = formatValue(i.aggregate ?? 0, i.kind, locale);
    if (i.sumTarget) {
      sentences.push(
        t('summary-sum', {
          label,
          value,
          status: t(i.sumTarget.status === 'met' ? 'summary-met' : 'summary-not-met'),
        }),
      );
    } else if (i.evaluated > 0) {
      sentences.push(t('summary-indicator', { label, value, met: i.met, evaluated: i.evaluated }));
    } else {
      sentences.push(t(i.aggregateKind === 'sum' ? 'summary-total' : 'summary-mean', { label, value }));
    }
  }
  if (report.totals.missing > 0) sentences.push(t('summary-missing', { count: report.totals.missing }));
  return `${sentences.join('; ')}.`;
}
