/**
 * node-cron ticks every minute in every instance and adds the minute's `plan` job with a
 * deterministic id: N instances produce one planning pass per minute. Completed plan jobs are
 * kept for a day so the id keeps de-duplicating well past the tick period plus clock skew.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../src/ports/clock.js';
import type { Logger } from '../src/ports/logger.js';
import { planJobId, type Queues } from './queues.js';

/** The cron tick of this process. */
export interface Scheduler {
  /** Adds the plan job of `at`'s minute (what each tick does). */
  tick(at?: Date): Promise<void>;
  /** Stops the cron task (an added job stays). */
  stop(): void;
}

/** Starts ticking every minute in `timeZone`; a failed add is logged, never thrown. */
export function startScheduler(deps: {
  queues: Queues;
  clock: Clock;
  timeZone: string;
  logger: Logger;
}): Scheduler {
  const tick = async (at: Date = deps.clock.now()) => {
    const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
    await deps.queues.plan.add(
      'plan',
      { at: minute.toISOString() },
      {
        jobId: planJobId(minute),
        removeOnComplete: { age: 86_400 },
        removeOnFail: { age: 86_400 },
        attempts: 1,
      },
    );
  };
  const task: ScheduledTask = cron.schedule(
    '* * * * *',
    () => {
      tick().catch((err: unknown) =>
        deps.logger.warn({ err: (err as Error).message }, 'could not add the plan job'),
      );
    },
    { timezone: deps.timeZone, name: 'reminders-plan' },
  );
  return {
    tick,
    stop() {
      void task.stop();
    },
  };
}
