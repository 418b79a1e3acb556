/**
 * Runs channel inputs: one chat's inputs in order, different chats concurrently, at most
 * `limit` in flight (polling waits on `admit` for backpressure).
 */
import type { DialogInput } from '../ports/channel.js';

export interface Dispatcher {
  /** Resolves once fewer than `limit` inputs are in flight. */
  admit(): Promise<void>;
  /** Runs the input after earlier inputs of the same chat; never rejects. */
  dispatch(input: DialogInput): Promise<void>;
  /** Waits for every input in flight; false if `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createDispatcher(limit: number, run: (input: DialogInput) => Promise<void>): Dispatcher {
  const tails = new Map<string, Promise<void>>();
  let inFlight = 0;
  const slotWaiters: (() => void)[] = [];
  let idleWaiters: (() => void)[] = [];
  return {
    async admit() {
      while (inFlight >= limit) await new Promise<void>((resolve) => slotWaiters.push(resolve));
    },
    dispatch(input) {
      inFlight++;
      const key = input.chatId;
      const task: Promise<void> = (tails.get(key) ?? Promise.resolve())
        .then(() => run(input))
        .catch(() => undefined)
        .finally(() => {
          inFlight--;
          if (tails.get(key) === task) tails.delete(key);
          slotWaiters.shift()?.();
          if (inFlight === 0) {
            const waiters = idleWaiters;
            idleWaiters = [];
            for (const w of waiters) w();
          }
        });
      tails.set(key, task);
      return task;
    },
    drain(timeoutMs) {
      if (inFlight === 0) return Promise.resolve(true);
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
