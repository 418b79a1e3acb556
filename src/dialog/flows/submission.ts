/**
 * Submitting figures: a focal point's free text is read against the open reports' indicators
 * into a draft; the flow resolves ambiguous numbers, asks for required figures still missing
 * (skippable) and a reason when a stored value changes, then hands the draft to confirmation.
 * Nothing is stored before the person confirms (see confirm.ts).
 */
import { type ParseResult, parseFigures } from '../../domain/figures/index.js';
import { parseStatusQuestion } from '../../domain/status-question.js';
import { changesFrom, parseDocumentRef, splitReason } from '../../domain/submission.js';
import { shortestLabel } from '../../messages/examples.js';
import { formatPeriod } from '../../messages/format.js';
import type { UnitRef } from '../../ports/identities.js';
import type { AssignmentView } from '../../ports/submissions.js';
import { btn, dutyName, exampleFor, fmt, focalUnits, label, say, type Turn, tr } from '../context.js';
import type { Draft, Flow } from '../state.js';
import { confirmDraft } from './confirm.js';
import { onDocument } from './documents.js';
import { status } from './status.js';

/** Typed answers that skip the figure being asked for. */
const SKIP_WORDS = new Set(['bo qua', 'boqua', 'skip', 'bỏ qua', 'khong co', 'không có', '-']);

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
  const parsed = withFigures.map((a) => ({ a, r: parseFigures(figures, a.indicators) }));
  const matching = parsed.filter(({ r }) => hits(r) > 0);
  if (matching.length === 0) {
    const unused = parsed[0]?.r.unused ?? [];
    const example = exampleFor(turn.locale, withFigures[0]);
    if (unused.length > 0) {
      return say(turn, tr(turn, 'unused', { numbers: unused.map((u) => u.raw).join(', '), example }));
    }
    return say(turn, tr(turn, 'not-understood', { example }));
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
        btn(
          token,
          'asg',
          tr(turn, 'assignment-label', {
            duty: dutyName(turn.locale, a),
            period: formatPeriod(a.periodCode),
          }),
          a.id,
        ),
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
  };
  return advance(turn, a, draft);
}

/** Says which numbers were refused and why (out of bounds, not a number of that kind…). */
function reportInvalid(turn: Turn, a: AssignmentView, r: ParseResult): void {
  for (const inv of r.invalid) {
    const ind = a.indicators.find((i) => i.code === inv.code);
    if (!ind) continue;
    say(
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

/** Next step for a draft: resolve ambiguity, ask what is missing, ask a reason, confirm. */
export async function advance(turn: Turn, a: AssignmentView, draft: Draft): Promise<void> {
  const l = turn.locale;
  const token = turn.ctx.newToken();
  const amb = draft.ambiguous[0];
  if (amb) {
    const ind = a.indicators.find((i) => i.code === amb.code)!;
    turn.state.flow = { k: 'collect', token, draft, asking: null, editing: false };
    return say(turn, tr(turn, 'ambiguous-ask', { raw: amb.raw, label: label(l, ind) }), [
      amb.candidates.slice(0, 4).map((c, n) => btn(token, 'amb', fmt(l, ind, c), n)),
      [btn(token, 'cancel', tr(turn, 'btn-cancel'))],
    ]);
  }
  // Missing figures are asked for on a first submission only; later messages add or correct.
  const firstSubmission = Object.keys(a.values).length === 0;
  const missing = a.indicators.find(
    (i) =>
      firstSubmission &&
      i.required &&
      draft.values[i.code] === undefined &&
      a.values[i.code] === undefined &&
      !draft.skipped.includes(i.code),
  );
  if (missing) {
    turn.state.flow = { k: 'collect', token, draft, asking: missing.code, editing: false };
    const unitName = l === 'vi' ? missing.unitVi : missing.unitEn;
    const unitText = missing.kind === 'percent' ? ' (%)' : unitName ? ` (${unitName})` : '';
    return say(turn, tr(turn, 'ask-missing', { label: label(l, missing), unit: unitText }), [
      [btn(token, 'skip', tr(turn, 'btn-skip'), missing.code), btn(token, 'cancel', tr(turn, 'btn-cancel'))],
    ]);
  }
  const changes = changesFrom(
    a.values,
    draft.values,
    a.indicators.map((i) => i.code),
  );
  if (changes.length === 0) {
    turn.state.flow = { k: 'idle' };
    turn.state.choices = [];
    return say(turn, tr(turn, 'not-understood', { example: exampleFor(l, a) }));
  }
  if (changes.some((c) => c.old !== null) && !draft.reason) {
    turn.state.flow = { k: 'reason', token, draft };
    return say(turn, tr(turn, 'ask-reason'), [[btn(token, 'cancel', tr(turn, 'btn-cancel'))]]);
  }
  return confirmDraft(turn, draft, a);
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
  const { figures, reason } = splitReason(text);
  if (reason) draft.reason = reason;
  const r = parseFigures(figures, a.indicators);
  reportInvalid(turn, a, r);
  let got = Object.keys(r.values).length + r.ambiguous.length;
  Object.assign(draft.values, r.values);
  draft.ambiguous.push(...r.ambiguous.slice(0, 5));
  // A bare number answers the indicator being asked.
  if (got === 0 && flow.asking && r.unused.length === 1 && r.invalid.length === 0) {
    const asked = a.indicators.find((i) => i.code === flow.asking)!;
    const only = parseFigures(`${shortestLabel(asked)} ${r.unused[0]!.raw}`, [asked]);
    reportInvalid(turn, a, only);
    Object.assign(draft.values, only.values);
    draft.ambiguous.push(...only.ambiguous);
    got = Object.keys(only.values).length + only.ambiguous.length;
    if (got === 0 && only.invalid.length > 0) return;
  }
  draft.raw = `${draft.raw}\n${text}`.slice(-turn.ctx.maxText);
  if (got === 0 && r.invalid.length === 0) {
    say(turn, tr(turn, 'not-understood', { example: exampleFor(turn.locale, a) }));
    if (flow.asking) return advance(turn, a, draft);
    return;
  }
  return advance(turn, a, draft);
}
