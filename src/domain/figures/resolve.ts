/**
 * Reading one number item for an indicator: its candidate readings (`1.234` is 1,234 or 1234),
 * which are valid, and whether the number's form (`%`, a money word, bare) suits the
 * indicator at all. Pure.
 */

import type { NumItem, Resolution } from './message.js';
import { decimalValue, type IndicatorKind } from './numbers.js';
import { type IndicatorSpec, validateValue } from './spec.js';

function signed(item: NumItem, value: number): number {
  const v = item.negative ? -value : value;
  return v === 0 ? 0 : v;
}

/** The readings of an item for an indicator kind, and which one is the natural one. */
export function candidatesOf(
  item: NumItem,
  kind: IndicatorKind | null,
): { values: number[]; primary: number } {
  let readings = item.readings;
  if ((kind === 'count' || kind === 'money') && readings.length === 2) {
    // Nobody writes three zero decimals on a count or an amount: 500.000 is five hundred thousand.
    readings = readings.filter((r) => !(r.form === 'decimal' && /^0+$/.test(r.frac)));
  }
  const values = readings.map((r) => signed(item, decimalValue(r, item.exponent) + item.addend));
  let primary = 0;
  if (values.length === 2) {
    if (kind === 'count' || kind === 'money') primary = 1;
    else if (kind === null && item.unit !== 'percent' && item.token.includes('.')) primary = 1;
  }
  return { values, primary };
}

/** The natural reading of an item for a kind (or, with `null`, by the Vietnamese convention). */
export function naturalValue(item: NumItem, kind: IndicatorKind | null): number | undefined {
  const { values, primary } = candidatesOf(item, kind);
  return values[primary];
}

/**
 * Reads an item for an indicator: every reading valid for it is a candidate; one candidate is
 * the value, several make it ambiguous, none make it invalid (with the natural reading's reason).
 */
export function resolve(item: NumItem, spec: IndicatorSpec): Resolution {
  const { values, primary } = candidatesOf(item, spec.kind);
  const valid = [...new Set(values.filter((v) => validateValue(v, spec) === null))].sort((a, b) => a - b);
  const [single] = valid;
  if (valid.length === 1 && single !== undefined) return { kind: 'value', value: single };
  if (valid.length > 1) return { kind: 'ambiguous', candidates: valid };
  const value = values[primary] ?? values[0] ?? Number.NaN;
  return { kind: 'invalid', value, reason: validateValue(value, spec) ?? 'above_max' };
}

/**
 * Whether a number may be paired with an indicator of this kind: a `%` never goes to money nor
 * a money word to a percent, counts and yes/no take bare numbers, a note takes anything.
 */
export function pairable(kind: IndicatorKind, item: NumItem): boolean {
  switch (kind) {
    case 'percent':
      return item.unit !== 'money';
    case 'money':
      return item.unit !== 'percent';
    case 'text':
      return true;
    default:
      return item.unit === 'none';
  }
}

/** Whether an unused number's form suits an indicator kind: `%` only a percent, a money word only money. */
export function fitsForm(kind: IndicatorKind, item: NumItem): boolean {
  if (item.unit === 'percent') return kind === 'percent';
  if (item.unit === 'money') return kind === 'money';
  return kind === 'count' || kind === 'money' || kind === 'percent';
}
