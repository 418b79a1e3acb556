/**
 * The one conversation engine of every channel. Input `{channel, chatId, userId, text |
 * buttonData | file}` → messages `{text, buttons?, file?}`. It imports no channel library;
 * adapters translate. This file is the turn core — load the chat's state, apply the flood limit,
 * route the input to its flow (router.ts, flows/), save the state — with optimistic versions, so
 * a restart or a second instance continues the same conversation and never acts twice.
 */
import { randomBytes } from 'node:crypto';
import type { DialogInput, OutgoingMessage } from '../ports/channel.js';
import type { Locale } from '../ports/translator.js';
import { type DialogContext, type DialogDeps, SaveFailedError, type Turn } from './context.js';
import { cleanInput } from './input.js';
import { route } from './router.js';
import { initialState, readState } from './state.js';

export type { DialogDeps } from './context.js';
export { cleanText } from './input.js';
export { initialState };

/** The dialog as the channels see it. */
export interface DialogEngine {
  /** Handles one input and returns the replies, in order. Never throws for user input. */
  handle(input: DialogInput): Promise<OutgoingMessage[]>;
}

/** An identity's last-seen time is recorded at most this often (it picks the reminder channel). */
const SEEN_EVERY_MS = 60 * 60_000;
/** Inputs a chat may send per minute before the bot stops answering for the rest of it. */
const RATE_MAX = 30;
const RATE_WINDOW_MS = 60_000;
/** Times a turn is redone when another instance changed the conversation meanwhile. */
const ATTEMPTS = 3;

/**
 * Six random base64url characters (a button's token). Drawn from a pool of random bytes filled
 * 4 KiB at a time: one call to the system's generator serves a thousand tokens.
 */
let pool = Buffer.alloc(0);
let taken = 0;
function randomToken(): string {
  if (taken + 4 > pool.length) {
    pool = randomBytes(4096);
    taken = 0;
  }
  taken += 4;
  return pool.toString('base64url', taken - 4, taken).slice(0, 6);
}

/** Builds the engine over its stores and use cases. */
export function createDialogEngine(deps: DialogDeps): DialogEngine {
  const ctx: DialogContext = {
    deps,
    maxText: deps.maxTextLength ?? 2000,
    newToken: deps.token ?? randomToken,
  };
  const hintedLocale = (input: DialogInput): Locale =>
    input.languageHint?.toLowerCase().startsWith('en') ? 'en' : deps.defaultLocale;

  async function handle(input: DialogInput): Promise<OutgoingMessage[]> {
    const now = deps.clock.now();
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const [stored, binding] = await Promise.all([
        deps.conversations.load(input.channel, input.chatId),
        deps.identities.find(input.channel, input.userId),
      ]);
      let version = stored?.version ?? 0;
      if (
        attempt === 0 &&
        binding &&
        (binding.blocked ||
          !(binding.lastSeenAt && now.getTime() - binding.lastSeenAt.getTime() < SEEN_EVERY_MS))
      ) {
        // At most once an hour per identity: enough to know which channel a person uses last;
        // at once when it was marked blocked (it unblocked the bot and wrote again).
        await deps.identities
          .touch(input.channel, input.userId, input.chatId, now)
          .catch((err: unknown) => deps.logger.warn({ err: (err as Error).message }, 'touch failed'));
      }
      const state = readState(stored?.state);
      const locale = binding?.locale ?? state.locale ?? hintedLocale(input);
      // Per-chat flood limit: beyond RATE_MAX inputs a minute, one polite notice, then silence
      // until the minute has passed (a flood must not get a flood of answers, nor reach the stores).
      const nowMs = now.getTime();
      state.recent = (state.recent ?? []).filter((t) => nowMs - t < RATE_WINDOW_MS && t <= nowMs);
      if (state.recent.length >= RATE_MAX) {
        const notice = state.limitedAt === undefined || nowMs - state.limitedAt >= RATE_WINDOW_MS;
        if (notice) state.limitedAt = nowMs;
        const oldest = Math.min(...state.recent);
        const seconds = Math.max(1, Math.ceil((oldest + RATE_WINDOW_MS - nowMs) / 1000));
        if (await deps.conversations.save(input.channel, input.chatId, state, version)) {
          return notice ? [{ text: deps.translator.t(locale, 'flood-limited', { seconds }) }] : [];
        }
        continue;
      }
      state.recent.push(nowMs);
      let conflict = false;
      const turn: Turn = {
        ctx,
        input,
        state,
        binding,
        locale,
        out: [],
        notes: [],
        now,
        claim: async (next) => {
          const ok = await deps.conversations.save(input.channel, input.chatId, next, version);
          if (ok) version += 1;
          else conflict = true;
          return ok;
        },
      };
      try {
        await route(turn);
        if (turn.notes.length > 0) turn.out.push({ text: turn.notes.splice(0).join('\n') });
      } catch (err) {
        if (err instanceof SaveFailedError) {
          deps.logger.warn(
            { err: (err.cause as Error | undefined)?.message, channel: input.channel },
            'save failed',
          );
          turn.out.push({ text: deps.translator.t(turn.locale, 'save-failed') });
          // Keep the confirmation on screen so it can be pressed again after recovery.
          return turn.out;
        }
        throw err;
      }
      if (conflict) {
        if (turn.out.length > 0) return turn.out;
        continue; // someone else handled this chat meanwhile: redo with fresh state
      }
      const saved = await deps.conversations.save(input.channel, input.chatId, turn.state, version);
      if (saved) return turn.out;
      deps.logger.debug({ channel: input.channel }, 'conversation changed meanwhile, retrying turn');
    }
    return [{ text: deps.translator.t(deps.defaultLocale, 'already-handled') }];
  }

  return {
    async handle(raw) {
      const input = cleanInput(raw);
      try {
        return await handle(input);
      } catch (err) {
        deps.logger.error({ err, channel: input.channel }, 'dialog turn failed');
        return [{ text: deps.translator.t(hintedLocale(input), 'system-error') }];
      }
    },
  };
}
