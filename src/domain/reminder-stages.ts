/**
 * Reminder stages: a stage is a number of calendar days relative to a deadline (`-7`, `0`,
 * `+3`), written `T-7`, `T0`, `T+3` in the reminder ledger. How stages are checked, labelled,
 * read back from a label or from an operator's list, and dated on a working day. Pure.
 *
 * @module
 */
import {
  addDays,
  type HolidayTable,
  type IsoDate,
  onOrAfterWorkingDay,
  onOrBeforeWorkingDay,
} from './calendar.js';

/**
 * The largest distance from the deadline, in days, of a stage the planner accepts (a year and a
 * day). A policy stage further away is treated as malformed and ignored.
 */
export const MAX_STAGE_OFFSET = 366;

/**
 * Whether `value` is a stage offset the planner accepts: an integer from
 * −{@link MAX_STAGE_OFFSET} to +{@link MAX_STAGE_OFFSET}. Never throws; use it to validate a
 * policy before storing it, with the same rule the planner applies.
 */
export function isStageOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_STAGE_OFFSET;
}

/**
 * The ledger label of a stage: `-7 → 'T-7'`, `0 → 'T0'`, `3 → 'T+3'`.
 * {@link parseStageLabel} is its inverse.
 * @throws RangeError when `offset` is not a safe integer.
 */
export function stageLabel(offset: number): string {
  if (!Number.isSafeInteger(offset))
    throw new RangeError(`stageLabel: offset must be an integer, got ${offset}`);
  if (offset === 0) return 'T0';
  return offset > 0 ? `T+${offset}` : `T${offset}`;
}

const STAGE_LABEL_RE = /^T(?:0|[-+][1-9]\d*)$/;

/**
 * The offset of a stage label written by {@link stageLabel} (`'T-7' → -7`, `'T0' → 0`,
 * `'T+3' → 3`). Only that exact spelling is accepted, so `parseStageLabel(stageLabel(n)) === n`
 * and `stageLabel(parseStageLabel(s)) === s` whenever the result is not null. Returns `null`
 * for anything else (`'T+0'`, `'T-07'`, `'T3'`, `'t-7'`, surrounding spaces, an offset beyond
 * the safe integers); never throws.
 */
export function parseStageLabel(label: string): number | null {
  if (!STAGE_LABEL_RE.test(label)) return null;
  const offset = Number(label.slice(1));
  return Number.isSafeInteger(offset) ? offset : null;
}

/**
 * The key of a stage in the planner's `PlanInput.planned` (`reminders.ts`):
 * `${assignmentId}|${stageLabel(offset)}`, e.g. `'42|T-3'`.
 * @throws RangeError when `offset` is not a safe integer.
 */
export function plannedKey(assignmentId: number, offset: number): string {
  return `${assignmentId}|${stageLabel(offset)}`;
}

/**
 * The working day a stage is sent on: offset < 0 → dueDate+offset, moved to the previous
 * working day when that is a day off (never after the deadline); 0 → dueDate; > 0 →
 * dueDate+offset, moved to the next working day.
 *
 * So for a deadline of Wed 15 Jul 2026, `T-3` (Sun 12 Jul) is sent on Fri 10 Jul and `T+3`
 * (Sat 18 Jul) on Mon 20 Jul. Stage dates never decrease as the offset grows, and several
 * stages may share a date (a long holiday folds them onto the same working day). Make-up
 * working days in `holidays` count as working days.
 * @throws RangeError when `dueDate` is not a valid {@link IsoDate}, `offset` is not an integer,
 *   or the result leaves years 0001–9999.
 */
export function stageDate(dueDate: IsoDate, offset: number, holidays: HolidayTable): IsoDate {
  const nominal = addDays(dueDate, offset);
  if (offset < 0) return onOrBeforeWorkingDay(nominal, holidays);
  if (offset > 0) return onOrAfterWorkingDay(nominal, holidays);
  return nominal;
}

/**
 * How far from its deadline a reminder stage may be, in days. The planner loads the assignments
 * due within this many days of today (plus a margin for a stage moved off a holiday), so a stage
 * further than that would never be sent; {@link parseStageList} refuses it.
 */
export const PLANNING_HORIZON_DAYS = 45;

/** The stages a duty is seeded with: a week, three days and a day before, the day, and after. */
export const DEFAULT_REMINDER_STAGES: readonly number[] = [-7, -3, -1, 0, 1, 3];

/** Result of {@link parseStageList}; `value` is the offending item as written. */
export type ParsedStageList =
  | { ok: true; stages: number[] }
  | { ok: false; reason: 'empty' | 'format' | 'too_far'; value?: string };

const STAGE_SEPARATORS_RE = /[\s,;]+/;
const BARE_OFFSET_RE = /^[-+]?\d+$/;
const DEFAULT_WORDS = new Set(['default', 'mặc định', 'mac dinh']);

/**
 * A reminder policy as an operator writes it: offsets in days relative to the deadline,
 * separated by commas, semicolons or spaces, each either a signed integer (`-7`, `0`, `+3`, `3`)
 * or a {@link stageLabel ledger label} (`T-7`, `T0`, `T+3`; `t-7` too). The word `default`
 * (or `mặc định`) stands for {@link DEFAULT_REMINDER_STAGES}. The stages come back each once,
 * ascending. Refuses (never throws):
 * - `empty` — no stage at all;
 * - `format` — an item that is not an integer offset (`1.5`, `T3`, `T+0`, `abc`);
 * - `too_far` — an offset beyond ±{@link PLANNING_HORIZON_DAYS} days, which would never fire.
 * The first offending item, as written, is `value`.
 */
export function parseStageList(text: string): ParsedStageList {
  // Text pasted from a word processor may carry a typographic minus (−) or dash (–).
  const normalized = text
    .normalize('NFC')
    .replace(/[\u2212\u2013]/g, '-')
    .trim();
  if (DEFAULT_WORDS.has(normalized.toLowerCase().replace(/\s+/g, ' '))) {
    return { ok: true, stages: [...DEFAULT_REMINDER_STAGES] };
  }
  const items = normalized.split(STAGE_SEPARATORS_RE).filter((item) => item !== '');
  if (items.length === 0) return { ok: false, reason: 'empty' };
  const stages = new Set<number>();
  for (const item of items) {
    let offset: number | null;
    if (item[0] === 'T' || item[0] === 't') offset = parseStageLabel(`T${item.slice(1)}`);
    else if (BARE_OFFSET_RE.test(item))
      offset = Number(item) || 0; // `-0` is 0
    else offset = null;
    if (offset === null) return { ok: false, reason: 'format', value: item };
    if (!isStageOffset(offset) || Math.abs(offset) > PLANNING_HORIZON_DAYS) {
      return { ok: false, reason: 'too_far', value: item };
    }
    stages.add(offset);
  }
  return { ok: true, stages: [...stages].sort((a, b) => a - b) };
}
