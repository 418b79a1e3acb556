/**
 * Conversation state: plain versioned JSON, persisted per chat. A deploy that changes its shape
 * bumps STATE_VERSION; older states are dropped (the person starts afresh), never misread.
 */
import type { Locale } from '../ports/translator.js';

/** The shape's version, stored in every state as `v`: bump it when the shape changes. */
export const STATE_VERSION = 1;

/** Values being prepared for one assignment. */
export interface Draft {
  aid: number;
  /** Values proposed so far, by indicator code. */
  values: Record<string, number>;
  /** Indicators the person chose to skip. */
  skipped: string[];
  /** Raw messages that carried the values (stored with each revision). */
  raw: string;
  /** Reason for a correction, when given. */
  reason: string | null;
  /** Ambiguous numbers still to resolve. */
  ambiguous: { code: string; raw: string; candidates: number[] }[];
  /**
   * Numbers read as no indicator's value (`fits`: the indicators they could be for), named back
   * in the read-back until the person assigns or drops them. Absent in states saved before.
   */
  unused?: { raw: string; value: number; fits: string[] }[];
  /** The person chose to be asked for the missing figures one by one (`/tungchitieu`). */
  oneByOne?: boolean;
  /**
   * Indicators the person declared to have no figure for ("không có số liệu", "không áp dụng"):
   * stored as such, and they count as given. Absent in states saved before.
   */
  none?: string[];
}

/**
 * The step a conversation is at, by `k` (`idle`: nothing pending). `token` is the step's button
 * token: a press carrying an older one is stale. `reason` waits for why stored values are
 * corrected, `confirm` for the draft's confirmation, `locked` offers to ask for an exception to
 * the lock of assignment `aid`.
 */
export type Flow =
  | { k: 'idle' }
  /** Several units: which one is this message for? `text` is handled once chosen. */
  | { k: 'pick_unit'; token: string; text: string; unitIds: number[] }
  /** Several open reports match: which one? */
  | {
      k: 'pick_assignment';
      token: string;
      text: string;
      ids: number[];
      purpose: 'figures' | 'document';
      document?: string;
    }
  /** Collecting: `asking` an indicator, or resolving an ambiguous number, or waiting for edits. */
  | { k: 'collect'; token: string; draft: Draft; asking: string | null; editing: boolean }
  | { k: 'reason'; token: string; draft: Draft }
  | { k: 'confirm'; token: string; draft: Draft }
  | { k: 'locked'; token: string; aid: number }
  /** Choosing the channel reminders go to. */
  | { k: 'channel'; token: string }
  /** A status report on screen, paginated. */
  | { k: 'status'; token: string; duty: string; period: string }
  /**
   * `/bangiao`: a manager hands a unit's focal role over — choosing among `people` (the unit's
   * focal points when listed) the one leaving, then (`personId` set) confirming.
   */
  | {
      k: 'handover';
      token: string;
      unit: { id: number; name: string };
      people: { id: number; name: string }[];
      personId?: number;
    };

/**
 * What the dialog remembers of one chat between inputs, stored as JSON through the
 * ConversationStore; `readState` reads it back, and an unknown shape starts afresh.
 */
export interface ConversationState {
  v: typeof STATE_VERSION;
  /** Language chosen by an unbound person (bound people keep theirs on Person). */
  locale?: Locale;
  /** The unit chosen for this conversation by a person with several. */
  unitId?: number;
  /** Times (ms) of recent failed invite codes from this chat. */
  bindFailures: number[];
  flow: Flow;
  /** Button data of the last numbered choices (answered with a digit on text-only channels). */
  choices: string[];
  /** Their labels, normalised, so a choice can also be answered with its word ("xác nhận"). */
  choiceLabels?: string[];
  /** Times (ms) of this chat's inputs within the last minute (flood limit). */
  recent?: number[];
  /** When the flood notice was last sent (ms). */
  limitedAt?: number;
}

/**
 * Steps whose answer may be typed text — a figure, a reason: there a digit is part of the
 * answer, never the number of a choice, and choices are answered by their word or button. The
 * one place this rule is stated; channels learn it from `OutgoingMessage.expectsFigure`.
 */
export function expectsTypedAnswer(flow: Flow): boolean {
  return flow.k === 'collect' || flow.k === 'confirm' || flow.k === 'reason';
}

/** A fresh state: no flow, no choices, no failed codes (a new chat, or one whose state was dropped). */
export function initialState(): ConversationState {
  return { v: STATE_VERSION, bindFailures: [], flow: { k: 'idle' }, choices: [] };
}

/** Reads a stored state; anything unknown or from another version gives a fresh state. */
export function readState(stored: unknown): ConversationState {
  if (
    typeof stored === 'object' &&
    stored !== null &&
    (stored as { v?: unknown }).v === STATE_VERSION &&
    typeof (stored as { flow?: { k?: unknown } }).flow?.k === 'string' &&
    Array.isArray((stored as { bindFailures?: unknown }).bindFailures) &&
    Array.isArray((stored as { choices?: unknown }).choices)
  ) {
    return stored as ConversationState;
  }
  return initialState();
}
