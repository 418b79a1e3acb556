/** Cleaning what a channel hands the dialog, before anything reads or stores it. */
import type { DialogInput } from '../ports/channel.js';

/**
 * Text as PostgreSQL and every later step can hold it: lone UTF-16 surrogates become U+FFFD,
 * NUL and the other control characters (but tab and line breaks) are dropped.
 */
export function cleanText(text: string): string {
  const wellFormed = text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
  return wellFormed.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

/** Every text field of an input cleaned with `cleanText` (a display name cut to 200 characters). */
export function cleanInput(input: DialogInput): DialogInput {
  const out: DialogInput = { ...input, chatId: cleanText(input.chatId), userId: cleanText(input.userId) };
  if (input.text !== undefined) out.text = cleanText(input.text);
  if (input.buttonData !== undefined) out.buttonData = cleanText(input.buttonData);
  if (input.displayName !== undefined) out.displayName = cleanText(input.displayName).slice(0, 200);
  if (input.file)
    out.file = { ...input.file, name: cleanText(input.file.name), ref: cleanText(input.file.ref) };
  return out;
}
