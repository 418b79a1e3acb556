/**
 * Wires the reminder pipeline (ledger on Prisma, queues on BullMQ) for the service and the CLI.
 */
import { createDeliveryHold, type DeliveryHold } from '../../jobs/fanout-hold.js';
import { createBullmqReminderQueue, createQueues, type Queues } from '../../jobs/queues.js';
import { createManagerActions, type ManagerActions } from '../app/manager-actions.js';
import {
  type DeliverDeps,
  deliverReminder,
  type PlanDeps,
  type PlanSummary,
  planDueReminders,
} from '../app/reminders.js';
import { createStatusService } from '../app/status.js';
import type { Logger } from '../logging/logger.js';
import type { Channel, ChannelName } from '../ports/channel.js';
import type { Clock } from '../ports/clock.js';
import type { Translator } from '../ports/translator.js';
import type { Redis } from '../redis/connection.js';
import type { PrismaClient } from '../storage/database.js';
import { createPrismaManagerStore } from '../storage/manager-store.js';
import { materialiseIfChanged } from '../storage/materialise-assignments.js';
import { createPrismaReminderStore } from '../storage/reminder-store.js';
import { createPrismaStatusStore } from '../storage/status-store.js';
import { createPrismaSubmissionStore } from '../storage/submission-store.js';

export interface ReminderRuntime {
  queues: Queues;
  /** Deliveries of this process wait on it while its queue adds a fan-out (give it to the workers). */
  hold: DeliveryHold;
  planDeps: PlanDeps;
  deliverDeps: DeliverDeps;
  /** Managers' actions that send through the same ledger and queue (nudges, exceptions, digests). */
  managerActions: ManagerActions;
  /** One planning pass: due reminders and escalations, then the weekly digests. */
  plan(now: Date): Promise<PlanSummary & { digests: number }>;
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
  const hold = createDeliveryHold();
  const planDeps: PlanDeps = {
    store,
    queue: createBullmqReminderQueue(queues, { hold }),
    materialise: (years) => materialiseIfChanged(deps.prisma, years),
    timeZone: deps.timeZone,
  };
  const managers = createPrismaManagerStore(deps.prisma);
  const statusStore = createPrismaStatusStore(deps.prisma);
  const managerActions = createManagerActions({
    managers,
    scopes: statusStore,
    reminders: store,
    queue: planDeps.queue,
    timeZone: deps.timeZone,
  });
  const deliverDeps: DeliverDeps = {
    store,
    queue: planDeps.queue,
    managers,
    status: createStatusService({ store: statusStore, clock: deps.clock, timeZone: deps.timeZone }),
    submissions: createPrismaSubmissionStore(deps.prisma, deps.timeZone),
    channels: deps.channels,
    translator: deps.translator,
    clock: deps.clock,
    timeZone: deps.timeZone,
    logger: deps.logger,
  };
  return {
    queues,
    hold,
    planDeps,
    deliverDeps,
    managerActions,
    async plan(now) {
      const summary = await planDueReminders(planDeps, now);
      return { ...summary, digests: await managerActions.planDigests(now) };
    },
    deliver: (id, opts) => deliverReminder(deliverDeps, id, opts),
  };
}
