/**
 * Status for a person (a manager's scope) or for everything (operators' CLI).
 */
import { localDateOf } from '../domain/calendar.js';
import { buildStatus, type StatusIndicator, type StatusReport } from '../domain/status.js';
import type { OutgoingFile } from '../ports/channel.js';
import type { Clock } from '../ports/clock.js';
import type { Scope, StatusStore } from '../ports/status-store.js';
import type { Locale } from '../ports/translator.js';

export interface StatusQuery {
  dutyCode?: string | undefined;
  periodCode?: string | undefined;
  year?: number | undefined;
}

export type StatusResult =
  | { ok: true; report: StatusReport; scope: Scope; indicators: StatusIndicator[] }
  | {
      ok: false;
      reason: 'no_scope' | 'unknown_duty' | 'nothing_due' | 'empty';
      dutyCode?: string;
      periodCode?: string;
    };

export type FileResult =
  | { ok: true; file: OutgoingFile; report: StatusReport }
  | Exclude<StatusResult, { ok: true }>
  | { ok: false; reason: 'unknown_indicator' };

export interface StatusService {
  forPerson(personId: number, q: StatusQuery): Promise<StatusResult>;
  forScope(scope: Scope, q: StatusQuery): Promise<StatusResult>;
  /** The report as an Excel workbook (status and figures sheets). */
  xlsxFor(personId: number, q: StatusQuery, locale: Locale): Promise<FileResult>;
  /** A PNG chart: completion by cluster, or one indicator against its target. */
  chartFor(personId: number, q: StatusQuery, locale: Locale, indicator?: string): Promise<FileResult>;
}

export function createStatusService(deps: {
  store: StatusStore;
  clock: Clock;
  timeZone: string;
}): StatusService {
  const forScope = async (scope: Scope, q: StatusQuery): Promise<StatusResult> => {
    const today = localDateOf(deps.clock.now(), deps.timeZone);
    let dutyCode = q.dutyCode?.toUpperCase();
    let periodCode = q.periodCode;
    if (!dutyCode) {
      const nearest = await deps.store.nearestDuty(scope, today);
      if (!nearest) return { ok: false, reason: 'nothing_due' };
      dutyCode = nearest.dutyCode;
      periodCode ??= nearest.periodCode;
    }
    if (!periodCode) {
      const year = q.year ?? Number(today.slice(0, 4));
      periodCode = (await deps.store.periodFor(dutyCode, year)) ?? String(year);
    }
    const input = await deps.store.statusInput(dutyCode, periodCode, scope, today);
    if (!input) return { ok: false, reason: 'unknown_duty', dutyCode, periodCode };
    const report = buildStatus(input);
    if (report.total === 0) return { ok: false, reason: 'empty', dutyCode, periodCode };
    return { ok: true, report, scope, indicators: [...input.indicators] };
  };
  const forPerson = async (personId: number, q: StatusQuery): Promise<StatusResult> => {
    const scope = await deps.store.scopeOf(personId);
    if (!scope) return { ok: false, reason: 'no_scope' };
    return forScope(scope, q);
  };
  return {
    forScope,
    forPerson,
    async xlsxFor(personId, q, locale) {
      const r = await forPerson(personId, q);
      if (!r.ok) return r;
      const { statusWorkbook } = await import('../exports/status-xlsx.js');
      const data = await statusWorkbook(r.report, locale, {
        timeZone: deps.timeZone,
        generatedAt: deps.clock.now(),
        indicators: r.indicators,
      });
      return {
        ok: true,
        report: r.report,
        file: {
          name: `tinh-hinh-${r.report.dutyCode}-${r.report.periodCode}.xlsx`,
          mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          data,
        },
      };
    },
    async chartFor(personId, q, locale, indicator) {
      const r = await forPerson(personId, q);
      if (!r.ok) return r;
      if (indicator && !r.indicators.some((i) => i.code === indicator))
        return { ok: false, reason: 'unknown_indicator' };
      const { statusChartPng } = await import('../exports/status-chart.js');
      const data = await statusChartPng(r.report, locale, indicator ? { indicator } : 'completion', {
        indicators: r.indicators,
      });
      return {
        ok: true,
        report: r.report,
        file: {
          name: `bieu-do-${r.report.dutyCode}-${r.report.periodCode}${indicator ? `-${indicator}` : ''}.png`,
          mime: 'image/png',
          data,
          asPhoto: true,
        },
      };
    },
  };
}
