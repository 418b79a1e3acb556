/** A small in-process cache of promises for reads that many deliveries share. */

/** Returns the promise cached under `key` if younger than `ttlMs`, else runs `load` and caches it. */
export type TtlCache = <T>(key: string, load: () => Promise<T>, ttlMs?: number) => Promise<T>;

/**
 * A cache of promises by key, each kept `ttlMs` (default 10 s) of real time. Concurrent callers
 * of one key share one load; a load that fails is forgotten at once, so the next call retries.
 * Bounded: past `maxEntries` keys it starts over empty.
 */
export function createTtlCache(maxEntries = 5_000): TtlCache {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  return function cached<T>(key: string, load: () => Promise<T>, ttlMs = 10_000): Promise<T> {
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value as Promise<T>;
    if (entries.size > maxEntries) entries.clear();
    const value = load();
    entries.set(key, { at: Date.now(), value });
    value.catch(() => entries.delete(key));
    return value;
  };
}
