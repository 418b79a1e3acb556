/**
 * The web chat's memory: each chat's inbox of messages the page polls, the files those
 * messages carry, and each chat's queue of inputs (one at a time, in order). Everything lives
 * in this process and is bounded: at most `INBOX_LIMIT` messages per chat, `MAX_CHATS` chats
 * and `MAX_FILE_BYTES` of files, the oldest dropped first. A restart empties it (the page then
 * reads the conversation from the transcript, ./web-history.ts); seqs start from the clock, so a
 * page open across a restart still sees new messages.
 */
import { randomBytes } from 'node:crypto';
import type { Button, DialogInput, OutgoingMessage } from '../../ports/channel.js';
import { createInFlight } from '../dispatcher.js';
import { splitText } from '../split-text.js';

/** Longest text one inbox message carries; longer texts are split. */
export const WEB_MAX_TEXT = 4096;
/** Messages kept per chat. */
export const INBOX_LIMIT = 200;
/** Chats kept in memory (the least recently used is dropped beyond it). */
export const MAX_CHATS = 1000;
/** Bytes of files kept in memory (the oldest files are dropped beyond it). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Longest input hint kept (a placeholder is one line of the input box). */
export const MAX_INPUT_HINT = 300;

/** One message as the page reads it from the inbox. */
export interface WebInboxMessage {
  seq: number;
  text: string;
  buttons?: Button[][];
  file?: { name: string; mime: string; url: string };
  /** What to type next: the page shows it in the input box until a later message brings another. */
  inputHint?: string;
  /** The message's id in the transcript, when it was stored (the page skips one it already shows). */
  historyId?: number;
}

/** A file a message carried, served only to its own chat. */
export interface StoredFile {
  chatId: string;
  name: string;
  mime: string;
  data: Uint8Array;
}

/** The chats, their inboxes and input queues, and their files. */
export interface WebInbox {
  /**
   * Adds a message (split when long; buttons, file and input hint on the last piece; every
   * piece carries `historyId` when given); returns its last seq.
   */
  push(chatId: string, message: OutgoingMessage, historyId?: number): number;
  /** The last seq given so far: every message pushed later has a greater one. */
  cursor(): number;
  /** The label of the chat's most recent button carrying `data`, if still in memory. */
  buttonLabel(chatId: string, data: string): string | undefined;
  /** The chat's messages after `after` (none for a chat never seen). */
  after(chatId: string, after: number): WebInboxMessage[];
  /** A kept file by id, or undefined once dropped. */
  file(fileId: string): StoredFile | undefined;
  /** Inputs of the chat waiting or running. */
  pending(chatId: string): number;
  /** Runs the input after the chat's earlier ones; rejects with what `handler` threw. */
  run(chatId: string, handler: (input: DialogInput) => Promise<void>, input: DialogInput): Promise<void>;
  /** Waits for every input in flight; false if `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
}

interface Chat {
  messages: WebInboxMessage[];
  /** File ids referenced by `messages`, dropped with them. */
  fileIds: Map<number, string>;
  tail: Promise<void>;
  pending: number;
}

/** Creates an empty inbox; file URLs point under `api` (`<api>/file/<id>?user=<chat>`). */
export function createWebInbox(api: string): WebInbox {
  const chats = new Map<string, Chat>();
  const files = new Map<string, StoredFile>();
  let fileBytes = 0;
  let seq = Date.now();
  const inFlight = createInFlight();

  function chat(chatId: string): Chat {
    let c = chats.get(chatId);
    if (c) {
      // Most recently used last, so the first entry is the one to drop.
      chats.delete(chatId);
      chats.set(chatId, c);
      return c;
    }
    c = { messages: [], fileIds: new Map(), tail: Promise.resolve(), pending: 0 };
    chats.set(chatId, c);
    while (chats.size > MAX_CHATS) {
      const oldest = chats.entries().next().value;
      if (!oldest) break;
      const [oldId, old] = oldest;
      if (old.pending > 0) break;
      for (const fileId of old.fileIds.values()) dropFile(fileId);
      chats.delete(oldId);
    }
    return c;
  }

  function dropFile(fileId: string): void {
    const f = files.get(fileId);
    if (!f) return;
    fileBytes -= f.data.byteLength;
    files.delete(fileId);
  }

  function keepFile(file: StoredFile): string {
    const id = randomBytes(16).toString('base64url');
    files.set(id, file);
    fileBytes += file.data.byteLength;
    for (const oldId of files.keys()) {
      if (fileBytes <= MAX_FILE_BYTES || oldId === id) break;
      dropFile(oldId);
    }
    return id;
  }

  return {
    push(chatId, message, historyId) {
      const c = chat(chatId);
      const pieces = message.text.trim().length === 0 ? [''] : splitText(message.text, WEB_MAX_TEXT);
      let last = 0;
      for (const [i, text] of pieces.entries()) {
        const entry: WebInboxMessage = { seq: ++seq, text };
        if (historyId !== undefined) entry.historyId = historyId;
        if (i === pieces.length - 1) {
          const rows = (message.buttons ?? []).filter((r) => r.length > 0);
          if (rows.length > 0)
            entry.buttons = rows.map((r) => r.map((b) => ({ label: b.label, data: b.data })));
          if (message.file) {
            const { name, mime, data } = message.file;
            const fileId = keepFile({ chatId, name, mime, data });
            c.fileIds.set(entry.seq, fileId);
            entry.file = { name, mime, url: `${api}/file/${fileId}?user=${encodeURIComponent(chatId)}` };
          }
          const hint = message.inputHint?.replace(/\s+/g, ' ').trim();
          if (hint) entry.inputHint = hint.slice(0, MAX_INPUT_HINT);
        }
        c.messages.push(entry);
        last = entry.seq;
      }
      while (c.messages.length > INBOX_LIMIT) {
        const dropped = c.messages.shift()!;
        const fileId = c.fileIds.get(dropped.seq);
        if (fileId) {
          dropFile(fileId);
          c.fileIds.delete(dropped.seq);
        }
      }
      return last;
    },

    cursor: () => seq,

    buttonLabel(chatId, data) {
      const messages = chats.get(chatId)?.messages ?? [];
      for (let i = messages.length - 1; i >= 0; i--) {
        const found = messages[i]!.buttons?.flat().find((b) => b.data === data);
        if (found) return found.label;
      }
      return undefined;
    },

    after(chatId, after) {
      return chats.get(chatId)?.messages.filter((m) => m.seq > after) ?? [];
    },

    file: (fileId) => files.get(fileId),

    pending: (chatId) => chat(chatId).pending,

    run(chatId, handler, input) {
      const c = chat(chatId);
      c.pending++;
      inFlight.begin();
      const run = c.tail.then(() => handler(input));
      const settled = run.then(
        () => undefined,
        () => undefined,
      );
      c.tail = settled;
      void settled.then(() => {
        c.pending--;
        inFlight.end();
      });
      return run;
    },

    drain: (timeoutMs) => inFlight.drain(timeoutMs),
  };
}
