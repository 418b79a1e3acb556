/**
 * What every flow of the dialog shares: the engine's dependencies, the turn being handled, and
 * the small helpers that put a reply on screen (`say`, `btn`) or store a side effect (`save`).
 * Flows are plain modules of functions taking a `Turn`; none holds state of its own.
 */
import type { Dashboard } from '../app/dashboard.js';
import type { Handover } from '../app/handover.js';
import type { ManagerActions } from '../app/manager-actions.js';
import type { StatusService } from '../app/status.js';
import { localDateOf } from '../domain/calendar.js';
import { formatValue, normalizeText } from '../domain/figures/index.js';
import { exampleMessage, managerExample } from '../messages/examples.js';
import { formatDateTime, formatReport } from '../messages/format.js';
import type { Button, DialogInput, OutgoingMessage } from '../ports/channel.js';
import type { Clock } from '../ports/clock.js';
import type { ConversationStore } from '../ports/conversations.js';
import type { Binding, IdentityStore, UnitRef } from '../ports/identities.js';
import type { InviteRedeemer } from '../ports/invites.js';
import type { Logger } from '../ports/logger.js';
import type { AssignmentIndicator, AssignmentView, SubmissionStore } from '../ports/submissions.js';
import type { Locale, Translator } from '../ports/translator.js';
import type { ConversationState } from './state.js';

/** What the dialog engine is built from: stores, use cases, translator, clock and settings. */
export interface DialogDeps {
  identities: IdentityStore;
  invites: InviteRedeemer;
  submissions: SubmissionStore;
  conversations: ConversationStore;
  translator: Translator;
  clock: Clock;
  timeZone: string;
  defaultLocale: Locale;
  logger: Logger;
  /** Longest text read from one message. */
  maxTextLength?: number;
  /** Managers' status (optional: without it, /tinhhinh says the feature is off). */
  status?: StatusService;
  /** Managers' actions: nudges, locks, exceptions, reminder history (optional: off without). */
  actions?: ManagerActions;
  /** Managers' handover of a unit's focal point, `/bangiao` (optional: off without). */
  handover?: Handover;
  /** Managers' web dashboard: `/web` sign-in links, `/dangxuat` (optional: off without). */
  dashboard?: Pick<Dashboard, 'issueLink' | 'signOutEverywhere'>;
  /** Random token for buttons of one step (tests may fix it). */
  token?: () => string;
}

/** The engine's dependencies with its defaults applied, shared by every turn. */
export interface DialogContext {
  deps: DialogDeps;
  /** Longest text read from one message. */
  maxText: number;
  /** A fresh token for the buttons of one step (a press of an older step is stale). */
  newToken: () => string;
}

/** One input being handled: who wrote, their state and language, and the replies so far. */
export interface Turn {
  ctx: DialogContext;
  input: DialogInput;
  state: ConversationState;
  binding: Binding | null;
  locale: Locale;
  out: OutgoingMessage[];
  /**
   * Lines said before the turn's next reply (a refused value, a chosen unit): `say` puts them at
   * the top of its message, so one message from a person gets one coherent reply.
   */
  notes: string[];
  now: Date;
  /** Persist the state before a side effect (claim), so a double press cannot act twice. */
  claim: (next: ConversationState) => Promise<boolean>;
}

/**
 * Thrown inside a turn when a stored side effect failed: the turn core tells the person it was
 * not saved and to try again, and keeps the confirmation on screen.
 */
export class SaveFailedError extends Error {
  override readonly name = 'SaveFailedError';
  readonly code = 'SAVE_FAILED';
}

/** The turn's text in its reader's language. */
export function tr(turn: Turn, id: string, args?: Record<string, string | number>): string {
  return turn.ctx.deps.translator.t(turn.locale, id, args);
}

/** How a reply is shown: whether a figure is expected next, and an example to type. */
export interface SayOptions {
  /** The answer may be a figure: text-only channels list the choices by word, never numbered. */
  expectsFigure?: boolean;
  /** An example of what to type next (the web chat's input placeholder). */
  inputHint?: string;
}

/**
 * Adds a reply, with the turn's pending notes at its top. With buttons, they become the
 * conversation's current choices: a digit (where no figure is expected) or the choice's word
 * typed on a text-only channel answers them.
 */
export function say(turn: Turn, text: string, rows?: Button[][], opts: SayOptions = {}): void {
  const full = turn.notes.length > 0 ? [...turn.notes.splice(0), text].join('\n') : text;
  const message: OutgoingMessage = { text: full };
  if (rows) {
    turn.state.choices = rows.flat().map((b) => b.data);
    turn.state.choiceLabels = rows.flat().map((b) => normalizeText(b.label));
    message.buttons = rows;
  }
  if (opts.expectsFigure) message.expectsFigure = true;
  if (opts.inputHint) message.inputHint = opts.inputHint;
  turn.out.push(message);
}

/** A line said at the top of the turn's next reply (or alone, if nothing else is said). */
export function note(turn: Turn, line: string): void {
  turn.notes.push(line);
}

/** A button of the step `token`: its data is `token|action[|arg]`, at most 64 bytes. */
export function btn(token: string, action: string, labelText: string, arg?: string | number): Button {
  return {
    label: labelText,
    data: arg === undefined ? `${token}|${action}` : `${token}|${action}|${arg}`,
  };
}

/** Runs a store write; a failure becomes a `SaveFailedError` (the person is asked to retry). */
export async function save<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw new SaveFailedError('save failed', { cause: err });
  }
}

/** An indicator's label in the reader's language. */
export const label = (l: Locale, i: { labelVi: string; labelEn: string }) =>
  l === 'vi' ? i.labelVi : i.labelEn;

/** A report's duty name in the reader's language. */
export const dutyName = (l: Locale, a: Pick<AssignmentView, 'dutyNameVi' | 'dutyNameEn'>) =>
  l === 'vi' ? a.dutyNameVi : a.dutyNameEn;

/**
 * A report as the turn's reader names it: its duty's name and its period in words
 * (`Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2027`), given a duty name or an
 * assignment.
 */
export function reportTitle(
  turn: Turn,
  duty: string | Pick<AssignmentView, 'dutyNameVi' | 'dutyNameEn'>,
  periodCode: string,
): string {
  const name = typeof duty === 'string' ? duty : dutyName(turn.locale, duty);
  return formatReport(name, periodCode, (id, args) => tr(turn, id, args));
}

/** An instant as the turn's reader reads it: `12:43 ngày 06/12/2026`, in the service's time zone. */
export function timeOf(turn: Turn, instant: Date): string {
  return formatDateTime(instant, turn.ctx.deps.timeZone, (id, args) => tr(turn, id, args));
}

/** A value of an indicator with its unit, in the reader's convention. */
export const fmt = (l: Locale, i: Pick<AssignmentIndicator, 'kind'>, v: number) => formatValue(v, i.kind, l);

/**
 * An example message for the turn's reader: built from a report's own indicators (and within
 * their targets); without a report, a generic one — or a manager's question for a person who
 * reports nothing.
 */
export function exampleFor(turn: Turn, a: Pick<AssignmentView, 'indicators'> | undefined): string {
  const { translator } = turn.ctx.deps;
  if (!a && turn.binding && !turn.binding.roles.some((r) => r.role === 'focal'))
    return managerExample(translator, turn.locale);
  return exampleMessage(translator, turn.locale, a?.indicators ?? []);
}

/** The units the person of this turn is the focal point of. */
export function focalUnits(turn: Turn): UnitRef[] {
  return (turn.binding?.roles ?? []).filter((r) => r.role === 'focal').map((r) => r.unit);
}

/** True when the deadline `dueDate` (ISO date) has passed in the service's time zone. */
export function isPast(turn: Turn, dueDate: string): boolean {
  return localDateOf(turn.now, turn.ctx.deps.timeZone) > dueDate;
}

/** The report to draw examples from: the next one due, else any with figures. */
export function forExample(turn: Turn, open: AssignmentView[]): AssignmentView | undefined {
  const withFigures = open.filter((a) => a.indicators.length > 0);
  return withFigures.find((a) => a.dueDate !== null && !isPast(turn, a.dueDate)) ?? withFigures[0];
}
