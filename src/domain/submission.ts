/**
 * Rules about submitted figures: targets met or not, values worth a second look, what changed,
 * what is still missing. Pure.
 */
import type { IndicatorKind } from './figures/index.js';
import { foldForMatch } from './text.js';

/**
 * A target without its scope: `floor` (at least `min`), `ceiling` (at most `max`), `range`
 * (between both) per unit, or `sum` (the scope's total at least `min`).
 */
export interface TargetSpec {
  kind: 'floor' | 'ceiling' | 'range' | 'sum';
  min: number | null;
  max: number | null;
  /** Whether reaching the bound itself meets the target (≥ rather than >). */
  inclusive: boolean;
}

/** `exceeded`: above the top of a range (e.g. a reduction of 12 % against 8–10 %), which meets it. */
export type TargetStatus = 'met' | 'exceeded' | 'not_met' | 'not_applicable';

/**
 * Whether one unit's value meets a target. `sum` targets (15 houses across the THADS system)
 * are met by a scope's total, never by one unit: `not_applicable` here.
 */
export function evaluateTarget(target: TargetSpec, value: number): TargetStatus {
  // No closures: this runs per unit × indicator in every status report.
  switch (target.kind) {
    case 'floor':
      if (target.min === null) return 'not_applicable';
      return (target.inclusive ? value >= target.min : value > target.min) ? 'met' : 'not_met';
    case 'ceiling':
      if (target.max === null) return 'not_applicable';
      return (target.inclusive ? value <= target.max : value < target.max) ? 'met' : 'not_met';
    case 'range':
      if (target.min !== null && value < target.min) return 'not_met';
      if (target.max !== null && value > target.max) return 'exceeded';
      return 'met';
    case 'sum':
      return 'not_applicable';
  }
}

/** A target and the units it applies to; {@link resolveTarget} picks the most specific one. */
export interface ScopedTarget extends TargetSpec {
  /** 'ALL', a unit type code, a cluster code or a unit code. */
  scope: string;
}

/**
 * The target that applies to a unit: the most specific scope wins — the unit's own code, then
 * one of its clusters, then its type, then ALL.
 */
export function resolveTarget(
  targets: readonly ScopedTarget[],
  unit: { code: string; typeCode: string; clusterCodes: readonly string[] },
): ScopedTarget | null {
  // Plain loops: this runs per unit × indicator in every status report (no closures per call).
  let cluster: ScopedTarget | null = null;
  let type: ScopedTarget | null = null;
  let all: ScopedTarget | null = null;
  for (const t of targets) {
    if (t.scope === unit.code) return t;
    if (cluster === null && unit.clusterCodes.includes(t.scope)) cluster = t;
    else if (type === null && t.scope === unit.typeCode) type = t;
    else if (all === null && t.scope === 'ALL') all = t;
  }
  return cluster ?? type ?? all;
}

/** A value worth a second look (see {@link findUnusual}), with the reference it was compared with. */
export interface Unusual {
  code: string;
  value: number;
  /** What it was compared with: the unit's previous period, or the median of its peers. */
  against: 'previous' | 'peers';
  reference: number;
}

/**
 * Values far from the unit's previous period or from its peers' median: not refused, but read
 * back for confirmation. A percentage is unusual 25 points away; a count or amount at three
 * times or a third of the reference (when the reference is at least 3).
 */
export function findUnusual(
  values: Readonly<Record<string, number>>,
  kinds: Readonly<Record<string, IndicatorKind>>,
  previous: Readonly<Record<string, number>>,
  peerMedian: Readonly<Record<string, number>>,
): Unusual[] {
  const far = (kind: IndicatorKind | undefined, v: number, ref: number) => {
    if (kind === 'percent') return Math.abs(v - ref) >= 25;
    if (kind === 'count' || kind === 'money') return ref >= 3 && (v >= ref * 3 || v <= ref / 3);
    return false;
  };
  const out: Unusual[] = [];
  for (const [code, value] of Object.entries(values)) {
    const kind = kinds[code];
    const prev = previous[code];
    const peers = peerMedian[code];
    if (prev !== undefined && far(kind, value, prev))
      out.push({ code, value, against: 'previous', reference: prev });
    else if (peers !== undefined && far(kind, value, peers))
      out.push({ code, value, against: 'peers', reference: peers });
  }
  return out;
}

/** A value that differs from the stored one: `old` is `null` for a value not stored before. */
export interface Change {
  code: string;
  old: number | null;
  new: number;
}

/** The values that differ from what is stored (new ones have `old: null`), in `order`. */
export function changesFrom(
  stored: Readonly<Record<string, number>>,
  proposed: Readonly<Record<string, number>>,
  order: readonly string[],
): Change[] {
  return order
    .filter((code) => proposed[code] !== undefined && proposed[code] !== stored[code])
    .map((code) => ({ code, old: stored[code] ?? null, new: proposed[code]! }));
}

/** Median of a list (undefined when empty). */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Splits "… thành 47,1 vì Cục đã rà soát lại" into the figures part and the reason after
 * `vì` / `do` / `lý do` / `because` / `reason`. The reason must contain letters.
 */
export function splitReason(text: string): { figures: string; reason: string | null } {
  const m = /(?:^|[\s,;.])(vì|bởi vì|do|lý do|ly do|li do|vi|because|reason)\s*:?\s+(.+)$/isu.exec(text);
  if (!m || m.index === undefined) return { figures: text, reason: null };
  const reason = m[2]!.trim();
  if (!/\p{L}{2,}/u.test(reason)) return { figures: text, reason: null };
  // "vi" (unaccented vì) is also a word inside labels: only accept it after a number.
  if (m[1]!.toLowerCase() === 'vi' && !/\d\s*%?\s*$/.test(text.slice(0, m.index + 1))) {
    return { figures: text, reason: null };
  }
  return { figures: text.slice(0, m.index + 1).trim(), reason: reason.slice(0, 500) };
}

/**
 * A formal document reference: "số 123/BC-STP ngày 10/7/2027" → number and ISO date. The number
 * must contain a slash, as Vietnamese document numbers do, so figures are never mistaken for it.
 */
export function parseDocumentRef(text: string): { number: string; date: string | null } | null {
  const m =
    /(?:^|\s)(?:số|so|văn bản số|van ban so|báo cáo số|bao cao so|no\.?)\s*:?\s*(\d{1,6}\/[\p{L}\d./-]{1,40})(?:\s*,?\s*(?:ngày|ngay|dated|date)\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}))?/iu.exec(
      text.normalize('NFC'),
    );
  if (!m) return null;
  let date: string | null = null;
  if (m[2] && m[3] && m[4]) {
    const d = Number(m[2]);
    const mo = Number(m[3]);
    const y = Number(m[4]);
    if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12 && y >= 2000 && y <= 2100) {
      date = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }
  }
  return { number: m[1]!.replace(/[.,;]+$/, ''), date };
}

/** A command read by {@link parseCommand}: its canonical name and the rest of the text, trimmed. */
export interface ParsedCommand {
  name: string;
  args: string;
}

const COMMAND_ALIASES: Record<string, string> = {
  start: 'start',
  batdau: 'start',
  hanchot: 'hanchot',
  due: 'hanchot',
  deadline: 'hanchot',
  sua: 'sua',
  edit: 'sua',
  correct: 'sua',
  tungchitieu: 'tungchitieu',
  onebyone: 'tungchitieu',
  huy: 'huy',
  cancel: 'huy',
  trogiup: 'trogiup',
  help: 'trogiup',
  ngonngu: 'ngonngu',
  language: 'ngonngu',
  lang: 'ngonngu',
  tinhhinh: 'tinhhinh',
  status: 'tinhhinh',
  giotinh: 'giotinh',
  quiet: 'giotinh',
  chitieu: 'chitieu',
  targets: 'chitieu',
  tonghop: 'tonghop',
  summary: 'tonghop',
  nhac: 'nhac',
  nudge: 'nhac',
  danhac: 'danhac',
  reminders: 'danhac',
  khoa: 'khoa',
  lock: 'khoa',
  mokhoa: 'mokhoa',
  unlock: 'mokhoa',
  xuat: 'xuat',
  export: 'xuat',
  excel: 'xuat',
  bieudo: 'bieudo',
  chart: 'bieudo',
  lienket: 'lienket',
  link: 'lienket',
  kenh: 'kenh',
  channel: 'kenh',
  chophep: 'chophep',
  allow: 'chophep',
  tuchoi: 'tuchoi',
  refuse: 'tuchoi',
  bangiao: 'bangiao',
  handover: 'bangiao',
  web: 'web',
  bangdieukhien: 'web',
  dashboard: 'web',
  dangxuat: 'dangxuat',
  signout: 'dangxuat',
  logout: 'dangxuat',
};

/**
 * Reads a command from text, with or without a platform entity: `/start CODE`,
 * `/hanchot@DonDocBot`, `/Hủy`; also the bare words `hủy`, `huy`, `cancel`, `trợ giúp`, `help`.
 * Returns the canonical command name (start, hanchot, sua, huy, trogiup, ngonngu, tinhhinh, or
 * the unknown name as typed) and the rest of the text.
 */
export function parseCommand(text: string): ParsedCommand | null {
  const t = text.normalize('NFC').trim();
  const m = /^\/([\p{L}\p{N}_]{1,32})(?:@[\w]{1,64})?(?:\s+([\s\S]*))?$/u.exec(t);
  if (m) {
    const word = foldForMatch(m[1]!);
    return { name: COMMAND_ALIASES[word] ?? word, args: (m[2] ?? '').trim() };
  }
  const bare = foldForMatch(t).replace(/[.!?]+$/, '');
  if (['huy', 'cancel', 'thoi', 'huy bo'].includes(bare)) return { name: 'huy', args: '' };
  if (['tro giup', 'help', 'giup', 'huong dan'].includes(bare)) return { name: 'trogiup', args: '' };
  if (['han chot', 'hanchot'].includes(bare)) return { name: 'hanchot', args: '' };
  return null;
}

/** Whether the text looks like an invite code typed alone (12 letters/digits, dashes or spaces). */
export function looksLikeInviteCode(text: string): boolean {
  return /^[A-Za-z0-9]{4}[-\s]?[A-Za-z0-9]{4}[-\s]?[A-Za-z0-9]{4}$/.test(text.trim());
}
