/**
 * The status report as a PNG chart (`/bieudo`), drawn in-process without a browser: a Vega-Lite
 * spec compiled by `vega-lite`, rendered to SVG by `vega` (no canvas), rasterised by
 * `@resvg/resvg-js` with an explicitly loaded DejaVu Sans (resvg is told not to look at system
 * fonts, so the picture is the same on every machine). Words from `locales/<lang>/exports.ftl`.
 */
import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { StatusReport } from '../domain/status.js';
import type { ChartKind, ChartOptions } from '../ports/status-exporter.js';
import type { Locale, Translator } from '../ports/translator.js';
import { chartFontFiles, FONT_FAMILY, useChartFontMetrics } from './chart-font.js';
import { completionSpec } from './completion-chart.js';
import { exportLabels } from './export-labels.js';
import { indicatorSpec } from './indicator-chart.js';

/** Rendered at twice the CSS width for crisp text on phones. */
const SCALE = 2;
/** Telegram refuses photos whose width + height exceed 10 000 px: tall charts get a smaller scale. */
const MAX_PIXEL_HEIGHT = 8000;

/** The SVG of a chart (what {@link statusChartPng} rasterises); useful to debug a spec. */
export async function statusChartSvg(
  translator: Translator,
  report: StatusReport,
  locale: Locale,
  kind: ChartKind,
  opts: ChartOptions = {},
): Promise<string> {
  const L = exportLabels((id, args) => translator.t(locale, id, args));
  const spec =
    kind === 'completion'
      ? completionSpec(report, locale, L)
      : indicatorSpec(report, locale, L, kind.indicator, opts.indicators);
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
 * within Telegram's photo limits): `'completion'` stacks on time / late / partly submitted /
 * not yet due / missing per group of `/tinhhinh` (units under their first cluster; in none, by a
 * type not organised in clusters, else `Không thuộc cụm`; a first bar for the whole scope when
 * there are several), with counts and shares;
 * `{ indicator }` draws one bar per unit, coloured by met / below target, with a dashed rule at
 * the target (or a mark at each unit's own target when they differ). Labels and numbers in
 * `locale`, words from `translator`.
 *
 * `opts.indicators` supplies names, kinds and targets when the report does not carry them.
 * @throws ChartError `unknown_indicator`, or `font_missing` when DejaVu Sans is not installed.
 */
export async function statusChartPng(
  translator: Translator,
  report: StatusReport,
  locale: Locale,
  kind: ChartKind,
  opts: ChartOptions = {},
): Promise<Buffer> {
  const fontFiles = chartFontFiles();
  const svg = await statusChartSvg(translator, report, locale, kind, opts);
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
