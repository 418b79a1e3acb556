/**
 * The one conversation engine of every channel. Input `{channel, chatId, userId, text |
 * buttonData | file}` → messages `{text, buttons?, file?}`. It imports no channel library;
 * adapters translate. State is persisted per chat with optimistic versions, so a restart or a
 * second instance continues the same conversation.
 */
import { randomBytes } from 'node:crypto';
import { generateInviteCode, hashInviteCode } from '../app/invites.js';
import type { ManagerActions } from '../app/manager-actions.js';
import type { StatusQuery, StatusService } from '../app/status.js';
import { formatValue, normalizeText, type ParseResult, parseFigures } from '../domain/figures/index.js';
import {
  formatQuietHours,
  formatTimeOfDay,
  parseQuietHours,
  QUIET_HOURS_LIMITS,
} from '../domain/quiet-hours.js';
import { parseStatusQuestion } from '../domain/status-question.js';
import {
  type Change,
  changesFrom,
  evaluateTarget,
  findUnusual,
  looksLikeInviteCode,
  parseCommand,
  parseDocumentRef,
  splitReason,
} from '../domain/submission.js';
import { exampleMessage, sampleFor, shortestLabel } from '../messages/examples.js';
import { statusPages, summaryParagraph, targetsText } from '../messages/status-view.js';
import type { Button, DialogInput, OutgoingMessage } from '../ports/channel.js';
import type { Clock } from '../ports/clock.js';
import type { ConversationStore } from '../ports/conversations.js';
import type { Binding, IdentityStore, UnitRef } from '../ports/identities.js';
import type { InviteRedeemer } from '../ports/invites.js';
import type { Logger } from '../ports/logger.js';
import type { AssignmentIndicator, AssignmentView, SubmissionStore } from '../ports/submissions.js';
import type { Locale, Translator } from '../ports/translator.js';
import { type ConversationState, type Draft, type Flow, initialState, readState } from './state.js';

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
  /** Random token for buttons of one step (tests may fix it). */
  token?: () => string;
}

export interface DialogEngine {
  /** Handles one input and returns the replies, in order. Never throws for user input. */
  handle(input: DialogInput): Promise<OutgoingMessage[]>;
}

const BIND_WINDOW_MS = 15 * 60_000;
const SEEN_EVERY_MS = 60 * 60_000;
/** Inputs a chat may send per minute before the bot stops answering for the rest of it. */
const RATE_MAX = 30;
const RATE_WINDOW_MS = 60_000;
const LINK_TTL_MS = 30 * 60_000;
const BIND_MAX_FAILURES = 5;
const SKIP_WORDS = new Set(['bo qua', 'boqua', 'skip', 'bỏ qua', 'khong co', 'không có', '-']);

/** Thrown inside a turn when a stored side effect failed: the person is told to retry. */
class SaveFailedError extends Error {}

interface Turn {
  input: DialogInput;
  state: ConversationState;
  binding: Binding | null;
  locale: Locale;
  out: OutgoingMessage[];
  now: Date;
  /** Persist the state before a side effect (claim), so a double press cannot act twice. */
  claim: (next: ConversationState) => Promise<boolean>;
}

export function createDialogEngine(deps: DialogDeps): DialogEngine {
  const maxText = deps.maxTextLength ?? 2000;
  const newToken = deps.token ?? (() => randomBytes(4).toString('base64url').slice(0, 6));
  const tr = (locale: Locale, id: string, args?: Record<string, string | number>) =>
    deps.translator.t(locale, id, args);

  // ───────────── helpers that render ─────────────

  const label = (l: Locale, i: { labelVi: string; labelEn: string }) => (l === 'vi' ? i.labelVi : i.labelEn);
  const dutyName = (l: Locale, a: AssignmentView) => (l === 'vi' ? a.dutyNameVi : a.dutyNameEn);
  const fmt = (l: Locale, i: AssignmentIndicator, v: number) => formatValue(v, i.kind, l);
  const fmtDate = (isoDate: string) => {
    const [y, m, d] = isoDate.split('-');
    return `${d}/${m}/${y}`;
  };
  const fmtTime = (l: Locale, d: Date) =>
    new Intl.DateTimeFormat(l === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: deps.timeZone,
      hour: '2-digit',
      minute: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(d);

  function targetText(l: Locale, i: AssignmentIndicator): string | null {
    const t = i.target;
    if (!t) return null;
    const f = (v: number | null) => (v === null ? '?' : fmt(l, i, v));
    switch (t.kind) {
      case 'floor':
        return `${t.inclusive ? '≥' : '>'} ${f(t.min)}`;
      case 'ceiling':
        return `${t.inclusive ? '≤' : '<'} ${f(t.max)}`;
      case 'range':
        return `${f(t.min)}–${f(t.max)}`;
      case 'sum':
        return null;
    }
  }

  const exampleFor = (l: Locale, a: AssignmentView | undefined) => exampleMessage(l, a?.indicators ?? []);
  const shortest = shortestLabel;

  function buttons(state: ConversationState, rows: Button[][]): Button[][] {
    state.choices = rows.flat().map((b) => b.data);
    state.choiceLabels = rows.flat().map((b) => normalizeText(b.label));
    return rows;
  }

  const say = (turn: Turn, text: string, rows?: Button[][]) => {
    turn.out.push(rows ? { text, buttons: buttons(turn.state, rows) } : { text });
  };

  const btn = (token: string, action: string, labelText: string, arg?: string | number): Button => ({
    label: labelText,
    data: arg === undefined ? `${token}|${action}` : `${token}|${action}|${arg}`,
  });

  // ───────────── the turn ─────────────

  async function handle(input: DialogInput): Promise<OutgoingMessage[]> {
    const now = deps.clock.now();
    for (let attempt = 0; attempt < 3; attempt++) {
      const [stored, binding] = await Promise.all([
        deps.conversations.load(input.channel, input.chatId),
        deps.identities.find(input.channel, input.userId),
      ]);
      let version = stored?.version ?? 0;
      if (
        attempt === 0 &&
        binding &&
        (binding.blocked ||
          !(binding.lastSeenAt && now.getTime() - binding.lastSeenAt.getTime() < SEEN_EVERY_MS))
      ) {
        // At most once an hour per identity: enough to know which channel a person uses last;
        // at once when it was marked blocked (it unblocked the bot and wrote again).
        await deps.identities
          .touch(input.channel, input.userId, input.chatId, now)
          .catch((err: unknown) => deps.logger.warn({ err: (err as Error).message }, 'touch failed'));
      }
      const state = readState(stored?.state);
      const locale =
        binding?.locale ??
        state.locale ??
        (input.languageHint?.toLowerCase().startsWith('en') ? 'en' : deps.defaultLocale);
      // Per-chat flood limit: beyond RATE_MAX inputs a minute, one polite notice, then silence
      // until the minute has passed (a flood must not get a flood of answers, nor reach the stores).
      const nowMs = now.getTime();
      state.recent = (state.recent ?? []).filter((t) => nowMs - t < RATE_WINDOW_MS && t <= nowMs);
      if (state.recent.length >= RATE_MAX) {
        const notice = state.limitedAt === undefined || nowMs - state.limitedAt >= RATE_WINDOW_MS;
        if (notice) state.limitedAt = nowMs;
        const oldest = Math.min(...state.recent);
        const seconds = Math.max(1, Math.ceil((oldest + RATE_WINDOW_MS - nowMs) / 1000));
        if (await deps.conversations.save(input.channel, input.chatId, state, version)) {
          return notice ? [{ text: tr(locale, 'flood-limited', { seconds }) }] : [];
        }
        continue;
      }
      state.recent.push(nowMs);
      let conflict = false;
      const turn: Turn = {
        input,
        state,
        binding,
        locale,
        out: [],
        now,
        claim: async (next) => {
          const ok = await deps.conversations.save(input.channel, input.chatId, next, version);
          if (ok) version += 1;
          else conflict = true;
          return ok;
        },
      };
      try {
        await route(turn);
      } catch (err) {
        if (err instanceof SaveFailedError) {
          deps.logger.warn(
            { err: (err.cause as Error | undefined)?.message, channel: input.channel },
            'save failed',
          );
          turn.out.push({ text: tr(turn.locale, 'save-failed') });
          // Keep the confirmation on screen so it can be pressed again after recovery.
          return turn.out;
        }
        throw err;
      }
      if (conflict) {
        if (turn.out.length > 0) return turn.out;
        continue; // someone else handled this chat meanwhile: redo with fresh state
      }
      const saved = await deps.conversations.save(input.channel, input.chatId, turn.state, version);
      if (saved) return turn.out;
      deps.logger.debug({ channel: input.channel }, 'conversation changed meanwhile, retrying turn');
    }
    return [{ text: tr(deps.defaultLocale, 'already-handled') }];
  }

  async function route(turn: Turn): Promise<void> {
    const { input, state } = turn;
    let text = input.text?.normalize('NFC') ?? '';
    if (text.length > maxText) {
      text = text.slice(0, maxText);
      say(turn, tr(turn.locale, 'text-too-long', { max: maxText }));
    }
    if (input.buttonData !== undefined) return onButton(turn, input.buttonData.slice(0, 64));
    // A digit answers the last numbered choices (text-only channels).
    const digit = /^\s*(\d{1,2})\s*\.?\s*$/.exec(text);
    if (digit && state.choices.length > 0 && state.flow.k !== 'collect') {
      const data = state.choices[Number(digit[1]) - 1];
      if (data) return onButton(turn, data);
    }
    // …or with the choice's word ("xác nhận", "sua"), as typed on a text-only channel.
    if (state.choices.length > 0 && text.length <= 40) {
      const word = normalizeText(text);
      const i = word ? (state.choiceLabels ?? []).indexOf(word) : -1;
      const data = i >= 0 ? state.choices[i] : undefined;
      if (data) return onButton(turn, data);
    }
    const command = text ? parseCommand(text) : null;
    if (command) return onCommand(turn, command.name, command.args);
    if (input.file)
      return onDocument(turn, { kind: 'file', name: input.file.name.slice(0, 200), ref: input.file.ref });
    if (!turn.binding) {
      if (looksLikeInviteCode(text)) return bind(turn, text);
      return say(turn, tr(turn.locale, 'unbound-only'));
    }
    if (looksLikeInviteCode(text)) return bind(turn, text);
    if (!text.trim())
      return say(turn, tr(turn.locale, 'not-understood', { example: exampleFor(turn.locale, undefined) }));
    return onText(turn, text);
  }

  // ───────────── commands ─────────────

  async function onCommand(turn: Turn, name: string, args: string): Promise<void> {
    const l = turn.locale;
    switch (name) {
      case 'start':
        if (args) return bind(turn, args);
        if (!turn.binding) return say(turn, tr(l, 'welcome-unbound'));
        return say(turn, tr(l, 'welcome-bound', { name: turn.binding.fullName, roles: rolesText(turn) }));
      case 'huy': {
        const had = turn.state.flow.k !== 'idle' || turn.state.unitId !== undefined;
        turn.state.flow = { k: 'idle' };
        turn.state.choices = [];
        delete turn.state.unitId;
        return say(turn, tr(l, had ? 'cancelled' : 'nothing-to-cancel'));
      }
      case 'ngonngu': {
        const token = newToken();
        return say(turn, tr(l, 'lang-choose'), [
          [btn(token, 'lang', tr(l, 'btn-lang-vi'), 'vi'), btn(token, 'lang', tr(l, 'btn-lang-en'), 'en')],
        ]);
      }
      case 'trogiup':
        return help(turn);
      case 'hanchot':
        if (!turn.binding) return say(turn, tr(l, 'unbound-only'));
        return due(turn);
      case 'sua': {
        if (!turn.binding) return say(turn, tr(l, 'unbound-only'));
        if (args.trim()) return onText(turn, args, true);
        const units = await focalUnits(turn);
        const open = units.length
          ? await deps.submissions.openAssignments(
              units.map((u) => u.id),
              turn.now,
            )
          : [];
        return say(turn, tr(l, 'sua-how', { example: correctionExample(l, open[0]) }));
      }
      case 'xuat':
      case 'bieudo': {
        if (!turn.binding) return say(turn, tr(l, 'unbound-only'));
        if (!deps.status) return say(turn, tr(l, 'manager-status-coming'));
        // [duty] [period] [indicator], e.g. "/bieudo BC6T 2027-H1 thads_viec".
        const words = args.split(/\s+/).filter(Boolean).slice(0, 3);
        const period = words.find((w) => /^\d{4}(-H[12])?$/i.test(w))?.toUpperCase();
        const [duty, indicatorWord] = words.filter((w) => w.toUpperCase() !== period);
        const indicator = indicatorWord?.toLowerCase();
        const q = { dutyCode: duty?.toUpperCase(), periodCode: period };
        const result =
          name === 'xuat'
            ? await deps.status.xlsxFor(turn.binding.personId, q, l)
            : await deps.status.chartFor(turn.binding.personId, q, l, indicator);
        if (!result.ok) return statusRefusal(turn, result);
        const report = result.report;
        turn.out.push({
          text: tr(l, name === 'xuat' ? 'export-caption' : 'chart-caption', {
            duty: l === 'vi' ? report.dutyNameVi : report.dutyNameEn,
            period: report.periodCode,
          }),
          file: result.file,
        });
        return;
      }
      case 'chitieu':
      case 'tonghop': {
        if (!turn.binding) return say(turn, tr(l, 'unbound-only'));
        if (!deps.status) return say(turn, tr(l, 'manager-status-coming'));
        const [duty, period] = args.split(/\s+/).filter(Boolean);
        const result = await deps.status.forPerson(turn.binding.personId, {
          dutyCode: duty?.toUpperCase(),
          periodCode: period?.toUpperCase(),
        });
        if (!result.ok) return statusRefusal(turn, result);
        const today = new Intl.DateTimeFormat('en-CA', { timeZone: deps.timeZone }).format(turn.now);
        return say(
          turn,
          name === 'chitieu'
            ? targetsText(result.report, l, (id, a) => tr(l, id, a))
            : summaryParagraph(result.report, l, (id, a) => tr(l, id, a), today),
        );
      }
      case 'tinhhinh': {
        if (!turn.binding) return say(turn, tr(l, 'unbound-only'));
        const [duty, period] = args.split(/\s+/).filter(Boolean);
        return status(turn, { dutyCode: duty?.toUpperCase(), periodCode: period });
      }
      case 'lienket': {
        if (!turn.binding) return say(turn, tr(l, 'unbound-only'));
        const code = generateInviteCode();
        await save(() =>
          deps.identities.createLinkCode(
            turn.binding!.personId,
            hashInviteCode(code),
            new Date(turn.now.getTime() + LINK_TTL_MS),
          ),
        );
        return say(turn, tr(l, 'link-code', { code, minutes: LINK_TTL_MS / 60_000 }));
      }
      case 'kenh': {
        if (!turn.binding) return say(turn, tr(l, 'unbound-only'));
        const { channels, preferred } = await deps.identities.channelsOf(turn.binding.personId);
        const token = newToken();
        turn.state.flow = { k: 'channel', token };
        return say(
          turn,
          tr(l, 'channel-choose', {
            current: preferred ? tr(l, `channel-${preferred}`) : tr(l, 'channel-last-used'),
          }),
          [
            [btn(token, 'chan', tr(l, 'channel-last-used'), 'last')],
            ...channels.map((c) => [btn(token, 'chan', tr(l, `channel-${c}`), c)]),
          ],
        );
      }
      case 'giotinh':
        if (!turn.binding) return say(turn, tr(l, 'unbound-only'));
        return quietHours(turn, turn.binding.personId, args);
      case 'nhac':
      case 'danhac':
      case 'khoa':
      case 'mokhoa':
      case 'chophep':
      case 'tuchoi':
        if (!turn.binding) return say(turn, tr(l, 'unbound-only'));
        if (!deps.actions) return say(turn, tr(l, 'manager-status-coming'));
        return managerCommand(turn, deps.actions, name, args);
      default:
        return say(turn, tr(l, 'unknown-command', { command: `/${name.slice(0, 32)}` }));
    }
  }

  /**
   * /giotinh (/quiet): alone, shows the person's daily quiet hours and how to change them;
   * with a period (`12:00-13:30`, `22h-6h`) sets them; with `tắt`/`off` clears them. Quiet hours
   * only delay reminders (the cap in the domain keeps them from becoming an opt-out).
   */
  async function quietHours(turn: Turn, personId: number, args: string): Promise<void> {
    const l = turn.locale;
    const limits = {
      total: QUIET_HOURS_LIMITS.maxTotal / 60,
      office: QUIET_HOURS_LIMITS.maxInWorkingWindow / 60,
      window: formatQuietHours({ from: QUIET_HOURS_LIMITS.workingFrom, to: QUIET_HOURS_LIMITS.workingTo }),
    };
    const parsed = parseQuietHours(args);
    if (!parsed.ok && parsed.reason === 'empty') {
      const current = await deps.identities.quietHoursOf(personId);
      const setting = current
        ? tr(l, 'quiet-current', { range: formatQuietHours(current) })
        : tr(l, 'quiet-none');
      return say(turn, `${setting}\n${tr(l, 'quiet-how', limits)}`);
    }
    if (!parsed.ok) {
      const id = parsed.reason === 'too_long' ? 'quiet-too-long' : 'quiet-format';
      return say(turn, tr(l, id, { ...limits, text: args.slice(0, 40) }));
    }
    const value = parsed.value;
    await save(() => deps.identities.setQuietHours(personId, value));
    if (!value) return say(turn, tr(l, 'quiet-cleared'));
    return say(turn, tr(l, 'quiet-set', { range: formatQuietHours(value), end: formatTimeOfDay(value.to) }));
  }

  function rolesText(turn: Turn): string {
    return (turn.binding?.roles ?? [])
      .map((r) => `${tr(turn.locale, `role-${r.role}`)} ${r.unit.name}`)
      .join('; ');
  }

  function correctionExample(l: Locale, a: AssignmentView | undefined): string {
    const i = a?.indicators[1] ?? a?.indicators[0];
    if (!i)
      return l === 'vi'
        ? 'sửa về tiền thành 47,1 vì Cục đã rà soát lại'
        : 'sửa về tiền 47.1 because we re-checked';
    // A value the indicator takes: `có` for yes/no, money in đồng, a count within its bounds.
    const value = i.kind === 'percent' ? (l === 'vi' ? '47,1%' : '47.1%') : (sampleFor(i, 2, l)?.text ?? '3');
    return l === 'vi'
      ? `/sua ${shortest(i)} thành ${value} vì đơn vị đã rà soát lại`
      : `/sua ${shortest(i)} ${value} because we re-checked`;
  }

  async function help(turn: Turn): Promise<void> {
    const l = turn.locale;
    if (!turn.binding) return say(turn, tr(l, 'help-unbound'));
    const focal = turn.binding.roles.filter((r) => r.role === 'focal');
    if (focal.length === 0) {
      return say(
        turn,
        tr(l, 'help-manager', { unit: turn.binding.roles.map((r) => r.unit.name).join(', ') }),
      );
    }
    const open = await deps.submissions.openAssignments(
      focal.map((r) => r.unit.id),
      turn.now,
    );
    const withFigures = forExample(open, turn.now);
    return say(
      turn,
      tr(l, 'help-focal', {
        example: exampleFor(l, withFigures),
        correction: correctionExample(l, withFigures),
      }),
    );
  }

  async function due(turn: Turn): Promise<void> {
    const l = turn.locale;
    const units = await focalUnits(turn);
    if (units.length === 0) return say(turn, tr(l, 'manager-cannot-submit'));
    const today = turn.now;
    for (const unit of units) {
      const open = await deps.submissions.openAssignments([unit.id], today);
      if (open.length === 0) {
        say(turn, tr(l, 'due-none', { unit: unit.name }));
        continue;
      }
      const lines = open.map((a) => {
        const missing = a.indicators.filter((i) => i.required && a.values[i.code] === undefined);
        let status: string;
        if (a.indicators.length === 0)
          status = tr(l, a.documentSent ? 'status-document-sent' : 'status-document-only');
        else if (missing.length === 0) status = tr(l, 'status-complete');
        else status = tr(l, 'status-missing', { labels: missing.map((i) => label(l, i)).join(', ') });
        if (a.indicators.length > 0 && a.documentSent) status += `; ${tr(l, 'status-document-sent')}`;
        if (
          a.state === 'missing' ||
          (a.state === 'pending' && a.dueDate !== null && isPast(a.dueDate, turn.now))
        ) {
          status += ` (${tr(l, 'status-overdue')})`;
        }
        return tr(l, 'due-line', {
          duty: dutyName(l, a),
          period: a.periodCode,
          due: a.dueDate ? fmtDate(a.dueDate) : tr(l, 'due-no-date'),
          status,
        });
      });
      say(turn, [tr(l, 'due-title', { unit: unit.name }), ...lines].join('\n'));
    }
  }

  /** The report to draw examples from: the next one due, else any with figures. */
  function forExample(open: AssignmentView[], now: Date): AssignmentView | undefined {
    const withFigures = open.filter((a) => a.indicators.length > 0);
    return withFigures.find((a) => a.dueDate !== null && !isPast(a.dueDate, now)) ?? withFigures[0];
  }

  function isPast(dueDate: string, now: Date): boolean {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: deps.timeZone }).format(now);
    return today > dueDate;
  }

  // ───────────── binding ─────────────

  async function bind(turn: Turn, code: string): Promise<void> {
    const l = turn.locale;
    const nowMs = turn.now.getTime();
    turn.state.bindFailures = turn.state.bindFailures.filter((t) => nowMs - t < BIND_WINDOW_MS);
    if (turn.state.bindFailures.length >= BIND_MAX_FAILURES) {
      const oldest = Math.min(...turn.state.bindFailures);
      const minutes = Math.max(1, Math.ceil((oldest + BIND_WINDOW_MS - nowMs) / 60_000));
      return say(turn, tr(l, 'bind-rate-limited', { minutes }));
    }
    const cleaned = code.trim().slice(0, 40);
    if (!/^[A-Za-z0-9][A-Za-z0-9 -]{5,38}$/.test(cleaned)) {
      turn.state.bindFailures.push(nowMs);
      return say(turn, tr(l, 'bind-unknown'));
    }
    const result = await deps.invites.redeem({
      codeHash: hashInviteCode(cleaned),
      channel: turn.input.channel,
      externalId: turn.input.userId,
      chatId: turn.input.chatId,
      displayName: turn.input.displayName ?? null,
      locale: l,
      now: turn.now,
    });
    if (!result.ok && result.reason === 'unknown') {
      // Not an invite: maybe a link code from the same person's other channel.
      const link = await deps.identities.redeemLinkCode({
        codeHash: hashInviteCode(cleaned),
        channel: turn.input.channel,
        externalId: turn.input.userId,
        chatId: turn.input.chatId,
        displayName: turn.input.displayName ?? null,
        now: turn.now,
      });
      if (link.ok) {
        turn.state.bindFailures = [];
        turn.state.flow = { k: 'idle' };
        return say(
          turn,
          tr(l, 'link-ok', { name: link.fullName, channel: tr(l, `channel-${turn.input.channel}`) }),
        );
      }
      if (link.reason !== 'unknown') {
        turn.state.bindFailures.push(nowMs);
        return say(turn, tr(l, `link-${link.reason}`));
      }
    }
    if (!result.ok) {
      turn.state.bindFailures.push(nowMs);
      return say(turn, tr(l, `bind-${result.reason}`));
    }
    turn.state.bindFailures = [];
    turn.state.flow = { k: 'idle' };
    delete turn.state.unitId;
    const roleText = tr(l, `role-${result.role}`);
    if (result.handedOverFrom) {
      say(
        turn,
        tr(l, 'bind-ok-handover', {
          unit: result.unit.name,
          previous: result.handedOverFrom,
          date: fmtTime(l, turn.now),
        }),
      );
    } else {
      say(turn, tr(l, 'bind-ok', { role: roleText, unit: result.unit.name }));
    }
    if (result.role === 'focal') {
      const open = await deps.submissions.openAssignments([result.unit.id], turn.now);
      say(
        turn,
        tr(l, 'bind-ok-next', {
          example: exampleFor(
            l,
            open.find((a) => a.indicators.length > 0),
          ),
        }),
      );
    }
  }

  // ───────────── units and assignments ─────────────

  async function focalUnits(turn: Turn): Promise<UnitRef[]> {
    return (turn.binding?.roles ?? []).filter((r) => r.role === 'focal').map((r) => r.unit);
  }

  /** The unit this message is for, or null after asking which (the text is kept). */
  async function chooseUnit(turn: Turn, text: string): Promise<UnitRef | null> {
    const units = await focalUnits(turn);
    if (units.length === 1) return units[0]!;
    const chosen = units.find((u) => u.id === turn.state.unitId);
    if (chosen) return chosen;
    const token = newToken();
    turn.state.flow = {
      k: 'pick_unit',
      token,
      text: text.slice(0, maxText),
      unitIds: units.map((u) => u.id),
    };
    say(
      turn,
      tr(turn.locale, 'pick-unit'),
      units.map((u) => [btn(token, 'unit', u.name, u.id)]),
    );
    return null;
  }

  // ───────────── free text ─────────────

  async function onText(turn: Turn, text: string, correction = false): Promise<void> {
    const l = turn.locale;
    const flow = turn.state.flow;
    if (flow.k === 'reason') {
      flow.draft.reason = text.trim().slice(0, 500);
      return confirmDraft(turn, flow.draft);
    }
    if (flow.k === 'collect') return collectText(turn, flow, text);
    const units = await focalUnits(turn);
    const question = parseStatusQuestion(text);
    if (question && (units.length === 0 || turn.binding?.roles.some((r) => r.role !== 'focal'))) {
      return status(turn, question);
    }
    if (units.length === 0) return say(turn, tr(l, 'manager-cannot-submit'));
    const doc = parseDocumentRef(text);
    if (doc) {
      return onDocument(turn, { kind: 'number', number: doc.number, date: doc.date });
    }
    const unit = await chooseUnit(turn, text);
    if (!unit) return;
    return figuresForUnit(turn, unit, text, correction);
  }

  async function figuresForUnit(
    turn: Turn,
    unit: UnitRef,
    text: string,
    _correction: boolean,
  ): Promise<void> {
    const l = turn.locale;
    const open = await deps.submissions.openAssignments([unit.id], turn.now);
    if (open.length === 0) return say(turn, tr(l, 'no-open-assignment', { unit: unit.name }));
    const withFigures = open.filter((a) => a.indicators.length > 0);
    if (withFigures.length === 0) return say(turn, tr(l, 'no-figures-for-unit', { unit: unit.name }));
    const { figures, reason } = splitReason(text);
    const parsed = withFigures.map((a) => ({ a, r: parseFigures(figures, a.indicators) }));
    const matching = parsed.filter(({ r }) => hits(r) > 0);
    if (matching.length === 0) {
      const unlabelled = parsed[0]?.r.unlabelled ?? [];
      if (unlabelled.length > 0) {
        return say(
          turn,
          tr(l, 'unlabelled', {
            numbers: unlabelled.map((u) => u.raw).join(', '),
            example: exampleFor(l, withFigures[0]),
          }),
        );
      }
      return say(turn, tr(l, 'not-understood', { example: exampleFor(l, withFigures[0]) }));
    }
    if (matching.length > 1) {
      const token = newToken();
      turn.state.flow = {
        k: 'pick_assignment',
        token,
        text: text.slice(0, maxText),
        ids: matching.map((m) => m.a.id),
        purpose: 'figures',
      };
      return say(
        turn,
        tr(l, 'pick-assignment'),
        matching.map(({ a }) => [
          btn(token, 'asg', tr(l, 'assignment-label', { duty: dutyName(l, a), period: a.periodCode }), a.id),
        ]),
      );
    }
    const { a, r } = matching[0]!;
    return startDraft(turn, a, r, text, reason);
  }

  const hits = (r: ParseResult) => Object.keys(r.values).length + r.invalid.length + r.ambiguous.length;

  async function startDraft(
    turn: Turn,
    a: AssignmentView,
    r: ParseResult,
    raw: string,
    reason: string | null,
  ): Promise<void> {
    reportInvalid(turn, a, r);
    const draft: Draft = {
      aid: a.id,
      values: { ...r.values },
      skipped: [],
      raw: raw.slice(0, maxText),
      reason,
      ambiguous: r.ambiguous.slice(0, 5),
    };
    return advance(turn, a, draft);
  }

  function reportInvalid(turn: Turn, a: AssignmentView, r: ParseResult): void {
    const l = turn.locale;
    for (const inv of r.invalid) {
      const ind = a.indicators.find((i) => i.code === inv.code);
      if (!ind) continue;
      say(
        turn,
        tr(l, 'invalid-value', {
          label: label(l, ind),
          raw: inv.raw,
          reason: tr(l, `reason-${inv.reason}`, {
            max: ind.max === null || ind.max === undefined ? '' : fmt(l, ind, ind.max),
            min: ind.min === null || ind.min === undefined ? '' : fmt(l, ind, ind.min),
          }),
        }),
      );
    }
  }

  /** Next step for a draft: resolve ambiguity, ask what is missing, ask a reason, confirm. */
  async function advance(turn: Turn, a: AssignmentView, draft: Draft): Promise<void> {
    const l = turn.locale;
    const token = newToken();
    const amb = draft.ambiguous[0];
    if (amb) {
      const ind = a.indicators.find((i) => i.code === amb.code)!;
      turn.state.flow = { k: 'collect', token, draft, asking: null, editing: false };
      return say(turn, tr(l, 'ambiguous-ask', { raw: amb.raw, label: label(l, ind) }), [
        amb.candidates.slice(0, 4).map((c, n) => btn(token, 'amb', fmt(l, ind, c), n)),
        [btn(token, 'cancel', tr(l, 'btn-cancel'))],
      ]);
    }
    // Missing figures are asked for on a first submission only; later messages add or correct.
    const firstSubmission = Object.keys(a.values).length === 0;
    const missing = a.indicators.find(
      (i) =>
        firstSubmission &&
        i.required &&
        draft.values[i.code] === undefined &&
        a.values[i.code] === undefined &&
        !draft.skipped.includes(i.code),
    );
    if (missing) {
      turn.state.flow = { k: 'collect', token, draft, asking: missing.code, editing: false };
      const unitText =
        missing.kind === 'percent'
          ? ' (%)'
          : (l === 'vi' ? missing.unitVi : missing.unitEn)
            ? ` (${l === 'vi' ? missing.unitVi : missing.unitEn})`
            : '';
      return say(turn, tr(l, 'ask-missing', { label: label(l, missing), unit: unitText }), [
        [btn(token, 'skip', tr(l, 'btn-skip'), missing.code), btn(token, 'cancel', tr(l, 'btn-cancel'))],
      ]);
    }
    const changes = changesFrom(
      a.values,
      draft.values,
      a.indicators.map((i) => i.code),
    );
    if (changes.length === 0) {
      turn.state.flow = { k: 'idle' };
      turn.state.choices = [];
      return say(turn, tr(l, 'not-understood', { example: exampleFor(l, a) }));
    }
    if (changes.some((c) => c.old !== null) && !draft.reason) {
      turn.state.flow = { k: 'reason', token, draft };
      return say(turn, tr(l, 'ask-reason'), [[btn(token, 'cancel', tr(l, 'btn-cancel'))]]);
    }
    return confirmDraft(turn, draft, a);
  }

  async function confirmDraft(turn: Turn, draft: Draft, known?: AssignmentView): Promise<void> {
    const l = turn.locale;
    // The full view: previous period and peers, for the "please check" read-back.
    const a = known
      ? await deps.submissions.withContext(known)
      : await deps.submissions.get(draft.aid, turn.now);
    if (!a) {
      turn.state.flow = { k: 'idle' };
      return say(turn, tr(l, 'stale-button'));
    }
    const changes = changesFrom(
      a.values,
      draft.values,
      a.indicators.map((i) => i.code),
    );
    const token = newToken();
    turn.state.flow = { k: 'confirm', token, draft };
    const lines = [tr(l, 'confirm-title', { duty: dutyName(l, a), period: a.periodCode, unit: a.unit.name })];
    for (const c of changes) {
      const ind = a.indicators.find((i) => i.code === c.code)!;
      let line = tr(l, c.old === null ? 'confirm-line' : 'confirm-line-change', {
        label: label(l, ind),
        value: fmt(l, ind, c.new),
        old: c.old === null ? '' : fmt(l, ind, c.old),
      });
      const tt = targetText(l, ind);
      if (ind.target && tt) {
        const status = evaluateTarget(ind.target, c.new);
        if (status === 'met') line += ` — ${tr(l, 'target-met', { target: tt })}`;
        else if (status === 'exceeded') line += ` — ${tr(l, 'target-exceeded', { target: tt })}`;
        else if (status === 'not_met') line += ` — ${tr(l, 'target-not-met', { target: tt })}`;
      }
      lines.push(line);
    }
    const kinds = Object.fromEntries(a.indicators.map((i) => [i.code, i.kind]));
    const proposed = Object.fromEntries(changes.map((c: Change) => [c.code, c.new]));
    for (const u of findUnusual(proposed, kinds, a.previous, a.peerMedian)) {
      const ind = a.indicators.find((i) => i.code === u.code)!;
      lines.push(
        tr(l, u.against === 'previous' ? 'unusual-previous' : 'unusual-peers', {
          label: label(l, ind),
          value: fmt(l, ind, u.value),
          reference: fmt(l, ind, u.reference),
        }),
      );
    }
    if (draft.skipped.length > 0) {
      lines.push(
        tr(l, 'confirm-skipped', {
          labels: draft.skipped
            .map((code) => a.indicators.find((i) => i.code === code))
            .filter((i): i is AssignmentIndicator => i !== undefined)
            .map((i) => label(l, i))
            .join(', '),
        }),
      );
    }
    if (draft.reason && changes.some((c) => c.old !== null))
      lines.push(tr(l, 'confirm-reason', { reason: draft.reason }));
    lines.push(tr(l, 'confirm-question'));
    return say(turn, lines.join('\n'), [
      [
        btn(token, 'ok', tr(l, 'btn-confirm')),
        btn(token, 'edit', tr(l, 'btn-edit')),
        btn(token, 'cancel', tr(l, 'btn-cancel')),
      ],
    ]);
  }

  async function collectText(turn: Turn, flow: Extract<Flow, { k: 'collect' }>, text: string): Promise<void> {
    const l = turn.locale;
    const a = await deps.submissions.get(flow.draft.aid, turn.now);
    if (!a) {
      turn.state.flow = { k: 'idle' };
      return say(turn, tr(l, 'stale-button'));
    }
    const draft = flow.draft;
    const folded = text.trim().toLowerCase().normalize('NFC');
    if (flow.asking && SKIP_WORDS.has(folded)) {
      draft.skipped.push(flow.asking);
      return advance(turn, a, draft);
    }
    const { figures, reason } = splitReason(text);
    if (reason) draft.reason = reason;
    const r = parseFigures(figures, a.indicators);
    reportInvalid(turn, a, r);
    let got = Object.keys(r.values).length + r.ambiguous.length;
    Object.assign(draft.values, r.values);
    draft.ambiguous.push(...r.ambiguous.slice(0, 5));
    // A bare number answers the indicator being asked.
    if (got === 0 && flow.asking && r.unlabelled.length === 1 && r.invalid.length === 0) {
      const asked = a.indicators.find((i) => i.code === flow.asking)!;
      const only = parseFigures(`${shortest(asked)} ${r.unlabelled[0]!.raw}`, [asked]);
      reportInvalid(turn, a, only);
      Object.assign(draft.values, only.values);
      draft.ambiguous.push(...only.ambiguous);
      got = Object.keys(only.values).length + only.ambiguous.length;
      if (got === 0 && only.invalid.length > 0) return;
    }
    draft.raw = `${draft.raw}\n${text}`.slice(-maxText);
    if (got === 0 && r.invalid.length === 0) {
      say(turn, tr(l, 'not-understood', { example: exampleFor(l, a) }));
      if (flow.asking) return advance(turn, a, draft);
      return;
    }
    return advance(turn, a, draft);
  }

  // ───────────── managers' status ─────────────

  function statusRefusal(
    turn: Turn,
    result: { reason: string; dutyCode?: string | undefined; periodCode?: string | undefined },
  ): void {
    const l = turn.locale;
    turn.state.flow = { k: 'idle' };
    const args = { duty: result.dutyCode ?? '', period: result.periodCode ?? '' };
    const id =
      result.reason === 'no_scope'
        ? 'status-no-scope'
        : result.reason === 'nothing_due'
          ? 'status-nothing'
          : result.reason === 'empty'
            ? 'status-none'
            : result.reason === 'unknown_indicator'
              ? 'chart-unknown-indicator'
              : 'status-unknown-duty';
    say(turn, tr(l, id, args));
  }

  async function status(turn: Turn, q: StatusQuery, page = 0): Promise<void> {
    const l = turn.locale;
    if (!deps.status) return say(turn, tr(l, 'manager-status-coming'));
    const result = await deps.status.forPerson(turn.binding!.personId, q);
    if (!result.ok) {
      turn.state.flow = { k: 'idle' };
      if (result.reason === 'no_scope') return say(turn, tr(l, 'status-no-scope'));
      if (result.reason === 'nothing_due') return say(turn, tr(l, 'status-nothing'));
      if (result.reason === 'empty') {
        return say(
          turn,
          tr(l, 'status-none', { duty: result.dutyCode ?? '', period: result.periodCode ?? '' }),
        );
      }
      return say(
        turn,
        tr(l, 'status-unknown-duty', { duty: result.dutyCode ?? '', period: result.periodCode ?? '' }),
      );
    }
    const pages = statusPages(
      result.report,
      l,
      (id, args) => tr(l, id, args),
      result.scope.kind === 'all',
      deps.timeZone,
    );
    const p = Math.min(Math.max(0, page), pages.length - 1);
    const token = newToken();
    turn.state.flow = { k: 'status', token, duty: result.report.dutyCode, period: result.report.periodCode };
    const nav: Button[] = [];
    if (p > 0) nav.push(btn(token, 'stp', tr(l, 'btn-prev-page'), p - 1));
    if (p < pages.length - 1) nav.push(btn(token, 'stp', tr(l, 'btn-next-page'), p + 1));
    return say(turn, pages[p]!, nav.length ? [nav] : undefined);
  }

  // ───────────── documents ─────────────

  type DocumentInput =
    | { kind: 'file'; name: string; ref: string }
    | { kind: 'number'; number: string; date: string | null };

  async function onDocument(turn: Turn, doc: DocumentInput, assignmentId?: number): Promise<void> {
    const l = turn.locale;
    if (!turn.binding) return say(turn, tr(l, 'unbound-only'));
    const units = await focalUnits(turn);
    if (units.length === 0) return say(turn, tr(l, 'manager-cannot-submit'));
    const unitIds =
      turn.state.unitId && units.some((u) => u.id === turn.state.unitId)
        ? [turn.state.unitId]
        : units.map((u) => u.id);
    const open = await deps.submissions.openAssignments(unitIds, turn.now);
    const candidates = assignmentId ? open.filter((a) => a.id === assignmentId) : open;
    if (candidates.length === 0) {
      return say(turn, tr(l, 'no-open-assignment', { unit: units.map((u) => u.name).join(', ') }));
    }
    const refText =
      doc.kind === 'file'
        ? tr(l, 'document-file', { name: doc.name })
        : doc.date
          ? tr(l, 'document-number-date', { number: doc.number, date: fmtDate(doc.date) })
          : tr(l, 'document-number', { number: doc.number });
    if (candidates.length > 1) {
      const token = newToken();
      turn.state.flow = {
        k: 'pick_assignment',
        token,
        text: '',
        ids: candidates.map((a) => a.id),
        purpose: 'document',
        document: JSON.stringify(doc),
      };
      return say(
        turn,
        tr(l, 'pick-assignment-document'),
        candidates.map((a) => [
          btn(
            token,
            'asg',
            `${units.length > 1 ? `${a.unit.code}: ` : ''}${tr(l, 'assignment-label', { duty: dutyName(l, a), period: a.periodCode })}`,
            a.id,
          ),
        ]),
      );
    }
    const a = candidates[0]!;
    const storedRef =
      doc.kind === 'file'
        ? `file:${doc.name} (${doc.ref})`
        : `${doc.number}${doc.date ? ` ${doc.date}` : ''}`;
    const res = await save(() =>
      deps.submissions.recordDocument({
        assignmentId: a.id,
        personId: turn.binding!.personId,
        channel: turn.input.channel,
        ref: storedRef,
        now: turn.now,
      }),
    );
    turn.state.flow = { k: 'idle' };
    if (!res.ok) return refuseSave(turn, a, res.reason);
    return say(
      turn,
      tr(l, 'document-recorded', {
        duty: dutyName(l, a),
        period: a.periodCode,
        unit: a.unit.name,
        ref: refText,
      }),
    );
  }

  async function save<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      throw new SaveFailedError('save failed', { cause: err });
    }
  }

  function refuseSave(turn: Turn, a: AssignmentView, reason: 'locked' | 'not_allowed'): void {
    const l = turn.locale;
    if (reason === 'not_allowed') {
      turn.state.flow = { k: 'idle' };
      say(turn, tr(l, 'save-not-allowed', { unit: a.unit.name }));
      return;
    }
    const token = newToken();
    turn.state.flow = { k: 'locked', token, aid: a.id };
    say(turn, tr(l, 'save-locked', { duty: dutyName(l, a), period: a.periodCode }), [
      [btn(token, 'unlock', tr(l, 'btn-request-unlock')), btn(token, 'cancel', tr(l, 'btn-cancel'))],
    ]);
  }

  // ───────────── managers' actions ─────────────

  async function managerCommand(
    turn: Turn,
    actions: ManagerActions,
    name: string,
    args: string,
  ): Promise<void> {
    const l = turn.locale;
    const personId = turn.binding!.personId;
    const words = args.split(/\s+/).filter(Boolean).slice(0, 12);
    switch (name) {
      case 'nhac': {
        // "/nhac STP_HANOI", "/nhac Sở Tư pháp Hà Nội BC6T": a trailing duty code is optional.
        const last = words.at(-1)?.toUpperCase();
        const duty =
          words.length > 1 && last && /^[A-Z][A-Z0-9]{2,9}$/.test(last) && last !== words[0]?.toUpperCase()
            ? last
            : undefined;
        const unitQuery = (duty ? words.slice(0, -1) : words).join(' ');
        const r = await save(() => actions.nudge(personId, unitQuery, turn.now, duty));
        if (r.ok) {
          return say(
            turn,
            tr(l, 'nudge-sent', {
              unit: r.unit.name,
              duty: r.dutyCode,
              period: r.periodCode,
              count: r.recipients,
            }),
          );
        }
        if (r.reason === 'nothing_open' || r.reason === 'no_focal' || r.reason === 'already_today')
          return say(turn, tr(l, `nudge-${r.reason}`, { unit: r.unit.name }));
        return unitRefusal(turn, r, 'nhac');
      }
      case 'danhac': {
        const r = await actions.ledger(personId, words.join(' '));
        if (!r.ok) return unitRefusal(turn, r, 'danhac');
        if (r.lines.length === 0) return say(turn, tr(l, 'ledger-none', { unit: r.unit.name }));
        const lines = r.lines.map((x) =>
          tr(l, 'ledger-line', {
            when: fmtTime(l, x.sentAt ?? x.plannedFor),
            kind: tr(l, `ledger-kind-${x.kind}`),
            duty: x.dutyCode ?? '',
            period: x.periodCode ?? '',
            stage: x.stage.startsWith('nudge-') ? '' : x.stage,
            channel: x.channel,
            recipient: x.recipient,
            status: tr(l, `ledger-status-${x.status}`),
          }),
        );
        return say(turn, [tr(l, 'ledger-title', { unit: r.unit.name }), ...lines].join('\n'));
      }
      case 'khoa':
      case 'mokhoa': {
        const period = words.find((w) => /^\d{4}(-H[12])?$/i.test(w))?.toUpperCase();
        const duty = words.find((w) => w.toUpperCase() !== period)?.toUpperCase();
        const r = await save(() =>
          actions.setLock(personId, { dutyCode: duty, periodCode: period }, name === 'khoa', turn.now),
        );
        if (r.ok) {
          return say(
            turn,
            tr(l, name === 'khoa' ? 'lock-done' : 'unlock-done', {
              duty: r.dutyCode,
              period: r.periodCode,
              count: r.count,
            }),
          );
        }
        return say(
          turn,
          tr(l, `lock-${r.reason}`, { duty: r.dutyCode ?? duty ?? '', period: r.periodCode ?? '' }),
        );
      }
      default: {
        const id = /^#?(\d{1,9})$/.exec(words[0] ?? '');
        if (!id) return say(turn, tr(l, 'exception-usage', { command: `/${name}` }));
        return decideException(turn, actions, Number(id[1]), name === 'chophep');
      }
    }
  }

  async function decideException(
    turn: Turn,
    actions: ManagerActions,
    id: number,
    allow: boolean,
  ): Promise<void> {
    const l = turn.locale;
    const r = await save(() => actions.decide(turn.binding!.personId, id, allow, turn.now));
    if (!r.ok) return say(turn, tr(l, `exception-${r.reason}`, { id }));
    const e = r.exception;
    const args = {
      id,
      unit: e.unit.name,
      duty: l === 'vi' ? e.dutyNameVi : e.dutyNameEn,
      period: e.periodCode,
      until: r.openUntil ? fmtTime(l, r.openUntil) : '',
    };
    return say(turn, tr(l, allow ? 'exception-allow-done' : 'exception-refuse-done', args));
  }

  function unitRefusal(
    turn: Turn,
    r: { reason: string; units?: UnitRef[] },
    command: 'nhac' | 'danhac',
  ): void {
    const l = turn.locale;
    if (r.reason === 'ambiguous_unit') {
      const list = (r.units ?? []).map((u) => `• ${u.code} — ${u.name}`).join('\n');
      say(turn, tr(l, 'unit-ambiguous', { command: `/${command}`, list }));
      return;
    }
    say(turn, tr(l, `unit-${r.reason}`, { command: `/${command}` }));
  }

  // ───────────── buttons ─────────────

  async function onButton(turn: Turn, data: string): Promise<void> {
    const l = turn.locale;
    const [token, action, arg] = data.split('|');
    if (action === 'lang' && (arg === 'vi' || arg === 'en')) {
      turn.locale = arg;
      if (turn.binding) await deps.identities.setLocale(turn.binding.personId, arg);
      else turn.state.locale = arg;
      turn.state.choices = [];
      return say(turn, tr(arg, 'lang-set'));
    }
    // Buttons sent out of band (a request reaching a manager): no conversation token; the
    // action is checked against the presser's scope, so forged data gains nothing.
    if (token === 'x' && (action === 'allow' || action === 'refuse') && /^\d{1,9}$/.test(arg ?? '')) {
      if (!turn.binding || !deps.actions) return say(turn, tr(l, 'stale-button'));
      return decideException(turn, deps.actions, Number(arg), action === 'allow');
    }
    const flow = turn.state.flow;
    if (!turn.binding || flow.k === 'idle' || !('token' in flow) || flow.token !== token) {
      return say(turn, tr(l, 'stale-button'));
    }
    turn.state.choices = [];
    if (action === 'cancel') {
      turn.state.flow = { k: 'idle' };
      return say(turn, tr(l, 'cancelled'));
    }
    switch (flow.k) {
      case 'pick_unit': {
        const id = Number(arg);
        const units = await focalUnits(turn);
        const unit = units.find((u) => u.id === id && flow.unitIds.includes(id));
        if (!unit) return say(turn, tr(l, 'stale-button'));
        turn.state.unitId = unit.id;
        turn.state.flow = { k: 'idle' };
        say(turn, tr(l, 'unit-chosen', { unit: unit.name }));
        return onText(turn, flow.text);
      }
      case 'pick_assignment': {
        const id = Number(arg);
        if (!flow.ids.includes(id)) return say(turn, tr(l, 'stale-button'));
        turn.state.flow = { k: 'idle' };
        if (flow.purpose === 'document' && flow.document) {
          return onDocument(turn, JSON.parse(flow.document) as DocumentInput, id);
        }
        const a = await deps.submissions.get(id, turn.now);
        if (!a) return say(turn, tr(l, 'stale-button'));
        const { figures, reason } = splitReason(flow.text);
        return startDraft(turn, a, parseFigures(figures, a.indicators), flow.text, reason);
      }
      case 'collect': {
        const a = await deps.submissions.get(flow.draft.aid, turn.now);
        if (!a) return say(turn, tr(l, 'stale-button'));
        if (action === 'skip' && flow.asking === arg) {
          flow.draft.skipped.push(arg);
          return advance(turn, a, flow.draft);
        }
        if (action === 'amb') {
          const amb = flow.draft.ambiguous.shift();
          const value = amb?.candidates[Number(arg)];
          if (!amb || value === undefined) return say(turn, tr(l, 'stale-button'));
          flow.draft.values[amb.code] = value;
          return advance(turn, a, flow.draft);
        }
        return say(turn, tr(l, 'stale-button'));
      }
      case 'reason':
        return say(turn, tr(l, 'stale-button'));
      case 'confirm': {
        if (action === 'edit') {
          const a = await deps.submissions.get(flow.draft.aid, turn.now);
          turn.state.flow = {
            k: 'collect',
            token: newToken(),
            draft: flow.draft,
            asking: null,
            editing: true,
          };
          return say(turn, tr(l, 'ask-edit', { example: exampleFor(l, a ?? undefined) }));
        }
        if (action !== 'ok') return say(turn, tr(l, 'stale-button'));
        return commit(turn, flow.draft);
      }
      case 'channel': {
        if (action !== 'chan') return say(turn, tr(l, 'stale-button'));
        const chosen = arg === 'telegram' || arg === 'zalo' || arg === 'web' ? arg : null;
        turn.state.flow = { k: 'idle' };
        const ok = await save(() => deps.identities.setPreferredChannel(turn.binding!.personId, chosen));
        if (!ok) return say(turn, tr(l, 'stale-button'));
        return say(
          turn,
          tr(l, 'channel-set', { channel: chosen ? tr(l, `channel-${chosen}`) : tr(l, 'channel-last-used') }),
        );
      }
      case 'status':
        if (action !== 'stp') return say(turn, tr(l, 'stale-button'));
        return status(turn, { dutyCode: flow.duty, periodCode: flow.period }, Number(arg));
      case 'locked': {
        if (action !== 'unlock') return say(turn, tr(l, 'stale-button'));
        const request = { assignmentId: flow.aid, personId: turn.binding!.personId, reason: null };
        turn.state.flow = { k: 'idle' };
        if (deps.actions) {
          const actions = deps.actions;
          const r = await save(() => actions.requestException(request, turn.now));
          return say(turn, tr(l, r.created ? 'unlock-requested' : 'unlock-already-requested'));
        }
        await save(() => deps.submissions.requestUnlock({ ...request, now: turn.now }));
        return say(turn, tr(l, 'unlock-requested'));
      }
    }
  }

  /** Stores a confirmed draft: claim the step first, so a second press cannot store twice. */
  async function commit(turn: Turn, draft: Draft): Promise<void> {
    const l = turn.locale;
    const confirmFlow = turn.state.flow;
    turn.state.flow = { k: 'idle' };
    if (!(await turn.claim(turn.state))) {
      turn.out.push({ text: tr(l, 'already-handled') });
      return;
    }
    const a = await deps.submissions.get(draft.aid, turn.now);
    if (!a) return say(turn, tr(l, 'stale-button'));
    const changes = changesFrom(
      a.values,
      draft.values,
      a.indicators.map((i) => i.code),
    );
    let res: Awaited<ReturnType<SubmissionStore['saveConfirmed']>>;
    try {
      res = await deps.submissions.saveConfirmed({
        assignmentId: a.id,
        personId: turn.binding!.personId,
        channel: turn.input.channel,
        values: changes.map((c) => ({ code: c.code, value: c.new })),
        reason: changes.some((c) => c.old !== null) ? draft.reason : null,
        rawMessage: draft.raw,
        now: turn.now,
        timeZone: deps.timeZone,
      });
    } catch (err) {
      // Put the confirmation back so the same button works after recovery.
      turn.state.flow = confirmFlow;
      await turn.claim(turn.state);
      throw new SaveFailedError('save failed', { cause: err });
    }
    if (!res.ok) return refuseSave(turn, a, res.reason);
    const lines = [
      tr(l, 'saved', {
        count: changes.length,
        unit: a.unit.name,
        duty: dutyName(l, a),
        period: a.periodCode,
        time: fmtTime(l, turn.now),
      }),
    ];
    if (res.complete) {
      lines.push(
        res.state === 'late'
          ? tr(l, 'saved-complete-late', { due: a.dueDate ? fmtDate(a.dueDate) : '' })
          : tr(l, 'saved-complete-on-time'),
      );
    } else {
      const after = { ...a.values, ...draft.values };
      const missing = a.indicators.filter((i) => i.required && after[i.code] === undefined);
      if (missing.length > 0)
        lines.push(tr(l, 'saved-missing', { labels: missing.map((i) => label(l, i)).join(', ') }));
    }
    say(turn, lines.join('\n'));
  }

  return {
    async handle(raw) {
      const input = cleanInput(raw);
      try {
        return await handle(input);
      } catch (err) {
        deps.logger.error({ err, channel: input.channel }, 'dialog turn failed');
        const locale = input.languageHint?.toLowerCase().startsWith('en') ? 'en' : deps.defaultLocale;
        return [{ text: tr(locale, 'system-error') }];
      }
    },
  };
}

export { initialState };

/**
 * Text as PostgreSQL and every later step can hold it: lone UTF-16 surrogates become U+FFFD,
 * NUL and the other control characters (but tab and line breaks) are dropped.
 */
export function cleanText(text: string): string {
  const wellFormed = text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
  return wellFormed.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

function cleanInput(input: DialogInput): DialogInput {
  const out: DialogInput = { ...input, chatId: cleanText(input.chatId), userId: cleanText(input.userId) };
  if (input.text !== undefined) out.text = cleanText(input.text);
  if (input.buttonData !== undefined) out.buttonData = cleanText(input.buttonData);
  if (input.displayName !== undefined) out.displayName = cleanText(input.displayName).slice(0, 200);
  if (input.file)
    out.file = { ...input.file, name: cleanText(input.file.name), ref: cleanText(input.file.ref) };
  return out;
}
