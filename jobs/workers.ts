/**
 * BullMQ workers: the `plan` worker runs one planning pass per job; the `deliver-<channel>`
 * workers send ledger rows through the channel, paced by BullMQ's limiter (shared by every
 * worker of the queue, in every instance). A 429 rate-limits the whole queue for the
 * platform's retry_after and does not consume an attempt; other errors retry with exponential
 * backoff; after the last attempt the row is marked failed.
 */
import { DelayedError, type Job, RateLimitError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { DeliveryDeferredError, DeliveryRateLimitedError } from '../src/app/deliver-reminder.js';
import type { PlanSummary } from '../src/app/plan-reminders.js';
import type { ChannelName } from '../src/ports/channel.js';
import type { Logger } from '../src/ports/logger.js';
import type { ReminderLedger } from '../src/ports/reminder-ledger.js';
import type { DeliveryHold } from './fanout-hold.js';
import { CHANNELS, DELIVERY_ATTEMPTS, deliverQueueName, PLAN_QUEUE, type Queues } from './queues.js';

/** How fast and how wide this process delivers. */
export interface WorkerOptions {
  /** Messages per second per channel (Telegram ≈ 30/s overall: default 25). */
  ratePerSecond?: Partial<Record<ChannelName, number>>;
  concurrency?: number;
  /**
   * Workers per channel queue in this process (default: one per 8 slots of `concurrency`, at
   * least 2). One BullMQ worker fetches its jobs one Redis round trip after another; near a
   * platform's limit that round trip, not the platform, becomes the ceiling. Each worker gets
   * `concurrency / workers` slots; the limiter stays one, shared in Redis.
   */
  workersPerChannel?: number;
}

/**
 * A BullMQ worker fetches jobs one after another until its slots are full and only then starts
 * the first one (afterwards each finished job brings the next in the same call). While the
 * event loop is busy (a planning pass enqueueing thousands of jobs), each fetch waits a turn of
 * it, so a worker with many slots sits idle at the start of a fan-out. A few slots per worker
 * and more workers fetch in parallel instead.
 */
const SLOTS_PER_WORKER = 8;

/** The running workers of this process. */
export interface Workers {
  /** Stops every worker (letting active jobs finish) and closes their connections. */
  close(): Promise<void>;
}

/**
 * BullMQ's limiter counts fixed windows: `max` jobs per `duration`, the window opening at its
 * first job. Two costs pull the window's length apart:
 * - Short windows cost CPU and rate. At each window's end every worker of the queue makes a
 *   rate-limited round trip and waits on a timer, and the time between the window's expiry and
 *   the next fetch (a late timer, a round trip) is lost from every window: the shorter the
 *   windows, the lower the rate reached and the more CPU each job costs (measurements, and
 *   what they do to bench:fanout, in the README).
 * - Long windows allow bursts across instances. The jobs of the end of one window and of the
 *   start of the next can fall into one sliding second, which the platforms answer with 429.
 *   Within one process the sends are spaced anyway (../src/channels/pacer.ts: at most
 *   `perSecond` in any sliding second); across instances a sliding second may carry
 *   `perSecond + max`.
 * So: low rates (up to 50/s: Telegram's default is 25/s) one job per window, every sliding
 * second within `perSecond + 1` whatever the number of instances; higher rates a quarter of a
 * second's jobs per window, within `1.25 × perSecond` across instances.
 */
export function pacing(perSecond: number): { max: number; duration: number } {
  const rate = Math.max(1, perSecond);
  const max = rate <= 50 ? 1 : Math.round(rate / 4);
  // Rounded up: a window never lets more than the configured rate through.
  return { max, duration: Math.max(1, Math.ceil((1000 * max) / rate)) };
}

/**
 * Starts the `plan` worker (one pass at a time) and `workersPerChannel` delivery workers for
 * each channel configured here. A delivery waits while this process enqueues a fan-out (`hold`);
 * a 429 rate-limits the channel's queue for every instance; quiet hours delay the job in Redis;
 * after the last attempt the row is marked failed in the ledger.
 */
export function startWorkers(deps: {
  connection: Redis;
  prefix: string;
  queues: Queues;
  plan: () => Promise<PlanSummary>;
  /** `resumed`: the job was started before by a worker that died (BullMQ moved it back). */
  deliver: (ledgerId: number, opts: { resumed: boolean }) => Promise<string>;
  /** Where a row is marked failed after its job's last attempt. */
  ledger: Pick<ReminderLedger, 'markFailed'>;
  logger: Logger;
  channels: readonly ChannelName[];
  /** Shared with this process's reminder queue: deliveries wait while it enqueues a fan-out. */
  hold: DeliveryHold;
  options?: WorkerOptions;
}): Workers {
  const rates: Record<ChannelName, number> = {
    telegram: 25,
    zalo: 20,
    web: 100,
    ...deps.options?.ratePerSecond,
  };
  const workers: Worker[] = [];
  const connections: Redis[] = [];
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
  // A pass that throws every minute (database down, a bug) stops every reminder: say so loudly.
  plan.on('failed', (_job, err) => deps.logger.error({ err: err.message }, 'reminder planning pass failed'));
  workers.push(plan);
  const concurrency = Math.max(1, deps.options?.concurrency ?? 10);
  const perChannel = Math.max(
    1,
    deps.options?.workersPerChannel ?? Math.max(2, Math.ceil(concurrency / SLOTS_PER_WORKER)),
  );
  const slots = Math.max(1, Math.ceil(concurrency / perChannel));
  for (const channel of CHANNELS.filter((c) => deps.channels.includes(c))) {
    for (let w = 0; w < perChannel; w++) workers.push(deliverWorker(channel));
  }
  function deliverWorker(channel: ChannelName): Worker {
    const queue = deps.queues.deliver.get(channel)!;
    // A connection of its own: BullMQ fetches a worker's jobs one round trip after another, and
    // on the shared connection each of those would wait behind the planner's enqueue pipelines.
    const connection = deps.connection.duplicate();
    connection.on('error', (err) => deps.logger.debug({ err: err.message }, 'delivery redis error'));
    connections.push(connection);
    const worker = new Worker(
      deliverQueueName(channel),
      async (job: Job<{ ledgerId: number }>, token?: string) => {
        try {
          // Also true after a 429 or a quiet-hours deferral (each activation counts as started,
          // neither as made): harmless, `resumed` only acts on a row found `sending`, which only
          // a previous activation of this very job can have left so.
          const resumed = (job.attemptsStarted ?? 0) > job.attemptsMade + 1 || (job.stalledCounter ?? 0) > 0;
          await deps.hold.wait();
          return await deps.deliver(job.data.ledgerId, { resumed });
        } catch (err) {
          if (err instanceof DeliveryRateLimitedError) {
            await queue.rateLimit(Math.max(1, err.retryAfterSec) * 1000);
            throw new RateLimitError();
          }
          if (err instanceof DeliveryDeferredError) {
            // The recipient's quiet hours: the job waits in Redis, no attempt spent.
            await job.moveToDelayed(Date.now() + err.delayMs, token);
            throw new DelayedError();
          }
          if (job.attemptsMade + 1 >= (job.opts.attempts ?? DELIVERY_ATTEMPTS)) {
            await deps.ledger.markFailed(job.data.ledgerId, (err as Error).message ?? String(err));
          }
          throw err;
        }
      },
      {
        connection,
        prefix: deps.prefix,
        concurrency: slots,
        limiter: pacing(rates[channel]),
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
    return worker;
  }
  for (const w of workers) w.on('error', (err) => deps.logger.warn({ err: err.message }, 'worker error'));
  return {
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      for (const c of connections) c.disconnect();
    },
  };
}
