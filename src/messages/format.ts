/**
 * One formatter per concept of what people read: a value with its unit, a target, a period, a
 * date, a date and time, and the order of names in a list. The dialog, the reminders, the
 * exports and the CLI all write these through here, so a change of wording or of convention is
 * made once. Words come from `locales/` through the `t` function the caller passes; the
 * formatters add only symbols (`≥`, `–`) and digits.
 */
import type { IndicatorKind } from '../domain/figures/index.js';
import { formatNumber, formatValue } from '../domain/figures/index.js';
import type { ScopedTarget } from '../domain/submission.js';
import { compareNames } from '../domain/text.js';
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
 * A reporting period as people read it. Today the code itself (`2027-H1`, `2027`): every place
 * that prints a period goes through here.
 */
export function formatPeriod(periodCode: string): string {
  return periodCode;
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
 * An instant in `timeZone` with hours and minutes and a four-digit year, in the reader's
 * convention: `12:43 06/12/2026` (vi), `06/12/2026, 12:43` (en).
 */
export function formatDateTime(instant: Date, timeZone: string, locale: Locale): string {
  const key = `${locale}|${timeZone}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    dateTimeFormats.set(key, f);
  }
  return f.format(instant);
}
