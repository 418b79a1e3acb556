/**
 * A person's own settings: language (`/ngonngu`), the channel reminders go to (`/kenh`), daily
 * quiet hours (`/giotinh`) and a one-time code to bind another channel (`/lienket`).
 */
import { generateInviteCode, hashInviteCode } from '../../app/invites.js';
import {
  formatQuietHours,
  formatTimeOfDay,
  parseQuietHours,
  QUIET_HOURS_LIMITS,
} from '../../domain/quiet-hours.js';
import type { ChannelName } from '../../ports/channel.js';
import { btn, save, say, type Turn, tr } from '../context.js';

/** How long a link code from `/lienket` stays valid. */
const LINK_TTL_MS = 30 * 60_000;

/** `/ngonngu`: offers Vietnamese and English. */
export function chooseLanguage(turn: Turn): void {
  const token = turn.ctx.newToken();
  say(turn, tr(turn, 'lang-choose'), [
    [btn(token, 'lang', tr(turn, 'btn-lang-vi'), 'vi'), btn(token, 'lang', tr(turn, 'btn-lang-en'), 'en')],
  ]);
}

/** The language button: stored on the person when bound, on the conversation otherwise. */
export async function setLanguage(turn: Turn, locale: 'vi' | 'en'): Promise<void> {
  turn.locale = locale;
  if (turn.binding) await turn.ctx.deps.identities.setLocale(turn.binding.personId, locale);
  else turn.state.locale = locale;
  turn.state.choices = [];
  say(turn, tr(turn, 'lang-set'));
}

/** `/kenh`: offers the channels the person is bound on, and "the one used last". */
export async function chooseChannel(turn: Turn, personId: number): Promise<void> {
  const { channels, preferred } = await turn.ctx.deps.identities.channelsOf(personId);
  const token = turn.ctx.newToken();
  turn.state.flow = { k: 'channel', token };
  say(
    turn,
    tr(turn, 'channel-choose', {
      current: preferred ? tr(turn, `channel-${preferred}`) : tr(turn, 'channel-last-used'),
    }),
    [
      [btn(token, 'chan', tr(turn, 'channel-last-used'), 'last')],
      ...channels.map((c) => [btn(token, 'chan', tr(turn, `channel-${c}`), c)]),
    ],
  );
}

/** The channel button: stores the choice (null: the one used last). */
export async function setChannel(turn: Turn, personId: number, arg: string | undefined): Promise<void> {
  const chosen: ChannelName | null = arg === 'telegram' || arg === 'zalo' || arg === 'web' ? arg : null;
  turn.state.flow = { k: 'idle' };
  const ok = await save(() => turn.ctx.deps.identities.setPreferredChannel(personId, chosen));
  if (!ok) return say(turn, tr(turn, 'stale-button'));
  say(
    turn,
    tr(turn, 'channel-set', {
      channel: chosen ? tr(turn, `channel-${chosen}`) : tr(turn, 'channel-last-used'),
    }),
  );
}

/** `/lienket`: a one-time code (hash stored) to send from the person's other channel. */
export async function linkCode(turn: Turn, personId: number): Promise<void> {
  const code = generateInviteCode();
  await save(() =>
    turn.ctx.deps.identities.createLinkCode(
      personId,
      hashInviteCode(code),
      new Date(turn.now.getTime() + LINK_TTL_MS),
    ),
  );
  say(turn, tr(turn, 'link-code', { code, minutes: LINK_TTL_MS / 60_000 }));
}

/**
 * `/giotinh` (`/quiet`): alone, shows the person's daily quiet hours and how to change them;
 * with a period (`12:00-13:30`, `22h-6h`) sets them; with `tắt`/`off` clears them. Quiet hours
 * only delay reminders (the cap in the domain keeps them from becoming an opt-out).
 */
export async function quietHours(turn: Turn, personId: number, args: string): Promise<void> {
  const { identities } = turn.ctx.deps;
  const limits = {
    total: QUIET_HOURS_LIMITS.maxTotal / 60,
    office: QUIET_HOURS_LIMITS.maxInWorkingWindow / 60,
    window: formatQuietHours({ from: QUIET_HOURS_LIMITS.workingFrom, to: QUIET_HOURS_LIMITS.workingTo }),
  };
  const parsed = parseQuietHours(args);
  if (!parsed.ok && parsed.reason === 'empty') {
    const current = await identities.quietHoursOf(personId);
    const setting = current
      ? tr(turn, 'quiet-current', { range: formatQuietHours(current) })
      : tr(turn, 'quiet-none');
    return say(turn, `${setting}\n${tr(turn, 'quiet-how', limits)}`);
  }
  if (!parsed.ok) {
    const id = parsed.reason === 'too_long' ? 'quiet-too-long' : 'quiet-format';
    return say(turn, tr(turn, id, { ...limits, text: args.slice(0, 40) }));
  }
  const value = parsed.value;
  await save(() => identities.setQuietHours(personId, value));
  if (!value) return say(turn, tr(turn, 'quiet-cleared'));
  say(turn, tr(turn, 'quiet-set', { range: formatQuietHours(value), end: formatTimeOfDay(value.to) }));
}
