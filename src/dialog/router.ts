/**
 * Routes one input to its flow: a button press (or a digit or word answering the last numbered
 * choices), a command, a file, an invite code, or free text.
 */
import { normalizeText } from '../domain/figures/index.js';
import { looksLikeInviteCode, parseCommand } from '../domain/submission.js';
import { exampleFor, say, type Turn, tr } from './context.js';
import { bind } from './flows/binding.js';
import { onButton } from './flows/buttons.js';
import { onCommand } from './flows/commands.js';
import { onDocument } from './flows/documents.js';
import { onText } from './flows/submission.js';

/** The longest button data read (Telegram's limit). */
const MAX_BUTTON_DATA = 64;

/** Handles the turn's input, adding replies to `turn.out` and changing `turn.state`. */
export async function route(turn: Turn): Promise<void> {
  const { input, state } = turn;
  const { maxText } = turn.ctx;
  let text = input.text?.normalize('NFC') ?? '';
  if (text.length > maxText) {
    text = text.slice(0, maxText);
    say(turn, tr(turn, 'text-too-long', { max: maxText }));
  }
  if (input.buttonData !== undefined) return onButton(turn, input.buttonData.slice(0, MAX_BUTTON_DATA));
  // A digit answers the last numbered choices (text-only channels).
  const digit = /^\s*(\d{1,2})\s*\.?\s*$/.exec(text);
  if (digit && state.choices.length > 0 && state.flow.k !== 'collect') {
    const data = state.choices[Number(digit[1]) - 1];
    if (data) return onButton(turn, data);
  }
  // …or with the choice's word ("xác nhận", "sua"), as typed on a text-only channel.
  if (state.choices.length > 0 && text.length <= 40) {
    const word = normalizeText(text);
    const i = word ? (state.choiceLabels ?? []).indexOf(word) : -1;
    const data = i >= 0 ? state.choices[i] : undefined;
    if (data) return onButton(turn, data);
  }
  const command = text ? parseCommand(text) : null;
  if (command) return onCommand(turn, command.name, command.args);
  if (input.file)
    return onDocument(turn, { kind: 'file', name: input.file.name.slice(0, 200), ref: input.file.ref });
  if (looksLikeInviteCode(text)) return bind(turn, text);
  if (!turn.binding) return say(turn, tr(turn, 'unbound-only'));
  if (!text.trim())
    return say(turn, tr(turn, 'not-understood', { example: exampleFor(turn.locale, undefined) }));
  return onText(turn, text);
}
