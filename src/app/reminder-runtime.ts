/**
 * Wires the reminder pipeline (ledger on Prisma, queues on BullMQ) for the service and the CLI.
 */
import { createBullmqReminderQueue, createQueues, type Queues } from '../../jobs/queues.js';
import type { Redis } from '../../jobs/redis.js';
import type { Logger } from '../logger.js';
import type { Channel, ChannelName } from '../ports/channel.js';
import type { Clock } from '../ports/clock.js';
import type { Translator } from '../ports/translator.js';
import { materialiseYears } from '../storage/assignments.js';
import type { PrismaClient } from '../storage/database.js';
import { createPrismaSubmissionStore } from '../storage/dialog-stores.js';
import { createPrismaReminderStore } from '../storage/reminder-store.js';
import { type DeliverDeps, deliverReminder, type PlanDeps, planDueReminders } from './reminders.js';

export interface ReminderRuntime {
  queues: Queues;
  planDeps: PlanDeps;
  deliverDeps: DeliverDeps;
  plan(now: Date): ReturnType<typeof planDueReminders>;
  deliver(ledgerId: number, opts?: { resumed?: boolean }): ReturnType<typeof deliverReminder>;
}

export function createReminderRuntime(deps: {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  channels: ReadonlyMap<ChannelName, Pick<Channel, 'send'>>;
  translator: Translator;
  clock: Clock;
  timeZone: string;
  logger: Logger;
}): ReminderRuntime {
  const queues = createQueues(deps.redis, deps.prefix);
  const store = createPrismaReminderStore(deps.prisma);
  const planDeps: PlanDeps = {
    store,
    queue: createBullmqReminderQueue(queues),
    materialise: (years) => materialiseYears(deps.prisma, years),
    timeZone: deps.timeZone,
  };
  const deliverDeps: DeliverDeps = {
    store,
    submissions: createPrismaSubmissionStore(deps.prisma, deps.timeZone),
    channels: deps.channels,
    translator: deps.translator,
    clock: deps.clock,
    timeZone: deps.timeZone,
    logger: deps.logger,
  };
  return {
    queues,
    planDeps,
    deliverDeps,
    plan: (now) => planDueReminders(planDeps, now),
    deliver: (id, opts) => deliverReminder(deliverDeps, id, opts),
  };
}
