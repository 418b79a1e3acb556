/**
 * BullMQ queues of the reminder pipeline: `plan` (one job per cron minute, de-duplicated by
 * job id across instances) and one `deliver-<channel>` queue per channel, each with its own
 * rate limiter shared by every worker of every instance.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ChannelName } from '../src/ports/channel.js';
import type { ReminderQueue } from '../src/ports/reminder-queue.js';
import type { DeliveryHold } from './fanout-hold.js';

/** The queue of planning passes (one job per cron minute). */
export const PLAN_QUEUE = 'plan';
/** The delivery queue of a channel: one per channel, each with its own limiter. */
export const deliverQueueName = (channel: ChannelName) => `deliver-${channel}`;
/** Every channel that has a delivery queue. */
export const CHANNELS: readonly ChannelName[] = ['telegram', 'zalo', 'web'];

/** The pipeline's BullMQ queues under one prefix. */
export interface Queues {
  plan: Queue;
  deliver: Map<ChannelName, Queue>;
  /** Closes every queue of the pipeline. */
  close(): Promise<void>;
}

/** Delivery attempts before a row is marked failed; backoff doubles from `backoffMs`. */
export const DELIVERY_ATTEMPTS = 5;

/** The plan queue and one delivery queue per channel, on a shared connection. */
export function createQueues(connection: Redis, prefix: string): Queues {
  const plan = new Queue(PLAN_QUEUE, { connection, prefix });
  const deliver = new Map(
    CHANNELS.map((c) => [c, new Queue(deliverQueueName(c), { connection, prefix })] as const),
  );
  return {
    plan,
    deliver,
    async close() {
      await Promise.all([plan.close(), ...[...deliver.values()].map((q) => q.close())]);
    },
  };
}

/** The ReminderQueue port on BullMQ: the ledger row id is the job id (`row-<id>`). */
export function createBullmqReminderQueue(
  queues: Queues,
  opts: { backoffMs?: number; hold?: DeliveryHold } = {},
): ReminderQueue {
  return {
    async enqueueDelivery(rows, how) {
      // A fan-out (more than one slice of new rows): this process's deliveries wait until it is
      // all queued. A re-queue does not hold: in a fan-out longer than the re-queue's grace (a
      // few thousand messages at 25/s) every minute's pass re-adds thousands of jobs still queued.
      if (opts.hold && !how?.requeue && rows.length > ENQUEUE_SLICE)
        await opts.hold.during(() => enqueue(rows));
      else await enqueue(rows);
    },
  };

  async function enqueue(rows: readonly { id: number; channel: ChannelName }[]): Promise<void> {
    const byChannel = new Map<ChannelName, number[]>();
    for (const r of rows) {
      const ids = byChannel.get(r.channel) ?? [];
      ids.push(r.id);
      byChannel.set(r.channel, ids);
    }
    for (const [channel, ids] of byChannel) {
      const q = queues.deliver.get(channel);
      if (!q) continue;
      // In slices: one pipeline of a whole fan-out's jobs holds them all in memory at once, and
      // building a pipeline takes the event loop for its whole length while deliveries wait.
      for (let i = 0; i < ids.length; i += ENQUEUE_SLICE) {
        await q.addBulk(
          ids.slice(i, i + ENQUEUE_SLICE).map((id) => ({
            name: 'deliver',
            data: { ledgerId: id },
            opts: {
              jobId: `row-${id}`,
              attempts: DELIVERY_ATTEMPTS,
              backoff: { type: 'exponential', delay: opts.backoffMs ?? 2_000 },
              // The ledger is the truth; finished jobs need not stay in Redis.
              removeOnComplete: true,
              removeOnFail: { age: 86_400 },
            },
          })),
        );
      }
    }
  }
}

/** Jobs added in one pipeline. */
export const ENQUEUE_SLICE = 200;

/** Job id of the planning pass for a tick minute: the same in every instance. */
export function planJobId(tick: Date): string {
  return `plan-${tick.toISOString().slice(0, 16).replace(/[-:T]/g, '')}`;
}
