/**
 * Which of a unit's open reports a message names: by its code (`BC6T`), its name or its usual
 * words (`báo cáo 6 tháng`, `bao cao nam`, `sơ kết`, `đăng ký thi đua`), its period (`2027-H1`,
 * `6 tháng đầu năm 2027`, `báo cáo năm 2027`) or its deadline (`hạn 15/7`). Duty names are
 * data; the period and deadline words are the language's own (folded, as the figure parser
 * compares words). Pure.
 */

import { foldText, normalizeText, type Token, tokenize } from './figures/normalize.js';

/** A report as this reads it (an open assignment, in the ports' terms). */
export interface NamedReport {
  readonly id: number;
  readonly dutyCode: string;
  readonly dutyNameVi: string;
  readonly dutyNameEn: string;
  /** `2027` (a year) or `2027-H1` (its first half). */
  readonly periodCode: string;
  /** ISO calendar date, or `null` when not set yet. */
  readonly dueDate: string | null;
}

/** Characters of a message read at most: the report is named near the start. */
const MAX_TEXT = 2000;

// biome-ignore format: word lists read better packed
/** Words every report name shares: they name no report in particular. */
const GENERIC: ReadonlySet<string> = new Set([
  'bao', 'cao', 'cong', 'tac', 'thi', 'dua', 'khen', 'thuong', 'va', 'nam', 'cua',
  'report', 'emulation', 'and', 'commendation', 'of', 'the',
]);

/** Words that may follow a two-word part of a name without making it part of something else. */
const PERIOD_WORDS: ReadonlySet<string> = new Set([
  'nam',
  'thang',
  'dot',
  'ky',
  'quy',
  'year',
  'a',
  'nhe',
  'la',
]);

/** Phrases naming the first half-year of a period (`YYYY-H1`). */
const HALF_YEAR = [
  '6 thang',
  '6 t',
  'sau thang',
  'nua nam',
  'giua nam',
  'six month',
  '6 month',
  'half year',
  'mid year',
];
/** Phrases naming a yearly report (period `YYYY`). */
const WHOLE_YEAR = [
  'bao cao nam',
  'bc nam',
  'tong ket nam',
  'ca nam',
  'cuoi nam',
  'annual',
  'year end',
  'yearly',
];
/** Words before a deadline date. */
const DEADLINE_WORDS: ReadonlySet<string> = new Set(['han', 'due', 'deadline']);

/** A message as words and numbers (punctuation kept, for dates), folded. */
function tokensOf(text: string): Token[] {
  return tokenize(foldText(text.slice(0, MAX_TEXT).normalize('NFC')).text);
}

/** The folded words and numbers of the message, joined by single spaces, padded with spaces. */
function wordLine(tokens: readonly Token[]): { line: string; words: string[] } {
  const words = tokens.filter((t) => t.type !== 'punct').map((t) => t.text.replace(/^0+(?=\d)/, ''));
  return { line: ` ${words.join(' ')} `, words };
}

function contains(line: string, phrase: string): boolean {
  return phrase !== '' && line.includes(` ${phrase} `);
}

/** Reports whose duty code the message writes (`BC6T`, `bc 6t`, `DKTD`). */
function byCode(line: string, reports: readonly NamedReport[]): Set<NamedReport> | null {
  const hit = reports.filter((r) => contains(line, normalizeText(r.dutyCode)));
  return hit.length > 0 ? new Set(hit) : null;
}

/**
 * The longest run of the message's words that stands, in order, in a report's name (vi or
 * en). A run of two words followed by another word (not a period word) is part of something
 * else (`đăng ký khai tử` is no `đăng ký danh hiệu`), so it does not count; nor does a run of
 * generic words only (`báo cáo`).
 */
function longestRun(words: readonly string[], name: readonly string[]): number {
  let best = 0;
  for (let s = 0; s < words.length; s++) {
    let at = 0;
    let n = 0;
    let distinctive = false;
    for (let k = s; k < words.length; k++) {
      const w = words[k] ?? '';
      const found = name.indexOf(w, at);
      if (found < 0) break;
      at = found + 1;
      n += 1;
      if (!GENERIC.has(w) && !/^\d+$/.test(w)) distinctive = true;
    }
    const next = words[s + n];
    const cut = n === 2 && next !== undefined && !/^\d+$/.test(next) && !PERIOD_WORDS.has(next);
    if (n >= 2 && distinctive && !cut) best = Math.max(best, n);
  }
  return best;
}

/** Reports whose name (or the longest part of it the message holds) the message says. */
function byName(
  line: string,
  words: readonly string[],
  reports: readonly NamedReport[],
): Set<NamedReport> | null {
  const names = reports.map((r) => [normalizeText(r.dutyNameVi), normalizeText(r.dutyNameEn)]);
  const whole = reports.filter((_, i) => names[i]?.some((n) => contains(line, n)));
  if (whole.length > 0) return new Set(whole);
  const runs = names.map((pair) => Math.max(...pair.map((n) => longestRun(words, n.split(' ')))));
  const best = Math.max(0, ...runs);
  return best >= 2 ? new Set(reports.filter((_, i) => runs[i] === best)) : null;
}

/** Whether a report's name calls it a report (`Báo cáo …`, `… report`), not a plan or a registration. */
function isReport(r: NamedReport): boolean {
  return (
    contains(` ${normalizeText(r.dutyNameVi)} `, 'bao cao') ||
    contains(` ${normalizeText(r.dutyNameEn)} `, 'report')
  );
}

/** Reports of the half-year or yearly period kind the message names (`6 tháng`, `báo cáo năm`). */
function byPeriodKind(line: string, reports: readonly NamedReport[]): Set<NamedReport> | null {
  const half = HALF_YEAR.some((p) => contains(line, p));
  const whole = WHOLE_YEAR.some((p) => contains(line, p));
  if (half === whole) return null;
  const kind = half ? /-H1$/i : /^\d{4}$/;
  return new Set(reports.filter((r) => kind.test(r.periodCode) && (half || isReport(r))));
}

/**
 * Reports of the periods the message names: a period code (`2027-H1`), or a year right after
 * `năm`/`year` or a duty code (`6 tháng đầu năm 2027`, `báo cáo năm 2027`, `BCNAM 2026`),
 * unless a comparison or a past period stands just before (`so với năm 2026`, `năm trước`).
 */
function byPeriod(
  line: string,
  tokens: readonly Token[],
  reports: readonly NamedReport[],
): Set<NamedReport> | null {
  const literal = reports.filter(
    (r) => /\D/.test(r.periodCode) && contains(line, normalizeText(r.periodCode)),
  );
  if (literal.length > 0) return new Set(literal);
  const years = new Set<string>();
  const codeEnds = new Set(reports.map((r) => normalizeText(r.dutyCode).split(' ').pop()));
  tokens.forEach((t, i) => {
    if (t.type !== 'num' || !/^20\d\d$/.test(t.text)) return;
    const before = tokens[i - 1]?.text ?? '';
    if (before !== 'nam' && before !== 'year' && !codeEnds.has(before)) return;
    const window = tokens.slice(Math.max(0, i - 5), i).map((x) => x.text);
    if (window.includes('so') || window.includes('truoc')) return;
    years.add(t.text);
  });
  if (years.size === 0) return null;
  return new Set(reports.filter((r) => years.has(r.periodCode.slice(0, 4))));
}

/** Reports due on the date the message gives after `hạn` (`hạn 15/7`, `hạn nộp ngày 15 tháng 7`). */
function byDeadline(tokens: readonly Token[], reports: readonly NamedReport[]): Set<NamedReport> | null {
  for (let i = 0; i < tokens.length; i++) {
    if (!DEADLINE_WORDS.has(tokens[i]?.text ?? '')) continue;
    for (let j = i + 1; j <= i + 4 && j < tokens.length; j++) {
      const day = tokens[j];
      if (day?.type !== 'num' || !/^\d{1,2}$/.test(day.text)) continue;
      const sep = tokens[j + 1]?.text;
      const monthAt = sep === 'thang' || sep === '/' || sep === '-' ? j + 2 : -1;
      const month = tokens[monthAt];
      if (month?.type !== 'num' || !/^\d{1,2}$/.test(month.text)) break;
      const year = tokens[monthAt + 1]?.text === '/' ? tokens[monthAt + 2]?.text : undefined;
      const md = `${month.text.padStart(2, '0')}-${day.text.padStart(2, '0')}`;
      const due = reports.filter(
        (r) =>
          r.dueDate !== null &&
          r.dueDate.slice(5) === md &&
          (year === undefined || r.dueDate.startsWith(year)),
      );
      return new Set(due);
    }
  }
  return null;
}

/**
 * The ids of the reports a message names, in the order given: every clue it holds (code,
 * name, period kind, period, deadline) narrows the reports, and only those meeting all of them
 * remain. Empty when the message names none, when its clues contradict each other or the
 * reports, or when they do not narrow the list (every report remains).
 */
export function reportsNamedIn(text: string, reports: readonly NamedReport[]): number[] {
  if (typeof text !== 'string' || !Array.isArray(reports) || reports.length === 0) return [];
  const tokens = tokensOf(text);
  const { line, words } = wordLine(tokens);
  const clues = [
    byCode(line, reports),
    byName(line, words, reports),
    byPeriodKind(line, reports),
    byPeriod(line, tokens, reports),
    byDeadline(tokens, reports),
  ].filter((clue): clue is Set<NamedReport> => clue !== null);
  if (clues.length === 0) return [];
  const named = reports.filter((r) => clues.every((clue) => clue.has(r)));
  return named.length === reports.length ? [] : named.map((r) => r.id);
}
