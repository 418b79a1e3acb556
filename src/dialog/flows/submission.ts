/**
 * Submitting figures: a focal point's free text is read against the open reports' indicators
 * into a draft; the flow resolves ambiguous numbers, asks for required figures still missing
 * (skippable) and a reason when a stored value changes, then hands the draft to confirmation.
 * Nothing is stored before the person confirms (see confirm.ts).
 */
import { type ParseResult, parseFigures, validateValue } from '../../domain/figures/index.js';
import { reportsNamedIn } from '../../domain/report-named.js';
import { parseStatusQuestion } from '../../domain/status-question.js';
import { changesFrom, parseDocumentRef, splitReason } from '../../domain/submission.js';
import { foldForMatch } from '../../domain/text.js';
import { shortestLabel } from '../../messages/examples.js';
import type { UnitRef } from '../../ports/identities.js';
import type { AssignmentView } from '../../ports/submissions.js';
import {
  btn,
  exampleFor,
  fmt,
  focalUnits,
  label,
  note,
  reportTitle,
  say,
  type Turn,
  tr,
} from '../context.js';
import type { Draft, Flow } from '../state.js';
import { confirmDraft } from './confirm.js';
import { onDocument } from './documents.js';
import { missingFigures } from './drafts.js';
import { status } from './status.js';

/** Typed answers that skip the figure being asked for. */
const SKIP_WORDS = new Set(['bo qua', 'boqua', 'skip', 'bỏ qua', '-']);
/** Typed answers (folded) that declare the figure asked has no value: it counts as given. */
const NONE_WORDS = new Set([
  'khong co',
  'khong co so lieu',
  'k co',
  'ko co',
  'khong ap dung',
  'khong phat sinh',
  'none',
  'not applicable',
  'n/a',
]);

/**
 * Free text from a bound person: an answer to the step in progress (a reason, a missing figure),
 * a manager's status question, a document's number, or figures for one of their units.
 */
export async function onText(turn: Turn, text: string): Promise<void> {
  const flow = turn.state.flow;
  if (flow.k === 'reason') {
    flow.draft.reason = text.trim().slice(0, 500);
    return confirmDraft(turn, flow.draft);
  }
  if (flow.k === 'collect') return collectText(turn, flow, text);
  if (flow.k === 'confirm') return addToDraft(turn, flow.draft, text);
  const units = focalUnits(turn);
  const question = parseStatusQuestion(text);
  if (question && (units.length === 0 || turn.binding?.roles.some((r) => r.role !== 'focal'))) {
    return status(turn, question);
  }
  if (units.length === 0) return say(turn, tr(turn, 'manager-cannot-submit'));
  const doc = parseDocumentRef(text);
  if (doc) return onDocument(turn, { kind: 'number', number: doc.number, date: doc.date });
  const unit = chooseUnit(turn, text);
  if (!unit) return;
  return figuresForUnit(turn, unit, text);
}

/** The unit this message is for, or null after asking which (the text is kept). */
function chooseUnit(turn: Turn, text: string): UnitRef | null {
  const units = focalUnits(turn);
  if (units.length === 1) return units[0]!;
  const chosen = units.find((u) => u.id === turn.state.unitId);
  if (chosen) return chosen;
  const token = turn.ctx.newToken();
  turn.state.flow = {
    k: 'pick_unit',
    token,
    text: text.slice(0, turn.ctx.maxText),
    unitIds: units.map((u) => u.id),
  };
  say(
    turn,
    tr(turn, 'pick-unit'),
    units.map((u) => [btn(token, 'unit', u.name, u.id)]),
  );
  return null;
}

/** Numbers read from a message for one report: values, invalid ones and ambiguous ones. */
const hits = (r: ParseResult) => Object.keys(r.values).length + r.invalid.length + r.ambiguous.length;

/** Reads figures for the unit's open reports; asks which report when several match. */
async function figuresForUnit(turn: Turn, unit: UnitRef, text: string): Promise<void> {
  const open = await turn.ctx.deps.submissions.openAssignments([unit.id], turn.now);
  if (open.length === 0) return say(turn, tr(turn, 'no-open-assignment', { unit: unit.name }));
  const withFigures = open.filter((a) => a.indicators.length > 0);
  if (withFigures.length === 0) return say(turn, tr(turn, 'no-figures-for-unit', { unit: unit.name }));
  const { figures, reason } = splitReason(text);
  // The report the text names (`báo cáo 6 tháng: …`, `BC6T`, `hạn 15/7`) is the one meant.
  const named = reportsNamedIn(text, withFigures);
  const candidates = named.length > 0 ? withFigures.filter((a) => named.includes(a.id)) : withFigures;
  const parsed = candidates.map((a) => ({ a, r: parseFigures(figures, a.indicators) }));
  const matching = parsed.filter(({ r }) => hits(r) > 0);
  if (matching.length === 0) {
    const unused = parsed[0]?.r.unused ?? [];
    // Numbers without a label that only one open report can take: named back there, with the
    // indicators they fit; the person says which.
    const takers = parsed.filter(({ r }) => r.unused.some((u) => u.fits.length > 0));
    if (takers.length === 1) return startDraft(turn, takers[0]!.a, takers[0]!.r, text, reason);
    const example = exampleFor(turn, withFigures[0]);
    if (unused.length > 0) {
      return say(
        turn,
        tr(turn, 'numbers-no-label', { numbers: unused.map((u) => u.raw).join(', '), example }),
      );
    }
    return say(turn, tr(turn, 'not-understood', { example }), undefined, { inputHint: example });
  }
  if (matching.length > 1) {
    const token = turn.ctx.newToken();
    turn.state.flow = {
      k: 'pick_assignment',
      token,
      text: text.slice(0, turn.ctx.maxText),
      ids: matching.map((m) => m.a.id),
      purpose: 'figures',
    };
    return say(
      turn,
      tr(turn, 'pick-assignment'),
      matching.map(({ a }) => [
        btn(token, 'asg', tr(turn, 'assignment-label', { report: reportTitle(turn, a, a.periodCode) }), a.id),
      ]),
    );
  }
  const { a, r } = matching[0]!;
  return startDraft(turn, a, r, text, reason);
}

/** Starts a draft for one report from what a message said (the report chosen by button, too). */
export async function startDraft(
  turn: Turn,
  a: AssignmentView,
  r: ParseResult,
  raw: string,
  reason: string | null,
): Promise<void> {
  reportInvalid(turn, a, r);
  const draft: Draft = {
    aid: a.id,
    values: { ...r.values },
    skipped: [],
    raw: raw.slice(0, turn.ctx.maxText),
    reason,
    ambiguous: r.ambiguous.slice(0, 5),
    unused: r.unused.slice(0, 5),
  };
  return advance(turn, a, draft);
}

/**
 * Notes which numbers were refused and why (out of bounds, not a number of that kind…), for the
 * top of the reply: refused and accepted values are answered together, the draft kept.
 */
function reportInvalid(turn: Turn, a: AssignmentView, r: ParseResult): void {
  for (const inv of r.invalid) {
    const ind = a.indicators.find((i) => i.code === inv.code);
    if (!ind) continue;
    note(
      turn,
      tr(turn, 'invalid-value', {
        label: label(turn.locale, ind),
        raw: inv.raw,
        reason: tr(turn, `reason-${inv.reason}`, {
          max: ind.max === null || ind.max === undefined ? '' : fmt(turn.locale, ind, ind.max),
          min: ind.min === null || ind.min === undefined ? '' : fmt(turn.locale, ind, ind.min),
        }),
      }),
    );
  }
}

/**
 * Next step for a draft: resolve an ambiguous number, then (only when the person asked for it)
 * the missing figures one by one, a reason when stored values change, and the read-back — which
 * lists what is still missing and the numbers not used, in one reply.
 */
export async function advance(turn: Turn, a: AssignmentView, draft: Draft): Promise<void> {
  const l = turn.locale;
  const token = turn.ctx.newToken();
  const amb = draft.ambiguous[0];
  if (amb) {
    const ind = a.indicators.find((i) => i.code === amb.code)!;
    turn.state.flow = { k: 'collect', token, draft, asking: null, editing: false };
    return say(
      turn,
      tr(turn, 'ambiguous-ask', { raw: amb.raw, label: label(l, ind) }),
      [
        amb.candidates.slice(0, 4).map((c, n) => btn(token, 'amb', fmt(l, ind, c), n)),
        [btn(token, 'cancel', tr(turn, 'btn-cancel'))],
      ],
      { expectsFigure: true },
    );
  }
  const missing = draft.oneByOne ? missingFigures(a, draft)[0] : undefined;
  if (missing) {
    turn.state.flow = { k: 'collect', token, draft, asking: missing.code, editing: false };
    const unitName = l === 'vi' ? missing.unitVi : missing.unitEn;
    const unitText = missing.kind === 'percent' ? ' (%)' : unitName ? ` (${unitName})` : '';
    return say(
      turn,
      tr(turn, 'ask-missing', { label: label(l, missing), unit: unitText }),
      [
        [
          btn(token, 'skip', tr(turn, 'btn-skip'), missing.code),
          btn(token, 'none', tr(turn, 'btn-none'), missing.code),
          btn(token, 'cancel', tr(turn, 'btn-cancel')),
        ],
      ],
      { expectsFigure: true, inputHint: exampleFor(turn, { ...a, indicators: [missing] }) },
    );
  }
  const changes = changesFrom(
    a.values,
    draft.values,
    a.indicators.map((i) => i.code),
  );
  if (changes.length === 0 && (draft.unused ?? []).length === 0 && (draft.none ?? []).length === 0) {
    turn.state.flow = { k: 'idle' };
    turn.state.choices = [];
    // Refused numbers alone: the refusal says why; one more line says what to send instead.
    const id = turn.notes.length > 0 ? 'refused-only' : 'not-understood';
    const example = exampleFor(turn, a);
    return say(turn, tr(turn, id, { example }), undefined, { inputHint: example });
  }
  if (changes.some((c) => c.old !== null) && !draft.reason) {
    turn.state.flow = { k: 'reason', token, draft };
    return say(turn, tr(turn, 'ask-reason'), [[btn(token, 'cancel', tr(turn, 'btn-cancel'))]]);
  }
  return confirmDraft(turn, draft, a);
}

/**
 * Figures added while the read-back is on screen: merged into the draft (the missing ones in any
 * order, corrections of what was just sent), then the read-back again. A lone number answers
 * the only figure still missing when it fits; otherwise it is named back, never guessed.
 */
async function addToDraft(turn: Turn, draft: Draft, text: string): Promise<void> {
  const a = await turn.ctx.deps.submissions.get(draft.aid, turn.now);
  if (!a) {
    turn.state.flow = { k: 'idle' };
    return say(turn, tr(turn, 'stale-button'));
  }
  const { figures, reason } = splitReason(text);
  if (reason) draft.reason = reason;
  const r = parseFigures(figures, a.indicators);
  reportInvalid(turn, a, r);
  Object.assign(draft.values, r.values);
  draft.ambiguous.push(...r.ambiguous.slice(0, 5));
  const missing = missingFigures(a, draft);
  const lone = r.unused.length === 1 && Object.keys(r.values).length + r.ambiguous.length === 0;
  const only = missing.length === 1 ? missing[0]! : undefined;
  if (lone && only && r.unused[0]!.fits.includes(only.code)) {
    assignNumber(turn, a, draft, only.code, r.unused[0]!);
  } else {
    draft.unused = [...(draft.unused ?? []), ...r.unused].slice(0, 5);
  }
  if (Object.keys(r.values).length + r.invalid.length + r.ambiguous.length + r.unused.length === 0) {
    note(turn, tr(turn, 'not-understood', { example: exampleFor(turn, a) }));
  }
  draft.raw = `${draft.raw}\n${text}`.slice(-turn.ctx.maxText);
  return advance(turn, a, draft);
}

/**
 * Reads a number the person said is the indicator `code`'s value: as if typed after its label
 * (so `1.234` or `5 triệu` reads as that indicator's kind would), else — when that reading finds
 * nothing, e.g. a `giảm 2%` the label alone does not explain — the number's own reading, checked
 * against the indicator's bounds. A value, an ambiguous reading to resolve, or a refusal noted:
 * nothing is stored yet.
 */
export function assignNumber(
  turn: Turn,
  a: AssignmentView,
  draft: Draft,
  code: string,
  number: { raw: string; value: number },
): void {
  const spec = a.indicators.find((i) => i.code === code);
  if (!spec) return;
  const r = parseFigures(`${shortestLabel(spec)} ${number.raw}`, [spec]);
  if (Object.keys(r.values).length + r.ambiguous.length + r.invalid.length === 0) {
    const reason = validateValue(number.value, spec);
    if (reason === null) r.values[spec.code] = number.value;
    else r.invalid.push({ code: spec.code, raw: number.raw, value: number.value, reason });
  }
  reportInvalid(turn, a, r);
  Object.assign(draft.values, r.values);
  draft.ambiguous.push(...r.ambiguous);
}

/** Text while collecting: a skip word, more figures, or a bare number for the figure asked. */
async function collectText(turn: Turn, flow: Extract<Flow, { k: 'collect' }>, text: string): Promise<void> {
  const a = await turn.ctx.deps.submissions.get(flow.draft.aid, turn.now);
  if (!a) {
    turn.state.flow = { k: 'idle' };
    return say(turn, tr(turn, 'stale-button'));
  }
  const draft = flow.draft;
  const folded = text.trim().toLowerCase().normalize('NFC');
  if (flow.asking && SKIP_WORDS.has(folded)) {
    draft.skipped.push(flow.asking);
    return advance(turn, a, draft);
  }
  if (flow.asking && NONE_WORDS.has(foldForMatch(text.trim()).replace(/[.!]+$/, ''))) {
    declareNone(draft, flow.asking);
    return advance(turn, a, draft);
  }
  const { figures, reason } = splitReason(text);
  if (reason) draft.reason = reason;
  const r = parseFigures(figures, a.indicators);
  // While a reading is asked about, the number of one of its readings typed out chooses it.
  const amb = flow.asking === null ? draft.ambiguous[0] : undefined;
  const typed = r.unused.length === 1 && Object.keys(r.values).length === 0 ? r.unused[0]!.value : undefined;
  if (amb && typed !== undefined && amb.candidates.includes(typed)) {
    draft.ambiguous.shift();
    draft.values[amb.code] = typed;
    return advance(turn, a, draft);
  }
  reportInvalid(turn, a, r);
  let got = Object.keys(r.values).length + r.ambiguous.length;
  Object.assign(draft.values, r.values);
  draft.ambiguous.push(...r.ambiguous.slice(0, 5));
  // A bare number answers the indicator being asked.
  if (got === 0 && flow.asking && r.unused.length === 1 && r.invalid.length === 0) {
    // A refused number is noted and the same figure asked again.
    assignNumber(turn, a, draft, flow.asking, r.unused[0]!);
    got = 1;
  } else if (r.unused.length > 0) {
    draft.unused = [...(draft.unused ?? []), ...r.unused].slice(0, 5);
    got += r.unused.length;
  }
  draft.raw = `${draft.raw}\n${text}`.slice(-turn.ctx.maxText);
  if (got === 0 && r.invalid.length === 0) {
    const notUnderstood = tr(turn, 'not-understood', { example: exampleFor(turn, a) });
    if (!flow.asking) return say(turn, notUnderstood, undefined, { expectsFigure: true });
    note(turn, notUnderstood);
  }
  return advance(turn, a, draft);
}

/** Records that the indicator `code` has no figure this period (declared, not skipped). */
export function declareNone(draft: Draft, code: string): void {
  draft.none = [...new Set([...(draft.none ?? []), code])];
  delete draft.values[code];
}
