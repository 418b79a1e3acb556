/**
 * The web chat channel: a local page for trying the bot with no Telegram or Zalo token, and
 * the target of browser tests. It only translates: a POST from the page becomes a DialogInput,
 * and every message `send()` delivers (replies, reminders from the jobs) lands in that chat's
 * in-memory inbox (./web-inbox.ts), which the page polls. Given a transcript, both ways are
 * also stored (./web-history.ts) and the page opens a chat on its recent conversation, so a
 * restart loses nothing the person saw. The HTTP surface is in ./web-routes.ts, the page in
 * ./page.ts.
 *
 * Who may send and read: the demo users `users` lists, and guests whose id matches `GUEST_ID`
 * (the page makes one per browser tab; the dialog treats them as unbound people). Anyone else
 * gets 403. The page and the API's errors are in the reader's language: English when the
 * browser asks for it first, else `locale`.
 */
import {
  type Channel,
  type ChannelCapabilities,
  ChannelError,
  type DialogInput,
} from '../../ports/channel.js';
import type { RouteRegistrar } from '../../ports/http-routes.js';
import type { Logger } from '../../ports/logger.js';
import type { Locale, Translator } from '../../ports/translator.js';
import type { WebChatLiveButtons, WebChatTranscript } from '../../ports/web-chat-transcript.js';
import type { DemoUser, WebChatUsers } from '../../ports/web-chat-users.js';
import { webChatPage } from './page.js';
import { createWebHistory } from './web-history.js';
import { createWebInbox, WEB_MAX_TEXT } from './web-inbox.js';
import { registerWebRoutes, type WebPerson } from './web-routes.js';

export type { WebHistoryMessage } from './web-history.js';
export {
  INBOX_LIMIT,
  MAX_CHATS,
  MAX_FILE_BYTES,
  WEB_MAX_TEXT,
  type WebInboxMessage,
} from './web-inbox.js';
export { WEB_MAX_BODY_BYTES } from './web-routes.js';

/** How long the list of demo users is trusted before `users` is asked again. */
const USERS_TTL_MS = 5_000;

/** Guest ids the page invents: `guest-` and 6–16 lower-case letters or digits. */
export const GUEST_ID = /^guest-[a-z0-9]{6,16}$/;

/** Where the chat is served, who may use it, and in which language it speaks. */
export interface WebChannelOptions {
  routes: RouteRegistrar;
  logger: Logger;
  /** The demo users a person may act as (read again at most every 5 s). */
  users: WebChatUsers;
  /** The page's texts and the API's errors. */
  translator: Translator;
  /** The language of readers whose browser does not ask for English first. Default `vi`. */
  locale?: Locale;
  /** Path prefix of the page and API, without a trailing slash. Default '' (page at `/`). */
  basePath?: string;
  /** Where both ways of every chat are kept, so the page shows them after a restart (none: memory only). */
  transcript?: WebChatTranscript;
  /** Which buttons of the last reply the conversation still expects (none: they are not shown again). */
  liveButtons?: WebChatLiveButtons;
}

/**
 * Creates the web chat channel and registers its routes on `routes` at once (the page and the
 * inbox work before `start`, so reminders queue up; `send` inputs answer 503 until `start`).
 * `start` twice throws; `stop` waits up to 10 s for inputs in flight and is idempotent.
 * One chat's inputs run in order, different chats concurrently. A throwing `onInput` is logged
 * (without the text) and answered 500; the server keeps serving.
 */
export function createWebChannel(options: WebChannelOptions): Channel {
  const log = options.logger.child({ channel: 'web' });
  const { translator } = options;
  const base = (options.basePath ?? '').replace(/\/+$/, '');
  if (base !== '' && !/^\/[A-Za-z0-9._~/-]*$/.test(base)) {
    throw new Error(`web chat basePath must start with "/" and hold only URL-safe characters: ${base}`);
  }
  const api = `${base}/web/api`;
  const pages = new Map<Locale, string>();
  const inbox = createWebInbox(api);
  const history = createWebHistory({
    inbox,
    log,
    ...(options.transcript ? { transcript: options.transcript } : {}),
    ...(options.liveButtons ? { liveButtons: options.liveButtons } : {}),
  });
  let onInput: ((input: DialogInput) => Promise<void>) | null = null;
  let usersCache: { at: number; byId: Map<string, DemoUser> } | null = null;

  async function demoUsers(): Promise<Map<string, DemoUser>> {
    const now = Date.now();
    if (usersCache && now - usersCache.at < USERS_TTL_MS) return usersCache.byId;
    const list = await options.users.list();
    usersCache = { at: now, byId: new Map(list.map((u) => [u.id, u])) };
    return usersCache.byId;
  }

  /** The person behind `id` when allowed (a demo user, or a guest), else null. */
  async function who(id: unknown, locale: Locale): Promise<WebPerson | null> {
    if (typeof id !== 'string' || id.length === 0 || id.length > 64) return null;
    if (GUEST_ID.test(id)) return { id, displayName: translator.t(locale, 'web-guest-name') };
    const user = (await demoUsers()).get(id);
    return user ? { id, displayName: user.name } : null;
  }

  function page(locale: Locale): string {
    let html = pages.get(locale);
    if (html === undefined) {
      html = webChatPage(api, translator, locale);
      pages.set(locale, html);
    }
    return html;
  }

  registerWebRoutes({
    routes: options.routes,
    base,
    api,
    inbox,
    history,
    page,
    users: demoUsers,
    who,
    handler: () => {
      const handle = onInput;
      // What the person sent is stored first, in the chat's order, then handled.
      return (
        handle &&
        (async (input: DialogInput) => {
          await history.recordInput(input);
          await handle(input);
        })
      );
    },
    translator,
    locale: options.locale ?? 'vi',
    log,
  });

  const capabilities: ChannelCapabilities = { maxTextLength: WEB_MAX_TEXT, buttons: 'html', files: true };

  return {
    name: 'web',
    capabilities,

    async start(handler) {
      if (onInput) throw new ChannelError('web channel already started');
      onInput = handler;
      log.info({ path: `${base}/` }, 'web chat started');
    },

    async stop() {
      onInput = null;
      const drained = await inbox.drain(10_000);
      if (!drained) log.warn('web chat inputs still running after 10 s at stop');
    },

    async send(chatId, message) {
      if (chatId.length === 0 || chatId.length > 64) throw new ChannelError('web: invalid chat id');
      if (!message.file && message.text.trim().length === 0 && !message.buttons?.some((r) => r.length > 0)) {
        throw new ChannelError('web: nothing to send (empty text)');
      }
      const historyId = await history.recordOutgoing(chatId, message);
      return { messageId: String(inbox.push(chatId, message, historyId)) };
    },
  };
}
