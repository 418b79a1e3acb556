/**
 * The web chat page: one self-contained HTML document (inline CSS and JS, no external
 * resource, no framework), in the reader's language (texts from `locales/<lang>/web.ftl`).
 * Kept in a `.ts` module rather than an `.html` file so the compiled service (`dist/`) carries
 * it without a copy step.
 *
 * Safety: every text from the bot or the person is put in the DOM with `textContent`, never
 * `innerHTML`. The script and the style are allowed by their SHA-256 hashes in the page's
 * Content-Security-Policy (see `webChatPage`), so nothing else can run. The script is the same
 * in every language: the texts it shows reach it, with the API's path, as JSON in a
 * non-executed `<script type="application/json">`.
 *
 * The input box's placeholder never suggests figures of a report the person may not have: it
 * is neutral for a focal point or a guest and the manager's example question for a manager,
 * until a message from the bot brings an `inputHint` (an example from the person's own report),
 * which stays until a later message brings another.
 *
 * Choosing a person first shows their recent conversation (`/history`: both ways, from the
 * transcript, so it survives a restart, with the last reply's buttons while the conversation
 * still expects them), then follows the inbox from the seq the history names; the input box is
 * enabled once the history is shown, so nothing typed lands above it.
 *
 * The client script contains no template literals: it lives inside this template string.
 */
import { createHash } from 'node:crypto';
import type { Locale, Translator } from '../../ports/translator.js';
import { WEB_CHAT_STYLE as STYLE } from './page-style.js';

const SCRIPT = `
(function () {
  'use strict';
  var CONFIG = JSON.parse(document.getElementById('config').textContent);
  var API = CONFIG.api;
  var T = CONFIG.texts;
  var ROLE = { focal: T.roleFocal, manager: T.roleManager };
  var usersEl = document.getElementById('users');
  var logEl = document.getElementById('log');
  var form = document.getElementById('compose');
  var input = document.getElementById('chat-input');
  var sendBtn = document.getElementById('send');
  var title = document.getElementById('chat-title');
  var subtitle = document.getElementById('chat-subtitle');
  // A demo manager opens the dashboard in one click: /web is sent for them, and the tab opened
  // by the click goes to the sign-in link the bot answers with.
  var dashboardButton = document.getElementById('open-dashboard');
  var dashboardTab = null;
  dashboardButton.addEventListener('click', function () {
    dashboardTab = window.open('about:blank', '_blank');
    submit({ text: '/web' }, '/web');
  });

  var current = null;   // the chosen user {id, name, ...}
  var after = 0;        // last inbox seq shown for the current user
  var generation = 0;   // bumps on every switch: late answers for another user are dropped
  var loading = false;  // the chosen user's history is being read: the inbox waits
  var shown = {};       // transcript ids already shown (from the history) for the current user
  var queue = Promise.resolve();

  function guestId() {
    var key = 'dondoc.guest';
    var id = null;
    try { id = sessionStorage.getItem(key); } catch (e) { /* storage off */ }
    if (!id || !/^guest-[a-z0-9]{6,16}$/.test(id)) {
      var bytes = new Uint8Array(10);
      crypto.getRandomValues(bytes);
      id = 'guest-' + Array.prototype.map.call(bytes, function (b) { return (b % 36).toString(36); }).join('');
      try { sessionStorage.setItem(key, id); } catch (e) { /* storage off */ }
    }
    return id;
  }

  // A text with its '{name}' slot filled (split and join: no pattern in the value is special).
  function fill(text, name, value) { return text.split('{' + name + '}').join(String(value)); }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // A bot's text with its web addresses as links (the dashboard's sign-in link opens in one click).
  function textWithLinks(text) {
    var box = el('div', 'text');
    var re = /https?:\\/\\/[^\\s<>"]+/g;
    var at = 0;
    var m;
    while ((m = re.exec(text)) !== null) {
      if (m.index > at) box.appendChild(document.createTextNode(text.slice(at, m.index)));
      var a = el('a', null, m[0]);
      a.href = m[0];
      a.target = '_blank';
      a.rel = 'noopener';
      box.appendChild(a);
      at = m.index + m[0].length;
    }
    if (at < text.length) box.appendChild(document.createTextNode(text.slice(at)));
    return box;
  }

  function scrollDown() { logEl.scrollTop = logEl.scrollHeight; }

  function addItem(node) {
    var li = el('li');
    li.appendChild(node);
    logEl.appendChild(li);
    scrollDown();
  }

  function showNote(text, isError) {
    var node = el('div', isError ? 'msg error' : 'msg note', text);
    if (isError) node.setAttribute('role', 'alert');
    addItem(node);
  }

  function showMine(text) {
    var node = el('div', 'msg me');
    node.setAttribute('data-testid', 'user-message');
    node.appendChild(el('span', 'sr-only', T.me + ': '));
    node.appendChild(el('div', 'text', text));
    addItem(node);
  }

  // The placeholder: an example to type when the bot gave one, else the role's neutral hint.
  function hintFor(user) {
    return user && user.role === 'manager' ? fill(T.inputHint, 'hint', T.managerExample) : T.placeholder;
  }

  function showBot(m) {
    var signIn = dashboardTab && m.text ? /https?:\\/\\/\\S+\\/dashboard\\/signin\\?t=[\\w-]+/.exec(m.text) : null;
    // The bot's own answer to /web (PUBLIC_BASE_URL may name this host otherwise than the page).
    if (dashboardTab && signIn) {
      dashboardTab.location.href = signIn[0];
      dashboardTab = null;
    } else if (dashboardTab && m.text) {
      // The answer was not a link of this service (not a manager, dashboard off): no blank tab left.
      dashboardTab.close();
      dashboardTab = null;
    }
    if (typeof m.inputHint === 'string' && m.inputHint !== '') {
      input.placeholder = fill(T.inputHint, 'hint', m.inputHint);
    }
    var node = el('div', 'msg bot');
    node.setAttribute('data-testid', 'bot-message');
    node.appendChild(el('span', 'sr-only', T.bot + ': '));
    if (m.text) node.appendChild(textWithLinks(m.text));
    if (m.file) {
      var box = el('div', 'file');
      if (/^image\\/(png|jpeg|gif|webp)$/.test(m.file.mime)) {
        var link = el('a');
        link.href = m.file.url;
        link.target = '_blank';
        link.rel = 'noopener';
        var img = el('img');
        img.src = m.file.url;
        img.alt = m.file.name;
        link.appendChild(img);
        box.appendChild(link);
      } else {
        var a = el('a', null, '📎 ' + m.file.name);
        a.href = m.file.url;
        a.setAttribute('download', m.file.name);
        box.appendChild(a);
      }
      node.appendChild(box);
    }
    if (m.buttons && m.buttons.length) {
      var group = el('div', 'buttons');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', T.choices);
      m.buttons.forEach(function (row) {
        var rowEl = el('div', 'row');
        row.forEach(function (b) {
          var btn = el('button', 'bot-button', b.label);
          btn.type = 'button';
          btn.setAttribute('data-testid', 'bot-button');
          btn.addEventListener('click', function () {
            setGroupDisabled(group, true);
            submit({ buttonData: b.data }, b.label).then(function (ok) {
              if (!ok) setGroupDisabled(group, false);
            });
          });
          rowEl.appendChild(btn);
        });
        group.appendChild(rowEl);
      });
      node.appendChild(group);
    }
    addItem(node);
  }

  function setGroupDisabled(group, disabled) {
    Array.prototype.forEach.call(group.querySelectorAll('button'), function (b) { b.disabled = disabled; });
  }

  function api(path, init) {
    return fetch(API + path, init).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (body) {
        if (!res.ok) {
          var err = new Error(body && body.error ? body.error : fill(T.errorStatus, 'status', res.status));
          err.status = res.status;
          throw err;
        }
        return body;
      });
    });
  }

  // One inbox read at a time; a read asked for while one runs happens right after it, so a
  // reply that lands during a read is never left for the next tick.
  var inflight = null;
  var again = false;
  function poll() {
    if (!current || loading) return Promise.resolve();
    if (inflight) { again = true; return inflight; }
    var gen = generation;
    inflight = api('/inbox?user=' + encodeURIComponent(current.id) + '&after=' + after)
      .then(function (body) {
        if (gen !== generation) return;
        (body.messages || []).forEach(function (m) {
          if (m.seq > after) {
            after = m.seq;
            if (!(m.historyId && shown[m.historyId])) showBot(m);
          }
        });
      })
      .catch(function () { /* the next tick retries */ })
      .then(function () {
        if (gen !== generation) return;
        inflight = null;
        if (again) { again = false; return poll(); }
      });
    return inflight;
  }

  // One send at a time, in order; resolves true when the bot accepted it.
  function submit(payload, shown) {
    if (!current) return Promise.resolve(false);
    var user = current;
    var gen = generation;
    showMine(shown);
    var body = { user: user.id };
    if (payload.text !== undefined) body.text = payload.text;
    if (payload.buttonData !== undefined) body.buttonData = payload.buttonData;
    var run = queue.then(function () {
      return api('/send', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body)
      }).then(function () {
        return true;
      }, function (err) {
        if (gen === generation) showNote(fill(T.sendFailed, 'error', err.message), true);
        return false;
      }).then(function (ok) {
        return poll().then(function () { return ok; });
      });
    });
    queue = run.then(function () {}, function () {});
    return run;
  }

  function choose(user, button) {
    generation++;
    current = user;
    after = 0;
    inflight = null;
    again = false;
    Array.prototype.forEach.call(usersEl.querySelectorAll('.user'), function (b) {
      b.setAttribute('aria-pressed', b === button ? 'true' : 'false');
    });
    logEl.textContent = '';
    title.textContent = user.name;
    subtitle.textContent = user.meta;
    dashboardButton.hidden = user.role !== 'manager';
    input.placeholder = hintFor(user);
    var note = user.role === 'manager' ? T.managerNote : T.focalNote;
    showNote(user.guest ? T.guestNote : fill(note, 'role', user.meta));
    loadHistory();
  }

  // The chosen user's recent conversation, then the inbox after it; typing waits for it.
  function loadHistory() {
    var gen = generation;
    var user = current;
    loading = true;
    shown = {};
    input.disabled = true;
    sendBtn.disabled = true;
    return api('/history?user=' + encodeURIComponent(user.id)).then(function (body) {
      if (gen !== generation) return;
      (body.messages || []).forEach(function (m) {
        shown[m.historyId] = true;
        if (m.from === 'me') showMine(m.text);
        else showBot(m);
      });
      if (typeof body.after === 'number' && body.after > after) after = body.after;
    }, function () { /* no history: the inbox alone, as before */ }).then(function () {
      if (gen !== generation) return;
      loading = false;
      input.disabled = false;
      sendBtn.disabled = false;
      input.focus();
      poll();
    });
  }

  function addUser(user) {
    var li = el('li');
    var btn = el('button', 'user');
    btn.type = 'button';
    btn.setAttribute('aria-pressed', 'false');
    btn.setAttribute('data-testid', user.guest ? 'user-guest' : 'user-' + user.id);
    btn.appendChild(el('span', 'name', user.name));
    btn.appendChild(el('span', 'meta', user.meta));
    btn.addEventListener('click', function () { choose(user, btn); });
    li.appendChild(btn);
    usersEl.appendChild(li);
  }

  api('/users').then(function (body) {
    (body.users || []).forEach(function (u) {
      addUser({ id: u.id, name: u.name, role: u.role, meta: (ROLE[u.role] || u.role) + ' · ' + u.unitName });
    });
  }, function () {
    showNote(T.usersFailed, true);
  }).then(function () {
    addUser({ id: guestId(), name: T.guestName, meta: T.guestMeta, guest: true });
  });

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = input.value;
    if (!current || text.trim() === '') return;
    input.value = '';
    submit({ text: text }, text);
    input.focus();
  });

  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });

  setInterval(poll, 1000);
})();
`;

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

/** The page's Content-Security-Policy: only its own inline script and style, same-origin fetches. */
export const WEB_CHAT_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${sha256(SCRIPT)}'`,
  `style-src 'sha256-${sha256(STYLE)}'`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The texts the script shows, by the name it reads them under, with their message ids. */
const SCRIPT_TEXTS = {
  roleFocal: 'web-role-focal',
  roleManager: 'web-role-manager',
  me: 'web-speaker-me',
  bot: 'web-speaker-bot',
  choices: 'web-choices-label',
  errorStatus: 'web-error-status',
  sendFailed: 'web-send-failed',
  guestNote: 'web-note-guest',
  focalNote: 'web-note-focal',
  managerNote: 'web-note-manager',
  placeholder: 'web-input-placeholder',
  inputHint: 'web-input-hint',
  managerExample: 'example-manager-question',
  usersFailed: 'web-users-load-failed',
  guestName: 'web-guest-label',
  guestMeta: 'web-guest-meta',
} as const;

/** Slots the script fills itself (`fill`), handed through as `{name}`. */
const SCRIPT_SLOTS = { role: '{role}', status: '{status}', error: '{error}', hint: '{hint}' };

/**
 * The chat page in `locale`. `apiBase` is where the JSON API lives (`/web/api`, or under a base
 * path); it reaches the script, with the texts the script shows, as JSON in a non-executed
 * `<script type="application/json">`.
 */
export function webChatPage(apiBase: string, translator: Translator, locale: Locale): string {
  const t = (id: string) => escapeHtml(translator.t(locale, id));
  const texts = Object.fromEntries(
    Object.entries(SCRIPT_TEXTS).map(([name, id]) => [name, translator.t(locale, id, SCRIPT_SLOTS)]),
  );
  const config = JSON.stringify({ api: apiBase, texts }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('web-title')}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header class="top">
  <h1>${t('web-title')}</h1>
  <span class="banner" role="note" data-testid="demo-banner">${t('web-demo-banner')}</span>
</header>
<div class="layout">
  <aside aria-labelledby="users-title">
    <h2 id="users-title">${t('web-users-title')}</h2>
    <ul class="users" id="users"></ul>
  </aside>
  <main aria-labelledby="chat-title">
    <div class="chat-head">
      <h2 id="chat-title">${t('web-no-user')}</h2>
      <p id="chat-subtitle">${t('web-no-user-hint')}</p>
      <button type="button" id="open-dashboard" data-testid="open-dashboard" hidden>${t('web-open-dashboard')}</button>
    </div>
    <ol class="log" id="log" role="log" aria-live="polite" aria-label="${t('web-log-label')}"></ol>
    <form class="compose" id="compose" autocomplete="off">
      <label class="sr-only" for="chat-input">${t('web-input-label')}</label>
      <textarea id="chat-input" data-testid="chat-input" rows="1" maxlength="4096" disabled
        placeholder="${t('web-input-placeholder')}"></textarea>
      <button type="submit" id="send" data-testid="send" disabled>${t('web-send')}</button>
    </form>
  </main>
</div>
<script type="application/json" id="config">${config}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** A translated text made safe inside an element or a double-quoted attribute. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
