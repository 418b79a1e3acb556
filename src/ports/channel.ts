/**
 * The one message vocabulary of every channel, the Channel port each adapter implements, and
 * the errors an adapter throws. Adapters only translate: platform update → DialogInput,
 * OutgoingMessage → platform call. Implementations: src/channels/{telegram,zalo,web}.
 */

/** The platforms the service speaks on. */
export type ChannelName = 'telegram' | 'zalo' | 'web';

/** A choice offered with a message. `data` is opaque to the user (≤ 64 bytes, Telegram's limit). */
export interface Button {
  label: string;
  data: string;
}

/** A file sent with a message (an Excel export, a chart). */
export interface OutgoingFile {
  name: string;
  mime: string;
  data: Uint8Array;
  /** Send as a picture (chart) rather than a document. */
  asPhoto?: boolean;
}

/** What the bot says: text, optional rows of buttons, optional file. */
export interface OutgoingMessage {
  text: string;
  buttons?: Button[][];
  file?: OutgoingFile;
  /**
   * The person's reply may be a figure: a digit typed next is read as that figure, never as a
   * choice. A text-only channel must then not number these buttons; it lists them by their word
   * (`bỏ qua`, `hủy`), which the dialog also accepts typed.
   */
  expectsFigure?: boolean;
  /**
   * What the person could type next (an example from their own report), for channels with an
   * input box: the web chat shows it as the box's placeholder. Plain text, never required.
   */
  inputHint?: string;
}

/** A file the user sent (the signed report). The content stays on the platform. */
export interface IncomingFile {
  name: string;
  mime: string;
  size: number;
  /** Platform reference to fetch it later (Telegram file_id…). */
  ref: string;
}

/** What a person did in a chat: typed text, pressed a button, or sent a file. */
export interface DialogInput {
  channel: ChannelName;
  /** Where to reply. */
  chatId: string;
  /** Who did it (stable per platform account). */
  userId: string;
  displayName?: string;
  /** The platform's language hint (`vi`, `en-US`…), used only for unbound users. */
  languageHint?: string;
  text?: string;
  buttonData?: string;
  file?: IncomingFile;
}

/** What a channel can show, so the dialog and the reminders shape messages that fit. */
export interface ChannelCapabilities {
  /** Longest text one message may carry (4096 Telegram, 2000 Zalo). */
  maxTextLength: number;
  /** How buttons are shown: inline keyboards, numbered lines answered with a digit, HTML. */
  buttons: 'inline' | 'numbered' | 'html';
  files: boolean;
}

/**
 * A messaging platform. `start` begins delivering inputs (polling, or registering a webhook);
 * `send` delivers one message (split by the adapter when longer than `maxTextLength`) and
 * throws a ChannelError subclass on failure; `stop` is idempotent.
 */
export interface Channel {
  readonly name: ChannelName;
  readonly capabilities: ChannelCapabilities;
  start(onInput: (input: DialogInput) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
  send(chatId: string, message: OutgoingMessage): Promise<{ messageId: string }>;
}

/** Base of the errors channel adapters throw; each tells the caller what to do next. */
export class ChannelError extends Error {
  override readonly name: string = 'ChannelError';
  readonly code: string = 'CHANNEL_ERROR';
}

/** The platform asked us to wait: retry after `retryAfterSec`, without counting an attempt. */
export class RateLimitedError extends ChannelError {
  override readonly name = 'RateLimitedError';
  override readonly code = 'RATE_LIMITED';
  constructor(
    readonly retryAfterSec: number,
    message = `rate limited, retry after ${retryAfterSec}s`,
  ) {
    super(message);
  }
}

/** The recipient blocked the bot or the chat is gone: never retry. */
export class RecipientGoneError extends ChannelError {
  override readonly name = 'RecipientGoneError';
  override readonly code = 'RECIPIENT_GONE';
}

/** The token is wrong or revoked: nothing will work until an operator fixes it. */
export class ChannelAuthError extends ChannelError {
  override readonly name = 'ChannelAuthError';
  override readonly code = 'CHANNEL_AUTH';
}

/**
 * The network or the platform failed. Retry with backoff — unless `maybeDelivered`: the
 * request may have reached the platform before the failure (a timeout, a connection reset after
 * it was written), and repeating a send could deliver the message twice. Not so when the
 * connection was never made (refused, DNS) or the platform answered with an error of its own
 * (5xx): that answer is taken at its word (a proxy's 502/504 could hide a delivered message,
 * the one case left where a retry may repeat one).
 */
export class ChannelNetworkError extends ChannelError {
  override readonly name = 'ChannelNetworkError';
  override readonly code = 'CHANNEL_NETWORK';
  constructor(
    message: string,
    readonly maybeDelivered = false,
  ) {
    super(message);
  }
}

/** A text sent in pieces failed after its first pieces were delivered: never repeat it whole. */
export class PartlySentError extends ChannelError {
  override readonly name = 'PartlySentError';
  override readonly code = 'PARTLY_SENT';
  constructor(
    readonly sentPieces: number,
    readonly failure: ChannelError,
  ) {
    super(`sent ${sentPieces} piece(s), then: ${failure.message}`);
  }
}
