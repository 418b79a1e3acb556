/**
 * The managers' web dashboard on Fastify, under `/dashboard`: sign-in with a one-time link from
 * the chat, the overview of a duty and period (live through server-sent events), a unit's page,
 * the Excel and chart of the chat, and the chat's actions (nudge, lock, exceptions) behind a
 * form token. Pages are rendered on the server (src/dashboard/views/); the one script and the
 * stylesheet are served from src/dashboard/assets — nothing comes from elsewhere.
 *
 * Security: the session cookie is HttpOnly, SameSite=Lax, Secure when the service is reached
 * over HTTPS, scoped to `/dashboard`, 8 hours; every page and action refuses without it; every
 * POST checks the form token; sign-in is rate-limited; headers from helmet with a strict CSP.
 * Tokens are never logged: the sign-in token travels in the query string or the form body,
 * and the server logs paths only.
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Dashboard, DashboardSession, ReportChoice } from '../app/dashboard.js';
import type { StatusService } from '../app/status.js';
import { STATUS_STATES, type StatusState } from '../domain/status.js';
import type { ChangeMark } from '../ports/dashboard.js';
import type { Logger } from '../ports/logger.js';
import type { Locale, Translator } from '../ports/translator.js';
import {
  DASHBOARD_PATH,
  type OverviewData,
  type OverviewFilters,
  type PageContext,
  type UnitPageData,
} from './model.js';
import {
  renderMessagePage,
  renderOverviewFragment,
  renderOverviewPage,
  renderUnitPage,
} from './views/index.js';

const SESSION_COOKIE = 'dondoc_session';
const LANG_COOKIE = 'dondoc_lang';
const SIGNIN_PATH = `${DASHBOARD_PATH}/signin`;
/** How often open event streams check that their sessions still hold. */
const SESSION_CHECK_MS = 60_000;
/** Event streams one session may keep open (tabs). */
const STREAMS_PER_SESSION = 5;

export interface DashboardPluginOptions {
  dashboard: Dashboard;
  /** The chat's Excel and chart, for the same files from the page. */
  files: Pick<StatusService, 'xlsxFor' | 'chartFor'>;
  translator: Translator;
  logger: Logger;
  timeZone: string;
  now: () => Date;
  /** Cookies marked Secure (the service is reached over HTTPS). */
  secureCookies: boolean;
  /** Folder of dashboard.css and dashboard.js. */
  assetsDir: string;
  /** How often the event stream looks for stored figures (default 2 s). */
  pollMs?: number;
  /** How often open event streams check that their sessions still hold (default 60 s). */
  sessionCheckMs?: number;
  /** Sign-in attempts allowed per client address and minute, on each of the page and its form (default 30: a ministry's office may share one address). */
  signInPerMinute?: number;
  /** A Redis connection (ioredis) for the rate limit's counters, shared by every instance. */
  rateLimitRedis?: unknown;
}

/** The path of the sign-in page a `/web` link opens. */
export const DASHBOARD_SIGNIN_PATH = SIGNIN_PATH;

/** Registers the dashboard on `app` (call before `listen`). */
export async function registerDashboard(app: FastifyInstance, opts: DashboardPluginOptions): Promise<void> {
  await app.register(async (dash) => dashboardRoutes(dash, opts), { prefix: DASHBOARD_PATH });
}

async function dashboardRoutes(app: FastifyInstance, o: DashboardPluginOptions): Promise<void> {
  const { dashboard } = o;
  const assets = new Map(
    [
      ['dashboard.css', 'text/css; charset=utf-8'],
      ['dashboard.js', 'text/javascript; charset=utf-8'],
    ].map(([name, type]) => [name!, { type: type!, body: readFileSync(path.join(o.assetsDir, name!)) }]),
  );

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 16_384 });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // Behind HTTP on a ministry's intranet too: HSTS only when cookies are Secure (HTTPS).
    hsts: o.secureCookies,
  });
  await app.register(rateLimit, {
    global: false,
    // Thrown, so the page below says it in the reader's language.
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new Error('rate limited'), { statusCode: ctx.statusCode }),
    ...(o.rateLimitRedis ? { redis: o.rateLimitRedis as never, nameSpace: 'dondoc:rl:dashboard:' } : {}),
  });

  // Errors and unknown addresses under /dashboard are pages in the reader's language, not JSON.
  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) o.logger.error({ err, path: req.url.split('?')[0] }, 'dashboard request failed');
    if (reply.sent) return;
    const key = status === 429 || status === 404 ? status : status >= 500 ? 500 : 400;
    return message(req, reply, null, status >= 500 ? 500 : status, `error-${key}`);
  });
  // Any other address under /dashboard (more specific than the adapters' catch-all route).
  app.all('/*', (req, reply) => message(req, reply, null, 404, 'error-404'));

  const pageHeaders = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');

  /** The reader's language: `?lang=` (remembered), the cookie, the person's, the browser's. */
  function localeOf(req: FastifyRequest, reply: FastifyReply, session?: DashboardSession | null): Locale {
    const asked = (req.query as Record<string, string | undefined>).lang;
    if (asked === 'vi' || asked === 'en') {
      void reply.setCookie(LANG_COOKIE, asked, {
        path: DASHBOARD_PATH,
        sameSite: 'lax',
        httpOnly: true,
        secure: o.secureCookies,
        maxAge: 365 * 86_400,
      });
      return asked;
    }
    const kept = req.cookies[LANG_COOKIE];
    if (kept === 'vi' || kept === 'en') return kept;
    if (session?.locale === 'en' || session?.locale === 'vi') return session.locale;
    return /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'vi';
  }

  function context(
    req: FastifyRequest,
    reply: FastifyReply,
    session: DashboardSession | null,
    notice?: PageContext['notice'],
  ): PageContext {
    const locale = localeOf(req, reply, session);
    const t = (id: string, args?: Record<string, string | number>) => o.translator.t(locale, id, args);
    return {
      locale,
      t,
      timeZone: o.timeZone,
      now: o.now(),
      person: session
        ? {
            name: session.name,
            scopeLabel: t(session.scope.kind === 'all' ? 'dash-scope-all' : 'dash-scope-units', {
              count: session.scope.kind === 'all' ? 0 : session.scope.unitIds.length,
            }),
          }
        : undefined,
      csrfToken: session?.csrfToken,
      notice,
      // After a POST the language links lead to the overview (a POST's path has no page).
      currentUrl: req.method === 'GET' ? req.url : `${DASHBOARD_PATH}/`,
    };
  }

  function message(
    req: FastifyRequest,
    reply: FastifyReply,
    session: DashboardSession | null,
    status: number,
    key: string,
  ) {
    const ctx = context(req, reply, session);
    return pageHeaders(reply)
      .code(status)
      .send(
        renderMessagePage(ctx, {
          status,
          title: ctx.t(`dash-${key}-title`),
          text: ctx.t(`dash-${key}-text`),
        }),
      );
  }

  async function sessionOf(req: FastifyRequest): Promise<DashboardSession | null> {
    const token = req.cookies[SESSION_COOKIE];
    return token ? dashboard.session(token) : null;
  }

  /** The session, or a 401 page (HTML) / status (streams and files) already sent. */
  async function requireSession(req: FastifyRequest, reply: FastifyReply): Promise<DashboardSession | null> {
    const session = await sessionOf(req);
    if (!session) {
      void message(req, reply, null, 401, 'no-session');
      return null;
    }
    return session;
  }

  /** A POST's session and form token, or a refusal already sent (401 / 403). */
  async function requirePost(req: FastifyRequest, reply: FastifyReply): Promise<DashboardSession | null> {
    const session = await requireSession(req, reply);
    if (!session) return null;
    const posted = (req.body as Record<string, string | undefined> | undefined)?._csrf;
    if (!dashboard.checkCsrf(session, typeof posted === 'string' ? posted : undefined)) {
      void message(req, reply, session, 403, 'csrf');
      return null;
    }
    return session;
  }

  const choiceOf = (q: Record<string, string | undefined>): ReportChoice => ({
    dutyCode: clean(q.duty, 20)?.toUpperCase(),
    periodCode: clean(q.period, 20)?.toUpperCase(),
  });
  const reportQuery = (dutyCode: string, periodCode: string) =>
    `duty=${encodeURIComponent(dutyCode)}&period=${encodeURIComponent(periodCode)}`;

  app.get('/', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const q = req.query as Record<string, string | undefined>;
    const r = await dashboard.overview(session, choiceOf(q));
    // A live refresh keeps what it shows rather than a page inside the table.
    if (!r.ok && req.headers['x-fragment'] === '1') return reply.code(204).send();
    if (!r.ok)
      return message(req, reply, session, r.reason === 'unknown_duty' ? 404 : 200, `overview-${r.reason}`);
    const rq = reportQuery(r.report.dutyCode, r.report.periodCode);
    const typesInReport = new Set(r.report.units.map((u) => u.typeCode));
    const data: OverviewData = {
      report: r.report,
      indicators: r.indicators,
      duties: r.duties,
      sectors: r.unitTypes.filter((u) => typesInReport.has(u.code)),
      filters: filtersOf(q),
      canLock: session.scope.kind === 'all',
      locked: r.report.units.length > 0 && r.report.units.every((u) => u.locked),
      exportUrl: `${DASHBOARD_PATH}/export.xlsx?${rq}`,
      chartUrl: `${DASHBOARD_PATH}/chart.png?${rq}`,
      eventsUrl: `${DASHBOARD_PATH}/events`,
      // The live refresh asks for this report with these filters, whatever becomes "nearest".
      fragmentUrl: `${DASHBOARD_PATH}/?${rq}${filterQuery(filtersOf(q))}`,
    };
    const ctx = context(req, reply, session, noticeOf(req, reply, session));
    if (req.headers['x-fragment'] === '1') return pageHeaders(reply).send(renderOverviewFragment(ctx, data));
    return pageHeaders(reply).send(renderOverviewPage(ctx, data));
  });

  app.get('/units/:id', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const unitId = idOf((req.params as { id: string }).id);
    const q = req.query as Record<string, string | undefined>;
    const r = unitId === null ? null : await dashboard.unitPage(session, unitId, choiceOf(q));
    if (!r?.ok) {
      if (r?.reason === 'nothing_due') return message(req, reply, session, 200, 'overview-nothing_due');
      if (r?.reason === 'unknown_duty') return message(req, reply, session, 404, 'overview-unknown_duty');
      return message(req, reply, session, 403, 'forbidden');
    }
    const rec = r.record;
    const data: UnitPageData = {
      unit: {
        id: rec.unit.id,
        code: rec.unit.code,
        name: rec.unit.name,
        typeNameVi: rec.unit.typeNameVi,
        typeNameEn: rec.unit.typeNameEn,
        clusters: rec.unit.clusters,
      },
      dutyCode: rec.dutyCode,
      dutyNameVi: rec.dutyNameVi,
      dutyNameEn: rec.dutyNameEn,
      periodCode: r.periodCode,
      status: r.status,
      indicators: r.indicators,
      locked: rec.assignment?.locked ?? false,
      openUntil: rec.assignment?.openUntil ?? null,
      documentRef: rec.assignment?.documentRef ?? null,
      documentSentAt: rec.assignment?.documentSentAt ?? null,
      figures: rec.figures.map((f) => ({
        code: f.indicator.code,
        labelVi: f.indicator.labelVi,
        labelEn: f.indicator.labelEn,
        kind: f.indicator.kind,
        value: f.value,
        textValue: f.textValue,
        stored: f.stored,
        revisions: f.revisions,
      })),
      ledger: r.ledger,
      focalPoints: rec.focalPoints.map((f) => {
        // Where reminders reach a current focal point: the status report worked it out.
        const now =
          f.endedAt === null ? r.status?.focalPoints?.find((p) => p.personId === f.personId) : undefined;
        return { ...f, channel: now?.channel };
      }),
      exceptions: rec.exceptions,
      canNudge: r.canNudge,
      overviewUrl: `${DASHBOARD_PATH}/?${reportQuery(rec.dutyCode, r.periodCode)}`,
    };
    const ctx = context(req, reply, session, noticeOf(req, reply, session));
    return pageHeaders(reply).send(renderUnitPage(ctx, data));
  });

  app.post('/units/:id/nudge', async (req, reply) => {
    const session = await requirePost(req, reply);
    if (!session) return reply;
    const unitId = idOf((req.params as { id: string }).id);
    const body = req.body as Record<string, string | undefined>;
    const back = `${DASHBOARD_PATH}/units/${unitId}?${reportQueryOf(body)}`;
    if (unitId === null) return message(req, reply, session, 403, 'forbidden');
    const r = await dashboard.nudge(session, unitId, choiceOf(body));
    if (!r.ok && ['out_of_scope', 'no_scope'].includes(r.reason))
      return message(req, reply, session, 403, 'forbidden');
    const notice = r.ok
      ? 'nudged'
      : ['already_today', 'nothing_open', 'no_focal'].includes(r.reason)
        ? r.reason
        : 'nudge-failed';
    return reply.redirect(`${back}&notice=${notice}`, 303);
  });

  app.post('/lock', async (req, reply) => {
    const session = await requirePost(req, reply);
    if (!session) return reply;
    const body = req.body as Record<string, string | undefined>;
    const locked = body.locked === '1';
    const r = await dashboard.setLock(session, choiceOf(body), locked);
    if (!r.ok && r.reason === 'not_allowed') return message(req, reply, session, 403, 'forbidden');
    const notice = r.ok ? (locked ? 'locked' : 'unlocked') : 'lock-failed';
    return reply.redirect(`${DASHBOARD_PATH}/?${reportQueryOf(body)}&notice=${notice}`, 303);
  });

  app.post('/exceptions/:id', async (req, reply) => {
    const session = await requirePost(req, reply);
    if (!session) return reply;
    const body = req.body as Record<string, string | undefined>;
    const id = idOf((req.params as { id: string }).id);
    // Only a decision said in so many words: anything else must not refuse by default.
    if (body.decision !== 'allow' && body.decision !== 'refuse')
      return message(req, reply, session, 400, 'error-400');
    const r = id === null ? null : await dashboard.decide(session, id, body.decision === 'allow');
    if (!r || (!r.ok && r.reason !== 'decided')) return message(req, reply, session, 403, 'forbidden');
    const notice = r.ok ? (r.openUntil ? 'allowed' : 'refused') : 'decided';
    return reply.redirect(withNotice(safeBack(body.back), notice), 303);
  });

  app.get('/export.xlsx', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const locale = localeOf(req, reply, session);
    const r = await o.files.xlsxFor(session.personId, choiceOf(req.query as Record<string, string>), locale);
    if (!r.ok) return message(req, reply, session, 404, 'no-file');
    return sendFile(reply, r.file);
  });

  app.get('/chart.png', async (req, reply) => {
    const session = await requireSession(req, reply);
    if (!session) return reply;
    const locale = localeOf(req, reply, session);
    const r = await o.files.chartFor(session.personId, choiceOf(req.query as Record<string, string>), locale);
    if (!r.ok) return message(req, reply, session, 404, 'no-file');
    return sendFile(reply, r.file, true);
  });

  // Live updates: one poll of what changed per process, whatever the number of pages open; a
  // page hears of a change only when one of the units changed is in its session's scope.
  // Each stream belongs to a session: it ends (with an `ended` event) when the session does —
  // signed out on the page or by /dangxuat, expired — checked every `SESSION_CHECK_MS`.
  const streams = new Map<ServerResponse, { token: string; expiresAt: Date; units: Set<number> | 'all' }>();
  const send = (res: ServerResponse, text: string) => {
    if (res.destroyed || res.writableEnded) streams.delete(res);
    else res.write(text);
  };
  const endStream = (res: ServerResponse) => {
    streams.delete(res);
    if (!res.destroyed && !res.writableEnded) res.end('event: ended\ndata: {}\n\n');
  };
  let lastMark: ChangeMark | null = null;
  let polling = false;
  let lastSessionCheck = Date.now();
  const poll = setInterval(() => {
    if (streams.size === 0 || polling) return;
    polling = true;
    checkStreams()
      .then(() => dashboard.changes(lastMark))
      .then(({ mark, unitIds }) => {
        lastMark = mark;
        if (unitIds.length === 0) return;
        for (const [res, s] of [...streams]) {
          if (s.units === 'all' || unitIds.some((id) => (s.units as Set<number>).has(id)))
            send(res, 'event: figures\ndata: {}\n\n');
        }
      })
      .catch((err: unknown) => o.logger.warn({ err: (err as Error).message }, 'dashboard change poll failed'))
      .finally(() => {
        polling = false;
      });
  }, o.pollMs ?? 2_000);
  poll.unref();
  async function checkStreams(): Promise<void> {
    const now = o.now();
    for (const [res, s] of [...streams]) if (s.expiresAt <= now) endStream(res);
    if (Date.now() - lastSessionCheck < (o.sessionCheckMs ?? SESSION_CHECK_MS)) return;
    lastSessionCheck = Date.now();
    const tokens = [...new Set([...streams.values()].map((s) => s.token))];
    const live = new Set<string>();
    for (const token of tokens) if (await dashboard.session(token)) live.add(token);
    for (const [res, s] of [...streams]) if (!live.has(s.token)) endStream(res);
  }
  const heartbeat = setInterval(() => {
    for (const res of [...streams.keys()]) send(res, ': keep-alive\n\n');
  }, 25_000);
  heartbeat.unref();
  app.addHook('onClose', async () => {
    clearInterval(poll);
    clearInterval(heartbeat);
    for (const res of [...streams.keys()]) endStream(res);
  });

  app.get('/events', { exposeHeadRoute: false }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await dashboard.session(token) : null;
    if (!token || !session)
      return reply.code(401).header('cache-control', 'no-store').send({ error: 'no session' });
    // The mark as the page was rendered: a figure stored since is announced at the next poll.
    if (lastMark === null) lastMark = (await dashboard.changes(null)).mark;
    reply.hijack();
    const res = reply.raw;
    // The browser may have left while the session was looked up: nothing to keep then.
    if (req.raw.destroyed || res.destroyed) return;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    // A few tabs per session; the oldest stream gives way.
    const mine = [...streams].filter(([, s]) => s.token === token).map(([r]) => r);
    if (mine.length >= STREAMS_PER_SESSION) endStream(mine[0]!);
    streams.set(res, {
      token,
      expiresAt: session.expiresAt,
      units: session.scope.kind === 'all' ? 'all' : new Set(session.scope.unitIds),
    });
    res.once('close', () => streams.delete(res));
  });

  app.get('/assets/:name', async (req, reply) => {
    const asset = assets.get((req.params as { name: string }).name);
    if (!asset) return reply.code(404).send({ error: 'not found' });
    return reply.header('cache-control', 'public, max-age=300').type(asset.type).send(asset.body);
  });

  // Sign-in: the link opens a page that signs in by a POST (its script submits it at once),
  // so a link preview fetched by a messenger's server cannot use the one-time link up.
  const signInLimit = { rateLimit: { max: o.signInPerMinute ?? 30, timeWindow: 60_000 } };
  app.get('/signin', { config: signInLimit }, async (req, reply) => {
    const token = clean((req.query as Record<string, string | undefined>).t, 64) ?? '';
    const ctx = context(req, reply, null);
    return pageHeaders(reply).send(
      renderMessagePage(ctx, {
        status: 200,
        title: ctx.t('dash-signin-title'),
        text: ctx.t('dash-signin-text'),
        signIn: { action: SIGNIN_PATH, token, button: ctx.t('dash-signin-button') },
      }),
    );
  });

  app.post('/signin', { config: signInLimit }, async (req, reply) => {
    // Signing someone in from another site (into the sender's own session) is refused.
    if (req.headers['sec-fetch-site'] === 'cross-site') return message(req, reply, null, 403, 'csrf');
    const token = clean((req.body as Record<string, string | undefined> | undefined)?.t, 64) ?? '';
    const signed = await dashboard.signIn(token);
    if (!signed) return message(req, reply, null, 400, 'link-invalid');
    void reply.setCookie(SESSION_COOKIE, signed.sessionToken, {
      path: DASHBOARD_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: o.secureCookies,
      expires: signed.expiresAt,
    });
    return reply.redirect(`${DASHBOARD_PATH}/`, 303);
  });

  app.post('/signout', async (req, reply) => {
    const session = await requirePost(req, reply);
    if (!session) return reply;
    await dashboard.signOut(req.cookies[SESSION_COOKIE] ?? '');
    void reply.clearCookie(SESSION_COOKIE, { path: DASHBOARD_PATH });
    return message(req, reply, null, 200, 'signed-out');
  });

  function noticeOf(
    req: FastifyRequest,
    reply: FastifyReply,
    session: DashboardSession,
  ): PageContext['notice'] {
    const key = (req.query as Record<string, string | undefined>).notice;
    if (!key || !NOTICES.has(key)) return undefined;
    const locale = localeOf(req, reply, session);
    return { kind: NOTICES.get(key)!, text: o.translator.t(locale, `dash-notice-${key}`) };
  }
}

/** Notices after an action (`?notice=`), and whether each is good news. */
const NOTICES = new Map<string, 'ok' | 'error'>([
  ['nudged', 'ok'],
  ['already_today', 'error'],
  ['nothing_open', 'error'],
  ['no_focal', 'error'],
  ['locked', 'ok'],
  ['unlocked', 'ok'],
  ['lock-failed', 'error'],
  ['allowed', 'ok'],
  ['refused', 'ok'],
  ['decided', 'error'],
]);

function sendFile(
  reply: FastifyReply,
  file: { name: string; mime: string; data: Uint8Array },
  inline = false,
) {
  const ascii = file.name.replace(/[^\w.-]+/g, '-');
  return reply
    .header('cache-control', 'no-store')
    .header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .type(file.mime)
    .send(Buffer.from(file.data));
}

/** A query value trimmed and bounded; undefined when empty. */
function clean(v: unknown, max: number): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim().slice(0, max);
  return s === '' ? undefined : s;
}

function idOf(s: string): number | null {
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}

function filtersOf(q: Record<string, string | undefined>): OverviewFilters {
  const state = STATUS_STATES.includes(q.state as StatusState) ? (q.state as StatusState) : undefined;
  const sort = q.sort && /^(name|state|submitted|due|ind:[\w-]{1,40})$/.test(q.sort) ? q.sort : undefined;
  return {
    cluster: clean(q.cluster, 40),
    state,
    sector: clean(q.sector, 40),
    q: clean(q.q, 100),
    sort,
    dir: q.dir === 'desc' ? 'desc' : q.dir === 'asc' ? 'asc' : undefined,
  };
}

function reportQueryOf(body: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  const duty = clean(body.duty, 20);
  const period = clean(body.period, 20);
  if (duty) p.set('duty', duty);
  if (period) p.set('period', period);
  return p.toString();
}

/** Where to go back after a decision: a dashboard path only (never another site). */
function safeBack(back: string | undefined): string {
  if (!back?.startsWith(`${DASHBOARD_PATH}/`)) return `${DASHBOARD_PATH}/`;
  // Parsed on a placeholder origin: what comes out is a path of ours, percent-encoded.
  const url = new URL(back, 'http://dashboard.invalid');
  if (url.origin !== 'http://dashboard.invalid' || !url.pathname.startsWith(`${DASHBOARD_PATH}/`))
    return `${DASHBOARD_PATH}/`;
  url.searchParams.delete('notice');
  return url.pathname + url.search;
}

/** The filters as query parameters (`&cluster=…`), for the live refresh's address. */
function filterQuery(f: OverviewFilters): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined) p.set(k, v);
  const s = p.toString();
  return s ? `&${s}` : '';
}

const withNotice = (url: string, notice: string) => `${url}${url.includes('?') ? '&' : '?'}notice=${notice}`;
