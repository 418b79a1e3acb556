/**
 * Spacing of one process's reminder sends on a channel.
 *
 * The delivery queue's limiter (BullMQ, shared in Redis) sets how many reminders all instances
 * together send per second. It counts jobs when they start, in short fixed windows. Between a
 * job's start and its HTTP request lie a claim, a render and whatever else the event loop is
 * doing. A pause of a few tens of milliseconds (a planning pass, a garbage collection) lets the
 * jobs of two windows reach the platform at once. A platform that counts a sliding second
 * (Telegram does) answers 429 to the excess, and auto-retry then sends all of those again one
 * `retry_after` later, together, which is the next burst. Spacing the sends in the process keeps
 * any sliding second of this process's sends within `perSecond + burst`; time lost in a pause
 * is not made up in a burst.
 */
import type { Channel, ChannelName } from '../ports/channel.js';

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

type Sender = Pick<Channel, 'send'>;

/**
 * The channels of `channels` with each one's sends spaced at its rate (a channel without a rate
 * is passed through). Looked up when asked: the map may be filled after this is made.
 */
export function pacedChannels(
  channels: ReadonlyMap<ChannelName, Sender>,
  perSecond: Partial<Record<ChannelName, number>>,
): Pick<ReadonlyMap<ChannelName, Sender>, 'get'> {
  const paced = new Map<Sender, Sender>();
  return {
    get(name) {
      const channel = channels.get(name);
      const rate = perSecond[name];
      if (!channel || !rate) return channel;
      let wrapped = paced.get(channel);
      if (!wrapped) {
        const pacer = createPacer(rate);
        wrapped = {
          async send(chatId, message) {
            await pacer.take();
            return channel.send(chatId, message);
          },
        };
        paced.set(channel, wrapped);
      }
      return wrapped;
    },
  };
}
