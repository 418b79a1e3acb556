/**
 * Group commit: calls made within `lingerMs` (or until `maxSize`) run as one statement. On a
 * machine where every database round trip costs a system call, a fan-out spends most of its
 * CPU in round trips; batching the two statements of each delivery removes most of them.
 */
export interface Batcher<K, R> {
  run(key: K): Promise<R>;
}

/**
 * Builds a group-commit batcher: `run(key)` queues the key and resolves with its own result once
 * `execute` has run on the batch, `lingerMs` (3 by default) after the first call or at once on
 * reaching `maxSize` (100). `execute` must return one result per key, in order; if it fails,
 * every call of the batch rejects. Batches are not serialised: one may start before the last ends.
 */
export function createBatcher<K, R>(
  execute: (keys: K[]) => Promise<R[]>,
  opts: { maxSize?: number; lingerMs?: number } = {},
): Batcher<K, R> {
  const maxSize = opts.maxSize ?? 100;
  const lingerMs = opts.lingerMs ?? 3;
  let pending: { key: K; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    execute(batch.map((b) => b.key)).then(
      (results) => {
        batch.forEach((b, i) => {
          b.resolve(results[i] as R);
        });
      },
      (err: unknown) => {
        for (const b of batch) b.reject(err);
      },
    );
  };
  return {
    run(key) {
      return new Promise<R>((resolve, reject) => {
        pending.push({ key, resolve, reject });
        if (pending.length >= maxSize) flush();
        else timer ??= setTimeout(flush, lingerMs);
      });
    },
  };
}
