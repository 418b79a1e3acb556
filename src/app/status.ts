/**
 * Status for a person (a manager's scope) or for everything (operators' CLI).
 */
import { localDateOf } from '../domain/calendar.js';
import { buildStatus, type StatusIndicator, type StatusReport } from '../domain/status.js';
import type { OutgoingFile } from '../ports/channel.js';
import type { Clock } from '../ports/clock.js';
import { ChartError, type StatusExporter } from '../ports/status-exporter.js';
import type { Scope, StatusStore } from '../ports/status-store.js';
import type { Locale } from '../ports/translator.js';

/** Which report a person asks for; what is left out is inferred (nearest duty, current year). */
export interface StatusQuery {
  dutyCode?: string | undefined;
  periodCode?: string | undefined;
  year?: number | undefined;
}

/** A status report within a scope, or why there is none (a refusal for the reader, not an error). */
export type StatusResult =
  | { ok: true; report: StatusReport; scope: Scope; indicators: StatusIndicator[] }
  | {
      ok: false;
      reason: 'no_scope' | 'unknown_duty' | 'nothing_due' | 'empty';
      dutyCode?: string;
      periodCode?: string;
    };

/** A report as a file to send, or why there is none. */
export type FileResult =
  | { ok: true; file: OutgoingFile; report: StatusReport }
  | Exclude<StatusResult, { ok: true }>
  | { ok: false; reason: 'unknown_indicator' };

/** Status reports and their files for managers (their scope) and operators (everything). */
export interface StatusService {
  /** The report within the scope of a person's manager roles (`no_scope` when they manage nothing). */
  forPerson(personId: number, q: StatusQuery): Promise<StatusResult>;
  /** The report within a given scope. */
  forScope(scope: Scope, q: StatusQuery): Promise<StatusResult>;
  /** The report as an Excel workbook (status and figures sheets). */
  xlsxFor(personId: number, q: StatusQuery, locale: Locale): Promise<FileResult>;
  /** A PNG chart: completion by cluster, or one indicator against its target. */
  chartFor(personId: number, q: StatusQuery, locale: Locale, indicator?: string): Promise<FileResult>;
}

/**
 * The report a question is about: the duty asked (any case), else the nearest one due in the
 * scope; the period asked, else the nearest one's, else the duty's period of the year asked
 * (`q.year`, default this year). Null when no duty was asked and none is due in the scope.
 * Shared by status answers and by locking, so both read "/khoa" and "/tinhhinh" alike.
 */
export async function reportAsked(
  store: Pick<StatusStore, 'nearestDuty' | 'periodFor'>,
  scope: Scope,
  q: StatusQuery,
  today: string,
): Promise<{ dutyCode: string; periodCode: string } | null> {
  let dutyCode = q.dutyCode?.toUpperCase();
  let periodCode = q.periodCode;
  if (!dutyCode) {
    const nearest = await store.nearestDuty(scope, today);
    if (!nearest) return null;
    dutyCode = nearest.dutyCode;
    periodCode ??= nearest.periodCode;
  }
  if (!periodCode) {
    const year = q.year ?? Number(today.slice(0, 4));
    periodCode = (await store.periodFor(dutyCode, year)) ?? String(year);
  }
  return { dutyCode, periodCode };
}

/**
 * The status use case over its store; files are rendered by `exporter` (which loads its libraries
 * on the first export only).
 */
export function createStatusService(deps: {
  store: StatusStore;
  clock: Clock;
  timeZone: string;
  exporter: StatusExporter;
}): StatusService {
  const forScope = async (scope: Scope, q: StatusQuery): Promise<StatusResult> => {
    const today = localDateOf(deps.clock.now(), deps.timeZone);
    const which = await reportAsked(deps.store, scope, q, today);
    if (!which) return { ok: false, reason: 'nothing_due' };
    const { dutyCode, periodCode } = which;
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
      const file = await deps.exporter.workbook(r.report, locale, {
        timeZone: deps.timeZone,
        generatedAt: deps.clock.now(),
        indicators: r.indicators,
      });
      return { ok: true, report: r.report, file };
    },
    async chartFor(personId, q, locale, indicator) {
      const r = await forPerson(personId, q);
      if (!r.ok) return r;
      try {
        const file = await deps.exporter.chart(r.report, locale, indicator ? { indicator } : 'completion', {
          indicators: r.indicators,
        });
        return { ok: true, report: r.report, file };
      } catch (err) {
        if (err instanceof ChartError && err.code === 'unknown_indicator')
          return { ok: false, reason: 'unknown_indicator' };
        throw err;
      }
    },
  };
}
