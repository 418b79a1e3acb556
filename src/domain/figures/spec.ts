/**
 * What the figure parser is given and what it answers: the indicators it reads values for, the
 * result of one message, and the check of a value against an indicator. Pure.
 */

import type { IndicatorKind } from './numbers.js';

/** An indicator as the parser needs it; the caller reads these from the database. */
export interface IndicatorSpec {
  /** Stable code, the key of {@link ParseResult.values}. */
  code: string;
  labelVi: string;
  labelEn: string;
  /** Other ways people write the label (unaccented, abbreviated, short). Any case or form. */
  synonyms: string[];
  kind: IndicatorKind;
  /** Lowest accepted value; when absent, 0 (a percent, count or amount is never negative). */
  min?: number | null;
  /** Highest accepted value; when absent, 100 for a percent and unbounded otherwise. */
  max?: number | null;
}

/** Why a number given for an indicator was refused. */
export type InvalidReason = 'above_max' | 'below_min' | 'negative' | 'not_integer' | 'percent_over_100';

/** What the parser read from one message. Nothing in it is a guess. */
export interface ParseResult {
  /** Accepted values by indicator code: a percent as 83.5, money as whole đồng, counts as integers. */
  values: Record<string, number>;
  /** Numbers given for an indicator but refused; `value` is the reading that was checked. */
  invalid: { code: string; raw: string; value: number; reason: InvalidReason }[];
  /** Numbers with more than one valid reading for their indicator, candidates ascending. */
  ambiguous: { code: string; raw: string; candidates: number[] }[];
  /**
   * Numbers read as no indicator's value and not recognised as context (dates, periods, ages,
   * targets…), or whose indicator is unsure: the caller names them back and asks which
   * indicator each is for, never guesses. `raw`: as typed, with a `giảm`/`tăng` said of it
   * (`giảm 2%`), so that reading `label raw` again keeps the direction. `fits`: the indicators
   * it could be for (its form — `%`, a money word, a bare number — and its value accepted),
   * the most plausible first; empty when none.
   */
  unused: { raw: string; value: number; fits: string[] }[];
  /** Codes given twice with different values; {@link ParseResult.values} holds the last one. */
  duplicates: string[];
  /** Whether the text was longer than `maxLength` and only its beginning was read. */
  truncated: boolean;
}

/** Options of `parseFigures`. */
export interface ParseOptions {
  /** Characters read at most (after NFC); the rest is ignored and `truncated` set. Default 2000. */
  maxLength?: number;
}

/** Default cap on the characters read from one message. */
export const DEFAULT_MAX_LENGTH = 2000;

/** The indicator kinds the parser knows; an indicator of another kind is ignored. */
const KINDS: ReadonlySet<string> = new Set(['percent', 'count', 'money', 'boolean', 'text']);

/**
 * Checks one value against an indicator: the reason it is refused, or `null` when accepted.
 * Order: below the minimum (`negative` when the value is below 0 and the minimum is not, else
 * `below_min`), then `not_integer` for counts, money and booleans, then above the maximum
 * (`percent_over_100` for a percent above 100 whose maximum is at most 100, else `above_max`).
 * A percent's maximum defaults to 100, every kind's minimum to 0; non-finite values are refused.
 */
export function validateValue(
  value: number,
  spec: Pick<IndicatorSpec, 'kind' | 'min' | 'max'>,
): InvalidReason | null {
  if (Number.isNaN(value)) return 'not_integer';
  const min = typeof spec.min === 'number' && !Number.isNaN(spec.min) ? spec.min : 0;
  const defaultMax = spec.kind === 'percent' ? 100 : spec.kind === 'boolean' ? 1 : Number.POSITIVE_INFINITY;
  const max = typeof spec.max === 'number' && !Number.isNaN(spec.max) ? spec.max : defaultMax;
  if (value < min) return value < 0 && min >= 0 ? 'negative' : 'below_min';
  const whole = spec.kind === 'count' || spec.kind === 'money' || spec.kind === 'boolean';
  if (whole && Number.isFinite(value) && !Number.isInteger(value)) return 'not_integer';
  if (value > max || !Number.isFinite(value)) {
    return spec.kind === 'percent' && value > 100 && max <= 100 ? 'percent_over_100' : 'above_max';
  }
  return null;
}

/**
 * Whether an indicator handed in (from data, so not trusted to match its type) can be read:
 * an object with a non-empty `code` and a known `kind`.
 */
export function isUsableSpec(spec: unknown): spec is IndicatorSpec {
  if (typeof spec !== 'object' || spec === null) return false;
  const s = spec as Partial<IndicatorSpec>;
  return typeof s.code === 'string' && s.code !== '' && typeof s.kind === 'string' && KINDS.has(s.kind);
}
