/**
 * The figure parser: reading report figures from focal points' messages. Pure domain code.
 */

export {
  canonicalNumber,
  type FoldedText,
  foldText,
  normalizeText,
  type Token,
  tokenize,
} from './normalize.js';
export {
  CURRENCY_WORDS,
  type DecimalReading,
  decimalValue,
  formatNumber,
  formatValue,
  type IndicatorKind,
  MULTIPLIER_EXPONENTS,
  readNumberToken,
} from './numbers.js';
export { parseFigures } from './parser.js';
export {
  DEFAULT_MAX_LENGTH,
  type IndicatorSpec,
  type InvalidReason,
  type ParseOptions,
  type ParseResult,
  validateValue,
} from './spec.js';
