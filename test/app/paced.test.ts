import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeliveryHold } from '../../jobs/fanout-hold.js';
import { pacing } from '../../jobs/workers.js';
import { createPacer } from '../../src/channels/pacer.js';

// Virtual time: what is asserted is the spacing of the sends, not how fast this machine is.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Takes `n` tokens at once and records the virtual time each one is let out. */
async function release(pacer: ReturnType<typeof createPacer>, n: number): Promise<number[]> {
  const t0 = performance.now();
  const at: number[] = [];
  const all = Array.from({ length: n }, () => pacer.take().then(() => at.push(performance.now() - t0)));
  await vi.runAllTimersAsync();
  await Promise.all(all);
  return at;
}

describe('pacer', () => {
  it('never lets more than its rate out in any sliding second, however many wait', async () => {
    const at = await release(createPacer(100, 4), 500);
    expect(at).toHaveLength(500);
    for (let i = 0; i < at.length; i++) {
      const inSecond = at.filter((x) => x >= at[i]! && x < at[i]! + 1000).length;
      expect(inSecond).toBeLessThanOrEqual(100);
    }
    // ...and keeps the rate: 500 sends at 100/s take about 5 s, not much more.
    expect(at.at(-1)!).toBeGreaterThan(4_900);
    expect(at.at(-1)!).toBeLessThan(5_100);
  });

  it('does not make up time lost in a pause with a burst', async () => {
    const pacer = createPacer(1000, 10);
    await release(pacer, 50);
    vi.advanceTimersByTime(3_000); // the event loop was elsewhere for 3 s
    const after = await release(pacer, 200);
    expect(after.filter((x) => x < 50).length).toBeLessThanOrEqual(50 + 10);
    expect(after.at(-1)!).toBeGreaterThan(180);
  });

  it('keeps its rate when every timer fires late (a busy event loop)', async () => {
    // Each timer fires 3 ms after it was due, as on a loaded machine.
    const onTime = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) =>
      onTime(fn, (ms ?? 0) + 3)) as typeof setTimeout);
    const at = await release(createPacer(980), 2_000);
    vi.mocked(globalThis.setTimeout).mockRestore();
    // 2,000 sends at 980/s: about 2.04 s; losing the late milliseconds would take 2.3 s or more.
    expect(at.at(-1)!).toBeLessThan(2_000 / 0.97);
    // Not even its burst on top of the rate: the platform's clock sees our sends bunched.
    for (let i = 0; i < at.length; i++) {
      const inSecond = at.filter((x) => x >= at[i]! && x < at[i]! + 1000).length;
      expect(inSecond).toBeLessThanOrEqual(980);
    }
  });

  it('keeps a fractional rate', async () => {
    const at = await release(createPacer(2.5), 25);
    // 25 sends at 2.5/s: the bucket's two at once, then one every 0.4 s: about 9.2 s.
    expect(at.at(-1)!).toBeGreaterThan(9_000);
    expect(at.at(-1)!).toBeLessThan(9_400);
  });

  it('lets sends out in the order they asked', async () => {
    const pacer = createPacer(10);
    const order: number[] = [];
    const all = [0, 1, 2, 3, 4].map((i) => pacer.take().then(() => order.push(i)));
    await vi.runAllTimersAsync();
    await Promise.all(all);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('delivery limiter windows', () => {
  it('never exceed the configured rate; low rates one message a window, higher rates at most a quarter second of them', () => {
    for (let rate = 1; rate <= 5_000; rate += rate < 100 ? 1 : 37) {
      const { max, duration } = pacing(rate);
      // Never above the configured rate, and below it by less than a millisecond a window.
      expect((max * 1000) / duration, `rate ${rate}`).toBeLessThanOrEqual(rate);
      expect((max * 1000) / (duration - 1), `rate ${rate}`).toBeGreaterThan(rate);
      // Across instances a sliding second may carry one window more than the rate.
      if (rate <= 50) expect(max, `rate ${rate}`).toBe(1);
      else expect(max / rate, `rate ${rate}`).toBeLessThanOrEqual(0.25 + 1 / rate);
    }
  });

  it('are at least 200 ms long above 50 messages a second: each window end costs every worker a round trip', () => {
    expect(pacing(25)).toEqual({ max: 1, duration: 40 });
    expect(pacing(980)).toEqual({ max: 245, duration: 250 });
    for (const rate of [60, 100, 300, 980, 3_000]) expect(pacing(rate).duration).toBeGreaterThanOrEqual(200);
  });
});

describe('delivery hold', () => {
  it('holds deliveries while an enqueue runs, and only then; a failed enqueue releases them too', async () => {
    const hold = createDeliveryHold(15_000);
    const released: string[] = [];
    await hold.wait(); // no enqueue: at once
    let finish!: () => void;
    const enqueue = hold.during(
      () =>
        new Promise<string>((resolve) => {
          finish = () => resolve('queued');
        }),
    );
    const waiting = hold.wait().then(() => released.push('delivery'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(released).toEqual([]);
    finish();
    expect(await enqueue).toBe('queued');
    await waiting;
    expect(released).toEqual(['delivery']);
    // An enqueue that throws still lets deliveries go, and the error reaches the plan job.
    const failing = hold.during(() => Promise.reject(new Error('redis down')));
    const after = hold.wait().then(() => released.push('after failure'));
    await expect(failing).rejects.toThrow('redis down');
    await after;
    expect(released).toEqual(['delivery', 'after failure']);
  });

  it('never holds a delivery longer than its bound, however long the enqueue', async () => {
    const hold = createDeliveryHold(15_000);
    let finish!: () => void;
    const enqueue = hold.during(() => new Promise<void>((resolve) => (finish = resolve)));
    let released = false;
    const waiting = hold.wait().then(() => {
      released = true;
    });
    await vi.advanceTimersByTimeAsync(14_999);
    expect(released).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(released).toBe(true);
    // The bound is the hold's: a delivery fetched after it does not wait another 15 s.
    let late = false;
    const after = hold.wait().then(() => {
      late = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    await after;
    expect(late).toBe(true);
    finish();
    await enqueue;
  });

  it('two enqueues at once: deliveries wait for both, not only the later one', async () => {
    const hold = createDeliveryHold(15_000);
    const finish: (() => void)[] = [];
    const first = hold.during(() => new Promise<void>((resolve) => finish.push(resolve)));
    const second = hold.during(() => new Promise<void>((resolve) => finish.push(resolve)));
    let released = false;
    const waiting = hold.wait().then(() => {
      released = true;
    });
    finish[1]!();
    await second;
    await vi.advanceTimersByTimeAsync(0);
    expect(released).toBe(false);
    finish[0]!();
    await first;
    await waiting;
    expect(released).toBe(true);
  });
});
