import type { Clock } from '../ports/clock.js';

/**
 * A clock that runs in real time, optionally starting at `startAt` (like a payment platform's
 * test clock): `now()` = startAt + time elapsed since creation.
 */
export function createSystemClock(startAt?: Date, realNow: () => number = Date.now): Clock {
  const offset = startAt ? startAt.getTime() - realNow() : 0;
  return { now: () => new Date(realNow() + offset) };
}

/** A clock that only moves when told to (tests, CLI `--now`). */
export function createFixedClock(at: Date): Clock & { set(d: Date): void; advance(ms: number): void } {
  let t = at.getTime();
  return {
    now: () => new Date(t),
    set: (d) => {
      t = d.getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
