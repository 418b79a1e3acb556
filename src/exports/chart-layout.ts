/**
 * What every status chart shares: its width, padding, row labels wrapped to the font's real
 * widths, axis labels, and the Vega-Lite config (font, number locale, legend, title).
 */
import type { StatusReport } from '../domain/status.js';
import type { Locale } from '../ports/translator.js';
import { chartMetrics, FONT_FAMILY } from './chart-font.js';
import type { ExportLabels } from './export-labels.js';

/** Width of the picture in CSS pixels; rendered at twice that for crisp text on phones. */
export const CHART_WIDTH = 900;

/** Row labels are wrapped to this width (px at the axis' font size) over at most three lines. */
const LABEL_WIDTH = 300;

/** Room around the plot, in CSS pixels. */
export const PADDING = { left: 16, right: 24, top: 16, bottom: 16 };

/** Band axes of unit or cluster names: multi-line labels, no ticks. */
export const BAND_AXIS = {
  labelLimit: LABEL_WIDTH + 60,
  labelExpr: "split(datum.label, '\\n')",
  labelLineHeight: 16,
  ticks: false,
  domain: false,
  labelPadding: 8,
} as const;

/**
 * A row label wrapped on spaces into lines at most {@link LABEL_WIDTH} wide, cut with `…` after
 * `maxLines`; `suffix` (a count) always stays on the last line.
 */
export function wrapLabel(
  text: string,
  suffix = '',
  fontSize = 12,
  maxLines = 3,
  width = LABEL_WIDTH,
): string {
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
export function axisLabelExpr(kind: 'percent' | 'money', locale: Locale, L: ExportLabels): string {
  if (kind === 'percent') return `datum.label + '${locale === 'vi' ? ' %' : '%'}'`;
  const [bn, m] = [JSON.stringify(L.axisBillions), JSON.stringify(L.axisMillions)];
  return `datum.value >= 1e9 ? format(datum.value / 1e9, ',.2~f') + ${bn} : datum.value >= 1e6 ? format(datum.value / 1e6, ',.1~f') + ${m} : datum.label`;
}

/** The plot's width beside a column of (multi-line) row labels, within {@link CHART_WIDTH}. */
export function plotWidthBeside(labels: readonly string[], fontSize: number): number {
  const { regular } = chartMetrics();
  const widest = Math.max(0, ...labels.flatMap((l) => l.split('\n')).map((l) => regular.width(l, fontSize)));
  return CHART_WIDTH - PADDING.left - PADDING.right - widest - BAND_AXIS.labelPadding;
}

function vegaLocale(locale: Locale, L: ExportLabels) {
  return locale === 'vi'
    ? { decimal: ',', thousands: '.', grouping: [3], currency: ['', ` ${L.moneyUnit}`], percent: '\u00a0%' }
    : { decimal: '.', thousands: ',', grouping: [3], currency: ['', ` ${L.moneyUnit}`] };
}

/**
 * The frame every chart's spec opens with: Vega-Lite's schema, {@link CHART_WIDTH} fitted with
 * its padding, a white ground (a photo has no transparency), the title and its subtitle lines.
 */
export function chartFrame(text: string, subtitle: readonly string[]) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    autosize: { type: 'fit-x', contains: 'padding' },
    padding: PADDING,
    background: '#ffffff',
    title: { text, subtitle },
  } as const;
}

/** The Vega-Lite config of every chart: the one font, the locale's numbers, legend and title. */
export function baseConfig(locale: Locale, L: ExportLabels) {
  return {
    font: FONT_FAMILY,
    locale: { number: vegaLocale(locale, L) },
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

/** The first subtitle line of every chart: the duty and its period. */
export function subtitleHead(report: StatusReport, locale: Locale, L: ExportLabels): string {
  return L.chartSubtitle(locale === 'vi' ? report.dutyNameVi : report.dutyNameEn, report.periodCode);
}
