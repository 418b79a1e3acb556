/**
 * Binding a chat to a person: an invite code (`/start K7PM-Q2XD-9RWA`, or the code alone) binds
 * the identity to the invite's unit and role — a focal point beside the unit's others, or, with a
 * handover invite, in place of the one it names (the reply says whom); a link code from
 * `/lienket` on another channel binds it to the same person. Failed codes are rate-limited per
 * chat.
 */
import { hashInviteCode } from '../../app/invites.js';
import { exampleFor, note, say, type Turn, timeOf, tr } from '../context.js';

/** Failed codes a chat may send within the window before it must wait. */
const BIND_MAX_FAILURES = 5;
const BIND_WINDOW_MS = 15 * 60_000;

/** Binds the chat with an invite or link code; refuses politely and counts a failure otherwise. */
export async function bind(turn: Turn, code: string): Promise<void> {
  const { deps } = turn.ctx;
  const nowMs = turn.now.getTime();
  turn.state.bindFailures = turn.state.bindFailures.filter((t) => nowMs - t < BIND_WINDOW_MS);
  if (turn.state.bindFailures.length >= BIND_MAX_FAILURES) {
    const oldest = Math.min(...turn.state.bindFailures);
    const minutes = Math.max(1, Math.ceil((oldest + BIND_WINDOW_MS - nowMs) / 60_000));
    return say(turn, tr(turn, 'bind-rate-limited', { minutes }));
  }
  const cleaned = code.trim().slice(0, 40);
  if (!/^[A-Za-z0-9][A-Za-z0-9 -]{5,38}$/.test(cleaned)) {
    turn.state.bindFailures.push(nowMs);
    return say(turn, tr(turn, 'bind-unknown'));
  }
  const who = {
    codeHash: hashInviteCode(cleaned),
    channel: turn.input.channel,
    externalId: turn.input.userId,
    chatId: turn.input.chatId,
    displayName: turn.input.displayName ?? null,
    now: turn.now,
  };
  const result = await deps.invites.redeem({ ...who, locale: turn.locale });
  if (!result.ok && result.reason === 'unknown') {
    // Not an invite: maybe a link code from the same person's other channel.
    const link = await deps.identities.redeemLinkCode(who);
    if (link.ok) {
      turn.state.bindFailures = [];
      turn.state.flow = { k: 'idle' };
      return say(
        turn,
        tr(turn, 'link-ok', { name: link.fullName, channel: tr(turn, `channel-${turn.input.channel}`) }),
      );
    }
    if (link.reason !== 'unknown') {
      turn.state.bindFailures.push(nowMs);
      return say(turn, tr(turn, `link-${link.reason}`));
    }
  }
  if (!result.ok) {
    turn.state.bindFailures.push(nowMs);
    return say(turn, tr(turn, `bind-${result.reason}`));
  }
  turn.state.bindFailures = [];
  turn.state.flow = { k: 'idle' };
  delete turn.state.unitId;
  // One reply: who the person now is — whom they replace (a handover invite) or beside whom
  // (a unit has several focal points) — and, for a focal point, what to send next.
  let bound: string;
  if (result.handedOverFrom) {
    bound = tr(turn, 'bind-ok-handover', {
      unit: result.unit.name,
      previous: result.handedOverFrom,
      date: timeOf(turn, turn.now),
    });
  } else if (result.role === 'focal' && result.alongside.length > 0) {
    bound = tr(turn, 'bind-ok-alongside', {
      unit: result.unit.name,
      others: result.alongside.join(', '),
      count: result.alongside.length,
    });
  } else {
    bound = tr(turn, 'bind-ok', { role: tr(turn, `role-${result.role}`), unit: result.unit.name });
  }
  if (result.role !== 'focal') return say(turn, bound);
  note(turn, bound);
  const open = await deps.submissions.openAssignments([result.unit.id], turn.now);
  const example = exampleFor(
    turn,
    open.find((a) => a.indicators.length > 0),
  );
  say(turn, tr(turn, 'bind-ok-next', { example }), undefined, { inputHint: example });
}
