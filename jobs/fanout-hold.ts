/**
 * Deliveries in this process wait while it enqueues a fan-out (more than one slice of new jobs),
 * for the enqueue's first ENQUEUE_HOLD_MAX_MS at most (after that, a slow Redis say, nothing
 * waits for it). The jobs of a fan-out are added in slices, and each slice wakes the delivery
 * workers at once: sends started while the enqueue was still going on competed with it for the
 * same CPU and Redis, and ran at half the rate for its 1-1.5 s (10,000 jobs); held until the
 * enqueue ends, the fan-out starts at full rate and ends no later (numbers in the README).
 *
 * Only the enqueue holds, not the whole planning pass: a pass runs every minute, mostly to find
 * nothing new, and one that held deliveries while it read 10,000 assignments stopped a fan-out
 * in progress for 0.3-0.5 s. Other instances' workers do not wait: they share nothing but
 * Redis with it.
 */

/** How long one enqueue holds this process's deliveries at most. */
export const ENQUEUE_HOLD_MAX_MS = 15_000;

export interface DeliveryHold {
  /** Runs `work`; deliveries asking `wait()` meanwhile go when it ends or after the bound. */
  during<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves once every hold active now has ended (at once when there is none). */
  wait(): Promise<void>;
}

export function createDeliveryHold(maxMs = ENQUEUE_HOLD_MAX_MS): DeliveryHold {
  const active = new Set<Promise<void>>();
  return {
    async during(work) {
      let end!: () => void;
      const current = new Promise<void>((resolve) => {
        end = resolve;
      });
      active.add(current);
      const release = () => {
        active.delete(current);
        end();
      };
      // The bound is the hold's, not each delivery's: after it, nothing waits for this work.
      const bound = setTimeout(release, maxMs);
      try {
        return await work();
      } finally {
        clearTimeout(bound);
        release();
      }
    },
    async wait() {
      if (active.size > 0) await Promise.all(active);
    },
  };
}
