/**
 * Runs channel inputs: one chat's inputs in order, different chats concurrently, at most
 * `limit` in flight (polling waits on `admit` for backpressure).
 */
import type { DialogInput } from '../ports/channel.js';

/** Runs inputs in order per chat, concurrently across chats, with a bound on inputs in flight. */
export interface Dispatcher {
  /** Resolves once fewer than `limit` inputs are in flight. */
  admit(): Promise<void>;
  /** Runs the input after earlier inputs of the same chat; never rejects. */
  dispatch(input: DialogInput): Promise<void>;
  /** Waits for every input in flight; false if `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
}

/** Creates a dispatcher that runs each input with `run`, at most `limit` at once. */
export function createDispatcher(limit: number, run: (input: DialogInput) => Promise<void>): Dispatcher {
  const tails = new Map<string, Promise<void>>();
  const inFlight = createInFlight();
  const slotWaiters: (() => void)[] = [];
  return {
    async admit() {
      while (inFlight.count() >= limit) await new Promise<void>((resolve) => slotWaiters.push(resolve));
    },
    dispatch(input) {
      inFlight.begin();
      const key = input.chatId;
      const task: Promise<void> = (tails.get(key) ?? Promise.resolve())
        .then(() => run(input))
        .catch(() => undefined)
        .finally(() => {
          if (tails.get(key) === task) tails.delete(key);
          inFlight.end();
          slotWaiters.shift()?.();
        });
      tails.set(key, task);
      return task;
    },
    drain: (timeoutMs) => inFlight.drain(timeoutMs),
  };
}

/**
 * A dispatcher that hands each input to the channel's handler of the moment (`current`; none
 * when the channel is stopped: the input is dropped) and reports what the handler throws to
 * `failed`, so one failing input never stops the others.
 */
export function createInputDispatcher(
  limit: number,
  current: () => ((input: DialogInput) => Promise<void>) | null,
  failed: (input: DialogInput, err: unknown) => void,
): Dispatcher {
  return createDispatcher(limit, async (input) => {
    const handler = current();
    if (!handler) return;
    try {
      await handler(input);
    } catch (err) {
      failed(input, err);
    }
  });
}

/** A count of work in flight that callers can wait to see reach zero (a channel's `stop`). */
export interface InFlight {
  count(): number;
  begin(): void;
  /** Ends one piece of work; at zero, every `drain` waiting resolves true. */
  end(): void;
  /** Resolves true once nothing is in flight, or false if `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
}

/** Creates an in-flight count at zero. */
export function createInFlight(): InFlight {
  let count = 0;
  let idleWaiters: (() => void)[] = [];
  return {
    count: () => count,
    begin() {
      count++;
    },
    end() {
      count--;
      if (count > 0) return;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    },
    drain(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        timer.unref();
        idleWaiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}
