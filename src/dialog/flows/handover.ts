/**
 * `/bangiao <unit>`: a manager hands a unit's focal role over to a successor. The unit is named
 * as for `/nhac` (code, name or part of it, within the manager's scope); its focal points are
 * listed, each a button; choosing the one leaving asks for a confirmation; confirming issues a
 * one-time invite code for the successor — shown once, in this reply only — whose redemption
 * ends the leaving person's focal role. The use case (src/app/handover.ts) checks the scope and
 * the unit's focal points again at each step, and audits the decision.
 */
import type { Handover } from '../../app/handover.js';
import { localDateOf } from '../../domain/calendar.js';
import { formatDate } from '../../messages/format.js';
import type { FocalPoint } from '../../ports/invites.js';
import { btn, save, say, type Turn, timeOf, tr } from '../context.js';
import type { Flow } from '../state.js';
import { unitRefusal } from './manager-actions.js';

/** The handover step of a conversation. */
type HandoverFlow = Extract<Flow, { k: 'handover' }>;

/** Longest person name put on a button (Telegram shows about this much on a phone). */
const BUTTON_NAME = 40;

/** `/bangiao <unit>`: the unit's focal points, each a button to choose the one leaving. */
export async function handoverCommand(turn: Turn, handover: Handover, args: string): Promise<void> {
  const r = await handover.focalPoints(turn.binding!.personId, args);
  if (!r.ok) return unitRefusal(turn, r, 'bangiao');
  if (r.focalPoints.length === 0)
    return say(turn, tr(turn, 'handover-no-focal', { unit: r.unit.name, code: r.unit.code }));
  const token = turn.ctx.newToken();
  turn.state.flow = {
    k: 'handover',
    token,
    unit: { id: r.unit.id, name: r.unit.name },
    people: r.focalPoints.map((p) => ({ id: p.personId, name: p.fullName })),
  };
  const lines = r.focalPoints.map((p) => focalLine(turn, p));
  const rows = r.focalPoints.map((p) => [btn(token, 'hov', p.fullName.slice(0, BUTTON_NAME), p.personId)]);
  rows.push([btn(token, 'cancel', tr(turn, 'btn-cancel'))]);
  say(
    turn,
    [tr(turn, 'handover-choose', { unit: r.unit.name, count: r.focalPoints.length }), ...lines].join('\n'),
    rows,
  );
}

/** One focal point as the list names them: name, since when, and where reminders reach them. */
function focalLine(turn: Turn, p: FocalPoint): string {
  const reach = p.channel
    ? tr(turn, 'handover-reached', { channel: tr(turn, `channel-${p.channel}`) })
    : tr(turn, 'handover-unreachable');
  return tr(turn, 'handover-line', {
    name: p.fullName,
    since: formatDate(localDateOf(p.since, turn.ctx.deps.timeZone)),
    reach,
  });
}

/**
 * A press during `/bangiao` (the token already checked): `hov|<person>` chooses the focal point
 * leaving and asks for the confirmation; `hoc` confirms — the step is claimed first, so a second
 * press cannot issue a second code — and shows the successor's code once.
 */
export async function onHandoverButton(
  turn: Turn,
  flow: HandoverFlow,
  action: string | undefined,
  arg: string | undefined,
): Promise<void> {
  const handover = turn.ctx.deps.handover;
  if (!handover) return say(turn, tr(turn, 'stale-button'));
  if (action === 'hov' && flow.personId === undefined) {
    const person = flow.people.find((p) => String(p.id) === arg);
    if (!person) return say(turn, tr(turn, 'stale-button'));
    const token = turn.ctx.newToken();
    turn.state.flow = { ...flow, token, personId: person.id };
    return say(turn, tr(turn, 'handover-confirm', { person: person.name, unit: flow.unit.name }), [
      [btn(token, 'hoc', tr(turn, 'btn-handover-confirm'))],
      [btn(token, 'cancel', tr(turn, 'btn-cancel'))],
    ]);
  }
  if (action === 'hoc' && flow.personId !== undefined) {
    turn.state.flow = { k: 'idle' };
    if (!(await turn.claim(turn.state))) {
      turn.out.push({ text: tr(turn, 'already-handled') });
      return;
    }
    const r = await save(() =>
      handover.inviteSuccessor(turn.binding!.personId, flow.unit.id, flow.personId!, turn.now),
    );
    if (!r.ok) {
      const person = flow.people.find((p) => p.id === flow.personId)?.name ?? '';
      return say(turn, tr(turn, `handover-${r.reason}`, { person, unit: flow.unit.name }));
    }
    return say(
      turn,
      tr(turn, 'handover-code', {
        person: r.replaces.fullName,
        unit: r.unit.name,
        expires: timeOf(turn, r.expiresAt),
        code: r.code,
      }),
    );
  }
  return say(turn, tr(turn, 'stale-button'));
}
