/**
 * Spacing of one process's requests that send a message on a platform.
 *
 * The delivery queue's limiter (BullMQ, shared in Redis) sets how many reminders all instances
 * together send per second. It counts jobs when they start, in fixed windows. Between a job's
 * start and its HTTP request lie a claim, a render and whatever else the event loop is doing.
 * A pause of a few tens of milliseconds (a planning pass, a garbage collection) lets the jobs
 * of two windows reach the platform at once. A platform that counts a sliding second (Telegram
 * does) answers 429 to the excess. Spacing the requests in the process keeps any sliding second
 * of this process's sends within `perSecond + burst`; time lost in a pause is not made up in a
 * burst.
 *
 * The channels take a token for every request that sends (./telegram, ./zalo), not for every
 * `send`: a retry after 429 or 5xx is a request too, and so is each piece of a long text. A
 * pacer around `send` let the retries through unpaced, together one `retry_after` after the
 * 429s, on top of the paced sends: the next second's 429s (bench:fanout, 3 December: 20-63 ×
 * 429 a run in series 1.1-1.7 s apart, against 0-18 with every request paced).
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
 * bucket's worth of time. Waiting for a full bucket instead lost every late millisecond: at
 * 980/s with a 9-token bucket, timers 1-3 ms late held the rate to 860-880/s (bench:fanout).
 */
export function createPacer(perSecond: number, burstOf?: number): Pacer {
  const burst = Math.max(1, Math.floor(burstOf ?? Math.max(2, perSecond / 50)));
  const step = Math.max(1, Math.floor(burst / 2));
  const rate = perSecond / 1000; // tokens per millisecond
  let tokens = burst;
  let last = performance.now();
  const waiting: (() => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  const refill = () => {
    const now = performance.now();
    tokens = Math.min(burst, tokens + (now - last) * rate);
    last = now;
  };
  const want = () => Math.min(step, waiting.length);
  const schedule = () => {
    timer = setTimeout(drain, Math.max(1, Math.ceil((want() - tokens) / rate)));
  };
  function drain() {
    timer = undefined;
    refill();
    if (tokens < want()) {
      schedule();
      return;
    }
    while (waiting.length > 0 && tokens >= 1) {
      tokens -= 1;
      waiting.shift()!();
    }
    if (waiting.length > 0) schedule();
  }
  return {
    take() {
      if (waiting.length === 0) {
        refill();
        if (tokens >= 1) {
          tokens -= 1;
          return Promise.resolve();
        }
      }
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (!timer) schedule();
      });
    },
  };
}
