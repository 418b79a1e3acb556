import { createHandover } from '../app/handover.js';
import { createStatusService } from '../app/status.js';
import { createDialogEngine, type DialogDeps, type DialogEngine } from '../dialog/engine.js';
import { createStatusExporter } from '../exports/status-files.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../ports/clock.js';
import type { Locale, Translator } from '../ports/translator.js';
import { createPrismaConversationStore } from '../storage/conversation-store.js';
import type { PrismaClient } from '../storage/database.js';
import { createPrismaIdentityStore } from '../storage/identity-store.js';
import { createPrismaInviteRedeemer, createPrismaInviteStore } from '../storage/invite-store.js';
import { createPrismaManagerStore } from '../storage/manager-store.js';
import { createPrismaStatusStore } from '../storage/status-store.js';
import { createPrismaSubmissionStore } from '../storage/submission-store.js';

/** Wires the dialog engine to the Prisma stores (the composition root and tests use it). */
export function createDialogOnPrisma(
  prisma: PrismaClient,
  opts: {
    translator: Translator;
    clock: Clock;
    timeZone: string;
    defaultLocale: Locale;
    logger: Logger;
    token?: DialogDeps['token'];
    /** Managers' actions (nudge, lock, exceptions): they need the reminder queue. */
    actions?: DialogDeps['actions'];
    /** The web dashboard's sign-in links (`/web`, `/dangxuat`). */
    dashboard?: DialogDeps['dashboard'];
  },
): DialogEngine {
  const statusStore = createPrismaStatusStore(prisma);
  return createDialogEngine({
    identities: createPrismaIdentityStore(prisma),
    invites: createPrismaInviteRedeemer(prisma),
    submissions: createPrismaSubmissionStore(prisma, opts.timeZone),
    conversations: createPrismaConversationStore(prisma),
    // `/bangiao`: needs no queue (the successor's code is shown to the manager, not sent).
    handover: createHandover({
      units: createPrismaManagerStore(prisma),
      scopes: statusStore,
      invites: createPrismaInviteStore(prisma),
    }),
    status: createStatusService({
      store: statusStore,
      clock: opts.clock,
      timeZone: opts.timeZone,
      exporter: createStatusExporter(opts.translator),
    }),
    ...opts,
  });
}
