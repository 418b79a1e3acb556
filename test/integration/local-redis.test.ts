import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRedis, ensureRedis, evictionPolicy, pingRedis } from '../../src/redis/connection.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

describe('local Redis for embedded defaults', () => {
  it('starts redis-server with data under DATA_DIR/redis when nothing answers, and stops it', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-redis-'));
    expect(await pingRedis(url)).toBe(false);
    const local = await ensureRedis(url, true, dataDir);
    try {
      expect(local.child).toBeDefined();
      const r = createRedis(url);
      expect(await r.ping()).toBe('PONG');
      expect(await evictionPolicy(r)).toBe('noeviction');
      expect(((await r.config('GET', 'dir')) as string[])[1]).toBe(path.join(dataDir, 'redis'));
      r.disconnect();
    } finally {
      await local.stop();
    }
    expect(await pingRedis(url)).toBe(false);
  });

  it('uses a Redis that already answers and starts nothing', async () => {
    const local = await ensureRedis('redis://127.0.0.1:6379', true, tmpdir());
    expect(local.child).toBeUndefined();
  });
});
