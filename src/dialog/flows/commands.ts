/**
 * Slash commands (`/start`, `/huy`, `/trogiup`, `/hanchot`…), typed with or without accents or a
 * platform entity: each is routed to its flow. Commands that need a bound person say so politely
 * to an unbound one.
 */
import { formatDate } from '../../messages/format.js';
import {
  exampleFor,
  focalUnits,
  forExample,
  isPast,
  label,
  reportTitle,
  say,
  type Turn,
  tr,
} from '../context.js';
import { bind } from './binding.js';
import { correct, correctionExample } from './corrections.js';
import { dashboardLink, dashboardSignOut } from './dashboard.js';
import { handoverCommand } from './handover.js';
import { managerCommand } from './manager-actions.js';
import { chooseChannel, chooseLanguage, linkCode, quietHours } from './settings.js';
import { status, statusFile, statusText } from './status.js';
import { advance } from './submission.js';

/** Commands anyone may send, bound or not. */
const OPEN_TO_ALL = new Set(['start', 'huy', 'ngonngu', 'trogiup']);

/** Handles `/name args` (the name already folded to its canonical form by the domain parser). */
export async function onCommand(turn: Turn, name: string, args: string): Promise<void> {
  const known = OPEN_TO_ALL.has(name) || BOUND_COMMANDS.has(name);
  if (!known) return say(turn, tr(turn, 'unknown-command', { command: `/${name.slice(0, 32)}` }));
  if (!OPEN_TO_ALL.has(name) && !turn.binding) return say(turn, tr(turn, 'unbound-only'));
  const personId = turn.binding?.personId ?? 0;
  switch (name) {
    case 'start':
      if (args) return bind(turn, args);
      if (!turn.binding) return say(turn, tr(turn, 'welcome-unbound'));
      return say(turn, tr(turn, 'welcome-bound', { name: turn.binding.fullName, roles: rolesText(turn) }));
    case 'huy': {
      const had = turn.state.flow.k !== 'idle' || turn.state.unitId !== undefined;
      turn.state.flow = { k: 'idle' };
      turn.state.choices = [];
      delete turn.state.unitId;
      return say(turn, tr(turn, had ? 'cancelled' : 'nothing-to-cancel'));
    }
    case 'ngonngu':
      return chooseLanguage(turn);
    case 'trogiup':
      return help(turn);
    case 'hanchot':
      return due(turn);
    case 'sua':
      return correct(turn, args);
    case 'tungchitieu':
      return oneByOne(turn);
    case 'xuat':
    case 'bieudo':
      return statusFile(turn, name, args);
    case 'chitieu':
    case 'tonghop':
      return statusText(turn, name, args);
    case 'tinhhinh': {
      const [duty, period] = args.split(/\s+/).filter(Boolean);
      return status(turn, { dutyCode: duty?.toUpperCase(), periodCode: period });
    }
    case 'lienket':
      return linkCode(turn, personId);
    case 'kenh':
      return chooseChannel(turn, personId);
    case 'giotinh':
      return quietHours(turn, personId, args);
    case 'web':
      return dashboardLink(turn, personId);
    case 'dangxuat':
      return dashboardSignOut(turn, personId);
    case 'bangiao':
      if (!turn.ctx.deps.handover) return say(turn, tr(turn, 'manager-status-coming'));
      return handoverCommand(turn, turn.ctx.deps.handover, args);
    case 'nhac':
    case 'danhac':
    case 'khoa':
    case 'mokhoa':
    case 'chophep':
    case 'tuchoi':
      if (!turn.ctx.deps.actions) return say(turn, tr(turn, 'manager-status-coming'));
      return managerCommand(turn, turn.ctx.deps.actions, name, args);
  }
}

/** Commands only a bound person may use. */
const BOUND_COMMANDS = new Set([
  'hanchot',
  'tungchitieu',
  'sua',
  'xuat',
  'bieudo',
  'chitieu',
  'tonghop',
  'tinhhinh',
  'lienket',
  'kenh',
  'giotinh',
  'nhac',
  'danhac',
  'khoa',
  'mokhoa',
  'chophep',
  'tuchoi',
  'bangiao',
  'web',
  'dangxuat',
]);

/** `/tungchitieu`: the figures still missing from the draft on screen, asked one by one. */
async function oneByOne(turn: Turn): Promise<void> {
  const flow = turn.state.flow;
  const draft = flow.k === 'confirm' || flow.k === 'collect' ? flow.draft : null;
  const a = draft ? await turn.ctx.deps.submissions.get(draft.aid, turn.now) : null;
  if (!draft || !a)
    return say(turn, tr(turn, 'one-by-one-nothing', { example: exampleFor(turn, undefined) }));
  draft.oneByOne = true;
  return advance(turn, a, draft);
}

/** "focal point of X; manager of Y" for the welcome of a bound person. */
function rolesText(turn: Turn): string {
  return (turn.binding?.roles ?? []).map((r) => `${tr(turn, `role-${r.role}`)} ${r.unit.name}`).join('; ');
}

/** `/trogiup`: help for an unbound person, a manager, or a focal point (with their own examples). */
async function help(turn: Turn): Promise<void> {
  if (!turn.binding) return say(turn, tr(turn, 'help-unbound'));
  const focal = turn.binding.roles.filter((r) => r.role === 'focal');
  if (focal.length === 0) {
    return say(
      turn,
      tr(turn, 'help-manager', { unit: turn.binding.roles.map((r) => r.unit.name).join(', ') }),
    );
  }
  const open = await turn.ctx.deps.submissions.openAssignments(
    focal.map((r) => r.unit.id),
    turn.now,
  );
  const withFigures = forExample(turn, open);
  say(
    turn,
    tr(turn, 'help-focal', {
      example: exampleFor(turn, withFigures),
      correction: correctionExample(turn, withFigures),
    }),
  );
}

/** `/hanchot`: each of the person's units with its open reports, what is missing, and if overdue. */
async function due(turn: Turn): Promise<void> {
  const l = turn.locale;
  const units = focalUnits(turn);
  if (units.length === 0) return say(turn, tr(turn, 'manager-cannot-submit'));
  for (const unit of units) {
    const open = await turn.ctx.deps.submissions.openAssignments([unit.id], turn.now);
    if (open.length === 0) {
      say(turn, tr(turn, 'due-none', { unit: unit.name }));
      continue;
    }
    const lines = open.map((a) => {
      const missing = a.indicators.filter(
        (i) => i.required && a.values[i.code] === undefined && !a.declaredNone.includes(i.code),
      );
      let state: string;
      if (a.indicators.length === 0)
        state = tr(turn, a.documentSent ? 'status-document-sent' : 'status-document-only');
      else if (missing.length === 0) state = tr(turn, 'status-complete');
      else state = tr(turn, 'status-missing', { labels: missing.map((i) => label(l, i)).join(', ') });
      if (a.indicators.length > 0 && a.documentSent) state += `; ${tr(turn, 'status-document-sent')}`;
      if (a.state === 'missing' || (a.state === 'pending' && a.dueDate !== null && isPast(turn, a.dueDate))) {
        state += ` (${tr(turn, 'status-overdue')})`;
      }
      // No date yet (a higher body announces it): said so, with when the reminders start.
      if (a.dueDate === null)
        return tr(turn, 'due-line-undated', { report: reportTitle(turn, a, a.periodCode), status: state });
      return tr(turn, 'due-line', {
        report: reportTitle(turn, a, a.periodCode),
        due: formatDate(a.dueDate),
        status: state,
      });
    });
    say(turn, [tr(turn, 'due-title', { unit: unit.name }), ...lines].join('\n'));
  }
}
