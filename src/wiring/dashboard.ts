/**
 * Wires the managers' web dashboard: its use cases on the Prisma stores, and the Fastify plugin
 * on the service's HTTP server.
 */
import { createDashboard, type Dashboard } from '../app/dashboard.js';
import type { ManagerActions } from '../app/manager-actions.js';
import { createStatusService, type StatusService } from '../app/status.js';
import { DASHBOARD_SIGNIN_PATH } from '../dashboard/plugin.js';
import { createStatusExporter } from '../exports/status-files.js';
import type { Clock } from '../ports/clock.js';
import type { Translator } from '../ports/translator.js';
import { createPrismaDashboardSessionStore, createPrismaDashboardStore } from '../storage/dashboard-store.js';
import type { PrismaClient } from '../storage/database.js';
import { createPrismaManagerStore } from '../storage/manager-store.js';
import { createPrismaStatusStore } from '../storage/status-store.js';

/** The dashboard's use cases and the status service its files come from. */
export function createDashboardOnPrisma(
  prisma: PrismaClient,
  opts: {
    translator: Translator;
    clock: Clock;
    timeZone: string;
    actions: ManagerActions;
    baseUrl: string;
  },
): { dashboard: Dashboard; status: StatusService } {
  const scopes = createPrismaStatusStore(prisma);
  const status = createStatusService({
    store: scopes,
    clock: opts.clock,
    timeZone: opts.timeZone,
    exporter: createStatusExporter(opts.translator),
  });
  const dashboard = createDashboard({
    sessions: createPrismaDashboardSessionStore(prisma),
    store: createPrismaDashboardStore(prisma),
    status,
    scopes,
    managers: createPrismaManagerStore(prisma),
    actions: opts.actions,
    clock: opts.clock,
    timeZone: opts.timeZone,
    baseUrl: opts.baseUrl,
    signInPath: DASHBOARD_SIGNIN_PATH,
  });
  return { dashboard, status };
}
