/**
 * Finding the indicators' labels in a tokenised message: each indicator's `labelVi`, `labelEn`
 * and synonyms become phrases of folded words, matched with filler words and glue punctuation
 * allowed between their words; the longest phrase wins. Pure (a small cache of phrase tables
 * is the only state, and it depends only on the indicators).
 */

import { canonicalNumber, normalizeText, type Token } from './normalize.js';
import type { IndicatorSpec } from './spec.js';
import { FILLERS, PHRASE_GLUE } from './vocabulary.js';

/** A label, synonym or translation of one indicator, as folded words. */
export interface Phrase {
  readonly code: string;
  readonly words: readonly string[];
  readonly chars: number;
}

/** An indicator's label found in a message: tokens `start` (inclusive) to `end` (exclusive). */
export interface LabelMatch {
  readonly spec: IndicatorSpec;
  readonly start: number;
  readonly end: number;
  /** A boolean label already answered by a yes/no word. */
  done: boolean;
}

/** Phrase tables of recent indicator sets: the same report's indicators come back every message. */
const phraseCache = new Map<string, Map<string, Phrase[]>>();
const PHRASE_CACHE_MAX = 64;

/**
 * The phrase table of an indicator set, by first word: built once per set and cached, since
 * the same report's indicators come back every message (the cache starts afresh when full).
 */
export function phrasesFor(specs: readonly IndicatorSpec[]): Map<string, Phrase[]> {
  const key = specs
    .map(
      (s) =>
        `${s.code}\u0001${s.labelVi}\u0001${s.labelEn}\u0001${Array.isArray(s.synonyms) ? s.synonyms.join('\u0002') : ''}`,
    )
    .join('\u0003');
  const hit = phraseCache.get(key);
  if (hit) return hit;
  const built = buildPhrases(specs);
  if (phraseCache.size >= PHRASE_CACHE_MAX) phraseCache.clear();
  phraseCache.set(key, built);
  return built;
}

function buildPhrases(specs: readonly IndicatorSpec[]): Map<string, Phrase[]> {
  const owners = new Map<string, Set<string>>();
  for (const spec of specs) {
    const names: unknown[] = [
      spec.labelVi,
      spec.labelEn,
      ...(Array.isArray(spec.synonyms) ? spec.synonyms : []),
    ];
    for (const name of names) {
      if (typeof name !== 'string') continue;
      const key = normalizeText(name.slice(0, 300));
      if (!/\p{L}/u.test(key)) continue;
      const codes = owners.get(key) ?? new Set<string>();
      codes.add(spec.code);
      owners.set(key, codes);
    }
  }
  const byFirst = new Map<string, Phrase[]>();
  for (const [key, codes] of owners) {
    // A phrase two indicators both claim names neither of them.
    if (codes.size !== 1) continue;
    const [code] = codes;
    if (code === undefined) continue;
    const words = key.split(' ');
    const first = words[0] ?? '';
    const list = byFirst.get(first) ?? [];
    list.push({ code, words, chars: key.length });
    byFirst.set(first, list);
  }
  return byFirst;
}

/** A token as a phrase word: the word itself, a number without leading zeros (`05` = `5`). */
export function keyOf(token: Token): string {
  return token.type === 'num' ? canonicalNumber(token.text) : token.text;
}

/** End (exclusive) of `phrase` matched at `start`, or -1. Fillers and glue may sit between words. */
function matchPhrase(tokens: readonly Token[], start: number, phrase: Phrase): number {
  let j = start;
  for (let k = 0; k < phrase.words.length; k++) {
    const want = phrase.words[k];
    for (;;) {
      const t = tokens[j];
      if (t === undefined || (t.type === 'punct' && (k === 0 || !PHRASE_GLUE.has(t.text)))) return -1;
      if (t.type !== 'punct' && keyOf(t) === want) break;
      const skippable =
        k > 0 &&
        ((t.type === 'punct' && PHRASE_GLUE.has(t.text)) || (t.type === 'word' && FILLERS.has(t.text)));
      if (!skippable) return -1;
      j += 1;
    }
    j += 1;
  }
  return j;
}

/**
 * The labels in `tokens`, in text order, none overlapping: the longest phrase first (in words,
 * then characters), then the leftmost. A phrase must start on a word or number token.
 */
export function findLabels(
  tokens: readonly Token[],
  phrases: Map<string, Phrase[]>,
  specs: ReadonlyMap<string, IndicatorSpec>,
): LabelMatch[] {
  const found: { phrase: Phrase; start: number; end: number }[] = [];
  for (let s = 0; s < tokens.length; s++) {
    const t = tokens[s];
    if (t === undefined || t.type === 'punct') continue;
    for (const phrase of phrases.get(keyOf(t)) ?? []) {
      const end = matchPhrase(tokens, s, phrase);
      if (end > s) found.push({ phrase, start: s, end });
    }
  }
  // Longest synonym first (in words, then in characters), then leftmost.
  found.sort(
    (a, b) =>
      b.phrase.words.length - a.phrase.words.length || b.phrase.chars - a.phrase.chars || a.start - b.start,
  );
  const taken = new Uint8Array(tokens.length);
  const labels: LabelMatch[] = [];
  for (const f of found) {
    let free = true;
    for (let k = f.start; k < f.end; k++) if (taken[k]) free = false;
    const spec = specs.get(f.phrase.code);
    if (!free || spec === undefined) continue;
    for (let k = f.start; k < f.end; k++) taken[k] = 1;
    labels.push({ spec, start: f.start, end: f.end, done: false });
  }
  return labels.sort((a, b) => a.start - b.start);
}
