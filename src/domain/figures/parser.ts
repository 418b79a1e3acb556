/**
 * The figure parser: turns a focal point's message (`việc 83,5% tiền 46,2%`) into values for the
 * indicators a report asks for. Indicator labels and synonyms are data passed in by the caller;
 * the Vietnamese around them (filler words, money words, dates) is in `vocabulary.ts`. This file
 * runs the passes over one message and assembles the result:
 * fold and tokenise (`normalize.ts`) → find the labels (`labels.ts`) → read the numbers and mark
 * context (`number-items.ts`) → pair labels with numbers (`pairing.ts`) → resolve each number for
 * its indicator (here).
 * Pure: imports nothing outside `src/domain/`, never reads a clock or the environment.
 */

import { isTargetNumber, type Unsure, unusedEntry, weighPairs } from './decide.js';
import { findLabels, type LabelMatch, phrasesFor } from './labels.js';
import { Message, type NumItem, type Resolution } from './message.js';
import { foldText, tokenize } from './normalize.js';
import { isContext, readNumberItem, spreadContext } from './number-items.js';
import { answerBooleans, chainsOf, collectSlots, orderOf, pairChain } from './pairing.js';
import { layoutOf } from './scope.js';
import { DEFAULT_MAX_LENGTH, type IndicatorSpec, isUsableSpec, type ParseOptions, type ParseResult } from './spec.js';

function emptyResult(): ParseResult {
  return { values: {}, invalid: [], ambiguous: [], unused: [], duplicates: [], truncated: false };
}

function maxLengthOf(options: ParseOptions | undefined): number {
  const m = options?.maxLength;
  return typeof m === 'number' && Number.isFinite(m) && m >= 1 ? Math.floor(m) : DEFAULT_MAX_LENGTH;
}

/** NFC, then at most `maxLength` characters, cut at a space so no number is read half. */
function capText(text: string, maxLength: number): { source: string; truncated: boolean } {
  let truncated = false;
  let pre = text;
  // NFD text is longer than its NFC form; read a generous prefix before composing.
  const preCap = maxLength * 4 + 16;
  if (pre.length > preCap) {
    pre = pre.slice(0, preCap);
    truncated = true;
  }
  const source = pre.normalize('NFC');
  if (source.length <= maxLength) return { source, truncated };
  let cut = maxLength;
  const last = source.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  if (!/\s/u.test(source.charAt(cut))) {
    for (let k = cut - 1; k >= Math.max(0, cut - 64); k--) {
      if (/\s/u.test(source.charAt(k))) {
        cut = k;
        break;
      }
    }
  }
  return { source: source.slice(0, cut), truncated: true };
}

/**
 * Reads the figures in one message.
 *
 * Contract:
 * - Never throws, whatever the input (random Unicode, control characters, megabytes); only the
 *   first `maxLength` characters (default 2000, after NFC) are read and `truncated` says so.
 * - Labels are the indicators' `labelVi`, `labelEn` and `synonyms`, compared after
 *   normalisation (NFC, lowercase, no diacritics, `đ` → `d`, punctuation and spaces collapsed);
 *   the longest synonym wins (`giảm việc` before `việc`); a phrase two indicators share is ignored.
 * - Labels and numbers pair left to right: a label followed by a number takes it (`việc 83,5%`),
 *   a number followed by a label goes to it (`83,5% về việc`); parallel lists pair in order
 *   (`việc, tiền: 83,5%, 46,2%`). Between the two only filler words (`đạt`, `là`, `được`,
 *   `khoảng`, `ạ`, `nhé`…), at most two unknown words and `: = - ( )` may stand; a new line
 *   (unless the label ends its line), `;`, `.`, `tăng`/`giảm`/`vượt` cut the link, and a comma
 *   separates pairs. Each number pairs at most once.
 * - Numbers: `83,5` and `83.5`; thousands `2.500.000` and `1,234,567`; money words `tỷ`, `triệu`,
 *   `tr`, `nghìn`/`ngàn`/`k`, `đồng`/`đ`/`VND`, combined (`1 tỷ 200 triệu`, `2tr5`). A `%` number
 *   only goes to a percent, a money-word number only to money, counts take bare numbers.
 * - Context numbers are never values (see `isContext` in `number-items.ts`: dates, document
 *   numbers, periods, ages, targets, comparisons, list markers).
 * - `1.234` / `1,234` read as 1.234 or 1234: each reading valid for the indicator is a candidate.
 *   A percent keeps 1.234 (1234 % is impossible); a count keeps 1234 (1.234 is not whole); money
 *   in đồng keeps 1234 đồng; `x.000` is never a decimal for a count or money. Several valid
 *   readings (`1,234 tỷ`: 1 234 000 000 or 1 234 000 000 000 đồng) → `ambiguous`, never a guess.
 * - Refused values go to `invalid` with the reason from {@link validateValue}.
 * - Numbers tied to no label go to `unused` (with the indicators they could be for), never into `values`. When exactly one indicator
 *   is expected, their value is read for that indicator's kind; otherwise by the Vietnamese
 *   convention (`1.234` = 1234, `1,234` = 1.234). The caller validates it with {@link validateValue}.
 * - A code given twice with different values is listed in `duplicates`; `values` holds the last.
 * - `boolean` indicators take a yes/no word after the label (`rồi`, `có`, `xong` / `chưa`,
 *   `không`) as 1/0; `text` indicators are recognised (their numbers are not values) but not read.
 */
export function parseFigures(
  text: string,
  indicators: readonly IndicatorSpec[],
  options?: ParseOptions,
): ParseResult {
  const result = emptyResult();
  const input = typeof text === 'string' ? text : '';
  const specs = Array.isArray(indicators) ? indicators.filter(isUsableSpec) : [];
  const { source, truncated } = capText(input, maxLengthOf(options));
  result.truncated = truncated;

  const byCode = new Map<string, IndicatorSpec>();
  for (const spec of specs) if (!byCode.has(spec.code)) byCode.set(spec.code, spec);

  const folded = foldText(source);
  const tokens = tokenize(folded.text);
  const table = phrasesFor([...byCode.values()]);
  const labels = findLabels(tokens, table, byCode);
  const m = new Message(source, folded.from, folded.to, tokens, labels);

  for (let i = 0; i < tokens.length; ) {
    if (tokens[i]?.type === 'num' && (m.labelAt[i] ?? -1) < 0) {
      const item = readNumberItem(m, i);
      m.items.push(item);
      m.itemAt.set(item.start, item);
      i = item.end;
    } else {
      i += 1;
    }
  }
  for (const item of m.items) item.context = isContext(m, item);
  spreadContext(m);

  const answered: [LabelMatch, Resolution][] = [];
  answerBooleans(m, answered);
  const pairs: [LabelMatch, NumItem][] = [];
  const lonely: NumItem[] = [];
  const chains = chainsOf(collectSlots(m));
  const order = orderOf(chains);
  for (const chain of chains) pairChain(chain, pairs, lonely, order);
  const layout = layoutOf(m, new Set(pairs.map(([, item]) => item)));
  const weighed = weighPairs(m, layout, table, byCode, pairs);

  const values = new Map<string, number>();
  const duplicates = new Set<string>();
  const accept = (code: string, value: number) => {
    const previous = values.get(code);
    if (previous !== undefined && previous !== value) duplicates.add(code);
    values.delete(code);
    values.set(code, value);
  };
  const seen = new Set<string>();
  const outcomes = [
    ...answered.map(([label, resolution]) => ({ code: label.spec.code, raw: '', resolution, at: label.start })),
    ...weighed.outcomes,
  ].sort((a, b) => a.at - b.at);
  for (const { code, raw, resolution } of outcomes) {
    if (resolution.kind === 'value') {
      accept(code, resolution.value);
      continue;
    }
    const key = `${code}\u0000${raw}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (resolution.kind === 'ambiguous')
      result.ambiguous.push({ code, raw, candidates: resolution.candidates });
    else result.invalid.push({ code, raw, value: resolution.value, reason: resolution.reason });
  }

  const unsure: Unsure[] = [
    ...weighed.asked,
    ...lonely
      .filter((item) => !isTargetNumber(m, layout, item))
      .map((item) => ({ item, first: [], start: item.start, end: item.end })),
  ].sort((a, b) => a.item.start - b.item.start);
  const specList = [...byCode.values()];
  const given = new Set(values.keys());
  for (const u of unsure) result.unused.push(unusedEntry(m, layout, table, specList, given, u));

  result.values = Object.fromEntries(values);
  result.duplicates = [...duplicates];
  return result;
}
