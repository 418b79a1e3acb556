/**
 * The status report as files people open elsewhere: an Excel workbook and a PNG chart.
 */
import type { StatusIndicator, StatusReport } from '../domain/status.js';
import type { OutgoingFile } from './channel.js';
import type { Locale } from './translator.js';

/** What an export needs to know about an indicator beyond its figures: names, kind, targets. */
export type IndicatorMeta = Pick<StatusIndicator, 'code' | 'labelVi' | 'labelEn' | 'kind' | 'targets'>;

/** What a chart draws: completion by cluster, or one indicator's values against its target. */
export type ChartKind = 'completion' | { indicator: string };

/** How a workbook is dated, and the indicators' names, kinds and targets when the report lacks them. */
export interface WorkbookOptions {
  /** The zone submission times and the generation time are written in (Excel has no zones). */
  timeZone: string;
  /** When the file was made; printed in its title. */
  generatedAt: Date;
  indicators?: readonly IndicatorMeta[] | undefined;
}

/** The indicators' names, kinds and targets when the report does not carry them. */
export interface ChartOptions {
  indicators?: readonly IndicatorMeta[] | undefined;
}

/**
 * Renders a {@link StatusReport} as a file in a reader's locale, ready to send on any channel.
 *
 * Contract: every word in the file comes from the locale's messages; numbers and dates follow the
 * locale's conventions. `workbook` always succeeds for a report with units. `chart` draws
 * `'completion'` for any report, and `{ indicator }` only for an indicator of
 * `report.indicators`: any other code is refused with a {@link ChartError} `unknown_indicator`,
 * before anything heavy is loaded. A missing chart font is a {@link ChartError} `font_missing`
 * (an installation fault, not a user's). Implementations load their rendering libraries on the
 * first export only, so a process that never exports never pays for them.
 */
export interface StatusExporter {
  /** An `.xlsx` with a status sheet (one row per unit) and a figures sheet (values against targets). */
  workbook(report: StatusReport, locale: Locale, opts: WorkbookOptions): Promise<OutgoingFile>;
  /** A PNG picture (`asPhoto`) of completion by cluster, or of one indicator against its target. */
  chart(report: StatusReport, locale: Locale, kind: ChartKind, opts?: ChartOptions): Promise<OutgoingFile>;
}

/** Why a chart could not be drawn. */
export type ChartErrorCode = 'font_missing' | 'unknown_indicator';

/**
 * A chart that cannot be drawn: `unknown_indicator` is the caller's to turn into a refusal;
 * `font_missing` means the server lacks DejaVu Sans (install `dejavu-fonts-ttf` or
 * `fonts-dejavu-core`) and retrying will not help.
 */
export class ChartError extends Error {
  override readonly name = 'ChartError';
  constructor(
    readonly code: ChartErrorCode,
    message: string,
  ) {
    super(message);
  }
}
