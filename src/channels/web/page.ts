/**
 * The web chat page: one self-contained HTML document (inline CSS and JS, no external
 * resource, no framework), Vietnamese UI. Kept in a `.ts` module rather than an `.html` file so
 * the compiled service (`dist/`) carries it without a copy step.
 *
 * Safety: every text from the bot or the person is put in the DOM with `textContent`, never
 * `innerHTML`. The script and the style are allowed by their SHA-256 hashes in the page's
 * Content-Security-Policy (see `webChatPage`), so nothing else can run.
 *
 * The client script contains no template literals: it lives inside this template string.
 */
import { createHash } from 'node:crypto';

const STYLE = `
:root {
  --bg: #f3f5f8; --panel: #ffffff; --ink: #1b2430; --muted: #5a6473; --line: #d6dce4;
  --brand: #0b5cab; --brand-ink: #ffffff; --bot: #ffffff; --me: #dbeafe; --warn-bg: #fff4d6;
  --warn-ink: #6b4a00; --err: #a4262c;
  font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif,
    "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji";
  font-size: 16px; color: var(--ink); background: var(--bg);
}
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.top { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; padding: 10px 16px;
  background: var(--brand); color: var(--brand-ink); }
header.top h1 { font-size: 1.15rem; margin: 0; }
.banner { background: var(--warn-bg); color: var(--warn-ink); border-radius: 999px; padding: 2px 12px;
  font-size: 0.85rem; font-weight: 600; }
.layout { flex: 1; min-height: 0; display: grid; grid-template-columns: 300px 1fr; }
aside { border-right: 1px solid var(--line); background: var(--panel); overflow-y: auto; padding: 12px; }
aside h2 { font-size: 0.95rem; margin: 4px 4px 10px; color: var(--muted); }
.users { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.user { width: 100%; text-align: left; border: 1px solid var(--line); background: var(--panel); color: var(--ink);
  border-radius: 10px; padding: 8px 10px; cursor: pointer; font: inherit; }
.user:hover { border-color: var(--brand); }
.user[aria-pressed="true"] { border-color: var(--brand); box-shadow: inset 4px 0 0 var(--brand); background: #eef5fd; }
.user .name { display: block; font-weight: 600; }
.user .meta { display: block; font-size: 0.85rem; color: var(--muted); margin-top: 2px; }
main { display: flex; flex-direction: column; min-height: 0; min-width: 0; }
.chat-head { padding: 10px 16px; border-bottom: 1px solid var(--line); background: var(--panel); }
.chat-head h2 { font-size: 1rem; margin: 0; }
.chat-head p { margin: 2px 0 0; font-size: 0.85rem; color: var(--muted); }
.log { flex: 1; overflow-y: auto; list-style: none; margin: 0; padding: 16px; display: flex; flex-direction: column; gap: 10px; }
.log > li { display: flex; flex-direction: column; }
.msg { max-width: min(680px, 88%); padding: 8px 12px; border-radius: 12px; border: 1px solid var(--line); }
.msg .text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.4; }
.msg.bot { align-self: flex-start; background: var(--bot); border-top-left-radius: 4px; }
.msg.me { align-self: flex-end; background: var(--me); border-color: #b7d3f5; border-top-right-radius: 4px; }
.msg.note { align-self: center; background: transparent; border: none; color: var(--muted); font-size: 0.85rem; text-align: center; }
.msg.error { align-self: center; background: #fde7e9; border-color: #f1b8bd; color: var(--err); }
.buttons { display: flex; flex-direction: column; gap: 6px; margin-top: 8px; }
.buttons .row { display: flex; flex-wrap: wrap; gap: 6px; }
.bot-button { font: inherit; font-size: 0.95rem; padding: 6px 12px; border-radius: 8px; border: 1px solid var(--brand);
  background: #eef5fd; color: var(--brand); cursor: pointer; min-height: 36px; }
.bot-button:hover:not(:disabled) { background: var(--brand); color: var(--brand-ink); }
.bot-button:disabled { opacity: 0.55; cursor: default; }
.file { margin-top: 8px; }
.file img { display: block; max-width: 100%; height: auto; border-radius: 8px; border: 1px solid var(--line); }
.file a { color: var(--brand); font-weight: 600; }
form.compose { display: flex; gap: 8px; padding: 10px 12px; border-top: 1px solid var(--line); background: var(--panel); }
form.compose textarea { flex: 1; min-width: 0; resize: none; font: inherit; padding: 8px 10px; border: 1px solid var(--line);
  border-radius: 10px; min-height: 44px; max-height: 160px; }
form.compose button { font: inherit; font-weight: 600; padding: 0 18px; border-radius: 10px; border: none;
  background: var(--brand); color: var(--brand-ink); cursor: pointer; min-height: 44px; }
form.compose button:disabled, form.compose textarea:disabled { opacity: 0.55; cursor: not-allowed; }
:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
@media (max-width: 720px) {
  .layout { grid-template-columns: 1fr; grid-template-rows: auto 1fr; }
  aside { border-right: none; border-bottom: 1px solid var(--line); padding: 8px; }
  aside h2 { margin: 0 4px 6px; }
  .users { flex-direction: row; overflow-x: auto; padding-bottom: 4px; }
  .users li { flex: 0 0 220px; }
  .log { padding: 10px; }
  .msg { max-width: 94%; }
}
`;

const SCRIPT = `
(function () {
  'use strict';
  var API = JSON.parse(document.getElementById('config').textContent).api;
  var ROLE = { focal: 'Đầu mối', manager: 'Lãnh đạo' };
  var usersEl = document.getElementById('users');
  var logEl = document.getElementById('log');
  var form = document.getElementById('compose');
  var input = document.getElementById('chat-input');
  var sendBtn = document.getElementById('send');
  var title = document.getElementById('chat-title');
  var subtitle = document.getElementById('chat-subtitle');

  var current = null;   // the chosen user {id, name, ...}
  var after = 0;        // last inbox seq shown for the current user
  var generation = 0;   // bumps on every switch: late answers for another user are dropped
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

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
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
    node.appendChild(el('span', 'sr-only', 'Tôi: '));
    node.appendChild(el('div', 'text', text));
    addItem(node);
  }

  function showBot(m) {
    var node = el('div', 'msg bot');
    node.setAttribute('data-testid', 'bot-message');
    node.appendChild(el('span', 'sr-only', 'Đôn Đốc: '));
    if (m.text) node.appendChild(el('div', 'text', m.text));
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
      group.setAttribute('aria-label', 'Lựa chọn');
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
          var err = new Error(body && body.error ? body.error : 'Lỗi ' + res.status);
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
    if (!current) return Promise.resolve();
    if (inflight) { again = true; return inflight; }
    var gen = generation;
    inflight = api('/inbox?user=' + encodeURIComponent(current.id) + '&after=' + after)
      .then(function (body) {
        if (gen !== generation) return;
        (body.messages || []).forEach(function (m) {
          if (m.seq > after) {
            after = m.seq;
            showBot(m);
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
        if (gen === generation) showNote('Chưa gửi được: ' + err.message, true);
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
    input.disabled = false;
    sendBtn.disabled = false;
    showNote(user.guest
      ? 'Khách chưa kết nối với đơn vị nào: gửi mã mời để bắt đầu, hoặc /trogiup.'
      : 'Đồng chí đang thử với vai ' + user.meta + '. Gõ số liệu, ví dụ: việc 83,5% tiền 46,2%');
    input.focus();
    poll();
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
      addUser({ id: u.id, name: u.name, meta: (ROLE[u.role] || u.role) + ' · ' + u.unitName });
    });
  }, function () {
    showNote('Không tải được danh sách người dùng mẫu.', true);
  }).then(function () {
    addUser({ id: guestId(), name: 'Khách (chưa kết nối)', meta: 'Chưa gắn với đơn vị nào', guest: true });
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

/**
 * The chat page. `apiBase` is where the JSON API lives (`/web/api`, or under a base path); it
 * reaches the script as JSON in a non-executed `<script type="application/json">`.
 */
export function webChatPage(apiBase: string): string {
  const config = JSON.stringify({ api: apiBase }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đôn Đốc — trò chuyện thử</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header class="top">
  <h1>Đôn Đốc — trò chuyện thử</h1>
  <span class="banner" role="note" data-testid="demo-banner">Chế độ thử nghiệm — dữ liệu mẫu</span>
</header>
<div class="layout">
  <aside aria-labelledby="users-title">
    <h2 id="users-title">Chọn người dùng</h2>
    <ul class="users" id="users"></ul>
  </aside>
  <main aria-labelledby="chat-title">
    <div class="chat-head">
      <h2 id="chat-title">Chưa chọn người dùng</h2>
      <p id="chat-subtitle">Chọn một người dùng mẫu hoặc Khách để bắt đầu trò chuyện.</p>
    </div>
    <ol class="log" id="log" role="log" aria-live="polite" aria-label="Tin nhắn"></ol>
    <form class="compose" id="compose" autocomplete="off">
      <label class="sr-only" for="chat-input">Tin nhắn gửi Đôn Đốc</label>
      <textarea id="chat-input" data-testid="chat-input" rows="1" maxlength="4096" disabled
        placeholder="Nhập tin nhắn, ví dụ: việc 83,5% tiền 46,2%"></textarea>
      <button type="submit" id="send" data-testid="send" disabled>Gửi</button>
    </form>
  </main>
</div>
<script type="application/json" id="config">${config}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
