// Đôn Đốc dashboard: the one script of the pages (plain ES2020, no library, no build).
// 1. The overview refreshes its counts and table when the server says a figure was stored.
// 2. A filter form is sent as soon as one of its lists changes (its button works without this).
// 3. The sign-in page sends its form at once (its button is the fallback).

(() => {
  const overview = document.getElementById('overview');
  const live = document.getElementById('dash-live');

  let stopEvents = () => undefined;
  let said = false;
  /** The page no longer updates itself: told once, where screen readers hear it too. */
  function stopped() {
    stopEvents();
    if (said || !overview) return;
    said = true;
    const note = document.createElement('p');
    note.className = 'notice notice-error';
    note.setAttribute('role', 'status');
    note.textContent = overview.dataset.ended || '';
    overview.parentNode.insertBefore(note, overview);
  }

  /** Replaces the overview's content with a fresh copy, keeping focus and scroll. */
  async function refresh() {
    // This report with these filters (the page's own address may mean "the nearest due").
    const res = await fetch(overview.dataset.fragment || location.href, {
      headers: { 'x-fragment': '1' },
      credentials: 'same-origin',
      cache: 'no-store',
    });
    // Signed out meanwhile, or the server refused: keep what is shown.
    if (res.status === 401) {
      stopped();
      return;
    }
    // Nothing to show for now (204), or the server refused: keep what is shown.
    if (res.status !== 200 || res.redirected) return;
    const text = await res.text();
    const active = document.activeElement;
    const focusHref = active && overview.contains(active) ? active.getAttribute('href') : null;
    const focusId = active && overview.contains(active) ? active.id : '';
    const wraps = [...overview.querySelectorAll('.table-wrap')].map((w) => [w.scrollLeft, w.scrollTop]);
    const x = window.scrollX;
    const y = window.scrollY;
    overview.innerHTML = text;
    overview.querySelectorAll('.table-wrap').forEach((w, i) => {
      const kept = wraps[i];
      if (kept) [w.scrollLeft, w.scrollTop] = kept;
    });
    window.scrollTo(x, y);
    // The footer's "as of" follows the figures.
    const asOf = overview.querySelector('[data-as-of]');
    const footer = document.querySelector('.site-footer p');
    if (asOf && footer) footer.textContent = asOf.dataset.asOf;
    // The chart sits outside the live part: asked again, past the browser's cache.
    for (const img of document.querySelectorAll('img[src*="/chart.png"]')) {
      const url = new URL(img.getAttribute('src'), location.href);
      url.searchParams.set('v', String(Date.now()));
      img.setAttribute('src', url.pathname + url.search);
    }
    let again = null;
    if (focusId) again = document.getElementById(focusId);
    if (!again && focusHref) {
      again =
        [...overview.querySelectorAll('a[href]')].find((a) => a.getAttribute('href') === focusHref) ?? null;
    }
    if (again) again.focus({ preventScroll: true });
    if (live) {
      // Emptied first so the same words are announced again.
      live.textContent = '';
      setTimeout(() => {
        live.textContent = live.dataset.updated || '';
      }, 100);
    }
  }

  if (overview?.dataset.events && 'EventSource' in window) {
    let timer = null;
    let running = false;
    let pending = false;
    // On a deadline day figures arrive every second: a page refreshes at most every 5 seconds,
    // the first change at once, the rest gathered into the next refresh.
    const MIN_GAP_MS = 5000;
    let lastRun = 0;
    const run = () => {
      if (running) {
        pending = true;
        return;
      }
      running = true;
      lastRun = Date.now();
      refresh()
        .catch(() => undefined)
        .finally(() => {
          running = false;
          if (pending) {
            pending = false;
            run();
          }
        });
    };
    // EventSource reconnects by itself (the server sets the delay).
    const events = new EventSource(overview.dataset.events);
    events.addEventListener('figures', () => {
      // A burst of stored figures: one refresh.
      clearTimeout(timer);
      timer = setTimeout(run, Math.max(300, MIN_GAP_MS - (Date.now() - lastRun)));
    });
    // The session ended (signed out, expired): say so once and stop listening.
    events.addEventListener('ended', () => {
      events.close();
      stopped();
    });
    stopEvents = () => events.close();
  }

  for (const form of document.querySelectorAll('form[data-autosubmit]')) {
    for (const select of form.querySelectorAll('select')) {
      select.addEventListener('change', () => {
        if (typeof form.requestSubmit === 'function') form.requestSubmit();
        else form.submit();
      });
    }
  }

  const signIn = document.getElementById('signin-form');
  if (signIn) signIn.submit();
})();
