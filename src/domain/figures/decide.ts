/**
 * Deciding what each number of a message is: the value of its label's indicator, of the wider
 * indicator its heading names, negative where `giảm` says so and the indicator allows it — or,
 * where any of that is unsure, an unused number with the indicators it fits. Pure.
 */

import type { LabelMatch, PhraseTable } from './labels.js';
import type { Message, NumItem, Resolution } from './message.js';
import { candidatesOf, fitsForm, naturalValue, pairable, resolve } from './resolve.js';
import { directionsOf, type Layout, wordsAround } from './scope.js';
import type { IndicatorSpec, ParseResult } from './spec.js';
import {
  type Direction,
  directionEffect,
  directionWords,
  negated,
  rankFits,
  type Verdict,
  weighLabel,
} from './weigh.js';

/** A number read for an indicator: a value, an ambiguity or a refusal. */
export interface Outcome {
  readonly code: string;
  readonly raw: string;
  readonly resolution: Resolution;
  readonly at: number;
}

/** A number whose indicator is unsure, the indicators the words around it name first. */
export interface Unsure {
  readonly item: NumItem;
  readonly first: readonly string[];
  /** Tokens of the number and its label, if it had one: the words around them are weighed. */
  readonly start: number;
  readonly end: number;
}

/**
 * Weighs each label–number pair: the label's indicator, or the wider one the words around it
 * name (see `weighLabel`), then the direction words said of the number (see
 * `directionEffect`). Pairs with a note (`text`) label are taken by the note.
 */
export function weighPairs(
  m: Message,
  layout: Layout,
  table: PhraseTable,
  byCode: ReadonlyMap<string, IndicatorSpec>,
  pairs: readonly (readonly [LabelMatch, NumItem])[],
): { outcomes: Outcome[]; asked: Unsure[] } {
  const outcomes: Outcome[] = [];
  const asked: Unsure[] = [];
  for (const [label, item] of pairs) {
    if (label.spec.kind === 'text') continue;
    const start = Math.min(label.start, item.start);
    const end = Math.max(label.end, item.end);
    const verdict: Verdict = weighLabel(table, label, wordsAround(m, layout, start, end, item));
    if (verdict.kind === 'ask') {
      asked.push({ item, first: verdict.codes, start, end });
      continue;
    }
    const spec = verdict.kind === 'move' ? byCode.get(verdict.code) : label.spec;
    if (spec === undefined || !pairable(spec.kind, item)) {
      asked.push({ item, first: [spec?.code ?? label.spec.code, label.spec.code], start, end });
      continue;
    }
    const tokens = directionsOf(m, layout, item, label.start < item.start ? label.start : null);
    const consumed = verdict.kind === 'move' ? verdict.words : new Set<string>();
    const effect = directionEffect(spec, directionWords(m, item, tokens), table, consumed);
    if (effect === 'ask') {
      asked.push({ item, first: [label.spec.code], start, end });
      continue;
    }
    const read = effect === 'negate' ? negated(item) : item;
    outcomes.push({ code: spec.code, raw: item.raw, resolution: resolve(read, spec), at: item.start });
  }
  return { outcomes, asked };
}

/** The item as an indicator would read it with the direction words said of it. */
function directed(item: NumItem, spec: IndicatorSpec, directions: readonly Direction[], table: PhraseTable): NumItem {
  return directionEffect(spec, directions, table, new Set()) === 'negate' ? negated(item) : item;
}

/**
 * An unused number as the result names it: as typed (with a `giảm`/`tăng` said of it, so that
 * reading it again after a label keeps its direction), its value, and the indicators it fits —
 * its form suits them and its value (with its direction) is accepted — the likeliest first.
 * The value is read for the only indicator when one is expected, for the kind all its fits
 * share, else by the Vietnamese convention.
 */
export function unusedEntry(
  m: Message,
  layout: Layout,
  table: PhraseTable,
  specs: readonly IndicatorSpec[],
  given: ReadonlySet<string>,
  unsure: Unsure,
): ParseResult['unused'][number] {
  const { item, first, start, end } = unsure;
  const tokens = directionsOf(m, layout, item, null);
  const directions = directionWords(m, item, tokens);
  const fitting = specs.filter(
    (spec) =>
      spec.kind !== 'text' &&
      fitsForm(spec.kind, item) &&
      resolve(directed(item, spec, directions, table), spec).kind === 'value',
  );
  const fits = rankFits(fitting, first, wordsAround(m, layout, start, end, item), directions, table, given);
  const kinds = new Set(fitting.map((s) => s.kind));
  const reader = specs.length === 1 ? specs[0] : kinds.size === 1 ? fitting[0] : undefined;
  let value: number | undefined;
  if (reader !== undefined) {
    const resolution = resolve(item, reader);
    value = resolution.kind === 'value' ? resolution.value : naturalValue(item, reader.kind);
  } else {
    value = naturalValue(item, null);
  }
  let from = item.start;
  let to = item.end;
  for (const k of tokens) {
    from = Math.min(from, k);
    to = Math.max(to, k + 1);
  }
  return { raw: m.raw(from, to), value: value ?? candidatesOf(item, null).values[0] ?? 0, fits };
}
