/**
 * Spacing of one process's requests that send a message on a platform.
 *
 * The delivery queue's limiter (BullMQ, shared in Redis) sets how many reminders all instances
 * together send per second. It counts jobs when they start, in fixed windows. Between a job's
 * start and its HTTP request lie a claim, a render and whatever else the event loop is doing.
 * A pause of a few tens of milliseconds (a planning pass, a garbage collection) lets the jobs
 * of two windows reach the platform at once. A platform that counts a sliding second (Telegram
 * does) answers 429 to the excess. Spacing the requests in the process keeps any sliding second
 * of this process's sends within `perSecond`; time lost in a pause is not made up in a burst.
 *
 * The channels take a token for every request that sends (./telegram, ./zalo), not for every
 * `send`: a retry after 429 or 5xx is a request too, and so is each piece of a long text. A
 * pacer around `send` would let the retries through unpaced, all together one `retry_after`
 * after the 429s and on top of the paced sends: the next second's 429s. (Measured figures:
 * src/channels/README.md.)
 */
export interface Pacer {
  /** Resolves when the next send may go out (first come, first served). */
  take(): Promise<void>;
}

/**
 * A token bucket: `perSecond` tokens a second, holding at most `burst` (default 2 % of a
 * second's worth, at least 2). Waiting sends are let out half a bucket at a time: one timer and
 * one round of socket writes for several sends, and the marks that follow them batch better.
 * The other half is slack for a timer that fires late (a busy event loop, a garbage
 * collection): tokens that came due meanwhile are not lost unless it is later than half a
 * bucket's worth of time. Waiting for a full bucket instead loses every late millisecond, and
 * timers a millisecond or two late then hold the rate well under `perSecond`.
 *
 * And a sliding second: a send waits until the one `perSecond` sends before it is a second
 * old, so no sliding second carries more than `perSecond` (the bucket alone allows
 * `perSecond + burst`). The platform counts by its own clock, which sees our sends a little
 * bunched (its process, the network); with a rate set just under the platform's, the burst
 * is the whole margin, the platform answers 429 to the sends over it, and a 429 in the last
 * second of a fan-out delays its end by the `retry_after`.
 */
export function createPacer(perSecond: number, burstOf?: number): Pacer {
  const burst = Math.max(1, Math.floor(burstOf ?? Math.max(2, perSecond / 50)));
  const step = Math.max(1, Math.floor(burst / 2));
  const rate = perSecond / 1000; // tokens per millisecond
  let tokens = burst;
  let last = performance.now();
  // When each of the last `perSecond` sends went out (rounded up: a fractional rate is the
  // bucket's to keep); `recent[next]` is the oldest.
  const recent = new Float64Array(Math.max(1, Math.ceil(perSecond))).fill(Number.NEGATIVE_INFINITY);
  let next = 0;
  const waiting: (() => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  const refill = () => {
    const now = performance.now();
    tokens = Math.min(burst, tokens + (now - last) * rate);
    last = now;
  };
  /** Takes a token and a place in the sliding second, if both are free at `last`. */
  const admit = () => {
    if (tokens < 1 || recent[next]! + 1000 > last) return false;
    tokens -= 1;
    recent[next] = last;
    next = (next + 1) % recent.length;
    return true;
  };
  const want = () => Math.min(step, waiting.length);
  const schedule = () => {
    const forTokens = (want() - tokens) / rate;
    const forSecond = recent[next]! + 1000 - last;
    timer = setTimeout(drain, Math.max(1, Math.ceil(Math.max(forTokens, forSecond))));
  };
  function drain() {
    timer = undefined;
    refill();
    if (tokens < want()) {
      schedule();
      return;
    }
    while (waiting.length > 0 && admit()) waiting.shift()!();
    if (waiting.length > 0) schedule();
  }
  return {
    take() {
      if (waiting.length === 0) {
        refill();
        if (admit()) return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (!timer) schedule();
      });
    },
  };
}
