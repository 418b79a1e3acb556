/**
 * Corrections: `/sua <figures> vì <reason>` changes stored values (a reason is asked when none is
 * given); `/sua` alone explains how, with an example built from the person's own report.
 */
import { examplePart, sampleFor, shortestLabel } from '../../messages/examples.js';
import type { AssignmentView } from '../../ports/submissions.js';
import { focalUnits, say, type Turn, tr } from '../context.js';
import { onText } from './submission.js';

/** `/sua [text]`: with text, handled as figures (a changed value asks for a reason). */
export async function correct(turn: Turn, args: string): Promise<void> {
  if (args.trim()) return onText(turn, args);
  const units = focalUnits(turn);
  // A manager reports nothing, so corrects nothing: say what they can do instead.
  if (units.length === 0) return say(turn, tr(turn, 'manager-cannot-submit'));
  const open = await turn.ctx.deps.submissions.openAssignments(
    units.map((u) => u.id),
    turn.now,
  );
  say(turn, tr(turn, 'sua-how', { example: correctionExample(turn, open[0]) }));
}

/**
 * An example correction for a report: its second indicator (else its first) with a value it
 * takes — `có` for yes/no, money in đồng, a count within its bounds, a percent.
 */
export function correctionExample(turn: Turn, a: AssignmentView | undefined): string {
  const l = turn.locale;
  const i = a?.indicators[1] ?? a?.indicators[0];
  if (!i) return tr(turn, 'correction-example-generic');
  const value = i.kind === 'percent' ? (l === 'vi' ? '47,1%' : '47.1%') : (sampleFor(i, 2, l)?.text ?? '3');
  // The label people read (`hòa giải viên`, not `HGV`), as the examples write it.
  const label = examplePart(l, i, a!.indicators)?.label ?? shortestLabel(i);
  return tr(turn, 'correction-example', { label, value });
}
