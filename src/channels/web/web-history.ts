/**
 * The web chat's conversation kept beyond this process: every input (the text typed, or the
 * label of the button pressed) and every message the bot sends go to the transcript port, and
 * the page reads the chat's recent conversation back from it when a person is chosen — after a
 * restart too. The buttons of the last reply come back only while the conversation still
 * expects them. A transcript that fails is logged (never with the text) and the chat goes on
 * live; with no transcript the page has only the in-memory inbox, as before.
 *
 * Codes are never kept: an invite or link code (typed alone, after `/start`, or sent by the
 * bot) and the token of a dashboard sign-in link (`/web`) are stored masked, as `••••-••••-••••`.
 */
import { looksLikeInviteCode } from '../../domain/submission.js';
import type { Button, DialogInput, OutgoingMessage } from '../../ports/channel.js';
import type { Logger } from '../../ports/logger.js';
import type { WebChatLiveButtons, WebChatTranscript } from '../../ports/web-chat-transcript.js';
import { splitText } from '../split-text.js';
import { WEB_MAX_TEXT, type WebInbox } from './web-inbox.js';

/** How many of the latest messages are searched for the label of a pressed button. */
const LABEL_SEARCH = 20;
/** What a code is stored as. */
export const MASKED_CODE = '••••-••••-••••';
/** A code as the bot writes it (`K7PM-Q2XD-9RWA`). */
const CODE_IN_TEXT = /\b[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}\b/g;

/** The token of a dashboard sign-in link (`…/signin?t=<43 characters>`). */
const SIGN_IN_TOKEN = /([?&]t=)[A-Za-z0-9_-]{20,}/g;

/** The text as the transcript keeps it: invite and link codes, and sign-in links' tokens, masked. */
export function maskCodes(text: string): string {
  if (looksLikeInviteCode(text)) return MASKED_CODE;
  const start = /^(\s*\/start(?:@\S+)?)\s+\S[\s\S]*$/i.exec(text);
  if (start) return `${start[1]} ${MASKED_CODE}`;
  return text.replace(CODE_IN_TEXT, MASKED_CODE).replace(SIGN_IN_TOKEN, `$1${MASKED_CODE}`);
}

/** One message of the conversation as the page shows it on opening a chat. */
export interface WebHistoryMessage {
  /** `me`: the person's text or pressed button; `bot`: the bot's message. */
  from: 'me' | 'bot';
  text: string;
  /** Buttons still usable: on the last reply only, while the conversation expects them. */
  buttons?: Button[][];
  /** The transcript id (pieces of one long message share it). */
  historyId: number;
  /** When it was stored (ISO-8601). */
  at: string;
}

/** What the channel records and the page reads. */
export interface WebHistory {
  /** Stores what the person sent; never throws. */
  recordInput(input: DialogInput): Promise<void>;
  /** Stores a message of the bot; returns its transcript id, or undefined when not stored. */
  recordOutgoing(chatId: string, message: OutgoingMessage): Promise<number | undefined>;
  /** The chat's recent conversation, oldest first; rejects when the transcript cannot be read. */
  read(chatId: string): Promise<WebHistoryMessage[]>;
}

/** The history over `transcript` (none: nothing is kept and `read` answers an empty list). */
export function createWebHistory(o: {
  transcript?: WebChatTranscript;
  liveButtons?: WebChatLiveButtons;
  inbox: WebInbox;
  log: Logger;
}): WebHistory {
  const { transcript, inbox, log } = o;

  async function append(chatId: string, entry: Parameters<WebChatTranscript['append']>[1]) {
    if (!transcript) return undefined;
    try {
      return await transcript.append(chatId, entry);
    } catch (err) {
      log.warn(
        { chatId, direction: entry.direction, err: (err as Error).name },
        'web chat could not store a message',
      );
      return undefined;
    }
  }

  /** The label of the button carrying `data`: in memory, else among the latest stored messages. */
  async function labelOf(chatId: string, data: string): Promise<string | undefined> {
    const inMemory = inbox.buttonLabel(chatId, data);
    if (inMemory !== undefined || !transcript) return inMemory;
    try {
      const latest = await transcript.recent(chatId, LABEL_SEARCH);
      for (const e of latest.reverse()) {
        const found = e.buttons?.flat().find((b) => b.data === data);
        if (found) return found.label;
      }
    } catch {
      /* not found: the press is not recorded */
    }
    return undefined;
  }

  return {
    async recordInput(input) {
      if (!transcript) return;
      if (input.text !== undefined) {
        await append(input.chatId, { direction: 'in', text: maskCodes(input.text) });
      } else if (input.buttonData !== undefined) {
        // A press shows as its label, as the page showed it; an unknown button is not recorded.
        const label = await labelOf(input.chatId, input.buttonData);
        if (label !== undefined) await append(input.chatId, { direction: 'in', text: label });
      }
    },

    recordOutgoing(chatId, message) {
      // Files stay in memory only: the transcript keeps their name under the text.
      const text = message.file
        ? [message.text.trim(), `📎 ${message.file.name}`].filter((t) => t !== '').join('\n')
        : message.text;
      return append(chatId, {
        direction: 'out',
        text: maskCodes(text),
        ...(message.buttons ? { buttons: message.buttons } : {}),
      });
    },

    async read(chatId) {
      if (!transcript) return [];
      const entries = await transcript.recent(chatId);
      // The last reply: the bot's messages after the person's last input; its last buttons.
      let withButtons: (typeof entries)[number] | undefined;
      for (let i = entries.length - 1; i >= 0 && entries[i]!.direction === 'out'; i--) {
        if (entries[i]!.buttons) {
          withButtons = entries[i];
          break;
        }
      }
      const live = withButtons && o.liveButtons ? await o.liveButtons.forChat(chatId) : () => false;
      return entries.flatMap((e) => {
        const pieces = e.text.trim().length === 0 ? [''] : splitText(e.text, WEB_MAX_TEXT);
        return pieces.map((text, i): WebHistoryMessage => {
          const m: WebHistoryMessage = {
            from: e.direction === 'in' ? 'me' : 'bot',
            text,
            historyId: e.id,
            at: e.at.toISOString(),
          };
          if (e === withButtons && i === pieces.length - 1 && e.buttons) {
            const rows = e.buttons.map((r) => r.filter((b) => live(b.data))).filter((r) => r.length > 0);
            if (rows.length > 0) m.buttons = rows;
          }
          return m;
        });
      });
    },
  };
}
