/**
 * The status report as people read it: `/tinhhinh` pages (counts, then the units not complete
 * by cluster with what each still owes, then the late ones), `/chitieu` and the `/tonghop`
 * paragraphs, one per sector.
 */
import { type IsoDate, localDateOf } from '../domain/calendar.js';
import { formatValue } from '../domain/figures/index.js';
import {
  buildStatus,
  type IndicatorSummary,
  type StatusReport,
  type UnitGroup,
  type UnitStatus,
} from '../domain/status.js';
import type { Locale } from '../ports/translator.js';
import {
  formatDate,
  formatDayMonth,
  formatReport,
  formatShare,
  formatTarget,
  type Translate,
} from './format.js';

const PAGE_LINES = 35;

/** Indicator labels named in a unit's "still missing" list; the rest are counted. */
const LISTED_LABELS = 4;

/** How `statusPages` lists units. */
export interface StatusPageOptions {
  /**
   * Units listed per section (not complete; late) before the rest are counted with a pointer
   * to `/xuat`: a chat answer stays a page or two. Default: all (the CLI's text).
   */
  maxUnits?: number;
  /**
   * `false`: one text, however long, with no page header repeated (the CLI's text, which is
   * not a chat). Default: pages of 35 lines, each later page headed by the title.
   */
  paged?: boolean;
}

/** Indicator code → its label in the reader's language, for the indicators of a report. */
export function indicatorLabels(
  report: Pick<StatusReport, 'indicators'>,
  locale: Locale,
): Map<string, string> {
  return new Map(report.indicators.map((i) => [i.code, locale === 'vi' ? i.labelVi : i.labelEn]));
}

/**
 * Where a unit not complete stands, in a few words: missing, not yet due, or partly sent with
 * the labels of what it still owes (the first four named, the rest counted).
 */
export function unitStateText(
  u: Pick<UnitStatus, 'state' | 'missingIndicators'>,
  labels: ReadonlyMap<string, string>,
  t: Translate,
): string {
  if (u.state !== 'partial' || u.missingIndicators.length === 0) return t(`status-state-${u.state}`);
  const names = u.missingIndicators.map((code) => labels.get(code) ?? code);
  const shown = names.slice(0, LISTED_LABELS).join(', ');
  return t('status-state-partial-lacks', {
    labels:
      names.length > LISTED_LABELS
        ? t('status-labels-more', { labels: shown, count: names.length - LISTED_LABELS })
        : shown,
  });
}

/**
 * How a group of units is headed: its cluster's name; for units of a type not organised in
 * clusters, the type's plural in the reader's language, capitalised ("Cụm thi đua", "Đơn vị thuộc
 * Bộ"); else `noCluster` (units that should be in a cluster and are in none). Shared by
 * `/tinhhinh`, the chart and the workbook.
 */
export function groupHeading(
  g: Pick<UnitGroup, 'cluster' | 'unitType'>,
  locale: Locale,
  noCluster: string,
): string {
  if (g.cluster) return g.cluster.name;
  if (!g.unitType) return noCluster;
  const plural = locale === 'vi' ? g.unitType.pluralVi : g.unitType.pluralEn;
  return plural.charAt(0).toLocaleUpperCase(locale) + plural.slice(1);
}

/** The lines of the units not complete, by group, at most `max` units; the rest counted. */
function incompleteLines(report: StatusReport, locale: Locale, t: Translate, max: number): string[] {
  const count = report.total - report.totals.on_time - report.totals.late;
  if (count === 0) return [];
  const labels = indicatorLabels(report, locale);
  const lines = [t('status-incomplete-title', { count })];
  let listed = 0;
  const noCluster = t('status-no-cluster');
  for (const g of report.incompleteByCluster) {
    if (listed >= max) break;
    lines.push(t('status-cluster', { cluster: groupHeading(g, locale, noCluster), count: g.units.length }));
    for (const u of g.units.slice(0, max - listed)) {
      lines.push(t('status-unit-state', { unit: u.name, state: unitStateText(u, labels, t) }));
      listed++;
    }
  }
  if (listed < count) lines.push(t('status-more-units', { count: count - listed }));
  return lines;
}

/**
 * The status report as chat messages: totals (and how many are locked) on the first page, then
 * the units not complete by cluster — each with its state and what it still owes — and the
 * late units, 35 lines a page, each later page headed by the title (or one page with
 * `paged: false`). Read by the `/tinhhinh` flow, the CLI `status` text (unpaged) and the weekly
 * digest (first page only).
 */
export function statusPages(
  report: StatusReport,
  locale: Locale,
  t: Translate,
  scopeAll: boolean,
  timeZone: string,
  opts: StatusPageOptions = {},
): string[] {
  const max = opts.maxUnits ?? Number.POSITIVE_INFINITY;
  const done = report.totals.on_time + report.totals.late;
  const head = [
    t('status-title', {
      report: formatReport(locale === 'vi' ? report.dutyNameVi : report.dutyNameEn, report.periodCode, t),
      scope: scopeAll ? t('status-scope-all') : t('status-scope-units', { count: report.total }),
    }),
    t('status-totals', {
      onTime: report.totals.on_time,
      late: report.totals.late,
      partial: report.totals.partial,
      pending: report.totals.pending,
      missing: report.totals.missing,
      done,
      total: report.total,
      percent: formatShare(done, report.total, locale),
    }),
  ];
  // Locked is a fact of its own, beside on time / late / missing.
  const locked = report.units.filter((u) => u.locked).length;
  if (locked > 0) head.push(t('status-locked', { count: locked, total: report.total }));
  const body = incompleteLines(report, locale, t, max);
  if (report.late.length > 0) {
    body.push(t('status-late-title'));
    for (const u of report.late.slice(0, max)) {
      const at = u.submittedAt ? localDateOf(new Date(u.submittedAt), timeZone) : null;
      body.push(t('status-unit-late', { unit: u.name, at: at ? formatDayMonth(at) : '?' }));
    }
    if (report.late.length > max) body.push(t('status-more-units', { count: report.late.length - max }));
  }
  const pages: string[] = [];
  const pageLines = opts.paged === false ? Number.POSITIVE_INFINITY : PAGE_LINES;
  for (let i = 0; i === 0 || i < body.length; i += pageLines) {
    pages.push([...(i === 0 ? head : [head[0]!]), ...body.slice(i, i + pageLines)].join('\n'));
  }
  return pages;
}

/**
 * The report over some of its units (one sector, one deadline group): counts, groups and
 * indicator summaries worked out again by the domain, so a part reads exactly like a whole.
 */
export function narrowReport(
  report: StatusReport,
  units: readonly UnitStatus[],
  today: IsoDate,
): StatusReport {
  return buildStatus({
    dutyCode: report.dutyCode,
    dutyNameVi: report.dutyNameVi,
    dutyNameEn: report.dutyNameEn,
    periodCode: report.periodCode,
    today,
    units,
    indicators: report.indicators.map((i) => ({
      code: i.code,
      labelVi: i.labelVi,
      labelEn: i.labelEn,
      kind: i.kind,
      aggregate: i.aggregateKind,
      targets: i.targets,
    })),
    unitsPlural: report.unitsPlural,
    unitTypes: report.unitTypes,
  });
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
      report: formatReport(locale === 'vi' ? report.dutyNameVi : report.dutyNameEn, report.periodCode, t),
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

/** Sectors in the order `/tonghop` writes them; other unit types follow by code. */
const SECTOR_ORDER = ['CUC_THADS', 'SO_TU_PHAP', 'MINISTRY_DEPT', 'TONG_CUC_THADS', 'CLUSTER'];
const sectorRank = (type: string) => {
  const i = SECTOR_ORDER.indexOf(type);
  return i === -1 ? SECTOR_ORDER.length : i;
};

/**
 * `/tonghop`: a drafted paragraph for the consolidated report, one per sector (unit type) so
 * each can be pasted where that sector is reported on; every number comes from the report.
 * Each figure reads as its indicator aggregates — a total for counts and money, a mean for
 * rates, and says which — against its target, and beside the same period of the year before
 * (`previous`, the same duty and scope a year earlier) where that year has the figure.
 */
export function summaryParagraph(
  report: StatusReport,
  locale: Locale,
  t: Translate,
  today: IsoDate,
  previous?: StatusReport | null,
): string {
  const types = [...new Set(report.units.map((u) => u.typeCode))].sort(
    (a, b) => sectorRank(a) - sectorRank(b) || a.localeCompare(b),
  );
  if (types.length <= 1) {
    const plural = report.unitsPlural
      ? locale === 'vi'
        ? report.unitsPlural.vi
        : report.unitsPlural.en
      : t('units-word');
    return sectorParagraph(report, plural, locale, t, today, previous ?? null);
  }
  return types
    .map((type) =>
      sectorParagraph(
        narrowReport(
          report,
          report.units.filter((u) => u.typeCode === type),
          today,
        ),
        sectorPlural(report, type, locale, t),
        locale,
        t,
        today,
        previous
          ? narrowReport(
              previous,
              previous.units.filter((u) => u.typeCode === type),
              today,
            )
          : null,
      ),
    )
    .join('\n\n');
}

/** A sector named in a sentence: its unit type's plural from the data, else the locale's word. */
function sectorPlural(report: StatusReport, type: string, locale: Locale, t: Translate): string {
  const known = report.unitTypes?.find((x) => x.code === type);
  if (!known) return t('summary-sector', { type });
  return locale === 'vi' ? known.pluralVi : known.pluralEn;
}

/** One sector's paragraph: who sent, each indicator reported in its kind against its target. */
function sectorParagraph(
  report: StatusReport,
  plural: string,
  locale: Locale,
  t: Translate,
  today: IsoDate,
  previous: StatusReport | null,
): string {
  const before = new Map(
    (previous?.indicators ?? [])
      .filter((i) => i.reported > 0 && i.aggregate !== null)
      .map((i) => [i.code, i.aggregate as number]),
  );
  const sentences = [
    t('summary-head', {
      date: formatDate(today),
      done: report.totals.on_time + report.totals.late,
      total: report.total,
      units: plural,
      report: formatReport(
        locale === 'vi' ? report.dutyNameVi.toLowerCase() : report.dutyNameEn,
        report.periodCode,
        t,
      ),
      onTime: report.totals.on_time,
      late: report.totals.late,
    }),
  ];
  for (const i of report.indicators.filter((x) => x.reported > 0)) {
    const label = (locale === 'vi' ? i.labelVi : i.labelEn).toLowerCase();
    const aggregate = t(i.aggregateKind === 'sum' ? 'summary-aggregate-sum' : 'summary-aggregate-mean', {
      value: formatValue(i.aggregate ?? 0, i.kind, locale),
    });
    const target = targetShort(i, locale, t) ?? '';
    if (i.sumTarget) {
      const status = t(i.sumTarget.status === 'met' ? 'summary-met' : 'summary-not-met');
      sentences.push(t('summary-sum', { label, aggregate, status, target }));
    } else if (i.evaluated > 0) {
      sentences.push(
        t('summary-indicator', { label, aggregate, met: i.met, evaluated: i.evaluated, target }),
      );
    } else {
      sentences.push(t('summary-plain', { label, aggregate }));
    }
    const last = before.get(i.code);
    if (last !== undefined) {
      const said = sentences.pop()!;
      sentences.push(`${said}, ${t('summary-last-year', { value: formatValue(last, i.kind, locale) })}`);
    }
  }
  if (report.totals.partial > 0) sentences.push(t('summary-partial', { count: report.totals.partial }));
  const nothing = report.totals.pending + report.totals.missing;
  if (nothing > 0) sentences.push(t('summary-missing', { count: nothing }));
  return `${sentences.join('; ')}.`;
}
