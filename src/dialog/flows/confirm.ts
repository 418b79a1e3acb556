/**
 * Confirmation and storing: the draft is read back (each value against the year's target, values
 * far from last period or from peers called out, skipped figures named), and only a press of
 * Confirm stores it — once, even if pressed twice or on two instances.
 */
import { type Change, changesFrom, evaluateTarget, findUnusual } from '../../domain/submission.js';
import { formatDate, formatTarget } from '../../messages/format.js';
import type { Button } from '../../ports/channel.js';
import type { AssignmentIndicator, AssignmentView, SubmissionStore } from '../../ports/submissions.js';
import {
  btn,
  exampleFor,
  fmt,
  label,
  reportTitle,
  SaveFailedError,
  say,
  type Turn,
  timeOf,
  tr,
} from '../context.js';
import type { Draft } from '../state.js';
import { refuseSave } from './documents.js';
import { missingFigures } from './drafts.js';

/** The value's standing against its target, appended to its confirmation line. */
function againstTarget(turn: Turn, ind: AssignmentIndicator, value: number): string {
  if (!ind.target || ind.target.kind === 'sum') return '';
  const target = formatTarget(ind.target, ind.kind, turn.locale, (id, a) => tr(turn, id, a));
  if (!target) return '';
  const status = evaluateTarget(ind.target, value);
  if (status === 'met') return ` — ${tr(turn, 'target-met', { target })}`;
  if (status === 'exceeded') return ` — ${tr(turn, 'target-exceeded', { target })}`;
  if (status === 'not_met') return ` — ${tr(turn, 'target-not-met', { target })}`;
  return '';
}

/**
 * The read-back of a draft, in one reply: each change against its target, values far from last
 * period or from peers, what is still missing (a first submission), the numbers not used yet
 * (the first one with the indicators it could be for as buttons), and the way on — Confirm /
 * Edit / Cancel, or Save what was sent / One by one / Cancel while figures are missing. More
 * figures typed now are added to the draft.
 */
export async function confirmDraft(turn: Turn, draft: Draft, known?: AssignmentView): Promise<void> {
  const l = turn.locale;
  const { submissions } = turn.ctx.deps;
  // The full view: previous period and peers, for the "please check" read-back.
  const a = known ? await submissions.withContext(known) : await submissions.get(draft.aid, turn.now);
  if (!a) {
    turn.state.flow = { k: 'idle' };
    return say(turn, tr(turn, 'stale-button'));
  }
  const changes = changesFrom(
    a.values,
    draft.values,
    a.indicators.map((i) => i.code),
  );
  const token = turn.ctx.newToken();
  turn.state.flow = { k: 'confirm', token, draft };
  const byCode = (code: string) => a.indicators.find((i) => i.code === code);
  const lines = [
    tr(turn, 'confirm-title', {
      report: reportTitle(turn, a, a.periodCode),
      unit: a.unit.name,
    }),
  ];
  for (const c of changes) {
    const ind = byCode(c.code)!;
    const line = tr(turn, c.old === null ? 'confirm-line' : 'confirm-line-change', {
      label: label(l, ind),
      value: fmt(l, ind, c.new),
      old: c.old === null ? '' : fmt(l, ind, c.old),
    });
    lines.push(line + againstTarget(turn, ind, c.new));
  }
  const kinds = Object.fromEntries(a.indicators.map((i) => [i.code, i.kind]));
  const proposed = Object.fromEntries(changes.map((c: Change) => [c.code, c.new]));
  for (const u of findUnusual(proposed, kinds, a.previous, a.peerMedian)) {
    const ind = byCode(u.code)!;
    lines.push(
      tr(turn, u.against === 'previous' ? 'unusual-previous' : 'unusual-peers', {
        label: label(l, ind),
        value: fmt(l, ind, u.value),
        reference: fmt(l, ind, u.reference),
      }),
    );
  }
  const none = (draft.none ?? []).map(byCode).filter((i): i is AssignmentIndicator => i !== undefined);
  if (none.length > 0)
    lines.push(tr(turn, 'confirm-none', { labels: none.map((i) => label(l, i)).join(', ') }));
  const missing = missingFigures(a, draft);
  if (missing.length > 0)
    lines.push(tr(turn, 'confirm-missing', { labels: missing.map((i) => label(l, i)).join(', ') }));
  const skipped = draft.skipped.map(byCode).filter((i): i is AssignmentIndicator => i !== undefined);
  if (draft.skipped.length > 0)
    lines.push(tr(turn, 'confirm-skipped', { labels: skipped.map((i) => label(l, i)).join(', ') }));
  const rows: Button[][] = [];
  const [unused, ...moreUnused] = draft.unused ?? [];
  if (unused) {
    // The figures still wanted first: a number sent now most likely fills a gap.
    const given = (i: AssignmentIndicator) =>
      draft.values[i.code] !== undefined || a.values[i.code] !== undefined;
    const fits = unused.fits
      .map(byCode)
      .filter((i): i is AssignmentIndicator => i !== undefined)
      .sort((x, y) => Number(given(x)) - Number(given(y)));
    lines.push(tr(turn, fits.length > 0 ? 'confirm-unused' : 'confirm-unused-none', { raw: unused.raw }));
    if (moreUnused.length > 0)
      lines.push(tr(turn, 'confirm-unused-more', { numbers: moreUnused.map((u) => u.raw).join(', ') }));
    rows.push([
      ...fits.slice(0, 3).map((i) => btn(token, 'use', label(l, i), i.code)),
      btn(token, 'drop', tr(turn, 'btn-drop-number')),
    ]);
  }
  if (draft.reason && changes.some((c) => c.old !== null))
    lines.push(tr(turn, 'confirm-reason', { reason: draft.reason }));
  const hint = missing.length > 0 ? exampleFor(turn, { ...a, indicators: missing }) : undefined;
  if (changes.length === 0 && none.length === 0) {
    rows.push([btn(token, 'cancel', tr(turn, 'btn-cancel'))]);
  } else if (missing.length > 0) {
    lines.push(tr(turn, 'confirm-missing-how', { example: hint ?? '' }));
    rows.push([
      btn(token, 'ok', tr(turn, 'btn-save-partial')),
      btn(token, 'one', tr(turn, 'btn-one-by-one')),
      btn(token, 'cancel', tr(turn, 'btn-cancel')),
    ]);
  } else {
    lines.push(tr(turn, 'confirm-question'));
    rows.push([
      btn(token, 'ok', tr(turn, 'btn-confirm')),
      btn(token, 'edit', tr(turn, 'btn-edit')),
      btn(token, 'cancel', tr(turn, 'btn-cancel')),
    ]);
  }
  say(turn, lines.join('\n'), rows, { expectsFigure: true, ...(hint ? { inputHint: hint } : {}) });
}

/** Stores a confirmed draft: claim the step first, so a second press cannot store twice. */
export async function commit(turn: Turn, draft: Draft): Promise<void> {
  const l = turn.locale;
  const { deps } = turn.ctx;
  const confirmFlow = turn.state.flow;
  turn.state.flow = { k: 'idle' };
  if (!(await turn.claim(turn.state))) {
    turn.out.push({ text: tr(turn, 'already-handled') });
    return;
  }
  const a = await deps.submissions.get(draft.aid, turn.now);
  if (!a) return say(turn, tr(turn, 'stale-button'));
  const changes = changesFrom(
    a.values,
    draft.values,
    a.indicators.map((i) => i.code),
  );
  let res: Awaited<ReturnType<SubmissionStore['saveConfirmed']>>;
  try {
    res = await deps.submissions.saveConfirmed({
      assignmentId: a.id,
      personId: turn.binding!.personId,
      channel: turn.input.channel,
      values: [
        ...changes.map((c) => ({ code: c.code, value: c.new as number | null })),
        // Declared "no figure": stored as such, so it counts as given.
        ...(draft.none ?? []).map((code) => ({ code, value: null })),
      ],
      reason: changes.some((c) => c.old !== null) ? draft.reason : null,
      rawMessage: draft.raw,
      now: turn.now,
      timeZone: deps.timeZone,
    });
  } catch (err) {
    // Put the confirmation back so the same button works after recovery.
    turn.state.flow = confirmFlow;
    await turn.claim(turn.state);
    throw new SaveFailedError('save failed', { cause: err });
  }
  if (!res.ok) return refuseSave(turn, a, res.reason);
  const lines = [
    tr(turn, 'saved', {
      count: changes.length,
      unit: a.unit.name,
      report: reportTitle(turn, a, a.periodCode),
      time: timeOf(turn, turn.now),
    }),
  ];
  if (res.complete) {
    lines.push(
      res.state === 'late'
        ? tr(turn, 'saved-complete-late', { due: a.dueDate ? formatDate(a.dueDate) : '' })
        : tr(turn, 'saved-complete-on-time'),
    );
  } else {
    const after = { ...a.values, ...draft.values };
    const none = new Set([...a.declaredNone, ...(draft.none ?? [])]);
    const missing = a.indicators.filter(
      (i) => i.required && after[i.code] === undefined && !none.has(i.code),
    );
    if (missing.length > 0)
      lines.push(tr(turn, 'saved-missing', { labels: missing.map((i) => label(l, i)).join(', ') }));
  }
  say(turn, lines.join('\n'));
}
