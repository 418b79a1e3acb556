/**
 * One dialog turn without the engine: a `DialogContext` over the real Prisma stores (built as
 * src/wiring/dialog.ts builds the engine's), people bound directly in the database, and a `Turn`
 * for one chat that a flow's exported function can be called on. Tests of a single flow read
 * what a person would notice: `texts(turn)`, `labels(turn)`, `turn.state.flow` and the database.
 */
import { afterAll, beforeAll } from 'vitest';
import { createManagerActions, type ManagerActions } from '../../src/app/manager-actions.js';
import { createStatusService } from '../../src/app/status.js';
import type { DialogContext, Turn } from '../../src/dialog/context.js';
import { type ConversationState, type Draft, initialState } from '../../src/dialog/state.js';
import { createStatusExporter } from '../../src/exports/status-files.js';
import { createTranslator } from '../../src/i18n/fluent.js';
import { createLogger } from '../../src/logging/logger.js';
import type { ChannelName, DialogInput } from '../../src/ports/channel.js';
import type { ReminderQueue } from '../../src/ports/reminder-queue.js';
import type { Locale } from '../../src/ports/translator.js';
import { createPrismaConversationStore } from '../../src/storage/conversation-store.js';
import type { Database, PrismaClient } from '../../src/storage/database.js';
import { createPrismaIdentityStore } from '../../src/storage/identity-store.js';
import { createPrismaInviteRedeemer } from '../../src/storage/invite-store.js';
import { createPrismaManagerStore } from '../../src/storage/manager-store.js';
import { createPrismaReminderLedger } from '../../src/storage/reminder-ledger-store.js';
import { createPrismaReminderRecipients } from '../../src/storage/reminder-recipient-store.js';
import { createPrismaStatusStore } from '../../src/storage/status-store.js';
import { createPrismaSubmissionStore } from '../../src/storage/submission-store.js';
import { createFixedClock } from '../../src/wiring/system-clock.js';
import { openTestDatabase, uniqueCode } from './db.js';
import { makeUnit } from './org.js';

/** The service's time zone in every dialog test. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** 8 July 2027, 09:00 in Hà Nội: BC6T 2027-H1 is open and due on 15 July. */
export const JULY_8_2027 = new Date('2027-07-08T02:00:00Z');

/** The delivery queue of managers' actions, recording what would be queued (no Redis). */
export interface RecordingQueue extends ReminderQueue {
  /** Ledger rows enqueued so far. */
  readonly rows: { id: number; channel: ChannelName }[];
}

/** A queue that only remembers what it was given. */
function recordingQueue(): RecordingQueue {
  const rows: { id: number; channel: ChannelName }[] = [];
  return {
    rows,
    async enqueueDelivery(added) {
      rows.push(...added);
    },
  };
}

/** A dialog context for tests, with the parts a test may look into. */
export interface TestDialog {
  ctx: DialogContext;
  clock: ReturnType<typeof createFixedClock>;
  /** Where managers' actions enqueue their deliveries (when built with `actions`). */
  queue: RecordingQueue;
}

/**
 * A `DialogContext` on the real stores, the real translator, a fixed clock (8 July 2027 unless
 * `now`), a silent logger and tokens `t1`, `t2`… in order. `status` adds the managers' status
 * service, `actions` the managers' actions (on the real ledger, with a recording queue) — each as
 * src/wiring/dialog.ts and src/wiring/reminder-runtime.ts assemble them.
 */
export function dialogContext(
  prisma: PrismaClient,
  opts: { now?: Date; status?: boolean; actions?: boolean; defaultLocale?: Locale } = {},
): TestDialog {
  const clock = createFixedClock(opts.now ?? JULY_8_2027);
  const translator = createTranslator();
  const statusStore = createPrismaStatusStore(prisma);
  const queue = recordingQueue();
  let tokens = 0;
  const actions: ManagerActions | undefined = opts.actions
    ? createManagerActions({
        managers: createPrismaManagerStore(prisma),
        scopes: statusStore,
        reminders: {
          ...createPrismaReminderRecipients(prisma),
          insert: createPrismaReminderLedger(prisma).insert,
        },
        queue,
        timeZone: TIME_ZONE,
      })
    : undefined;
  const ctx: DialogContext = {
    deps: {
      identities: createPrismaIdentityStore(prisma),
      invites: createPrismaInviteRedeemer(prisma),
      submissions: createPrismaSubmissionStore(prisma, TIME_ZONE),
      conversations: createPrismaConversationStore(prisma),
      translator,
      clock,
      timeZone: TIME_ZONE,
      defaultLocale: opts.defaultLocale ?? 'vi',
      logger: createLogger('silent'),
      ...(opts.status
        ? {
            status: createStatusService({
              store: statusStore,
              clock,
              timeZone: TIME_ZONE,
              exporter: createStatusExporter(translator),
            }),
          }
        : {}),
      ...(actions ? { actions } : {}),
    },
    maxText: 2000,
    newToken: () => `t${++tokens}`,
  };
  return { ctx, clock, queue };
}

/** What a test file works on: the run's database and a dialog context over it. */
export interface DialogSuite extends TestDialog {
  readonly prisma: PrismaClient;
}

/**
 * Opens the run's database before this file's tests (closed after them) with a dialog context
 * over it (options as for `dialogContext`). Call at the top of a test file; its fields are ready
 * in `beforeAll` hooks registered after it and in the tests.
 */
export function useDialog(opts: Parameters<typeof dialogContext>[1] = {}): DialogSuite {
  let db: Database | undefined;
  let dialog: TestDialog | undefined;
  const ready = () => {
    if (!db || !dialog) throw new Error('useDialog: the database is opened in beforeAll');
    return { db, dialog };
  };
  beforeAll(async () => {
    db = await openTestDatabase();
    dialog = dialogContext(db.prisma, opts);
  });
  afterAll(async () => {
    await db?.close();
  });
  return {
    get prisma() {
      return ready().db.prisma;
    },
    get ctx() {
      return ready().dialog.ctx;
    },
    get clock() {
      return ready().dialog.clock;
    },
    get queue() {
      return ready().dialog.queue;
    },
  };
}

/** A chat: who writes, on which channel. */
export interface Chat {
  channel: ChannelName;
  chatId: string;
  userId: string;
  displayName?: string;
}

/** A fresh chat on a channel (web by default) nobody else uses. */
export function newChat(channel: ChannelName = 'web', displayName = 'Nguyễn Văn A'): Chat {
  const id = uniqueCode(channel);
  return { channel, chatId: id, userId: id, displayName };
}

/**
 * A person bound on `chat` with roles in units (by id), created directly in the database.
 * Returns the person's id.
 */
export async function bindPerson(
  prisma: PrismaClient,
  chat: Chat,
  roles: { role: 'focal' | 'manager'; unitId: number }[],
  opts: { fullName?: string; locale?: Locale } = {},
): Promise<number> {
  const person = await prisma.person.create({
    data: {
      fullName: opts.fullName ?? 'Nguyễn Văn A',
      locale: opts.locale ?? 'vi',
      identities: {
        create: { channel: chat.channel, externalId: chat.userId, chatId: chat.chatId, verified: true },
      },
      roles: { create: roles },
    },
  });
  return person.id;
}

/** A focal point of two new Cục THADS, "Alpha" and "Beta", bound on a fresh Zalo chat. */
export async function focalOfTwoUnits(prisma: PrismaClient) {
  const tag = uniqueCode('x');
  const alpha = await makeUnit(prisma, 'CUC_THADS', { parent: 'TCTHADS', name: `Cục THADS Alpha ${tag}` });
  const beta = await makeUnit(prisma, 'CUC_THADS', { parent: 'TCTHADS', name: `Cục THADS Beta ${tag}` });
  const chat = newChat('zalo');
  await bindPerson(prisma, chat, [
    { role: 'focal', unitId: alpha.id },
    { role: 'focal', unitId: beta.id },
  ]);
  return { alpha, beta, chat };
}

/**
 * A turn for `chat` with `input` (text, button data or file), as the engine would start it: the
 * binding read with the identity store's `find`, the state given (a previous turn's, to go on)
 * or a fresh one, the locale as the engine picks it. `claim` saves the state optimistically from
 * the conversation's stored version read now, like the engine's.
 */
export async function turnFor(
  ctx: DialogContext,
  chat: Chat,
  input: Pick<DialogInput, 'text' | 'buttonData' | 'file'> = {},
  state: ConversationState = initialState(),
): Promise<Turn> {
  const { deps } = ctx;
  const [binding, stored] = await Promise.all([
    deps.identities.find(chat.channel, chat.userId),
    deps.conversations.load(chat.channel, chat.chatId),
  ]);
  let version = stored?.version ?? 0;
  const full: DialogInput = { ...chat, ...input };
  return {
    ctx,
    input: full,
    state,
    binding,
    locale: binding?.locale ?? state.locale ?? deps.defaultLocale,
    out: [],
    notes: [],
    now: deps.clock.now(),
    claim: async (next) => {
      const ok = await deps.conversations.save(chat.channel, chat.chatId, next, version);
      if (ok) version += 1;
      return ok;
    },
  };
}

/** The next turn of the same chat: the binding read again, the state carried over. */
export function nextTurn(
  previous: Turn,
  input: Pick<DialogInput, 'text' | 'buttonData' | 'file'> = {},
): Promise<Turn> {
  const { channel, chatId, userId, displayName } = previous.input;
  // A JSON round trip, as the engine stores the state between turns.
  const state = JSON.parse(JSON.stringify(previous.state)) as ConversationState;
  return turnFor(
    previous.ctx,
    { channel, chatId, userId, ...(displayName ? { displayName } : {}) },
    input,
    state,
  );
}

/** Every reply text of the turn, one per line. */
export const texts = (turn: Turn): string => turn.out.map((m) => m.text).join('\n');

/** The labels of the buttons offered by the turn's replies, in order. */
export const labels = (turn: Turn): string[] =>
  turn.out.flatMap((m) => m.buttons?.flat() ?? []).map((b) => b.label);

/** The data of the button whose label contains `label` (throws when none). */
export function buttonData(turn: Turn, label: string): string {
  const b = turn.out.flatMap((m) => m.buttons?.flat() ?? []).find((x) => x.label.includes(label));
  if (!b) throw new Error(`no button "${label}" in: ${JSON.stringify(turn.out)}`);
  return b.data;
}

/** The id of a unit's assignment of a duty and period (BC6T 2027-H1 unless told). */
export async function assignmentId(
  prisma: PrismaClient,
  unitId: number,
  duty = 'BC6T',
  period = '2027-H1',
): Promise<number> {
  const a = await prisma.assignment.findFirstOrThrow({
    where: { unitId, duty: { code: duty }, periodCode: period },
    select: { id: true },
  });
  return a.id;
}

/** A draft of values for one assignment, as the submission flow leaves it for confirmation. */
export function draftOf(aid: number, values: Record<string, number>, more: Partial<Draft> = {}): Draft {
  return { aid, values, skipped: [], raw: 'test', reason: null, ambiguous: [], ...more };
}
