/**
 * The {@link StatusExporter} on ExcelJS (workbook) and Vega + resvg (chart). Those libraries are
 * heavy to load, so this module imports them only when the first file is asked for: the service,
 * the CLI and the jobs can all hold an exporter for free.
 */
import type { StatusReport } from '../domain/status.js';
import { foldAccents } from '../domain/text.js';
import { formatPeriod, type Translate } from '../messages/format.js';
import type { OutgoingFile } from '../ports/channel.js';
import { ChartError, type StatusExporter } from '../ports/status-exporter.js';
import type { Locale, Translator } from '../ports/translator.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The exporter the composition root hands to the status use case; its words come from
 * `translator` (`locales/<lang>/exports.ftl`), file names included.
 */
export function createStatusExporter(translator: Translator): StatusExporter {
  // ASCII names a phone saves as they are, the period in words: tinh-hinh-BC6T-6-thang-dau-nam-2027.xlsx.
  const fileName = (report: StatusReport, locale: Locale, id: string, args: Record<string, string> = {}) => {
    const t: Translate = (key, a) => translator.t(locale, key, a);
    const period = foldAccents(formatPeriod(report.periodCode, t))
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase();
    return t(id, { duty: report.dutyCode, period, ...args });
  };
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
