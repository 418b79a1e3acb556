/**
 * Deliveries in this process wait while it enqueues a fan-out (more than one slice of new jobs),
 * for the enqueue's first ENQUEUE_HOLD_MAX_MS at most (after that, a slow Redis say, nothing
 * waits for it). The jobs of a fan-out are added in slices, and each slice wakes the delivery
 * workers at once: sends started while the enqueue is still going on compete with it for the
 * same CPU and Redis, and run at a fraction of the rate until it ends; held until the enqueue
 * ends, the fan-out starts at full rate and ends no later (measurements in the README).
 *
 * Only the enqueue holds, not the whole planning pass: a pass runs every minute, mostly to find
 * nothing new, and one that held deliveries while it read thousands of assignments would pause
 * a fan-out in progress. Other instances' workers do not wait: they share nothing but Redis
 * with it.
 */

/** How long one enqueue holds this process's deliveries at most. */
export const ENQUEUE_HOLD_MAX_MS = 15_000;

/**
 * A bounded hold on this process's deliveries: `during` holds while its work runs (at most the
 * bound), `wait` lets a delivery through once every hold active when it asked has ended.
 */
export interface DeliveryHold {
  /** Runs `work`; deliveries asking `wait()` meanwhile go when it ends or after the bound. */
  during<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves once every hold active now has ended (at once when there is none). */
  wait(): Promise<void>;
}

/** A hold whose `during` releases after `maxMs` even when its work is still running. */
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
