/**
 * The FileBlobStore port on Redis: published files (xlsx exports, PNG charts offered as links
 * on Zalo) are kept with a TTL, so every instance behind a load balancer can serve a link and
 * nothing outlives it. Also the link secret, created once and shared by every instance.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { FileBlobStore } from '../ports/file-links.js';

/** Files above this size are refused (a status workbook is tens of kilobytes). */
export const MAX_LINKED_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The store under `<prefix>:file-link:<id>` (a hash: name, mime, data), each key expiring with
 * its link. Refuses files over MAX_LINKED_FILE_BYTES.
 */
export function createRedisFileBlobStore(redis: Redis, prefix: string): FileBlobStore {
  const key = (id: string) => `${prefix}:file-link:${id}`;
  return {
    async put(id, file, ttlSec) {
      if (file.data.byteLength > MAX_LINKED_FILE_BYTES) {
        throw new Error(`file too large for a link (${file.data.byteLength} bytes)`);
      }
      await redis
        .multi()
        .hset(key(id), { name: file.name, mime: file.mime, data: Buffer.from(file.data) })
        .expire(key(id), Math.max(1, Math.ceil(ttlSec)))
        .exec();
    },
    async get(id) {
      const [name, mime] = await redis.hmget(key(id), 'name', 'mime');
      if (name === null || mime === null || name === undefined || mime === undefined) return null;
      const data = await redis.hgetBuffer(key(id), 'data');
      if (!data) return null;
      return { name, mime, data: new Uint8Array(data) };
    },
  };
}

/**
 * The secret file links are signed with: random, created on first use and kept in Redis, so
 * every instance signs and checks alike. Deleting the key invalidates every link.
 */
export async function fileLinkSecret(redis: Redis, prefix: string): Promise<Buffer> {
  const key = `${prefix}:file-link-secret`;
  await redis.set(key, randomBytes(32).toString('base64'), 'NX');
  const value = await redis.get(key);
  if (!value) throw new Error('could not read the file link secret from Redis');
  return Buffer.from(value, 'base64');
}
