/**
 * Reading number tokens written the Vietnamese way (and the English way people also use), and
 * rendering values back. Pure: no `Intl` (its `vi` output depends on the ICU build), no I/O.
 */

/** What an indicator measures; decides how its numbers are read, checked and rendered. */
export type IndicatorKind = 'percent' | 'count' | 'money' | 'boolean' | 'text';

/** One way to read a number token: the digits before and after the decimal point. */
export interface DecimalReading {
  /** Digits before the decimal point, thousands separators removed; never empty. */
  readonly int: string;
  /** Digits after the decimal point; empty for an integer. */
  readonly frac: string;
  /** `plain`: digits only; `decimal`: the separator was a decimal point; `thousands`: grouping. */
  readonly form: 'plain' | 'decimal' | 'thousands';
}

function isLeadGroup(group: string): boolean {
  return group.length >= 1 && group.length <= 3 && group[0] !== '0';
}

function isThousandsGrouping(groups: readonly string[]): boolean {
  const [first, ...rest] = groups;
  return first !== undefined && isLeadGroup(first) && rest.every((g) => g.length === 3);
}

/**
 * Every plausible reading of a number token (`\d+` with inner `.` or `,` groups), decimal
 * reading first. The rules, which hold whatever the indicator:
 * - `83,5`, `83.5`, `1,25`, `0,125`, `1234,567`: one separator not followed by exactly three
 *   digits, or a lead group that cannot start a thousands grouping → decimal only.
 * - `1.234`, `1,234`, `500.000`: one separator followed by exactly three digits after a lead
 *   group of 1–3 digits not starting with 0 → two readings, decimal (1.234) and thousands (1234).
 *   Which one holds depends on the indicator; see the parser.
 * - `2.500.000`, `1,234,567`: the same separator twice or more, groups of three → thousands.
 * - `2.500.000,5`, `1,234.5`: thousands with one separator, then one decimal with the other.
 * - anything else (`1.2.3`, `12.34,5`) → no reading (the token is not a number anyone writes).
 */
export function readNumberToken(token: string): DecimalReading[] {
  if (!/^\d+(?:[.,]\d+)*$/.test(token)) return [];
  const parts = token.split(/([.,])/);
  const groups = parts.filter((_, i) => i % 2 === 0);
  const seps = parts.filter((_, i) => i % 2 === 1);
  const [first = '', second = ''] = groups;
  if (seps.length === 0) return [{ int: first, frac: '', form: 'plain' }];
  if (seps.length === 1) {
    const readings: DecimalReading[] = [{ int: first, frac: second, form: 'decimal' }];
    if (second.length === 3 && isLeadGroup(first)) {
      readings.push({ int: first + second, frac: '', form: 'thousands' });
    }
    return readings;
  }
  const last = seps[seps.length - 1];
  if (seps.every((s) => s === seps[0])) {
    return isThousandsGrouping(groups) ? [{ int: groups.join(''), frac: '', form: 'thousands' }] : [];
  }
  const head = seps.slice(0, -1);
  if (!head.every((s) => s === head[0]) || head[0] === last) return [];
  const intGroups = groups.slice(0, -1);
  if (!isThousandsGrouping(intGroups)) return [];
  return [{ int: intGroups.join(''), frac: groups[groups.length - 1] ?? '', form: 'decimal' }];
}

/**
 * The value of a reading times 10^exponent, computed by moving the decimal point in the digit
 * string so that `1,2 tỷ` is exactly 1 200 000 000 (no binary rounding). Very long digit strings
 * give `Infinity`, which the validation refuses.
 */
export function decimalValue(reading: DecimalReading, exponent = 0): number {
  const digits = reading.int + reading.frac;
  const point = reading.int.length + Math.max(0, Math.floor(exponent));
  if (point >= digits.length) return Number(digits + '0'.repeat(point - digits.length));
  return Number(`${digits.slice(0, point)}.${digits.slice(point)}`);
}

/**
 * Money words after a number, folded (no diacritics), as powers of ten: `tỷ`/`tỉ`, `triệu`/`tr`/
 * `trđ`, `nghìn`/`ngàn`/`k`, and `trăm`/`chục` which only combine (`trăm nghìn` = 10^5).
 */
export const MULTIPLIER_EXPONENTS: ReadonlyMap<string, number> = new Map([
  ['ty', 9],
  ['ti', 9],
  ['trieu', 6],
  ['tr', 6],
  ['trd', 6],
  ['nghin', 3],
  ['ngan', 3],
  ['k', 3],
  ['tram', 2],
  ['chuc', 1],
]);

/** Currency words after a number, folded: `đồng`, `đ`, `VND`/`VNĐ`. They multiply by one. */
export const CURRENCY_WORDS: ReadonlySet<string> = new Set(['dong', 'd', 'vnd']);

function groupThousands(digits: string, separator: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

/**
 * A number in the locale's convention: `vi` → `2.500.000` and `83,5`; `en` → `2,500,000` and
 * `83.5`. At most `maxFractionDigits` decimals, trailing zeros dropped; never `-0`.
 */
export function formatNumber(value: number, locale: 'vi' | 'en', maxFractionDigits = 4): string {
  if (Number.isNaN(value)) return '?';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  const abs = Math.abs(value);
  if (abs >= 1e21) return String(value);
  const fixed = abs.toFixed(Math.min(20, Math.max(0, Math.floor(maxFractionDigits))));
  const [intPart = '0', rawFrac = ''] = fixed.split('.');
  const frac = rawFrac.replace(/0+$/, '');
  const isZero = /^0*$/.test(intPart) && frac === '';
  const sign = value < 0 && !isZero ? '-' : '';
  const body = groupThousands(intPart, locale === 'vi' ? '.' : ',');
  return frac === '' ? sign + body : `${sign}${body}${locale === 'vi' ? ',' : '.'}${frac}`;
}

/**
 * Renders a value for a person: percent `83,5 %` (vi) / `83.5%` (en); money `2.500.000 đồng` /
 * `2,500,000 VND`; counts `1.234` / `1,234`; booleans `có`/`không` / `yes`/`no`.
 * Pure and locale-stable (no `Intl`).
 */
export function formatValue(value: number, kind: IndicatorKind, locale: 'vi' | 'en'): string {
  switch (kind) {
    case 'percent': {
      const n = formatNumber(value, locale);
      return locale === 'vi' ? `${n} %` : `${n}%`;
    }
    case 'money': {
      const n = formatNumber(value, locale, Number.isInteger(value) ? 0 : 2);
      return locale === 'vi' ? `${n} đồng` : `${n} VND`;
    }
    case 'boolean':
      if (locale === 'vi') return value !== 0 ? 'có' : 'không';
      return value !== 0 ? 'yes' : 'no';
    default:
      return formatNumber(value, locale);
  }
}
