/**
 * The completion chart of a status report (`/bieudo`): how many units of each cluster reported
 * on time, late, in part, not yet (before the deadline) or not at all (after it).
 */
import type { TopLevelSpec } from 'vega-lite';
import { groupUnits, STATUS_STATES, type StatusReport, type StatusState } from '../domain/status.js';
import { formatShare } from '../messages/format.js';
import { groupHeading } from '../messages/status-view.js';
import type { Locale } from '../ports/translator.js';
import { chartMetrics } from './chart-font.js';
import {
  BAND_AXIS,
  baseConfig,
  chartFrame,
  plotWidthBeside,
  subtitleHead,
  wrapLabel,
} from './chart-layout.js';
import type { ExportLabels } from './export-labels.js';

const STATE_COLOURS: Record<StatusState, { fill: string; text: string }> = {
  on_time: { fill: '#2e7d32', text: '#ffffff' },
  late: { fill: '#f9a825', text: '#212121' },
  partial: { fill: '#64b5f6', text: '#212121' },
  missing: { fill: '#c62828', text: '#ffffff' },
  pending: { fill: '#b0bec5', text: '#212121' },
};

/**
 * The completion chart: one stacked bar per group of `/tinhhinh` (each cluster, units under their
 * first; then the units in no cluster by a type not organised in clusters; "no cluster" last), a
 * first bar for the whole scope when there are several, each segment a state with its count and
 * share when they fit, in the order of `STATUS_STATES`.
 */
export function completionSpec(report: StatusReport, locale: Locale, L: ExportLabels): TopLevelSpec {
  type Group = { name: string; counts: Record<StatusState, number>; total: number };
  const empty = (): Record<StatusState, number> => ({
    on_time: 0,
    late: 0,
    partial: 0,
    pending: 0,
    missing: 0,
  });
  // The groups /tinhhinh lists, in its order: clusters, types in no cluster, "no cluster" last.
  const clusters: Group[] = groupUnits(report.units, report.unitTypes).map((g) => {
    const counts = empty();
    for (const u of g.units) counts[u.state]++;
    return { name: groupHeading(g, locale, L.noCluster), counts, total: g.units.length };
  });
  const all: Group = { name: L.all, counts: { ...report.totals }, total: report.total };
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
    return STATUS_STATES.filter((s) => g.counts[s] > 0).map((s) => {
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
    ...chartFrame(L.completionTitle, [
      `${subtitleHead(report, locale, L)}: ${L.submittedOf(done, report.total, formatShare(done, report.total, locale))}`,
    ]),
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
              domain: STATUS_STATES.map((s) => L.states[s]),
              range: STATUS_STATES.map((s) => STATE_COLOURS[s].fill),
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
    config: baseConfig(locale, L),
  } as TopLevelSpec;
}
