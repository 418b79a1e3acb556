/**
 * The local web chat's transcript: what the person typed or pressed and what the bot sent, so
 * the chat page shows the recent conversation again after a restart. Only the web chat keeps
 * one (Telegram and Zalo keep their own history). Implementation:
 * src/storage/web-chat-transcript-store.ts.
 *
 * Texts a person typed may hold figures of a report (personal data, also kept in submission
 * revisions): stores and callers never log them.
 */
import type { Button } from './channel.js';

/** Which way a message went: `in` from the person (typed, or a button's label), `out` from the bot. */
export type WebChatDirection = 'in' | 'out';

/** One message of a chat's transcript. */
export interface WebChatEntry {
  /** Increasing in the order the messages were stored. */
  id: number;
  direction: WebChatDirection;
  text: string;
  /** The bot's buttons, rows of `{label, data}` (outgoing messages only). */
  buttons?: Button[][];
  at: Date;
}

/** A message to store. */
export interface NewWebChatEntry {
  direction: WebChatDirection;
  text: string;
  buttons?: Button[][];
}

/**
 * A bounded transcript per web chat. `append` stores one message and returns its id; it keeps
 * each chat to its last messages (200 by default) and drops messages older than a number of
 * days (30 by default), so the table never grows without end. `recent` returns at most `limit`
 * of the chat's messages still kept, oldest first (none for a chat never seen).
 */
export interface WebChatTranscript {
  append(chatId: string, entry: NewWebChatEntry): Promise<number>;
  recent(chatId: string, limit?: number): Promise<WebChatEntry[]>;
}

/**
 * Which of a chat's buttons would still be acted on if pressed now (the conversation's current
 * step still expects them): `forChat` reads the chat's state once and answers a predicate over
 * button data. The web chat shows the buttons of the last reply again only when they pass.
 */
export interface WebChatLiveButtons {
  forChat(chatId: string): Promise<(data: string) => boolean>;
}
