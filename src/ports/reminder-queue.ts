/** The work queue of deliveries. */
import type { ChannelName } from './channel.js';

/**
 * One delivery job per ledger row, the row id as the job id: adding a row already queued is a
 * no-op. The queue only carries work; the ledger is the truth, so a lost queue is repaired by
 * re-adding the ledger's stale planned rows.
 */
export interface ReminderQueue {
  /**
   * `requeue`: rows queued before whose job may be lost (Redis restarted); they are mostly still
   * queued, and re-adding them never holds this process's deliveries as a fan-out does.
   */
  enqueueDelivery(
    rows: readonly { id: number; channel: ChannelName }[],
    opts?: { requeue?: boolean },
  ): Promise<void>;
}
