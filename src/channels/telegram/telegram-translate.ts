/**
 * Telegram's shapes and ours: a Bot API update → a DialogInput, rows of buttons → an inline
 * keyboard, a chat id string → the Bot API's number.
 */
import type { InlineKeyboardMarkup, Update, UserFromGetMe } from 'grammy/types';
import { type Button, ChannelError, type DialogInput, type IncomingFile } from '../../ports/channel.js';

/** Telegram's limit on a button's callback data, in UTF-8 bytes (Bot API, 2026). */
export const TELEGRAM_MAX_CALLBACK_DATA_BYTES = 64;

/**
 * Update → DialogInput, or null when the update is not for the dialog: senders that are bots,
 * a command addressed to another bot, message kinds other than text, document and photo.
 */
export function toDialogInput(update: Update, me: UserFromGetMe): DialogInput | null {
  const callback = update.callback_query;
  if (callback) {
    if (callback.from.is_bot || callback.data === undefined) return null;
    // Inline-mode buttons carry no message; we only use buttons in chats, where it is set.
    const chatId = callback.message?.chat.id ?? callback.from.id;
    return { ...base(chatId, callback.from), buttonData: callback.data };
  }
  const msg = update.message;
  if (!msg?.from || msg.from.is_bot) return null;
  const input = base(msg.chat.id, msg.from);
  if (msg.text !== undefined) {
    const text = normalizeCommand(msg.text, me.username);
    return text === null ? null : { ...input, text };
  }
  const caption = msg.caption !== undefined ? { text: msg.caption } : {};
  if (msg.document) {
    const d = msg.document;
    const file: IncomingFile = {
      name: d.file_name ?? 'document',
      mime: d.mime_type ?? 'application/octet-stream',
      size: d.file_size ?? 0,
      ref: d.file_id,
    };
    return { ...input, ...caption, file };
  }
  const photo = msg.photo?.at(-1); // sizes ascend: the last is the original
  if (photo) {
    const file: IncomingFile = {
      name: `photo-${photo.file_unique_id}.jpg`,
      mime: 'image/jpeg',
      size: photo.file_size ?? 0,
      ref: photo.file_id,
    };
    return { ...input, ...caption, file };
  }
  return null;
}

function base(
  chatId: number,
  from: { id: number; first_name: string; last_name?: string; language_code?: string },
): DialogInput {
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(' ').trim();
  return {
    channel: 'telegram',
    chatId: String(chatId),
    userId: String(from.id),
    ...(displayName ? { displayName } : {}),
    ...(from.language_code ? { languageHint: from.language_code } : {}),
  };
}

/**
 * `/cmd@thisbot rest` → `/cmd rest`; a command addressed to another bot → null; any other
 * text unchanged (the dialog reads commands from the text, entity or not).
 */
export function normalizeCommand(text: string, botUsername: string): string | null {
  const m = /^(\/[^\s@]+)@([A-Za-z0-9_]+)(?=\s|$)/.exec(text);
  if (!m) return text;
  if (m[2]!.toLowerCase() !== botUsername.toLowerCase()) return null;
  return m[1]! + text.slice(m[0].length);
}

/** Our chat id (a string) → the Bot API's: a number when it is one, else as is (`@channel`). */
export function toChatId(chatId: string): number | string {
  return /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
}

/**
 * Rows of buttons → an inline keyboard (empty rows dropped; none left → undefined). Throws a
 * ChannelError, before anything is sent, when a button's data is empty or over 64 bytes.
 */
export function toInlineKeyboard(rows: Button[][] | undefined): InlineKeyboardMarkup | undefined {
  const nonEmpty = (rows ?? []).filter((r) => r.length > 0);
  if (nonEmpty.length === 0) return undefined;
  for (const row of nonEmpty) {
    for (const b of row) {
      const bytes = Buffer.byteLength(b.data, 'utf8');
      if (bytes === 0 || bytes > TELEGRAM_MAX_CALLBACK_DATA_BYTES) {
        throw new ChannelError(`telegram: button data must be 1-64 bytes (got ${bytes})`);
      }
    }
  }
  return {
    inline_keyboard: nonEmpty.map((row) => row.map((b) => ({ text: b.label, callback_data: b.data }))),
  };
}
