/**
 * One formatter per concept of what people read: a value with its unit, a target, a period, a
 * date, a date and time, and the order of names in a list. The dialog, the reminders, the
 * exports and the CLI all write these through here, so a change of wording or of convention is
 * made once. Words come from `locales/` through the `t` function the caller passes; the
 * formatters add only symbols (`≥`, `–`) and digits.
 */

import { type PeriodInfo, parsePeriodCode } from '../domain/calendar.js';
import type { IndicatorKind } from '../domain/figures/index.js';
import { formatNumber, formatValue } from '../domain/figures/index.js';
import type { ScopedTarget } from '../domain/submission.js';
import { compareNames, foldForMatch } from '../domain/text.js';
import type { Locale } from '../ports/translator.js';

export { compareNames, formatNumber, formatValue };

/** A translation function bound to the reader's locale (`tr(locale, …)` curried). */
export type Translate = (id: string, args?: Record<string, string | number>) => string;

/**
 * A target in a few characters: `> 82,5 %`, `≤ 5`, `8–10 %` (the unit once, after the upper
 * bound), `tổng ≥ 15` for a system-wide sum (its word from `target-sum`); an open range reads as
 * its one bound. Empty when the target has no bound to show.
 */
export function formatTarget(
  target: ScopedTarget,
  kind: IndicatorKind,
  locale: Locale,
  t: Translate,
): string {
  const v = (x: number) => formatValue(x, kind, locale);
  switch (target.kind) {
    case 'floor':
      return target.min === null ? '' : `${target.inclusive ? '≥' : '>'} ${v(target.min)}`;
    case 'ceiling':
      return target.max === null ? '' : `${target.inclusive ? '≤' : '<'} ${v(target.max)}`;
    case 'range':
      if (target.min !== null && target.max !== null)
        return `${formatNumber(target.min, locale)}–${v(target.max)}`;
      if (target.min !== null) return `≥ ${v(target.min)}`;
      return target.max === null ? '' : `≤ ${v(target.max)}`;
    case 'sum':
      return target.min === null ? '' : t('target-sum', { value: v(target.min) });
  }
}

/** The share `part` of `whole` as a percentage with one decimal at most: `83,5 %` / `83.5%`. */
export function formatShare(part: number, whole: number, locale: Locale): string {
  const share = whole === 0 ? 0 : Math.min(1, part / whole);
  return formatValue(Math.round(share * 1000) / 10, 'percent', locale);
}

/**
 * A reporting period in words: `6 tháng đầu năm 2027`, `năm 2027` (vi); `first half of 2027`,
 * `2027` (en), from the locale's `period-year` / `period-half1` / `period-half2`. A code that is
 * not a period (data, not a crash) is printed as it is.
 */
export function formatPeriod(periodCode: string, t: Translate): string {
  const p = parsePeriodCode(periodCode);
  if (!p) return periodCode;
  return t(periodMessage(p), { year: String(p.year) });
}

/**
 * A report as people name it: the duty's name and its period in words, never saying the period
 * twice — `Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2027` (the name already ends
 * with "6 tháng đầu năm"), `Kế hoạch thi đua và đăng ký danh hiệu thi đua năm 2027`; in English
 * `Six-month emulation and commendation report (first half of 2027)`.
 */
export function formatReport(dutyName: string, periodCode: string, t: Translate): string {
  const p = parsePeriodCode(periodCode);
  if (p) {
    // The period's words before its year ("6 tháng đầu năm", "năm"): a name ending with the
    // first of them ("Báo cáo 6 tháng") goes on with the rest and the year.
    const words = t(periodMessage(p), { year: YEAR_MARK });
    const at = words.indexOf(YEAR_MARK);
    const lead =
      at > 0 && at + YEAR_MARK.length === words.length ? words.slice(0, at).trim().split(/\s+/) : [];
    const name = dutyName.trim().split(/\s+/);
    for (let k = Math.min(lead.length, name.length); k > 0; k--) {
      const tail = name.slice(-k).map(foldForMatch).join(' ');
      if (tail === lead.slice(0, k).map(foldForMatch).join(' '))
        return [...name, ...lead.slice(k), String(p.year)].join(' ');
    }
  }
  return t('report-title', { duty: dutyName, period: formatPeriod(periodCode, t) });
}

/** Stands for the year while the period's own words are read (a character no message holds). */
const YEAR_MARK = '\u2063';

function periodMessage(p: PeriodInfo): string {
  return p.kind === 'year' ? 'period-year' : p.half === 2 ? 'period-half2' : 'period-half1';
}

/** An ISO calendar date (`2027-07-15`) as `15/07/2027`, the convention of both languages here. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/** An ISO calendar date as day and month only: `15/07`. */
export function formatDayMonth(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}`;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant in `timeZone`, hours and minutes then the date with a four-digit year, in the
 * reader's words (`date-time`): `12:43 ngày 06/12/2026` (vi), `12:43 on 06/12/2026` (en). A
 * message says "lúc"/"at" before it where the sentence wants it.
 */
export function formatDateTime(instant: Date, timeZone: string, t: Translate): string {
  let f = dateTimeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    dateTimeFormats.set(timeZone, f);
  }
  const part = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
  return t('date-time', {
    time: `${part.hour}:${part.minute}`,
    date: `${part.day}/${part.month}/${part.year}`,
  });
}
