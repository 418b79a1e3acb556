/**
 * One indicator of a status report as a chart (`/bieudo <indicator>`): each unit's value against
 * its target.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { StatusReport } from '../domain/status.js';
import { resolveTarget, type ScopedTarget, type TargetStatus } from '../domain/submission.js';
import { compareNames, formatValue } from '../messages/format.js';
import { ChartError, type IndicatorMeta } from '../ports/status-exporter.js';
import type { Locale } from '../ports/translator.js';
import { chartMetrics } from './chart-font.js';
import {
  axisLabelExpr,
  BAND_AXIS,
  baseConfig,
  CHART_WIDTH,
  chartFrame,
  PADDING,
  plotWidthBeside,
  subtitleHead,
  wrapLabel,
} from './chart-layout.js';
import type { ExportLabels } from './export-labels.js';
import { indicatorMeta, relevantTargets, scopeNamer, targetText } from './report-facts.js';

/** Bars beyond this many units would be unreadable: the worst ones are shown. */
const MAX_BARS = 60;

type TargetGroup = 'met' | 'not_met' | 'not_applicable';
const TARGET_COLOURS: Record<TargetGroup, string> = {
  met: '#2e7d32',
  not_met: '#c62828',
  not_applicable: '#5c7cfa',
};

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

/**
 * One indicator's chart: a bar per unit (the worst {@link MAX_BARS} when there are more), coloured
 * by met / below target, with a dashed rule at a target all units share or a mark at each unit's
 * own, and the scope's aggregate and target in the subtitle.
 * @throws ChartError `unknown_indicator` when the report has no indicator `code`.
 */
export function indicatorSpec(
  report: StatusReport,
  locale: Locale,
  L: ExportLabels,
  code: string,
  given: readonly IndicatorMeta[] | undefined,
): TopLevelSpec {
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
    .sort((a, b) => (higherIsBetter ? b.value - a.value : a.value - b.value) || compareNames(a.name, b.name))
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

  const subtitle: string[] = [subtitleHead(report, locale, L)];
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
        L.t,
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
    subtitle.push(`${L.targetMarks}: ${targetText(relevant, meta.kind, locale, L.t, scopeNamer(report))}`);
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
            ? { labelExpr: axisLabelExpr(meta.kind, locale, L) }
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
    const ruleText = shared ? L.targetLabel(targetText([shared], meta.kind, locale, L.t)) : '';
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
    ...chartFrame(locale === 'vi' ? meta.labelVi : meta.labelEn, subtitleLines),
    data: { values: bars },
    height: { step: Math.max(28, 16 * Math.max(1, ...shown.map((r) => r.label.split('\n').length)) + 10) },
    layer: layers,
    config: baseConfig(locale, L),
  } as TopLevelSpec;
}
