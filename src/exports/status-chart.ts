/**
 * The status report as a PNG chart (`/bieudo`), drawn in-process without a browser: a Vega-Lite
 * spec compiled by `vega-lite`, rendered to SVG by `vega` (no canvas), rasterised by
 * `@resvg/resvg-js` with an explicitly loaded DejaVu Sans, which covers every Vietnamese letter
 * and tone mark (resvg is told not to look at system fonts, so the picture is the same on every
 * machine). Vega lays text out with that font's own advance widths (read from the TTF), not its
 * canvas-less guess of 0.8 em a character, so labels are neither cut early nor overlapping.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { formatValue } from '../domain/figures/index.js';
import type { StatusReport, StatusState } from '../domain/status.js';
import { resolveTarget, type ScopedTarget, type TargetStatus } from '../domain/submission.js';
import type { Locale } from '../ports/translator.js';
import {
  exportLabels,
  formatShare,
  type IndicatorMeta,
  indicatorMeta,
  relevantTargets,
  STATE_ORDER,
  scopeNamer,
  targetText,
} from './status-xlsx.js';

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

/** Advance widths of a TrueType font, from its `cmap` (format 4) and `hmtx` tables. */
interface FontMetrics {
  /** Width of `text` at `size` px, without kerning (which only narrows it). */
  width(text: string, size: number): number;
}

function readMetrics(file: string): FontMetrics {
  const buf = readFileSync(file);
  const tables = new Map<string, number>();
  for (let i = 0, n = buf.readUInt16BE(4); i < n; i++) {
    const rec = 12 + 16 * i;
    tables.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const table = (tag: string): number => {
    const at = tables.get(tag);
    if (at === undefined) throw new ChartError('font_missing', `${file} has no ${tag} table`);
    return at;
  };
  const unitsPerEm = buf.readUInt16BE(table('head') + 18);
  const hMetrics = buf.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advance = (glyph: number) => buf.readUInt16BE(hmtx + 4 * Math.min(glyph, hMetrics - 1));

  const cmap = table('cmap');
  let sub = -1;
  for (let i = 0, n = buf.readUInt16BE(cmap + 2); i < n; i++) {
    const rec = cmap + 4 + 8 * i;
    const offset = cmap + buf.readUInt32BE(rec + 4);
    if (buf.readUInt16BE(rec) === 3 && buf.readUInt16BE(rec + 2) === 1 && buf.readUInt16BE(offset) === 4)
      sub = offset;
  }
  if (sub < 0) throw new ChartError('font_missing', `${file} has no Unicode BMP cmap`);
  const segs = buf.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segs + 2;
  const deltas = starts + 2 * segs;
  const rangeOffsets = deltas + 2 * segs;
  const glyphOf = (cp: number): number => {
    for (let i = 0; i < segs; i++) {
      if (buf.readUInt16BE(ends + 2 * i) < cp) continue;
      const start = buf.readUInt16BE(starts + 2 * i);
      if (start > cp) return 0;
      const delta = buf.readInt16BE(deltas + 2 * i);
      const ro = buf.readUInt16BE(rangeOffsets + 2 * i);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = buf.readUInt16BE(rangeOffsets + 2 * i + ro + 2 * (cp - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number>();
  const fallback = 0.6 * unitsPerEm;
  return {
    width(text, size) {
      let units = 0;
      for (const ch of text) {
        const cp = ch.codePointAt(0) ?? 0;
        let w = cache.get(cp);
        if (w === undefined) {
          const g = cp > 0xffff ? 0 : glyphOf(cp);
          w = g === 0 ? fallback : advance(g);
          cache.set(cp, w);
        }
        units += w;
      }
      return (units * size) / unitsPerEm;
    },
  };
}

let metricsCache: { regular: FontMetrics; bold: FontMetrics } | null = null;

function chartMetrics(): { regular: FontMetrics; bold: FontMetrics } {
  if (!metricsCache) {
    const [regular = '', bold = ''] = chartFontFiles();
    metricsCache = { regular: readMetrics(regular), bold: readMetrics(bold) };
  }
  return metricsCache;
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

/**
 * Tells Vega to size text with DejaVu Sans' real widths (Vega's documented hook for renderers
 * without a canvas). Every chart here uses that one font, so the hook is global and idempotent.
 */
function useChartFontMetrics(): void {
  const m = chartMetrics();
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } })
    .textMetrics;
  metrics.width = (item, text) => {
    const t = text == null ? '' : String(text).trim();
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const weight = item.fontWeight;
    const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
    const w = (bold ? m.bold : m.regular).width(t, size);
    return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
  };
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

/** Row labels are wrapped to this width (px at the axis' font size) over at most three lines. */
const LABEL_WIDTH = 300;

/**
 * A row label wrapped on spaces into lines at most {@link LABEL_WIDTH} wide, cut with `…` after
 * `maxLines`; `suffix` (a count) always stays on the last line.
 */
function wrapLabel(text: string, suffix = '', fontSize = 12, maxLines = 3, width = LABEL_WIDTH): string {
  const { regular } = chartMetrics();
  const fits = (line: string) => regular.width(line, fontSize) <= width;
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && fits(`${last} ${word}`)) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] = `${lines[maxLines - 1]}…`;
  }
  if (lines.length === 0) lines.push('');
  lines[lines.length - 1] += suffix;
  return lines.join('\n');
}

/** Axis labels: `80 %` for rates; `1,5 tỷ` / `800 triệu` (`1.5 bn` / `800 m`) for money. */
function axisLabelExpr(kind: 'percent' | 'money', locale: Locale): string {
  if (kind === 'percent') return `datum.label + '${locale === 'vi' ? ' %' : '%'}'`;
  const [bn, m] = locale === 'vi' ? [' tỷ', ' triệu'] : [' bn', ' m'];
  return `datum.value >= 1e9 ? format(datum.value / 1e9, ',.2~f') + '${bn}' : datum.value >= 1e6 ? format(datum.value / 1e6, ',.1~f') + '${m}' : datum.label`;
}

/** The plot's width beside a column of (multi-line) row labels, within {@link CHART_WIDTH}. */
function plotWidthBeside(labels: readonly string[], fontSize: number): number {
  const { regular } = chartMetrics();
  const widest = Math.max(0, ...labels.flatMap((l) => l.split('\n')).map((l) => regular.width(l, fontSize)));
  return CHART_WIDTH - PADDING.left - PADDING.right - widest - BAND_AXIS.labelPadding;
}

const PADDING = { left: 16, right: 24, top: 16, bottom: 16 };

/** Band axes of unit or cluster names: multi-line labels, no ticks. */
const BAND_AXIS = {
  labelLimit: LABEL_WIDTH + 60,
  labelExpr: "split(datum.label, '\\n')",
  labelLineHeight: 16,
  ticks: false,
  domain: false,
  labelPadding: 8,
} as const;

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
    legend: {
      labelFontSize: 12,
      symbolSize: 160,
      orient: 'bottom',
      direction: 'horizontal',
      columnPadding: 18,
    },
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
  // The whole scope first, unless it is a single cluster already.
  const rows = (clusters.length > 1 ? [all, ...clusters] : clusters).map((g) => ({
    ...g,
    label: wrapLabel(g.name, ` (${g.total})`, 13),
  }));
  const lines = Math.max(1, ...rows.map((g) => g.label.split('\n').length));

  // Shares are laid out here rather than by Vega's stack so each segment's label can be sized
  // to the room it has: the full `n · x %`, the count alone, or nothing.
  const { bold } = chartMetrics();
  const plotWidth = plotWidthBeside(
    rows.map((g) => g.label),
    13,
  );
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
        label: px >= bold.width(full, 12) + 10 ? full : px >= bold.width(String(n), 12) + 6 ? String(n) : '',
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
    padding: PADDING,
    background: '#ffffff',
    title: {
      text: L.completionTitle,
      subtitle: [
        `${subtitleHead(report, locale)}: ${L.submittedOf(done, report.total, formatShare(done, report.total, locale))}`,
      ],
    },
    data: { values: segments },
    encoding: {
      y: {
        field: 'group',
        type: 'nominal',
        sort: rows.map((g) => g.label),
        title: null,
        axis: { ...BAND_AXIS, labelFontSize: 13 },
      },
    },
    height: { step: Math.max(40, 16 * lines + 14) },
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
      return {
        name: u.name,
        code: u.code,
        value,
        group: groupOf(u.targetStatus[code]),
        target,
        bounds: boundsOf(target),
      };
    })
    .sort(
      (a, b) =>
        (higherIsBetter ? b.value - a.value : a.value - b.value) || a.name.localeCompare(b.name, 'vi'),
    )
    .map((r, _, all) => ({
      ...r,
      // The label is the row's key: two units of the same name are told apart by their codes.
      label: wrapLabel(all.filter((o) => o.name === r.name).length > 1 ? `${r.name} (${r.code})` : r.name),
    }));
  const shown = reported.slice(-MAX_BARS);
  const groupLabel: Record<TargetGroup, string> = {
    met: L.met,
    not_met: L.notMet,
    not_applicable: L.noUnitTarget,
  };
  const groupsPresent = (['met', 'not_met', 'not_applicable'] as const).filter((g) =>
    shown.some((r) => r.group === g),
  );

  const boundKeys = new Set(shown.map((r) => r.bounds.join('|')));
  const sharedBounds = boundKeys.size === 1 ? (shown[0]?.bounds ?? []) : [];
  const allBounds = shown.flatMap((r) => r.bounds);
  // The x scale ends where the longest value label after its bar still fits in the plot; rates
  // that come near 100 % are drawn on the whole 0–100 % scale.
  const { regular } = chartMetrics();
  const plotWidth = plotWidthBeside(
    shown.map((r) => r.label),
    12,
  );
  const maxValue = Math.max(0, ...shown.map((r) => r.value), ...allBounds);
  const domainMax = Math.max(
    meta.kind === 'percent' && maxValue > 60 && maxValue <= 100 ? 100 : 0,
    maxValue * 1.05,
    ...shown.map(
      (r) => (r.value * plotWidth) / Math.max(1, plotWidth - regular.width(fmt(r.value), 12) - 14),
    ),
    shown.length > 0 ? Number.MIN_VALUE : meta.kind === 'percent' ? 100 : 1,
  );
  const pxPerUnit = plotWidth / domainMax;

  const subtitle: string[] = [subtitleHead(report, locale)];
  const facts: string[] = [];
  if (summary.aggregate !== null) {
    // A mean is shown to one decimal (money to the đồng); the file keeps the exact value.
    const shownAggregate =
      summary.aggregateKind === 'mean'
        ? Math.round(summary.aggregate * (meta.kind === 'money' ? 1 : 10)) / (meta.kind === 'money' ? 1 : 10)
        : summary.aggregate;
    facts.push(`${summary.aggregateKind === 'sum' ? L.sum : L.mean} ${fmt(shownAggregate)}`);
  }
  if (summary.evaluated > 0)
    facts.push(`${L.targetMet.toLowerCase()}: ${L.metOf(summary.met, summary.evaluated)}`);
  if (summary.sumTarget && summary.sumTarget.status !== 'not_applicable') {
    facts.push(
      `${L.target.toLowerCase()} ${targetText(
        meta.targets.filter((t) => t.kind === 'sum'),
        meta.kind,
        locale,
      )}: ${L.reached(summary.sumTarget.status === 'met')}`,
    );
  }
  const missing = report.units.length - reported.length;
  if (missing > 0) facts.push(L.notReported(missing));
  if (shown.length < reported.length) facts.push(L.shownWorst(shown.length, reported.length));
  if (facts.length > 0) subtitle.push(facts.join(' · '));
  if (sharedBounds.length === 0 && allBounds.length > 0) {
    // Targets differ between units: the ticks need their legend.
    const relevant = relevantTargets(unitTargets, report.units);
    subtitle.push(`${L.targetMarks}: ${targetText(relevant, meta.kind, locale, scopeNamer(report))}`);
  }
  const subtitleLines = subtitle.flatMap((line) =>
    wrapLabel(line, '', 13, 3, CHART_WIDTH - PADDING.left - PADDING.right).split('\n'),
  );

  // A value label sits after its bar unless a target line runs through it; then after the line.
  const labelAt = (value: number, label: string, bounds: readonly number[]): number => {
    const end = value + (regular.width(label, 12) + 10) / pxPerUnit;
    const crossing = bounds.filter((b) => b > value && b < end);
    return crossing.length === 0 ? value : Math.max(...crossing);
  };
  const bars = shown.map((r) => ({
    labelAt: labelAt(r.value, fmt(r.value), r.bounds),
    unit: r.label,
    value: r.value,
    label: fmt(r.value),
    status: groupLabel[r.group],
  }));
  // On the bar layers only: a rule shared by all units must span the whole plot.
  const y = {
    field: 'unit',
    type: 'nominal',
    sort: shown.map((r) => r.label),
    title: null,
    axis: BAND_AXIS,
  };
  const noUnitTargets = groupsPresent.length === 1 && groupsPresent[0] === 'not_applicable';
  const bar = {
    mark: { type: 'bar', height: { band: 0.7 } },
    encoding: {
      y,
      x: {
        field: 'value',
        type: 'quantitative',
        scale: { domain: [0, domainMax], nice: false },
        axis: {
          title: null,
          grid: true,
          format: ',~f',
          tickCount: Math.max(2, Math.floor(plotWidth / 90)),
          labelOverlap: 'greedy',
          labelFlush: true,
          ...(meta.kind === 'count' ? { tickMinStep: 1 } : {}),
          ...(meta.kind === 'percent' || meta.kind === 'money'
            ? { labelExpr: axisLabelExpr(meta.kind, locale) }
            : {}),
        },
      },
      color: {
        field: 'status',
        type: 'nominal',
        scale: {
          domain: groupsPresent.map((g) => groupLabel[g]),
          range: groupsPresent.map((g) => TARGET_COLOURS[g]),
        },
        // Only a system-wide sum target: one colour, nothing to tell apart.
        legend: noUnitTargets ? null : { title: null, labelLimit: 400 },
      },
    },
  };
  const targetLayers: unknown[] = [];
  if (sharedBounds.length > 0) {
    const shared = shown[0]?.target;
    const ruleText = shared ? L.targetLabel(targetText([shared], meta.kind, locale)) : '';
    targetLayers.push({
      data: { values: sharedBounds.map((b, i) => ({ bound: b, label: i === 0 ? ruleText : '' })) },
      layer: [
        {
          mark: { type: 'rule', color: '#212121', strokeWidth: 2, strokeDash: [6, 4] },
          encoding: { x: { field: 'bound', type: 'quantitative' } },
        },
        {
          mark: {
            type: 'text',
            align: 'right',
            baseline: 'bottom',
            dx: -4,
            dy: -4,
            fontSize: 12,
            fontWeight: 'bold',
          },
          encoding: {
            x: { field: 'bound', type: 'quantitative' },
            y: { value: 0 },
            text: { field: 'label' },
          },
        },
      ],
    });
  } else if (allBounds.length > 0) {
    // Targets differ between units (per cluster or unit type): a mark at each unit's own bound.
    targetLayers.push({
      data: { values: shown.flatMap((r) => r.bounds.map((b) => ({ unit: r.label, bound: b }))) },
      mark: { type: 'tick', color: '#212121', thickness: 3, opacity: 1 },
      encoding: { y, x: { field: 'bound', type: 'quantitative' } },
    });
  }
  // Value labels after the bar (or after a target line that would cross them), over a white halo
  // that keeps grid lines and target marks off the digits.
  const valueText = (extra: Record<string, unknown>) => ({
    mark: { type: 'text', align: 'left', dx: 5, fontSize: 12, ...extra },
    encoding: { y, x: { field: 'labelAt', type: 'quantitative' }, text: { field: 'label' } },
  });
  const layers = [
    bar,
    ...targetLayers,
    valueText({ color: '#ffffff', stroke: '#ffffff', strokeWidth: 5, strokeJoin: 'round' }),
    valueText({ color: '#263238' }),
  ];

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    autosize: { type: 'fit-x', contains: 'padding' },
    padding: PADDING,
    background: '#ffffff',
    title: { text: locale === 'vi' ? meta.labelVi : meta.labelEn, subtitle: subtitleLines },
    data: { values: bars },
    height: { step: Math.max(28, 16 * Math.max(1, ...shown.map((r) => r.label.split('\n').length)) + 10) },
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
    kind === 'completion'
      ? completionSpec(report, locale)
      : indicatorSpec(report, locale, kind.indicator, opts.indicators);
  useChartFontMetrics();
  // Vega-Lite warns about "fit-y" for every fit-x chart with banded rows: keep only errors.
  const { spec: vgSpec } = compile(spec, { logger: vega.logger(vega.Error) });
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
 * for the whole scope when there are several), with counts and shares; `{ indicator }` draws one bar per unit, coloured by met / below target,
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
