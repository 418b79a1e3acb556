/**
 * The group-commit batcher past capacity: a database that stops answering must not hold every
 * later turn behind it, a statement that throws at once fails only its batch, and a queue too
 * long is refused at once.
 */
import { describe, expect, it } from 'vitest';
import { BatcherBusyError, createBatcher } from '../../src/storage/batcher.js';

describe('batcher past capacity', () => {
  it('rejects a batch with no answer in time, and the next batch runs', async () => {
    let calls = 0;
    const batcher = createBatcher<number, number>(
      (keys) => {
        calls++;
        // The first two batches hang, as on a connection whose packets are dropped.
        if (calls <= 2) return new Promise<number[]>(() => undefined);
        return Promise.resolve(keys.map((k) => k * 10));
      },
      { maxInFlight: 2, timeoutMs: 50 },
    );
    const first = batcher.run(1);
    await new Promise((r) => setImmediate(r));
    const second = batcher.run(2);
    await new Promise((r) => setImmediate(r));
    const third = batcher.run(3);
    await expect(first).rejects.toBeInstanceOf(BatcherBusyError);
    await expect(second).rejects.toBeInstanceOf(BatcherBusyError);
    expect(await third).toBe(30);
  });

  it('fails only the batch whose statement throws at once', async () => {
    let calls = 0;
    const batcher = createBatcher<number, number>(
      (keys) => {
        calls++;
        if (calls === 1) throw new Error('bad statement');
        return Promise.resolve(keys.map((k) => k + 1));
      },
      { maxInFlight: 2 },
    );
    await expect(batcher.run(1)).rejects.toThrow('bad statement');
    expect(await batcher.run(2)).toBe(3);
  });

  it('refuses a call at once while too many wait', async () => {
    const batcher = createBatcher<number, number>(() => new Promise<number[]>(() => undefined), {
      maxInFlight: 1,
      maxPending: 2,
      timeoutMs: 60_000,
    });
    void batcher.run(1).catch(() => undefined);
    await new Promise((r) => setImmediate(r));
    void batcher.run(2).catch(() => undefined);
    void batcher.run(3).catch(() => undefined);
    await expect(batcher.run(4)).rejects.toBeInstanceOf(BatcherBusyError);
  });
});
