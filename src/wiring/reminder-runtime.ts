/**
 * Wires the reminder pipeline (ledger on Prisma, queues on BullMQ) for the service and the CLI:
 * the stores behind its ports, the queue, the planning pass and the delivery of one row.
 */
import { createDeliveryHold, type DeliveryHold } from '../../jobs/fanout-hold.js';
import { createBullmqReminderQueue, createQueues, type Queues } from '../../jobs/queues.js';
import { type DeliverDeps, type DeliveryOutcome, deliverReminder } from '../app/deliver-reminder.js';
import { createManagerActions, type ManagerActions } from '../app/manager-actions.js';
import { type PlanDeps, type PlanSummary, planDueReminders } from '../app/plan-reminders.js';
import { createStatusService } from '../app/status.js';
import { createStatusExporter } from '../exports/status-files.js';
import type { Channel, ChannelName } from '../ports/channel.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { ReminderLedger } from '../ports/reminder-ledger.js';
import type { Translator } from '../ports/translator.js';
import type { Redis } from '../redis/connection.js';
import type { PrismaClient } from '../storage/database.js';
import { createPrismaManagerStore } from '../storage/manager-store.js';
import { materialiseIfChanged } from '../storage/materialise-assignments.js';
import { createPrismaReminderLedger } from '../storage/reminder-ledger-store.js';
import { createPrismaReminderPlanning } from '../storage/reminder-planning-store.js';
import { createPrismaReminderRecipients } from '../storage/reminder-recipient-store.js';
import { createPrismaReminderViews } from '../storage/reminder-view-store.js';
import { createPrismaStatusStore } from '../storage/status-store.js';

/** The reminder pipeline of one process, assembled. */
export interface ReminderRuntime {
  queues: Queues;
  /** Deliveries of this process wait on it while its queue adds a fan-out (give it to the workers). */
  hold: DeliveryHold;
  /** The ledger the pipeline writes (the workers mark a row failed after its last attempt). */
  ledger: ReminderLedger;
  planDeps: PlanDeps;
  deliverDeps: DeliverDeps;
  /** Managers' actions that send through the same ledger and queue (nudges, exceptions, digests). */
  managerActions: ManagerActions;
  /** One planning pass: due reminders and escalations, then the weekly digests. */
  plan(now: Date): Promise<PlanSummary & { digests: number }>;
  /** Delivers one ledger row (`resumed`: its previous worker died). */
  deliver(ledgerId: number, opts?: { resumed?: boolean }): Promise<DeliveryOutcome>;
}

/** Builds the pipeline on one database and Redis; `channels` may be filled after this returns. */
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
  const ledger = createPrismaReminderLedger(deps.prisma);
  const planning = createPrismaReminderPlanning(deps.prisma);
  const recipients = createPrismaReminderRecipients(deps.prisma);
  const hold = createDeliveryHold();
  const planDeps: PlanDeps = {
    planning,
    recipients,
    ledger,
    queue: createBullmqReminderQueue(queues, { hold }),
    materialise: (years) => materialiseIfChanged(deps.prisma, years),
    timeZone: deps.timeZone,
  };
  const managers = createPrismaManagerStore(deps.prisma);
  const statusStore = createPrismaStatusStore(deps.prisma);
  const managerActions = createManagerActions({
    managers,
    scopes: statusStore,
    reminders: { ...recipients, insert: ledger.insert },
    queue: planDeps.queue,
    timeZone: deps.timeZone,
  });
  const deliverDeps: DeliverDeps = {
    ledger,
    calendar: planning,
    recipients,
    views: createPrismaReminderViews(deps.prisma),
    queue: planDeps.queue,
    managers,
    status: createStatusService({
      store: statusStore,
      clock: deps.clock,
      timeZone: deps.timeZone,
      exporter: createStatusExporter(deps.translator),
    }),
    channels: deps.channels,
    translator: deps.translator,
    clock: deps.clock,
    timeZone: deps.timeZone,
    logger: deps.logger,
  };
  return {
    queues,
    hold,
    ledger,
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
