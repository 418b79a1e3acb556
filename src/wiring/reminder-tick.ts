/**
 * `reminders:tick` assembled: one planning pass and the weekly digests at an instant, on the
 * same use cases and stores as the service's plan job (src/wiring/reminder-runtime.ts), told by
 * name. A preview runs it inside a transaction that is rolled back, with a queue that enqueues
 * nothing — the same planning, nothing kept; `send` writes the ledger and enqueues the
 * deliveries for the service's workers.
 */
import { createManagerActions } from '../app/manager-actions.js';
import { discardingQueue, type PlanDeps } from '../app/plan-reminders.js';
import { runTick, type TickReport } from '../app/reminder-tick.js';
import { createStatusService } from '../app/status.js';
import { createStatusExporter } from '../exports/status-files.js';
import type { ReminderQueue } from '../ports/reminder-queue.js';
import type { Translator } from '../ports/translator.js';
import type { PrismaClient } from '../storage/database.js';
import { createPrismaManagerStore } from '../storage/manager-store.js';
import { materialiseIfChanged, materialiseYears } from '../storage/materialise-assignments.js';
import { createPrismaReminderLedger } from '../storage/reminder-ledger-store.js';
import {
  createPrismaPlannedRowNames,
  createPrismaReminderPlanning,
} from '../storage/reminder-planning-store.js';
import { createPrismaReminderRecipients } from '../storage/reminder-recipient-store.js';
import { createPrismaReminderViews } from '../storage/reminder-view-store.js';
import { inRolledBackTransaction } from '../storage/rolled-back.js';
import { createPrismaStatusStore } from '../storage/status-store.js';
import { createFixedClock } from './system-clock.js';

/** How a tick runs: a preview keeps nothing; `send` keeps the ledger rows and enqueues them. */
export type TickMode = { kind: 'preview' } | { kind: 'send'; queue: ReminderQueue };

/** The tick at `now` on `prisma`, as `mode` says; the report tells what it planned, by name. */
export function reminderTick(
  deps: { prisma: PrismaClient; translator: Translator; timeZone: string },
  now: Date,
  mode: TickMode,
): Promise<TickReport> {
  if (mode.kind === 'send') {
    return tickOn(deps, deps.prisma, now, mode.queue, (years) => materialiseIfChanged(deps.prisma, years));
  }
  return inRolledBackTransaction(deps.prisma, (tx) =>
    tickOn(deps, tx, now, discardingQueue, (years) => materialiseYears(tx, years)),
  );
}

function tickOn(
  deps: { translator: Translator; timeZone: string },
  prisma: PrismaClient,
  now: Date,
  queue: ReminderQueue,
  materialise: PlanDeps['materialise'],
): Promise<TickReport> {
  const planning = createPrismaReminderPlanning(prisma);
  const recipients = createPrismaReminderRecipients(prisma);
  const managers = createPrismaManagerStore(prisma);
  const statusStore = createPrismaStatusStore(prisma);
  // Example texts read as at the tick's instant ("còn 7 ngày"), as they would be sent then.
  const clock = createFixedClock(now);
  return runTick(
    {
      plan: {
        planning,
        recipients,
        ledger: createPrismaReminderLedger(prisma),
        queue,
        materialise,
        timeZone: deps.timeZone,
      },
      digests: (ledger, at) =>
        createManagerActions({
          managers,
          scopes: statusStore,
          reminders: { ...recipients, insert: ledger.insert },
          queue,
          timeZone: deps.timeZone,
        }).planDigests(at),
      calendar: planning,
      names: createPrismaPlannedRowNames(prisma),
      compose: {
        views: createPrismaReminderViews(prisma),
        recipients,
        managers,
        status: createStatusService({
          store: statusStore,
          clock,
          timeZone: deps.timeZone,
          exporter: createStatusExporter(deps.translator),
        }),
        translator: deps.translator,
        clock,
        timeZone: deps.timeZone,
      },
    },
    now,
  );
}
