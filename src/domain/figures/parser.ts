/**
 * The figure parser: turns a focal point's message (`việc 83,5% tiền 46,2%`) into values for the
 * indicators a report asks for. Indicator labels and synonyms are data passed in by the caller;
 * the Vietnamese around them (filler words, money words, dates) is in `vocabulary.ts`. This file
 * runs the passes over one message and assembles the result:
 * fold and tokenise (`normalize.ts`) → find the labels (`labels.ts`) → read the numbers and mark
 * context (`number-items.ts`) → pair labels with numbers (`pairing.ts`) → lay out clauses and
 * headings (`scope.ts`) → weigh each pair's label, direction and heading (`weigh.ts`,
 * `decide.ts`) → resolve each number for its indicator (`resolve.ts`) or name it unused.
 * Pure: imports nothing outside `src/domain/`, never reads a clock or the environment.
 */

import { isTargetNumber, type Unsure, unusedEntry, weighPairs } from './decide.js';
import { findLabels, type LabelMatch, phrasesFor } from './labels.js';
import { Message, type NumItem, type Resolution } from './message.js';
import { foldText, tokenize } from './normalize.js';
import { isContext, readNumberItem, spreadContext } from './number-items.js';
import { answerBooleans, chainsOf, collectSlots, orderOf, pairChain } from './pairing.js';
import { layoutOf } from './scope.js';
import {
  DEFAULT_MAX_LENGTH,
  type IndicatorSpec,
  isUsableSpec,
  type ParseOptions,
  type ParseResult,
} from './spec.js';

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
 * Contract — every number of the message is accounted for: a value, context, refused
 * (`invalid`), `ambiguous`, or `unused` with the indicators it could be for. Nothing is a guess;
 * where the parser is unsure, the number is unused and the caller asks.
 * - Never throws, whatever the input (random Unicode, control characters, megabytes); only the
 *   first `maxLength` characters (default 2000, after NFC) are read and `truncated` says so.
 * - Labels are the indicators' `labelVi`, `labelEn` and `synonyms`, compared after
 *   normalisation (NFC, lowercase, no diacritics, `đ` → `d`, punctuation and spaces collapsed);
 *   the longest synonym wins (`giảm việc` before `việc`); a phrase two indicators share is ignored.
 * - Labels and numbers pair left to right: a label followed by a number takes it (`việc 83,5%`),
 *   a number followed by a label goes to it (`83,5% về việc`); parallel lists pair in order
 *   (`việc, tiền: 83,5%, 46,2%`). Between the two only filler words (`đạt`, `là`, `được`,
 *   `khoảng`, `ạ`, `nhé`…), at most two unknown words (a date such as `năm 2026` counts for
 *   none) and `: = - ( )` may stand; a new line (unless the label ends its line), `;`, `.`,
 *   `tăng`/`giảm`/`vượt` (except `giảm`/`tăng` right after the label) cut the link, and a comma
 *   separates pairs. Each number pairs at most once. A label right between two numbers takes
 *   the one on the side the message's other pairs use; with no such side, neither (both unused).
 * - Headings scope the labels after them: a line ending with `:` over the lines under it (while
 *   they keep its list style), the words opening a clause or standing before a `:` in it, and a
 *   clause's closing words. A short label moves to the indicator whose longer label those words
 *   complete, when it adds at least two words and more than any rival
 *   (`giảm án chuyển kỳ sau: 9% về việc` → the reduction, not the rate); weaker or tied
 *   evidence for another indicator (`việc giảm 2%`, `số việc chuyển kỳ sau: 9%`), a qualifier
 *   of its own before the pair (`Tập thể: LĐXS, cá nhân LĐTT 25`), or a longer label only the
 *   previous label's words complete, makes the number unused.
 * - Direction: `giảm` said of a number gives a negative value where the indicator may be
 *   negative (`đăng ký khai tử giảm 1,5%` → -1,5); on an indicator that cannot be negative and
 *   does not itself say `giảm`, the number is unused (`tăng` likewise), except a trend after the
 *   value (`83,5% giảm so với cùng kỳ` keeps 83,5).
 * - Numbers: `83,5` and `83.5`; thousands `2.500.000` and `1,234,567`; money words `tỷ`, `triệu`,
 *   `tr`, `nghìn`/`ngàn`/`k`, `đồng`/`đ`/`VND`, combined (`1 tỷ 200 triệu`, `2tr5`); `đồng chí`
 *   and `đ/c` are people, not money. A `%` number only goes to a percent, a money-word number
 *   only to money, counts take bare numbers.
 * - Context numbers are never values (see `isContext` in `number-items.ts`: dates, document
 *   numbers, periods, ages, counts of other things such as `2 chỉ tiêu`, phone numbers,
 *   targets, comparisons, list markers), nor are numbers whose label stands under a target's or
 *   a past period's words (`chỉ tiêu giao 82,5% về việc`, `năm trước việc 80%`, a heading
 *   `Cùng kỳ:`); under a heading saying `chỉ tiêu` (target, or just "indicator") they are unused.
 * - `1.234` / `1,234` read as 1.234 or 1234: each reading valid for the indicator is a candidate.
 *   A percent keeps 1.234 (1234 % is impossible); a count keeps 1234 (1.234 is not whole); money
 *   in đồng keeps 1234 đồng; `x.000` is never a decimal for a count or money. Several valid
 *   readings (`1,234 tỷ`: 1 234 000 000 or 1 234 000 000 000 đồng) → `ambiguous`, never a guess.
 * - Refused values go to `invalid` with the reason from {@link validateValue}.
 * - Unused numbers keep their text (with a `giảm`/`tăng` said of them, so reading `label raw`
 *   again keeps the direction) and their value — read for the only indicator when one is
 *   expected, for the kind all their fits share, else by the Vietnamese convention (`1.234` =
 *   1234, `1,234` = 1.234); `fits` lists the indicators their form and value suit, likeliest
 *   first. The caller validates an assignment with {@link validateValue}.
 * - A code given twice with different values in one clause makes both unused; across clauses
 *   it is listed in `duplicates` and `values` holds the last (`việc 83,5% … à nhầm, việc 84%`).
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
    ...answered.map(([label, resolution]) => ({
      code: label.spec.code,
      raw: '',
      resolution,
      at: label.start,
    })),
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
