/**
 * Managers' status, always within the person's scope: `/tinhhinh` (or a plain question such as
 * "đơn vị nào chưa nộp báo cáo 6 tháng?") in pages, `/chitieu` figures against targets,
 * `/tonghop` a drafted paragraph, `/xuat` an Excel workbook and `/bieudo` a chart.
 */
import type { StatusQuery } from '../../app/status.js';
import { localDateOf, samePeriodYearBefore } from '../../domain/calendar.js';
import { statusPages, summaryParagraph, targetsText } from '../../messages/status-view.js';
import type { Button } from '../../ports/channel.js';
import { btn, reportTitle, say, type Turn, tr } from '../context.js';

/**
 * Units a chat answer names per section; the rest are counted and left to `/xuat`. About a
 * page and a half: enough to call round, short enough to read on a phone.
 */
const CHAT_LISTED_UNITS = 30;

/** Why a status answer was refused, as the status service reports it. */
interface Refusal {
  reason: string;
  dutyCode?: string | undefined;
  periodCode?: string | undefined;
}

/** Says why there is no answer (no scope, nothing due, no such duty or indicator). */
export function statusRefusal(turn: Turn, result: Refusal): void {
  turn.state.flow = { k: 'idle' };
  const args = { duty: result.dutyCode ?? '', period: result.periodCode ?? '' };
  const id =
    result.reason === 'no_scope'
      ? 'status-no-scope'
      : result.reason === 'nothing_due'
        ? 'status-nothing'
        : result.reason === 'empty'
          ? 'status-none'
          : result.reason === 'unknown_indicator'
            ? 'chart-unknown-indicator'
            : 'status-unknown-duty';
  say(turn, tr(turn, id, args));
}

/** `/tinhhinh` and plain questions: one page of the status report, with page buttons. */
export async function status(turn: Turn, q: StatusQuery, page = 0): Promise<void> {
  const { deps } = turn.ctx;
  if (!deps.status) return say(turn, tr(turn, 'manager-status-coming'));
  const result = await deps.status.forPerson(turn.binding!.personId, q);
  if (!result.ok) return statusRefusal(turn, result);
  const pages = statusPages(
    result.report,
    turn.locale,
    (id, args) => tr(turn, id, args),
    result.scope.kind === 'all',
    deps.timeZone,
    { maxUnits: CHAT_LISTED_UNITS },
  );
  const p = Math.min(Math.max(0, page), pages.length - 1);
  const token = turn.ctx.newToken();
  turn.state.flow = { k: 'status', token, duty: result.report.dutyCode, period: result.report.periodCode };
  const nav: Button[] = [];
  if (p > 0) nav.push(btn(token, 'stp', tr(turn, 'btn-prev-page'), p - 1));
  if (p < pages.length - 1) nav.push(btn(token, 'stp', tr(turn, 'btn-next-page'), p + 1));
  say(turn, pages[p]!, nav.length ? [nav] : undefined);
}

/** `/xuat` and `/bieudo [duty] [period] [indicator]`: the workbook or the chart as a file. */
export async function statusFile(turn: Turn, kind: 'xuat' | 'bieudo', args: string): Promise<void> {
  const { deps } = turn.ctx;
  if (!deps.status) return say(turn, tr(turn, 'manager-status-coming'));
  // [duty] [period] [indicator], e.g. "/bieudo BC6T 2027-H1 thads_viec".
  const words = args.split(/\s+/).filter(Boolean).slice(0, 3);
  const period = words.find((w) => /^\d{4}(-H[12])?$/i.test(w))?.toUpperCase();
  const [duty, indicatorWord] = words.filter((w) => w.toUpperCase() !== period);
  const indicator = indicatorWord?.toLowerCase();
  const q = { dutyCode: duty?.toUpperCase(), periodCode: period };
  const personId = turn.binding!.personId;
  const result =
    kind === 'xuat'
      ? await deps.status.xlsxFor(personId, q, turn.locale)
      : await deps.status.chartFor(personId, q, turn.locale, indicator);
  if (!result.ok) return statusRefusal(turn, result);
  const report = result.report;
  turn.out.push({
    text: tr(turn, kind === 'xuat' ? 'export-caption' : 'chart-caption', {
      report: reportTitle(turn, report, report.periodCode),
    }),
    file: result.file,
  });
}

/** `/chitieu` (figures against targets) and `/tonghop` (a paragraph for the consolidated report). */
export async function statusText(turn: Turn, kind: 'chitieu' | 'tonghop', args: string): Promise<void> {
  const { deps } = turn.ctx;
  if (!deps.status) return say(turn, tr(turn, 'manager-status-coming'));
  const [duty, period] = args.split(/\s+/).filter(Boolean);
  const result = await deps.status.forPerson(turn.binding!.personId, {
    dutyCode: duty?.toUpperCase(),
    periodCode: period?.toUpperCase(),
  });
  if (!result.ok) return statusRefusal(turn, result);
  const t = (id: string, a?: Record<string, string | number>) => tr(turn, id, a);
  const today = localDateOf(turn.now, deps.timeZone);
  if (kind === 'chitieu') return say(turn, targetsText(result.report, turn.locale, t));
  // The same report a year earlier, over the same scope, for "cùng kỳ năm trước".
  const { dutyCode, periodCode } = result.report;
  const lastYear = samePeriodYearBefore(periodCode);
  const previous = lastYear
    ? await deps.status.forPerson(turn.binding!.personId, { dutyCode, periodCode: lastYear })
    : null;
  say(turn, summaryParagraph(result.report, turn.locale, t, today, previous?.ok ? previous.report : null));
}
