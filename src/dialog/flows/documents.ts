/**
 * The signed report: a focal point sends its file, or its number and date (`số 123/BC-STP ngày
 * 10/7/2027`), and the bot records it on the open report (asking which when several are open).
 * Also how a refused save is explained (a locked period offers to ask for an exception).
 */
import { formatDate } from '../../messages/format.js';
import type { AssignmentView } from '../../ports/submissions.js';
import { btn, focalUnits, reportTitle, save, say, type Turn, tr } from '../context.js';

/** A document as the person sent it: a file on the platform, or a number and date typed. */
export type DocumentInput =
  | { kind: 'file'; name: string; ref: string }
  | { kind: 'number'; number: string; date: string | null };

/** Records the document on the one open report it can be for (asks which among several). */
export async function onDocument(turn: Turn, doc: DocumentInput, assignmentId?: number): Promise<void> {
  const { deps } = turn.ctx;
  if (!turn.binding) return say(turn, tr(turn, 'unbound-only'));
  const units = focalUnits(turn);
  if (units.length === 0) return say(turn, tr(turn, 'manager-cannot-submit'));
  const unitIds =
    turn.state.unitId && units.some((u) => u.id === turn.state.unitId)
      ? [turn.state.unitId]
      : units.map((u) => u.id);
  const open = await deps.submissions.openAssignments(unitIds, turn.now);
  const candidates = assignmentId ? open.filter((a) => a.id === assignmentId) : open;
  if (candidates.length === 0) {
    return say(turn, tr(turn, 'no-open-assignment', { unit: units.map((u) => u.name).join(', ') }));
  }
  const refText =
    doc.kind === 'file'
      ? tr(turn, 'document-file', { name: doc.name })
      : doc.date
        ? tr(turn, 'document-number-date', { number: doc.number, date: formatDate(doc.date) })
        : tr(turn, 'document-number', { number: doc.number });
  if (candidates.length > 1) {
    const token = turn.ctx.newToken();
    turn.state.flow = {
      k: 'pick_assignment',
      token,
      text: '',
      ids: candidates.map((a) => a.id),
      purpose: 'document',
      document: JSON.stringify(doc),
    };
    return say(
      turn,
      tr(turn, 'pick-assignment-document'),
      candidates.map((a) => [
        btn(
          token,
          'asg',
          `${units.length > 1 ? `${a.unit.code}: ` : ''}${tr(turn, 'assignment-label', { report: reportTitle(turn, a, a.periodCode) })}`,
          a.id,
        ),
      ]),
    );
  }
  const a = candidates[0]!;
  const storedRef =
    doc.kind === 'file' ? `file:${doc.name} (${doc.ref})` : `${doc.number}${doc.date ? ` ${doc.date}` : ''}`;
  const res = await save(() =>
    deps.submissions.recordDocument({
      assignmentId: a.id,
      personId: turn.binding!.personId,
      channel: turn.input.channel,
      ref: storedRef,
      now: turn.now,
    }),
  );
  turn.state.flow = { k: 'idle' };
  if (!res.ok) return refuseSave(turn, a, res.reason);
  say(
    turn,
    tr(turn, 'document-recorded', {
      report: reportTitle(turn, a, a.periodCode),
      unit: a.unit.name,
      ref: refText,
    }),
  );
}

/**
 * Why a save was refused: not the unit's focal point any more, or the period is locked — then
 * the person may ask the managers for an exception with one button.
 */
export function refuseSave(turn: Turn, a: AssignmentView, reason: 'locked' | 'not_allowed'): void {
  if (reason === 'not_allowed') {
    turn.state.flow = { k: 'idle' };
    say(turn, tr(turn, 'save-not-allowed', { unit: a.unit.name }));
    return;
  }
  const token = turn.ctx.newToken();
  turn.state.flow = { k: 'locked', token, aid: a.id };
  say(turn, tr(turn, 'save-locked', { report: reportTitle(turn, a, a.periodCode) }), [
    [btn(token, 'unlock', tr(turn, 'btn-request-unlock')), btn(token, 'cancel', tr(turn, 'btn-cancel'))],
  ]);
}

/** The "ask for an exception" button of a locked period: the request reaches the unit's managers. */
export async function requestUnlock(turn: Turn, assignmentId: number): Promise<void> {
  const { deps } = turn.ctx;
  const request = { assignmentId, personId: turn.binding!.personId, reason: null };
  turn.state.flow = { k: 'idle' };
  if (deps.actions) {
    const actions = deps.actions;
    const r = await save(() => actions.requestException(request, turn.now));
    return say(turn, tr(turn, r.created ? 'unlock-requested' : 'unlock-already-requested'));
  }
  await save(() => deps.submissions.requestUnlock({ ...request, now: turn.now }));
  say(turn, tr(turn, 'unlock-requested'));
}
