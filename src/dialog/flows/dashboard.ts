/**
 * The managers' web dashboard from the chat: `/web` (`/bangdieukhien`) answers with a one-time
 * sign-in link, `/dangxuat` ends every dashboard session of the person. The link itself is made
 * by the dashboard use case (src/app/dashboard.ts); the chat only hands it over.
 */
import { formatDateTime } from '../../messages/format.js';
import { save, say, type Turn, tr } from '../context.js';

/** `/web`: a link valid for ten minutes, used once, for a manager; a polite no for anyone else. */
export async function dashboardLink(turn: Turn, personId: number): Promise<void> {
  const dashboard = turn.ctx.deps.dashboard;
  if (!dashboard) return say(turn, tr(turn, 'dashboard-off'));
  const link = await save(() => dashboard.issueLink(personId));
  if (!link.ok) return say(turn, tr(turn, 'dashboard-managers-only'));
  const t = (id: string, args?: Record<string, string | number>) => tr(turn, id, args);
  say(
    turn,
    tr(turn, 'dashboard-link', {
      url: link.url,
      until: formatDateTime(link.expiresAt, turn.ctx.deps.timeZone, t),
    }),
  );
}

/** `/dangxuat`: signs the person out of the dashboard everywhere. */
export async function dashboardSignOut(turn: Turn, personId: number): Promise<void> {
  const dashboard = turn.ctx.deps.dashboard;
  if (!dashboard) return say(turn, tr(turn, 'dashboard-off'));
  const count = await save(() => dashboard.signOutEverywhere(personId));
  say(turn, tr(turn, 'dashboard-signed-out', { count }));
}
