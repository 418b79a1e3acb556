/**
 * What every dashboard page shares: the document around its content (language, viewport, the
 * service's stylesheet and script, a skip link, the header with who is signed in, the language
 * switch and sign-out, the notice of the last action) and small helpers of the views. Nothing
 * here is inline script or style: the Content-Security-Policy allows only the service's files.
 */
import { localDateOf } from '../../domain/calendar.js';
import type { StatusIndicator, UnitStatus } from '../../domain/status.js';
import { resolveTarget, type ScopedTarget } from '../../domain/submission.js';
import { formatDate, formatDateTime, formatTarget } from '../../messages/format.js';
import type { Locale } from '../../ports/translator.js';
import { type HtmlValue, html, type SafeHtml } from '../html.js';
import { DASHBOARD_PATH, type PageContext } from '../model.js';

/** The dashboard's home (the overview of the latest report). */
export const HOME = `${DASHBOARD_PATH}/`;

/** A path with a query string of the given parameters (empty and absent ones left out). */
export function href(path: string, params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The current page in another language: its path and query, `lang` set (an action's notice not shown twice). */
export function languageHref(currentUrl: string, lang: Locale): string {
  const url = new URL(currentUrl, 'http://dashboard.invalid');
  url.searchParams.delete('notice');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

/** A unit's page for a duty and period. */
export function unitHref(unitId: number, dutyCode: string, periodCode: string): string {
  return href(`${DASHBOARD_PATH}/units/${unitId}`, { duty: dutyCode, period: periodCode });
}

/** An instant in words: `09:00 ngày 08/07/2027`. */
export function when(ctx: PageContext, at: Date): string {
  return formatDateTime(at, ctx.timeZone, ctx.t);
}

/** The calendar day of an instant where the service runs: `08/07/2027`. */
export function dayOf(ctx: PageContext, at: Date): string {
  return formatDate(localDateOf(at, ctx.timeZone));
}

/** An empty cell: a dash people see, words a screen reader says. */
export function nothing(ctx: PageContext): SafeHtml {
  return html`<span aria-hidden="true">—</span><span class="sr-only">${ctx.t('dash-empty')}</span>`;
}

/** The hidden form token every POST carries. */
export function csrfInput(ctx: PageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrfToken ?? ''}">`;
}

/** The first letter in capitals ("trang chat thử" at the start of a cell). */
export function capitalise(text: string, locale: Locale): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** A channel by its name in the reader's words (`channel-*`); an unknown one as it is. */
export function channelName(ctx: PageContext, channel: string): string {
  return ['telegram', 'zalo', 'web'].includes(channel)
    ? capitalise(ctx.t(`channel-${channel}`), ctx.locale)
    : channel;
}

/** An indicator's label in the reader's language. */
export function label(ctx: PageContext, x: { labelVi: string; labelEn: string }): string {
  return ctx.locale === 'vi' ? x.labelVi : x.labelEn;
}

/** The per-unit target that applies to a unit (a system-wide sum is not one), in a few characters. */
export function unitTarget(
  ctx: PageContext,
  indicator: Pick<StatusIndicator, 'kind' | 'targets'>,
  unit: Pick<UnitStatus, 'code' | 'typeCode' | 'clusters'>,
): string | null {
  let perUnit = perUnitTargets.get(indicator.targets);
  if (!perUnit) {
    perUnit = indicator.targets.filter((x) => x.kind !== 'sum');
    perUnitTargets.set(indicator.targets, perUnit);
  }
  const target: ScopedTarget | null = resolveTarget(perUnit, {
    code: unit.code,
    typeCode: unit.typeCode,
    clusterCodes: unit.clusters.map((c) => c.code),
  });
  if (!target) return null;
  // The same few targets for a thousand units: each formatted once per language and kind.
  let texts = targetTexts.get(target);
  if (!texts) {
    texts = new Map();
    targetTexts.set(target, texts);
  }
  const key = `${ctx.locale}:${indicator.kind}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = formatTarget(target, indicator.kind, ctx.locale, ctx.t);
    texts.set(key, text);
  }
  return text === '' ? null : text;
}
const perUnitTargets = new WeakMap<readonly ScopedTarget[], ScopedTarget[]>();
const targetTexts = new WeakMap<ScopedTarget, Map<string, string>>();

/**
 * A value against its target as a class (`met`, `not-met`, `no-target`) and words (shown to
 * screen readers, and as the cell's title): colour is never the only sign.
 */
export function targetVerdict(
  ctx: PageContext,
  status: string | undefined,
  target: string | null,
): { cls: 'met' | 'not-met' | 'no-target'; text: string; mark: string } {
  if (target !== null && (status === 'met' || status === 'exceeded'))
    return {
      cls: 'met',
      text: ctx.t(status === 'met' ? 'dash-target-met' : 'dash-target-exceeded', { target }),
      mark: '✓',
    };
  if (target !== null && status === 'not_met')
    return { cls: 'not-met', text: ctx.t('dash-target-not-met', { target }), mark: '✗' };
  return { cls: 'no-target', text: ctx.t('dash-target-none'), mark: '' };
}

/** The header: the service, who is signed in and their scope, the language switch, sign-out. */
function header(ctx: PageContext): SafeHtml {
  const lang = (l: Locale, name: string) =>
    html`<li><a href="${languageHref(ctx.currentUrl, l)}" lang="${l}" hreflang="${l}"${
      ctx.locale === l ? html` aria-current="true"` : ''
    }>${name}</a></li>`;
  return html`<header class="site-header">
  <div class="brand"><a href="${HOME}">${ctx.t('dash-service')}</a> <span class="brand-sub">${ctx.t('dash-dashboard')}</span></div>
  ${
    ctx.person &&
    html`<p class="who"><span class="who-name">${ctx.person.name}</span> <span class="who-scope">${ctx.t(
      'dash-scope',
      { scope: ctx.person.scopeLabel },
    )}</span></p>`
  }
  <nav class="site-nav" aria-label="${ctx.t('dash-nav-label')}">
    <ul>${ctx.person && html`<li><a href="${HOME}">${ctx.t('dash-nav-overview')}</a></li>`}</ul>
  </nav>
  <nav class="lang-switch" aria-label="${ctx.t('dash-lang-label')}">
    <ul>${lang('vi', 'Tiếng Việt')}${lang('en', 'English')}</ul>
  </nav>
  ${
    ctx.person &&
    ctx.csrfToken &&
    html`<form class="signout" method="post" action="${DASHBOARD_PATH}/signout">${csrfInput(ctx)}<button type="submit">${ctx.t(
      'dash-signout',
    )}</button></form>`
  }
</header>`;
}

/** A whole page: `title` in the tab, `body` inside `<main>`, the notice above it. */
export function page(ctx: PageContext, title: string, body: HtmlValue): string {
  const notice = ctx.notice;
  return `<!doctype html>\n${html`<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${title} — ${ctx.t('dash-service')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${DASHBOARD_PATH}/assets/dashboard.css">
<script src="${DASHBOARD_PATH}/assets/dashboard.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">${ctx.t('dash-skip')}</a>
${header(ctx)}
<main id="main" tabindex="-1">
<div class="notice-area" role="status">${
    notice && html`<p class="notice notice-${notice.kind}">${notice.text}</p>`
  }</div>
${body}
</main>
<footer class="site-footer"><p>${ctx.t('dash-as-of', { at: when(ctx, ctx.now) })}</p></footer>
</body>
</html>`}\n`;
}
