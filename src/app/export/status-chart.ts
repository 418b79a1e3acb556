/**
 * The status report as a PNG chart (`/bieudo`), drawn in-process without a browser: a Vega-Lite
 * spec compiled by `vega-lite`, rendered to SVG by `vega` (no canvas), rasterised by
 * `@resvg/resvg-js` with an explicitly loaded DejaVu Sans, which covers every Vietnamese letter
 * and tone mark (resvg is told not to look at system fonts, so the picture is the same on every
 * machine).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { formatNumber, formatValue } from '../../domain/figures/index.js';
import type { StatusReport, StatusState } from '../../domain/status.js';
import { resolveTarget, type ScopedTarget, type TargetStatus } from '../../domain/submission.js';
import type { Locale } from '../../ports/translator.js';
import { exportLabels, formatShare, type IndicatorMeta, indicatorMeta, STATE_ORDER, targetText } from './status-xlsx.js';

/** What to draw: completion by cluster, or one indicator's values against its target. */
export type ChartKind = 'completion' | { indicator: string };

export class ChartError extends Error {
  readonly code: 'font_missing' | 'unknown_indicator';
  constructor(code: 'font_missing' | 'unknown_indicator', message: string) {
    super(message);
    this.name = 'ChartError';
    this.code = code;
  }
}

/** Width of the picture in CSS pixels; rendered at twice that for crisp text on phones. */
export const CHART_WIDTH = 900;
const SCALE = 2;
/** Telegram refuses photos whose width + height exceed 10 000 px: tall charts get a smaller scale. */
const MAX_PIXEL_HEIGHT = 8000;
/** Bars beyond this many units would be unreadable: the worst ones are shown. */
const MAX_BARS = 60;
const FONT_FAMILY = 'DejaVu Sans';
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];
const DEBIAN_FONT_DIR = '/usr/share/fonts/truetype/dejavu';

let fontFilesCache: string[] | null = null;

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package (installed by `npm ci` everywhere, the Docker
 * image included), else Debian's `fonts-dejavu-core`.
 * @throws ChartError `font_missing` when neither is there.
 */
export function chartFontFiles(): string[] {
  if (fontFilesCache) return fontFilesCache;
  const dirs: string[] = [];
  try {
    const pkg = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
    dirs.push(path.join(path.dirname(pkg), 'ttf'));
  } catch {
    // not installed: try the system copy below
  }
  dirs.push(DEBIAN_FONT_DIR);
  for (const dir of dirs) {
    const files = FONT_FILES.map((f) => path.join(dir, f));
    if (files.every((f) => existsSync(f))) {
      fontFilesCache = files;
      return files;
    }
  }
  throw new ChartError(
    'font_missing',
    `No font covering Vietnamese for charts: install the npm package dejavu-fonts-ttf (npm ci) or Debian's fonts-dejavu-core (looked in ${dirs.join(', ')})`,
  );
}

const STATE_COLOURS: Record<StatusState, { fill: string; text: string }> = {
  on_time: { fill: '#2e7d32', text: '#ffffff' },
  late: { fill: '#f9a825', text: '#212121' },
  missing: { fill: '#c62828', text: '#ffffff' },
  pending: { fill: '#b0bec5', text: '#212121' },
};

type TargetGroup = 'met' | 'not_met' | 'not_applicable';
const TARGET_COLOURS: Record<TargetGroup, string> = {
  met: '#2e7d32',
  not_met: '#c62828',
  not_applicable: '#5c7cfa',
};

function vegaLocale(locale: Locale) {
  return locale === 'vi'
    ? { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' đồng'], percent: '\u00a0%' }
    : { decimal: '.', thousands: ',', grouping: [3], currency: ['', ' VND'] };
}

function baseConfig(locale: Locale) {
  return {
    font: FONT_FAMILY,
    locale: { number: vegaLocale(locale) },
    view: { stroke: null },
    axis: { labelFontSize: 12, titleFontSize: 12, labelColor: '#263238', titleColor: '#263238' },
    legend: { labelFontSize: 12, symbolSize: 160, orient: 'bottom', direction: 'horizontal', columnPadding: 18 },
    title: { fontSize: 17, subtitleFontSize: 13, anchor: 'start', subtitleColor: '#455a64', offset: 14 },
  } as const;
}

function subtitleHead(report: StatusReport, locale: Locale): string {
  const duty = locale === 'vi' ? report.dutyNameVi : report.dutyNameEn;
  return locale === 'vi' ? `${duty} — kỳ ${report.periodCode}` : `${duty} — period ${report.periodCode}`;
}

function completionSpec(report: StatusReport, locale: Locale): TopLevelSpec {
  const L = exportLabels(locale);
  type Group = { key: string; name: string; counts: Record<StatusState, number>; total: number };
  const empty = (): Record<StatusState, number> => ({ on_time: 0, late: 0, missing: 0, pending: 0 });
  const groups = new Map<string, Group>();
  for (const u of report.units) {
    const c = u.clusters[0] ?? null;
    const key = c?.code ?? '';
    const g = groups.get(key) ?? { key, name: c?.name ?? L.noCluster, counts: empty(), total: 0 };
    g.counts[u.state]++;
    g.total++;
    groups.set(key, g);
  }
  const clusters = [...groups.values()].sort((a, b) =>
    a.key === '' ? 1 : b.key === '' ? -1 : a.name.localeCompare(b.name, 'vi'),
  );
  const all: Group = { key: '*', name: L.all, counts: { ...report.totals }, total: report.total };
  const rows = [all, ...clusters].map((g) => ({ ...g, label: `${g.name} (${g.total})` }));

  // Shares are laid out here rather than by Vega's stack so each segment's label can be sized
  // to the room it has (the plot is at least ~520 px wide).
  const plotWidth = 520;
  const segments = rows.flatMap((g) => {
    let start = 0;
    return STATE_ORDER.filter((s) => g.counts[s] > 0).map((s) => {
      const n = g.counts[s];
      const share = g.total === 0 ? 0 : n / g.total;
      const px = share * plotWidth;
      const full = `${n} · ${formatShare(n, g.total, locale)}`;
      const seg = {
        group: g.label,
        state: L.states[s],
        x0: start,
        x1: start + share,
        mid: start + share / 2,
        label: px >= full.length * 7.5 + 8 ? full : px >= String(n).length * 8 + 6 ? String(n) : '',
        textColour: STATE_COLOURS[s].text,
      };
      start += share;
      return seg;
    });
  });

  const done = report.totals.on_time + report.totals.late;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    autosize: { type: 'fit-x', contains: 'padding' },
    padding: { left: 16, right: 24, top: 16, bottom: 16 },
    background: '#ffffff',
    title: {
      text: L.completionTitle,
      subtitle: [`${subtitleHead(report, locale)}: ${L.submittedOf(done, report.total, formatShare(done, report.total, locale))}`],
    },
    data: { values: segments },
    encoding: {
      y: {
        field: 'group',
        type: 'nominal',
        sort: rows.map((g) => g.label),
        title: null,
        axis: { labelLimit: 300, labelFontSize: 13, ticks: false, domain: false, labelPadding: 8 },
      },
    },
    height: { step: 40 },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.72 } },
        encoding: {
          x: {
            field: 'x0',
            type: 'quantitative',
            scale: { domain: [0, 1], nice: false },
            axis: { format: '.0%', values: [0, 0.25, 0.5, 0.75, 1], title: L.axisShare, grid: true },
          },
          x2: { field: 'x1' },
          color: {
            field: 'state',
            type: 'nominal',
            scale: {
              domain: STATE_ORDER.map((s) => L.states[s]),
              range: STATE_ORDER.map((s) => STATE_COLOURS[s].fill),
            },
            legend: { title: null },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 12, fontWeight: 'bold' },
        encoding: {
          x: { field: 'mid', type: 'quantitative' },
          text: { field: 'label' },
          color: { field: 'textColour', type: 'nominal', scale: null, legend: null },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
    config: baseConfig(locale),
  } as TopLevelSpec;
}

function boundsOf(t: ScopedTarget | null): number[] {
  if (!t) return [];
  switch (t.kind) {
    case 'floor':
      return t.min === null ? [] : [t.min];
    case 'ceiling':
      return t.max === null ? [] : [t.max];
    case 'range':
      return [t.min, t.max].filter((x): x is number => x !== null);
    case 'sum':
      return [];
  }
}

function groupOf(s: TargetStatus | undefined): TargetGroup {
  if (s === 'met' || s === 'exceeded') return 'met';
  return s === 'not_met' ? 'not_met' : 'not_applicable';
}

function indicatorSpec(
  report: StatusReport,
  locale: Locale,
  code: string,
  given: readonly IndicatorMeta[] | undefined,
): TopLevelSpec {
  const L = exportLabels(locale);
  const summary = report.indicators.find((i) => i.code === code);
  if (!summary) throw new ChartError('unknown_indicator', `No indicator ${code} in this report`);
  const meta = indicatorMeta(summary, given);
  const unitTargets = meta.targets.filter((t) => t.kind !== 'sum');
  const higherIsBetter = !meta.targets.some((t) => t.kind === 'ceiling');
  const fmt = (v: number) => formatValue(v, meta.kind, locale);

  const reported = report.units
    .filter((u) => u.values[code] !== undefined)
    .map((u) => {
      const value = u.values[code]!;
      const target = resolveTarget(unitTargets, {
        code: u.code,
        typeCode: u.typeCode,
        clusterCodes: u.clusters.map((c) => c.code),
      });
      return { name: u.name, value, group: groupOf(u.targetStatus[code]), bounds: boundsOf(target) };
    })
    .sort((a, b) => (higherIsBetter ? b.value - a.value : a.value - b.value) || a.name.localeCompare(b.name, 'vi'));
  const shown = reported.slice(-MAX_BARS);
  const groupLabel: Record<TargetGroup, string> = { met: L.met, not_met: L.notMet, not_applicable: L.noUnitTarget };
  const groupsPresent = (['met', 'not_met', 'not_applicable'] as const).filter((g) => shown.some((r) => r.group === g));

  const boundKeys = new Set(shown.map((r) => r.bounds.join('|')));
  const sharedBounds = boundKeys.size === 1 ? (shown[0]?.bounds ?? []) : [];
  const allBounds = shown.flatMap((r) => r.bounds);
  const maxValue = Math.max(0, ...shown.map((r) => r.value), ...allBounds);
  const domainMax = meta.kind === 'percent' && maxValue <= 100 ? 100 : maxValue * 1.15 || 1;

  const subtitle: string[] = [subtitleHead(report, locale)];
  const facts: string[] = [];
  if (summary.aggregate !== null) {
    facts.push(`${summary.aggregateKind === 'sum' ? L.sum : L.mean} ${fmt(summary.aggregate)}`);
  }
  if (summary.evaluated > 0) facts.push(`${L.targetMet.toLowerCase()}: ${L.metOf(summary.met, summary.evaluated)}`);
  if (summary.sumTarget && summary.sumTarget.status !== 'not_applicable') {
    facts.push(
      `${L.target.toLowerCase()} ${targetText(
        meta.targets.filter((t) => t.kind === 'sum'),
        meta.kind,
        locale,
      )}: ${L.sumTarget(summary.sumTarget.status === 'met')}`,
    );
  }
  const missing = report.units.length - reported.length;
  if (missing > 0) facts.push(L.notReported(missing));
  if (shown.length < reported.length) facts.push(L.shownWorst(shown.length, reported.length));
  if (facts.length > 0) subtitle.push(facts.join(' · '));

  const bars = shown.map((r) => ({ unit: r.name, value: r.value, label: fmt(r.value), status: groupLabel[r.group] }));
  const layers: unknown[] = [
    {
      mark: { type: 'bar', height: { band: 0.7 } },
      encoding: {
        x: {
          field: 'value',
          type: 'quantitative',
          scale: { domain: [0, domainMax], nice: false },
          axis: {
            title: null,
            grid: true,
            format: meta.kind === 'percent' ? ',.0f' : ',~s',
            ...(meta.kind === 'percent' ? { labelExpr: `datum.label + '${locale === 'vi' ? ' %' : '%'}'` } : {}),
          },
        },
        color: {
          field: 'status',
          type: 'nominal',
          scale: {
            domain: groupsPresent.map((g) => groupLabel[g]),
            range: groupsPresent.map((g) => TARGET_COLOURS[g]),
          },
          legend: { title: null },
        },
      },
    },
    {
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#263238' },
      encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
    },
  ];
  if (sharedBounds.length > 0) {
    const ruleText = L.targetLabel(targetText(unitTargets.slice(0, 1), meta.kind, locale));
    layers.push({
      data: { values: sharedBounds.map((b, i) => ({ bound: b, label: i === 0 ? ruleText : '' })) },
      layer: [
        {
          mark: { type: 'rule', color: '#212121', strokeWidth: 2, strokeDash: [6, 4] },
          encoding: { x: { field: 'bound', type: 'quantitative' } },
        },
        {
          mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -4, dy: -4, fontSize: 12, fontWeight: 'bold' },
          encoding: { x: { field: 'bound', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } },
        },
      ],
    });
  } else if (allBounds.length > 0) {
    // Targets differ between units (per cluster or unit type): a mark at each unit's own bound.
    layers.push({
      data: { values: shown.flatMap((r) => r.bounds.map((b) => ({ unit: r.name, bound: b }))) },
      mark: { type: 'tick', color: '#212121', thickness: 3, bandSize: 26 },
      encoding: { x: { field: 'bound', type: 'quantitative' } },
    });
  }

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    autosize: { type: 'fit-x', contains: 'padding' },
    padding: { left: 16, right: 24, top: 16, bottom: 16 },
    background: '#ffffff',
    title: { text: locale === 'vi' ? meta.labelVi : meta.labelEn, subtitle },
    data: { values: bars },
    height: { step: 28 },
    encoding: {
      y: {
        field: 'unit',
        type: 'nominal',
        sort: shown.map((r) => r.name),
        title: null,
        axis: { labelLimit: 300, ticks: false, domain: false, labelPadding: 8 },
      },
    },
    layer: layers,
    config: baseConfig(locale),
  } as TopLevelSpec;
}

/** The SVG of a chart (what {@link statusChartPng} rasterises); useful to debug a spec. */
export async function statusChartSvg(
  report: StatusReport,
  locale: Locale,
  kind: ChartKind,
  opts: { indicators?: readonly IndicatorMeta[] } = {},
): Promise<string> {
  const spec =
    kind === 'completion' ? completionSpec(report, locale) : indicatorSpec(report, locale, kind.indicator, opts.indicators);
  const { spec: vgSpec } = compile(spec);
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * A PNG of the report, 900 px wide at scale 2 (1 800 px; less for very tall charts, which stay
 * within Telegram's photo limits): `'completion'` stacks on time / late / missing / not yet due
 * per cluster (units grouped under their first cluster, `Không thuộc cụm` for none; a first bar
 * for the whole scope); `{ indicator }` draws one bar per unit, coloured by met / below target,
 * with a dashed rule at the target (or a mark at each unit's own target when they differ).
 * Labels and numbers in `locale`.
 *
 * `opts.indicators` supplies names, kinds and targets when the report does not carry them.
 * @throws ChartError `unknown_indicator`, or `font_missing` when DejaVu Sans is not installed.
 */
export async function statusChartPng(
  report: StatusReport,
  locale: Locale,
  kind: ChartKind,
  opts: { indicators?: readonly IndicatorMeta[] } = {},
): Promise<Buffer> {
  const fontFiles = chartFontFiles();
  const svg = await statusChartSvg(report, locale, kind, opts);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  const zoom = height > 0 ? Math.min(SCALE, MAX_PIXEL_HEIGHT / height) : SCALE;
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    background: '#ffffff',
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
  });
  return image.asPng();
}

/** For labels outside the chart (captions): the same number formatting the chart uses. */
export function chartCaption(report: StatusReport, locale: Locale): string {
  const L = exportLabels(locale);
  const done = report.totals.on_time + report.totals.late;
  return `${subtitleHead(report, locale)}: ${L.submittedOf(done, report.total, formatShare(done, report.total, locale))} · ${formatNumber(report.totals.missing, locale)} ${L.states.missing.toLowerCase()}`;
}
