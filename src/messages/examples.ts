/**
 * Example messages built from a report's own indicators ("việc 83,5%, tiền 46,2%…"), shared by
 * the dialog's help and the reminders.
 *
 * Contract: an example is something the bot itself accepts. Each value suits its indicator's
 * kind and bounds (a yes/no answer is `có`/`yes`, a count a whole number between min and max, a
 * percent within its range written `83,5%` in Vietnamese and `83.5%` in English, money in
 * `triệu`/`nghìn`/`đồng` or `VND`); free-text indicators are left out because the parser never
 * reads them. Every example is checked with the real parser before it is shown: a part the
 * parser would not read back exactly is rewritten with another label or dropped.
 */
import { type IndicatorSpec, type ParseResult, parseFigures } from '../domain/figures/index.js';
import type { Locale } from '../ports/translator.js';

/** Shown when no indicator is known yet (no unit bound, no report due). */
const GENERIC: Record<Locale, string> = { vi: 'việc 83,5% tiền 46,2%', en: 'việc 83.5% tiền 46.2%' };

/** A short answer for a free-text indicator, used only when a report asks for nothing else. */
const TEXT_SAMPLE: Record<Locale, string> = { vi: 'đã hoàn thành', en: 'completed' };

/** How many indicators an example shows at most. */
const MAX_PARTS = 3;

/** An example and the values the parser reads from it, by indicator code. */
export interface ExampleFigures {
  text: string;
  values: Record<string, number>;
}

/** The shortest way people write an indicator's label (at least 3 characters). */
export function shortestLabel(i: Pick<IndicatorSpec, 'labelVi' | 'synonyms'>): string {
  const candidates = [...i.synonyms, i.labelVi].filter((s) => s.length >= 3);
  return candidates.sort((a, b) => a.length - b.length)[0] ?? i.labelVi;
}

/** Every label of an indicator, the shortest readable ones first, the full label last. */
function labelsOf(i: IndicatorSpec): string[] {
  const all = [...(Array.isArray(i.synonyms) ? i.synonyms : []), i.labelVi].filter(
    (s): s is string => typeof s === 'string' && s.trim() !== '',
  );
  const byLength = (a: string, b: string) => a.length - b.length;
  const long = all.filter((s) => s.length >= 3).sort(byLength);
  const short = all.filter((s) => s.length < 3).sort(byLength);
  return [...new Set([...long, ...short])];
}

function bound(value: number | null | undefined, fallback: number): number {
  return typeof value === 'number' && !Number.isNaN(value) ? value : fallback;
}

/** `value` moved into [low, high] (to `low` when the range is empty). */
function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}

/** Digits without grouping (a grouped `1.234` could read as 1,234), the locale's decimal mark. */
function plainNumber(value: number, locale: Locale): string {
  const text = String(Number(value.toFixed(4)));
  return locale === 'vi' ? text.replace('.', ',') : text;
}

/** Money in đồng the way people write it: `15 triệu`, `2,5 triệu`, `500 nghìn` / `15,000,000 VND`. */
function moneyText(value: number, locale: Locale): string {
  if (locale === 'en') {
    // Two or more commas read only as thousands; a single `1,500` could read as 1.5.
    const digits = String(value);
    const grouped = value >= 1_000_000 ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : digits;
    return `${grouped} VND`;
  }
  // `2,5 triệu`, but never three decimals: `2,125 triệu` could also read as 2 125 triệu.
  if (value >= 1_000_000 && value % 10_000 === 0) return `${plainNumber(value / 1_000_000, locale)} triệu`;
  if (value >= 1_000 && value % 1_000 === 0) return `${value / 1_000} nghìn`;
  return `${value} đồng`;
}

/**
 * A value for the `n`-th indicator of an example, within the indicator's bounds, and how it is
 * written; `null` for a free-text indicator (the parser does not read those).
 */
export function sampleFor(
  i: IndicatorSpec,
  n: number,
  locale: Locale,
): { value: number; text: string } | null {
  switch (i.kind) {
    case 'percent': {
      const low = Math.ceil(bound(i.min, 0) * 10) / 10;
      const high = Math.floor(bound(i.max, 100) * 10) / 10;
      const value = clamp([83.5, 46.2, 90][n % 3] ?? 83.5, low, high);
      return { value, text: `${plainNumber(value, locale)}%` };
    }
    case 'count': {
      const low = Math.ceil(bound(i.min, 0));
      const high = Math.floor(bound(i.max, Number.POSITIVE_INFINITY));
      const value = clamp([2, 1, 3][n % 3] ?? 2, low, high);
      return { value, text: plainNumber(value, locale) };
    }
    case 'money': {
      const low = Math.ceil(bound(i.min, 0));
      const high = Math.floor(bound(i.max, Number.POSITIVE_INFINITY));
      const value = clamp(15_000_000, low, high);
      return { value, text: moneyText(value, locale) };
    }
    case 'boolean': {
      const yes = bound(i.min, 0) <= 1 && bound(i.max, 1) >= 1;
      const value = yes ? 1 : 0;
      const text = locale === 'vi' ? (yes ? 'có' : 'không') : yes ? 'yes' : 'no';
      return { value, text };
    }
    default:
      return null;
  }
}

/** Whether the parser reads exactly `expected` from `result`, with nothing refused or left over. */
function readsExactly(result: ParseResult, expected: Record<string, number>): boolean {
  if (result.invalid.length + result.ambiguous.length + result.unused.length > 0) return false;
  if (result.duplicates.length > 0) return false;
  const got = Object.entries(result.values);
  return (
    got.length === Object.keys(expected).length && got.every(([code, value]) => expected[code] === value)
  );
}

/**
 * An example for the first indicators (at most three) and the values it carries. `context` is
 * every indicator the reply will be parsed against (default: `indicators`); labels that another
 * indicator of the context shares or outranks are avoided.
 */
export function exampleFigures(
  locale: Locale,
  indicators: readonly IndicatorSpec[],
  context: readonly IndicatorSpec[] = indicators,
): ExampleFigures {
  if (indicators.length === 0) return { text: GENERIC[locale], values: {} };
  const known = new Set(context.map((i) => i.code));
  const within = [...context, ...indicators.filter((i) => !known.has(i.code))];
  const parts: { text: string; code: string; value: number }[] = [];
  for (const i of indicators) {
    if (parts.length >= MAX_PARTS) break;
    const sample = sampleFor(i, parts.length, locale);
    if (sample === null) continue;
    const expected = { [i.code]: sample.value };
    for (const label of labelsOf(i)) {
      const text = `${label} ${sample.text}`;
      if (readsExactly(parseFigures(text, within), expected)) {
        parts.push({ text, code: i.code, value: sample.value });
        break;
      }
    }
  }
  // Parts that read alone could still pull at each other; a `;` cuts every link between them.
  for (let count = parts.length; count > 0; count--) {
    const kept = parts.slice(0, count);
    const values = Object.fromEntries(kept.map((p) => [p.code, p.value]));
    for (const separator of [', ', '; ']) {
      const text = kept.map((p) => p.text).join(separator);
      if (readsExactly(parseFigures(text, within), values)) return { text, values };
    }
  }
  // Only free-text indicators: a short answer for the first one (the parser reads no value).
  const text = indicators.find((i) => i.kind === 'text');
  if (text !== undefined) return { text: `${shortestLabel(text)}: ${TEXT_SAMPLE[locale]}`, values: {} };
  // No label the parser reads back (labels shared between indicators): the plain generic form.
  return { text: GENERIC[locale], values: {} };
}

/** A message a focal point could send for these indicators (the first three). */
export function exampleMessage(
  locale: Locale,
  indicators: readonly IndicatorSpec[],
  context: readonly IndicatorSpec[] = indicators,
): string {
  return exampleFigures(locale, indicators, context).text;
}
