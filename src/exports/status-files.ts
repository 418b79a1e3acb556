/**
 * The {@link StatusExporter} on ExcelJS (workbook) and Vega + resvg (chart). Those libraries are
 * heavy to load, so this module imports them only when the first file is asked for: the service,
 * the CLI and the jobs can all hold an exporter for free.
 */
import type { StatusReport } from '../domain/status.js';
import type { OutgoingFile } from '../ports/channel.js';
import { ChartError, type StatusExporter } from '../ports/status-exporter.js';
import type { Locale, Translator } from '../ports/translator.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The exporter the composition root hands to the status use case; its words come from
 * `translator` (`locales/<lang>/exports.ftl`), file names included.
 */
export function createStatusExporter(translator: Translator): StatusExporter {
  const fileName = (report: StatusReport, locale: Locale, id: string, args: Record<string, string> = {}) =>
    translator.t(locale, id, { duty: report.dutyCode, period: report.periodCode, ...args });
  return {
    async workbook(report, locale, opts): Promise<OutgoingFile> {
      const { statusWorkbook } = await import('./status-xlsx.js');
      const data = await statusWorkbook(translator, report, locale, opts);
      return { name: fileName(report, locale, 'export-file-workbook'), mime: XLSX_MIME, data };
    },
    async chart(report, locale, kind, opts = {}): Promise<OutgoingFile> {
      // Refused before the renderer (and Vega with it) is loaded.
      if (kind !== 'completion' && !report.indicators.some((i) => i.code === kind.indicator))
        throw new ChartError('unknown_indicator', `No indicator ${kind.indicator} in this report`);
      const { statusChartPng } = await import('./status-chart.js');
      const data = await statusChartPng(translator, report, locale, kind, opts);
      return {
        name:
          kind === 'completion'
            ? fileName(report, locale, 'export-file-chart')
            : fileName(report, locale, 'export-file-chart-indicator', { indicator: kind.indicator }),
        mime: 'image/png',
        data,
        asPhoto: true,
      };
    },
  };
}
