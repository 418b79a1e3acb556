/**
 * Routes one input to its flow: a button press (or a digit or word answering the last numbered
 * choices), a command, a file, an invite code, or free text.
 */
import { normalizeText } from '../domain/figures/index.js';
import { looksLikeInviteCode, parseCommand } from '../domain/submission.js';
import { exampleFor, note, say, type Turn, tr } from './context.js';
import { bind } from './flows/binding.js';
import { onButton } from './flows/buttons.js';
import { onCommand } from './flows/commands.js';
import { onDocument } from './flows/documents.js';
import { onText } from './flows/submission.js';
import { type ConversationState, expectsTypedAnswer } from './state.js';

/** The longest button data read (Telegram's limit). */
const MAX_BUTTON_DATA = 64;

/** Handles the turn's input, adding replies to `turn.out` and changing `turn.state`. */
export async function route(turn: Turn): Promise<void> {
  const { input, state } = turn;
  const { maxText } = turn.ctx;
  let text = input.text?.normalize('NFC') ?? '';
  if (text.length > maxText) {
    text = text.slice(0, maxText);
    note(turn, tr(turn, 'text-too-long', { max: maxText }));
  }
  if (input.buttonData !== undefined) return onButton(turn, input.buttonData.slice(0, MAX_BUTTON_DATA));
  // A digit answers the last numbered choices (text-only channels) — except where a figure or
  // a reason is expected: there a digit is the answer itself, and choices go by their word.
  const digit = /^\s*(\d{1,2})\s*\.?\s*$/.exec(text);
  if (digit && state.choices.length > 0 && !expectsTypedAnswer(state.flow)) {
    const data = state.choices[Number(digit[1]) - 1];
    if (data) return onButton(turn, data);
  }
  // …or with the choice's word ("xác nhận", "sua", "lưu"), as typed on a text-only channel.
  const data = state.choices.length > 0 && text.length <= 40 ? choiceByWord(state, text) : undefined;
  if (data) return onButton(turn, data);
  const command = text ? parseCommand(text) : null;
  if (command) return onCommand(turn, command.name, command.args);
  if (input.file)
    return onDocument(turn, { kind: 'file', name: input.file.name.slice(0, 200), ref: input.file.ref });
  if (looksLikeInviteCode(text)) return bind(turn, text);
  if (!turn.binding) return say(turn, tr(turn, 'unbound-only'));
  if (!text.trim()) return say(turn, tr(turn, 'not-understood', { example: exampleFor(turn, undefined) }));
  return onText(turn, text);
}

/**
 * The choice a typed word answers: a label typed whole (`xác nhận`, `bỏ qua`), or its first word
 * (`lưu` for "Lưu phần đã có") when no other choice starts with it; emoji and accents are
 * ignored. Undefined when the text answers none.
 */
function choiceByWord(state: ConversationState, text: string): string | undefined {
  const word = normalizeText(text);
  if (!word) return undefined;
  const labels = state.choiceLabels ?? [];
  const whole = labels.indexOf(word);
  if (whole >= 0) return state.choices[whole];
  const starting = labels.flatMap((label, i) => (label.split(' ')[0] === word ? [i] : []));
  return starting.length === 1 ? state.choices[starting[0]!] : undefined;
}
