/**
 * A browser-like HTTP client for the dashboard (tests and bench:dashboard): keeps cookies, never
 * follows redirects on its own, signs in with a `/web` link as a person would.
 */
import { DASHBOARD_SIGNIN_PATH } from '../../src/dashboard/plugin.js';

export class CookieClient {
  readonly jar = new Map<string, string>();
  /** The raw Set-Cookie headers of the last response. */
  lastSetCookie: string[] = [];
  constructor(readonly base: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
    this.lastSetCookie = res.headers.getSetCookie();
    for (const c of this.lastSetCookie) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  get(path: string) {
    return this.request(path);
  }

  post(path: string, form: Record<string, string>) {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  /** Opens a `/web` link as a person would: the page, then its form's POST. */
  async signIn(url: string): Promise<Response> {
    const u = new URL(url);
    const page = await this.get(u.pathname + u.search);
    if (page.status !== 200) return page;
    await page.arrayBuffer();
    return this.post(DASHBOARD_SIGNIN_PATH, { t: u.searchParams.get('t') ?? '' });
  }

  /** The form token of a page (every form carries it). */
  static csrfOf(html: string): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error('no _csrf in the page');
    return m[1]!;
  }
}
