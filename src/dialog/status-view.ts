/** The status report as chat text, paginated. */
import { localDateOf } from '../domain/calendar.js';
import type { StatusReport } from '../domain/status.js';
import type { Locale } from '../ports/translator.js';

const PAGE_LINES = 35;

export function statusPages(
  report: StatusReport,
  locale: Locale,
  t: (id: string, args?: Record<string, string | number>) => string,
  scopeAll: boolean,
  timeZone: string,
): string[] {
  const head = [
    t('status-title', {
      duty: locale === 'vi' ? report.dutyNameVi : report.dutyNameEn,
      period: report.periodCode,
      scope: scopeAll ? t('status-scope-all') : t('status-scope-units', { count: report.total }),
    }),
    t('status-totals', {
      onTime: report.totals.on_time,
      late: report.totals.late,
      missing: report.totals.missing,
      pending: report.totals.pending,
      done: report.totals.on_time + report.totals.late,
      total: report.total,
      percent: percent(report.totals.on_time + report.totals.late, report.total, locale),
    }),
  ];
  const body: string[] = [];
  if (report.missingByCluster.length > 0) {
    body.push(t('status-missing-title'));
    for (const g of report.missingByCluster) {
      body.push(
        t('status-cluster', { cluster: g.cluster?.name ?? t('status-no-cluster'), count: g.units.length }),
      );
      for (const u of g.units) body.push(t('status-unit-line', { unit: u.name }));
    }
  }
  if (report.late.length > 0) {
    body.push(t('status-late-title'));
    for (const u of report.late) {
      const at = u.submittedAt ? localDateOf(new Date(u.submittedAt), timeZone) : null;
      body.push(
        t('status-unit-late', { unit: u.name, at: at ? `${at.slice(8, 10)}/${at.slice(5, 7)}` : '?' }),
      );
    }
  }
  const pages: string[] = [];
  for (let i = 0; i === 0 || i < body.length; i += PAGE_LINES) {
    pages.push([...(i === 0 ? head : [head[0]!]), ...body.slice(i, i + PAGE_LINES)].join('\n'));
  }
  return pages;
}

function percent(part: number, whole: number, locale: Locale): string {
  if (whole === 0) return '0';
  const v = Math.min(100, (part / whole) * 100);
  const s = (Math.round(v * 10) / 10).toString();
  return locale === 'vi' ? s.replace('.', ',') : s;
}
