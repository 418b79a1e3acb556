/**
 * Managers' actions, each checked against the person's scope by the use case: `/nhac` nudges a
 * unit (every focal point of it), `/danhac` lists its focal points and what it was sent, `/khoa`
 * and `/mokhoa` lock and reopen a period (Vụ TĐKT), `/chophep N` and `/tuchoi N` decide an
 * exception request (also by button); `/bangiao` is flows/handover.ts. A unit is
 * named by code, name or part of it (the use case resolves it); when several match, each is a
 * button (`x|nhac|<code>`) that runs the command again on it, checked against the scope again.
 */
import type { ManagerActions } from '../../app/manager-actions.js';
import type { Button } from '../../ports/channel.js';
import type { UnitRef } from '../../ports/identities.js';
import { note, reportTitle, save, say, type Turn, timeOf, tr } from '../context.js';

/** The manager commands this flow answers. */
export type ManagerCommand = 'nhac' | 'danhac' | 'khoa' | 'mokhoa' | 'chophep' | 'tuchoi';

/** Runs one manager command with its arguments. */
export async function managerCommand(
  turn: Turn,
  actions: ManagerActions,
  name: ManagerCommand,
  args: string,
): Promise<void> {
  const words = args.split(/\s+/).filter(Boolean).slice(0, 12);
  switch (name) {
    case 'nhac':
      return nudge(turn, actions, words);
    case 'danhac':
      return ledger(turn, actions, words);
    case 'khoa':
    case 'mokhoa':
      return lock(turn, actions, words, name === 'khoa');
    default: {
      const id = /^#?(\d{1,9})$/.exec(words[0] ?? '');
      if (!id) return say(turn, tr(turn, 'exception-usage', { command: `/${name}` }));
      return decideException(turn, actions, Number(id[1]), name === 'chophep');
    }
  }
}

/**
 * `/nhac STP_HANOI`, `/nhac Sở Tư pháp Hà Nội BC6T`, `/nhac bac ninh`: the use case tells a
 * trailing duty code from the last word of a name.
 */
async function nudge(turn: Turn, actions: ManagerActions, words: string[]): Promise<void> {
  const r = await save(() => actions.nudge(turn.binding!.personId, words.join(' '), turn.now));
  if (r.ok) {
    return say(
      turn,
      tr(turn, 'nudge-sent', {
        unit: r.unit.name,
        report: reportTitle(turn, r, r.periodCode),
        count: r.recipients,
      }),
    );
  }
  if (r.reason === 'nothing_open' || r.reason === 'no_focal' || r.reason === 'already_today')
    return say(turn, tr(turn, `nudge-${r.reason}`, { unit: r.unit.name }));
  return unitRefusal(turn, r, 'nhac', 'dutyCode' in r ? r.dutyCode : undefined);
}

/**
 * `/danhac <unit>`: every reminder the unit was sent (when, channel, delivered or not), after
 * the unit's focal points now (when the handover use case is wired) — who the reminders go to.
 */
async function ledger(turn: Turn, actions: ManagerActions, words: string[]): Promise<void> {
  const r = await actions.ledger(turn.binding!.personId, words.join(' '));
  if (!r.ok) return unitRefusal(turn, r, 'danhac');
  const focal = await turn.ctx.deps.handover?.focalPoints(turn.binding!.personId, r.unit.code);
  if (focal?.ok) {
    const names = focal.focalPoints.map((p) => p.fullName).join(', ');
    note(
      turn,
      names
        ? tr(turn, 'ledger-focal', { names, count: focal.focalPoints.length })
        : tr(turn, 'ledger-no-focal'),
    );
  }
  if (r.lines.length === 0) return say(turn, tr(turn, 'ledger-none', { unit: r.unit.name }));
  const lines = r.lines.map((x) =>
    tr(turn, 'ledger-line', {
      when: timeOf(turn, x.sentAt ?? x.plannedFor),
      kind: tr(turn, `ledger-kind-${x.kind}`),
      report:
        x.dutyNameVi !== null && x.dutyNameEn !== null && x.periodCode
          ? reportTitle(turn, { dutyNameVi: x.dutyNameVi, dutyNameEn: x.dutyNameEn }, x.periodCode)
          : '',
      stage: x.stage.startsWith('nudge-') ? '' : x.stage,
      channel: x.channel,
      recipient: x.recipient,
      status: tr(turn, `ledger-status-${x.status}`),
    }),
  );
  say(turn, [tr(turn, 'ledger-title', { unit: r.unit.name }), ...lines].join('\n'));
}

/** `/khoa [duty] [period]` and `/mokhoa`: lock or reopen a period for every unit. */
async function lock(turn: Turn, actions: ManagerActions, words: string[], locked: boolean): Promise<void> {
  const period = words.find((w) => /^\d{4}(-H[12])?$/i.test(w))?.toUpperCase();
  const duty = words.find((w) => w.toUpperCase() !== period)?.toUpperCase();
  const r = await save(() =>
    actions.setLock(turn.binding!.personId, { dutyCode: duty, periodCode: period }, locked, turn.now),
  );
  if (r.ok) {
    return say(
      turn,
      tr(turn, locked ? 'lock-done' : 'unlock-done', {
        report: reportTitle(turn, r, r.periodCode),
        count: r.count,
      }),
    );
  }
  const asked = [r.dutyCode ?? duty, r.periodCode ?? period].filter(Boolean).join(' ');
  say(turn, tr(turn, `lock-${r.reason}`, { report: asked }));
}

/** Allows (opening the unit's report for a while) or refuses an exception request. */
export async function decideException(
  turn: Turn,
  actions: ManagerActions,
  id: number,
  allow: boolean,
): Promise<void> {
  const r = await save(() => actions.decide(turn.binding!.personId, id, allow, turn.now));
  if (!r.ok) return say(turn, tr(turn, `exception-${r.reason}`, { id }));
  const e = r.exception;
  const args = {
    id,
    unit: e.unit.name,
    report: reportTitle(turn, e, e.periodCode),
    until: r.openUntil ? timeOf(turn, r.openUntil) : '',
  };
  say(turn, tr(turn, allow ? 'exception-allow-done' : 'exception-refuse-done', args));
}

/**
 * Says why a unit named in a command was not found, or lists the units the words could mean,
 * each a button that runs the command on it (with the duty code typed, if any). `/bangiao`
 * (flows/handover.ts) answers its refusals here too.
 */
export function unitRefusal(
  turn: Turn,
  r: { reason: string; units?: UnitRef[] },
  command: 'nhac' | 'danhac' | 'bangiao',
  dutyCode?: string,
): void {
  if (r.reason === 'ambiguous_unit') {
    const units = r.units ?? [];
    const list = units.map((u) => `• ${u.code} — ${u.name}`).join('\n');
    const rows: Button[][] = units.map((u) => [
      { label: u.name, data: `x|${command}|${dutyCode ? `${u.code} ${dutyCode}` : u.code}` },
    ]);
    const code = units[0]?.code ?? 'STP_HANOI';
    say(turn, tr(turn, 'unit-ambiguous', { command: `/${command}`, list, code }), rows);
    return;
  }
  say(turn, tr(turn, `unit-${r.reason}`, { command: `/${command}` }));
}
