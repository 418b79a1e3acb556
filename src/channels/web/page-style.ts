/**
 * The web chat page's style sheet, inlined in the page and allowed by its hash in the page's
 * Content-Security-Policy (./page.ts). Narrow screens (under 720 px) stack the user list above
 * the conversation.
 */

/** The page's CSS, as it goes in its `<style>` element. */
export const WEB_CHAT_STYLE = `
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
#open-dashboard { margin-top: 6px; }
#open-dashboard[hidden] { display: none; }
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
