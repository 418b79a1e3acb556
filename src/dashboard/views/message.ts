/**
 * A page without data: a refusal or a confirmation (signed out, link expired, 403, 404), and
 * the sign-in page a one-time link opens (a form the script submits at once, its button the
 * fallback without script).
 */
import { html } from '../html.js';
import type { MessagePageData, PageContext } from '../model.js';
import { HOME, page } from './layout.js';

/** The message's title and text, the sign-in form if any, and the way back to the dashboard. */
export function renderMessagePage(ctx: PageContext, data: MessagePageData): string {
  const s = data.signIn;
  return page(
    ctx,
    data.title,
    html`<h1>${data.title}</h1>
<p class="message">${data.text}</p>
${
  s
    ? html`<form id="signin-form" method="post" action="${s.action}">
  <input type="hidden" name="t" value="${s.token}">
  <button type="submit" class="primary">${s.button}</button>
</form>`
    : html`<p><a href="${HOME}">${ctx.t('dash-go-home')}</a></p>`
}`,
  );
}
