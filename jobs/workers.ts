/**
 * BullMQ workers: the `plan` worker runs one planning pass per job; the `deliver-<channel>`
 * workers send ledger rows through the channel, paced by BullMQ's limiter (shared by every
 * worker of the queue, in every instance). A 429 rate-limits the whole queue for the
 * platform's retry_after and does not consume an attempt; other errors retry with exponential
 * backoff; after the last attempt the row is marked failed.
 */
import { type Job, RateLimitError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { DeliveryRateLimitedError, type PlanSummary } from '../src/app/reminders.js';
import type { Logger } from '../src/logger.js';
import type { ChannelName } from '../src/ports/channel.js';
import type { ReminderStore } from '../src/ports/reminders.js';
import { CHANNELS, DELIVERY_ATTEMPTS, deliverQueueName, PLAN_QUEUE, type Queues } from './queues.js';

export interface WorkerOptions {
  /** Messages per second per channel (Telegram ≈ 30/s overall: default 25). */
  ratePerSecond?: Partial<Record<ChannelName, number>>;
  concurrency?: number;
}

export interface Workers {
  close(): Promise<void>;
}

export function startWorkers(deps: {
  connection: Redis;
  prefix: string;
  queues: Queues;
  plan: () => Promise<PlanSummary>;
  /** `resumed`: the job was started before by a worker that died (BullMQ moved it back). */
  deliver: (ledgerId: number, opts: { resumed: boolean }) => Promise<string>;
  store: ReminderStore;
  logger: Logger;
  channels: readonly ChannelName[];
  options?: WorkerOptions;
}): Workers {
  const rates: Record<ChannelName, number> = {
    telegram: 25,
    zalo: 20,
    web: 100,
    ...deps.options?.ratePerSecond,
  };
  const workers: Worker[] = [];
  const plan = new Worker(
    PLAN_QUEUE,
    async () => {
      const summary = await deps.plan();
      if (summary.planned + summary.escalations + summary.requeued + summary.uncertain > 0) {
        deps.logger.info(summary, 'reminders planned');
      }
      return summary;
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: 1 },
  );
  workers.push(plan);
  for (const channel of CHANNELS.filter((c) => deps.channels.includes(c))) {
    const queue = deps.queues.deliver.get(channel)!;
    const worker = new Worker(
      deliverQueueName(channel),
      async (job: Job<{ ledgerId: number }>) => {
        try {
          const resumed = (job.attemptsStarted ?? 0) > job.attemptsMade + 1 || (job.stalledCounter ?? 0) > 0;
          return await deps.deliver(job.data.ledgerId, { resumed });
        } catch (err) {
          if (err instanceof DeliveryRateLimitedError) {
            await queue.rateLimit(Math.max(1, err.retryAfterSec) * 1000);
            throw new RateLimitError();
          }
          if (job.attemptsMade + 1 >= (job.opts.attempts ?? DELIVERY_ATTEMPTS)) {
            await deps.store.markFailed(job.data.ledgerId, (err as Error).message ?? String(err));
          }
          throw err;
        }
      },
      {
        connection: deps.connection,
        prefix: deps.prefix,
        concurrency: deps.options?.concurrency ?? 10,
        limiter: { max: rates[channel], duration: 1000 },
        // A send takes seconds at most: notice a dead worker's jobs within ~15 s.
        lockDuration: 15_000,
        stalledInterval: 15_000,
      },
    );
    worker.on('failed', (job, err) => {
      if (err instanceof RateLimitError) return;
      deps.logger.warn(
        { ledgerId: job?.data.ledgerId, attempts: job?.attemptsMade, err: err.message },
        'delivery failed',
      );
    });
    workers.push(worker);
  }
  for (const w of workers) w.on('error', (err) => deps.logger.warn({ err: err.message }, 'worker error'));
  return {
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
