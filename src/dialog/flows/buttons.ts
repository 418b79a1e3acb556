/**
 * Button presses (or a digit, or a choice's word, on text-only channels). Data is
 * `token|action[|arg]`: a press is acted on only when its token is the current step's, so a
 * press on an old message, a forged one or a second press does nothing but say so.
 */
import { parseFigures } from '../../domain/figures/index.js';
import { splitReason } from '../../domain/submission.js';
import { exampleFor, focalUnits, note, say, type Turn, tr } from '../context.js';
import type { ConversationState } from '../state.js';
import { commit } from './confirm.js';
import { type DocumentInput, onDocument, requestUnlock } from './documents.js';
import { handoverCommand, onHandoverButton } from './handover.js';
import { decideException, managerCommand } from './manager-actions.js';
import { setChannel, setLanguage } from './settings.js';
import { status } from './status.js';
import { advance, assignNumber, declareNone, onText, startDraft } from './submission.js';

/** Acts on one press. */
/** Buttons sent out of band (`x|action|arg`): no conversation token, checked against the presser's scope. */
const OUT_OF_BAND: Record<string, RegExp> = {
  allow: /^\d{1,9}$/,
  refuse: /^\d{1,9}$/,
  nhac: /^[\w .-]{1,60}$/,
  danhac: /^[\w .-]{1,60}$/,
  bangiao: /^[\w.-]{1,60}$/,
};

/**
 * Whether a press of `data` would be acted on in `state` rather than answered as stale: a
 * language choice; a well-formed out-of-band button; any other only while its token is the
 * current step's. What {@link onButton} checks first — and the web chat, to show again only the
 * buttons of its history that still work.
 */
export function buttonIsLive(state: Pick<ConversationState, 'flow'>, data: string): boolean {
  const [token, action = '', arg = ''] = data.split('|');
  if (action === 'lang') return arg === 'vi' || arg === 'en';
  if (token === 'x') return OUT_OF_BAND[action]?.test(arg) ?? false;
  const flow = state.flow;
  return flow.k !== 'idle' && 'token' in flow && flow.token === token;
}

export async function onButton(turn: Turn, data: string): Promise<void> {
  const { deps } = turn.ctx;
  const [token, action, arg] = data.split('|');
  if (action === 'lang' && (arg === 'vi' || arg === 'en')) return setLanguage(turn, arg);
  // Buttons sent out of band (a request reaching a manager): no conversation token; the
  // action is checked against the presser's scope, so forged data gains nothing.
  if (token === 'x' && (action === 'allow' || action === 'refuse') && buttonIsLive(turn.state, data)) {
    if (!turn.binding || !deps.actions) return say(turn, tr(turn, 'stale-button'));
    return decideException(turn, deps.actions, Number(arg), action === 'allow');
  }
  // A unit chosen among several a name matched (`x|nhac|<code> [duty]`): the command again.
  if (token === 'x' && (action === 'nhac' || action === 'danhac') && buttonIsLive(turn.state, data)) {
    if (!turn.binding || !deps.actions) return say(turn, tr(turn, 'stale-button'));
    return managerCommand(turn, deps.actions, action, arg!);
  }
  if (token === 'x' && action === 'bangiao' && buttonIsLive(turn.state, data)) {
    if (!turn.binding || !deps.handover) return say(turn, tr(turn, 'stale-button'));
    return handoverCommand(turn, deps.handover, arg!);
  }
  const flow = turn.state.flow;
  if (!turn.binding || flow.k === 'idle' || !('token' in flow) || !buttonIsLive(turn.state, data)) {
    return say(turn, tr(turn, 'stale-button'));
  }
  turn.state.choices = [];
  if (action === 'cancel') {
    turn.state.flow = { k: 'idle' };
    return say(turn, tr(turn, flow.k === 'handover' ? 'handover-cancelled' : 'cancelled'));
  }
  switch (flow.k) {
    case 'pick_unit': {
      const id = Number(arg);
      const unit = focalUnits(turn).find((u) => u.id === id && flow.unitIds.includes(id));
      if (!unit) return say(turn, tr(turn, 'stale-button'));
      turn.state.unitId = unit.id;
      turn.state.flow = { k: 'idle' };
      note(turn, tr(turn, 'unit-chosen', { unit: unit.name }));
      return onText(turn, flow.text);
    }
    case 'pick_assignment': {
      const id = Number(arg);
      if (!flow.ids.includes(id)) return say(turn, tr(turn, 'stale-button'));
      turn.state.flow = { k: 'idle' };
      if (flow.purpose === 'document' && flow.document) {
        return onDocument(turn, JSON.parse(flow.document) as DocumentInput, id);
      }
      const a = await deps.submissions.get(id, turn.now);
      if (!a) return say(turn, tr(turn, 'stale-button'));
      const { figures, reason } = splitReason(flow.text);
      return startDraft(turn, a, parseFigures(figures, a.indicators), flow.text, reason);
    }
    case 'collect': {
      const a = await deps.submissions.get(flow.draft.aid, turn.now);
      if (!a) return say(turn, tr(turn, 'stale-button'));
      if (action === 'skip' && flow.asking === arg) {
        flow.draft.skipped.push(arg);
        return advance(turn, a, flow.draft);
      }
      if (action === 'none' && flow.asking === arg) {
        declareNone(flow.draft, arg);
        return advance(turn, a, flow.draft);
      }
      if (action === 'amb') {
        const amb = flow.draft.ambiguous.shift();
        const value = amb?.candidates[Number(arg)];
        if (!amb || value === undefined) return say(turn, tr(turn, 'stale-button'));
        flow.draft.values[amb.code] = value;
        return advance(turn, a, flow.draft);
      }
      return say(turn, tr(turn, 'stale-button'));
    }
    case 'reason':
      return say(turn, tr(turn, 'stale-button'));
    case 'confirm': {
      if (action === 'edit') {
        const a = await deps.submissions.get(flow.draft.aid, turn.now);
        turn.state.flow = {
          k: 'collect',
          token: turn.ctx.newToken(),
          draft: flow.draft,
          asking: null,
          editing: true,
        };
        return say(turn, tr(turn, 'ask-edit', { example: exampleFor(turn, a ?? undefined) }));
      }
      if (action === 'ok') return commit(turn, flow.draft);
      if (action === 'use' || action === 'drop' || action === 'one') {
        const a = await deps.submissions.get(flow.draft.aid, turn.now);
        if (!a) return say(turn, tr(turn, 'stale-button'));
        const draft = flow.draft;
        if (action === 'one') draft.oneByOne = true;
        else {
          // The first number not used yet: read as the chosen indicator's value, or dropped.
          const unused = draft.unused?.shift();
          if (!unused) return say(turn, tr(turn, 'stale-button'));
          if (action === 'use' && arg && unused.fits.includes(arg)) assignNumber(turn, a, draft, arg, unused);
        }
        return advance(turn, a, draft);
      }
      return say(turn, tr(turn, 'stale-button'));
    }
    case 'channel':
      if (action !== 'chan') return say(turn, tr(turn, 'stale-button'));
      return setChannel(turn, turn.binding.personId, arg);
    case 'status':
      if (action !== 'stp') return say(turn, tr(turn, 'stale-button'));
      return status(turn, { dutyCode: flow.duty, periodCode: flow.period }, Number(arg));
    case 'locked':
      if (action !== 'unlock') return say(turn, tr(turn, 'stale-button'));
      return requestUnlock(turn, flow.aid);
    case 'handover':
      return onHandoverButton(turn, flow, action, arg);
  }
}
