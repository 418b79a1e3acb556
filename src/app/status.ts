/**
 * Status for a person (a manager's scope) or for everything (operators' CLI).
 */
import { localDateOf } from '../domain/calendar.js';
import { buildStatus, type StatusReport } from '../domain/status.js';
import type { Clock } from '../ports/clock.js';
import type { Scope, StatusStore } from '../ports/status-store.js';

export interface StatusQuery {
  dutyCode?: string | undefined;
  periodCode?: string | undefined;
  year?: number | undefined;
}

export type StatusResult =
  | { ok: true; report: StatusReport; scope: Scope }
  | {
      ok: false;
      reason: 'no_scope' | 'unknown_duty' | 'nothing_due' | 'empty';
      dutyCode?: string;
      periodCode?: string;
    };

export interface StatusService {
  forPerson(personId: number, q: StatusQuery): Promise<StatusResult>;
  forScope(scope: Scope, q: StatusQuery): Promise<StatusResult>;
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
    return { ok: true, report, scope };
  };
  return {
    forScope,
    async forPerson(personId, q) {
      const scope = await deps.store.scopeOf(personId);
      if (!scope) return { ok: false, reason: 'no_scope' };
      return forScope(scope, q);
    },
  };
}
