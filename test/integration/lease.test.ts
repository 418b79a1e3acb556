import pino from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createRedis } from '../../src/redis/connection.js';
import { holdLease, type Lease } from '../../src/redis/lease.js';
import { uniqueCode } from '../support/db.js';

// The single-poller lease on the real Redis: of several instances exactly one consumes, and
// another takes over when it stops, dies (its key expires) or is overtaken.
const redis = createRedis(inject('redisUrl'));
const logger = pino({ level: 'silent' });
afterAll(() => redis.disconnect());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await sleep(20);
}

/** An instance: its lease plus a log of what its consumer did. */
function instance(key: string, name: string, ttlMs = 600) {
  const events: string[] = [];
  let consuming = false;
  const lease: Lease = holdLease(
    { redis, key, logger, ttlMs, owner: name },
    {
      onAcquired: async () => {
        consuming = true;
        events.push('start');
      },
      onLost: async () => {
        consuming = false;
        events.push('stop');
      },
    },
  );
  return { lease, events, consuming: () => consuming };
}

describe('polling lease', () => {
  it('three instances: exactly one consumes; when it stops, another takes over at once', async () => {
    const key = uniqueCode('lease');
    const all = [instance(key, 'a'), instance(key, 'b'), instance(key, 'c')];
    await until(() => all.some((i) => i.consuming()));
    await sleep(700); // more than a lease time: still exactly one
    expect(all.filter((i) => i.consuming())).toHaveLength(1);
    const first = all.find((i) => i.consuming())!;
    expect(await redis.get(key)).toBe(['a', 'b', 'c'][all.indexOf(first)]);

    await first.lease.stop();
    expect(first.events).toEqual(['start', 'stop']);
    const rest = all.filter((i) => i !== first);
    await until(() => rest.some((i) => i.consuming()), 1_000);
    expect(rest.filter((i) => i.consuming())).toHaveLength(1);
    for (const i of rest) await i.lease.stop();
    expect(await redis.get(key)).toBeNull();
  });

  it('a holder that died (key expired, never released) is replaced within the lease time', async () => {
    const key = uniqueCode('lease');
    await redis.set(key, 'dead-instance', 'PX', 500);
    const b = instance(key, 'b');
    await sleep(250);
    expect(b.consuming()).toBe(false);
    await until(() => b.consuming(), 2_000);
    expect(b.consuming()).toBe(true);
    await b.lease.stop();
  });

  it('a holder whose key was taken over stops consuming instead of polling beside the new one', async () => {
    const key = uniqueCode('lease');
    const a = instance(key, 'a');
    await until(() => a.consuming());
    await redis.set(key, 'someone-else', 'PX', 5_000);
    await until(() => !a.consuming(), 2_000);
    expect(a.events).toEqual(['start', 'stop']);
    await a.lease.stop();
    // Stopping never deletes a key that names another instance.
    expect(await redis.get(key)).toBe('someone-else');
  });

  it('a consumer that fails to start gives the lease back for another instance', async () => {
    const key = uniqueCode('lease');
    let tries = 0;
    const failing = holdLease(
      { redis, key, logger, ttlMs: 600, owner: 'broken' },
      {
        onAcquired: async () => {
          tries++;
          throw new Error('platform refused');
        },
        onLost: async () => undefined,
      },
    );
    await until(() => tries > 0);
    await failing.stop();
    const b = instance(key, 'b');
    await until(() => b.consuming(), 2_000);
    expect(b.consuming()).toBe(true);
    await b.lease.stop();
  });
});
