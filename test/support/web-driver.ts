/**
 * The journeys' driver for the web chat, through the real web channel adapter's HTTP API (what
 * the page itself calls): `POST <api>/send` with `{user, text | buttonData}` answers once the
 * input was handled, and `GET <api>/inbox?user=&after=` returns the chat's messages with their
 * buttons and file links. People are guests (`guest-…` ids), unbound until they send an invite
 * code, like a new person on any channel.
 */
import { expect } from 'vitest';
import type { WebInboxMessage } from '../../src/channels/web/web-channel.js';
import { bareLabel, type ChatDriver, type Reply, waitIn } from './journeys.js';

/** A web chat client for the service at `base` (`http://127.0.0.1:<port>`). */
export function webDriver(base: string, prefix: string): ChatDriver {
  const api = `${base}/web/api`;
  const cursor = new Map<string, number>();
  /** Each chat's messages read so far, in order. */
  const seen = new Map<string, WebInboxMessage[]>();
  const messagesOf = (chat: string) => seen.get(chat) ?? [];

  /** A read of each chat's inbox in flight: reads of one chat never overlap. */
  const reading = new Map<string, Promise<void>>();

  /** Reads the chat's inbox past what was already seen. */
  function refresh(chat: string): Promise<void> {
    const running = reading.get(chat);
    if (running) return running.then(() => refresh(chat));
    const read = readInbox(chat).finally(() => reading.delete(chat));
    reading.set(chat, read);
    return read;
  }

  async function readInbox(chat: string): Promise<void> {
    const list = messagesOf(chat);
    const after = list.at(-1)?.seq ?? 0;
    const res = await fetch(`${api}/inbox?user=${encodeURIComponent(chat)}&after=${after}`);
    expect(res.status, `inbox of ${chat}`).toBe(200);
    const { messages } = (await res.json()) as { messages: WebInboxMessage[] };
    seen.set(chat, [...list, ...messages]);
  }

  /** Posts an input as the page does; resolves once the service has handled it. */
  async function send(chat: string, body: { text: string } | { buttonData: string }): Promise<void> {
    const res = await fetch(`${api}/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'vi' },
      body: JSON.stringify({ user: chat, ...body }),
    });
    expect(res.status, `send as ${chat}: ${await res.clone().text()}`).toBe(200);
    await refresh(chat);
  }

  const buttonData = (reply: Reply, label: string) => {
    const m = reply.raw as WebInboxMessage;
    const button = m.buttons?.flat().find((b) => b.label.includes(label));
    if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(m)}`);
    return button.data;
  };

  return {
    channel: 'web',
    // Guest ids: `guest-` and 6–16 lower-case letters or digits.
    chat: (n) => `guest-${prefix}${String(n).padStart(4, '0')}`,
    say: (chat, text) => send(chat, { text }),
    async waitFor(chat, text, timeoutMs) {
      let last = 0;
      const m = await waitIn(
        () => {
          // Replies to an input are in the inbox when /send answers; reminders may come later.
          if (Date.now() - last > 200) {
            last = Date.now();
            void refresh(chat).catch(() => undefined);
          }
          return messagesOf(chat);
        },
        (x) => x.text,
        cursor,
        chat,
        text,
        timeoutMs ?? 15_000,
      );
      return { text: m.text, raw: m };
    },
    choose: (chat, reply, label) => send(chat, { buttonData: buttonData(reply, label) }),
    // A button of someone else's chat, posted as this person (a replayed or forged press).
    chooseForeign: (chat, reply, label) => send(chat, { buttonData: buttonData(reply, label) }),
    choicesOf: (reply) => ({
      labels: ((reply.raw as WebInboxMessage).buttons ?? []).flat().map((b) => bareLabel(b.label)),
      numbered: false,
    }),
    async fileOf(reply) {
      const m = reply.raw as WebInboxMessage;
      if (!m.file) throw new Error(`no file in ${JSON.stringify(m)}`);
      const res = await fetch(`${base}${m.file.url}`);
      expect(res.status).toBe(200);
      const bytes = (await res.arrayBuffer()).byteLength;
      const mime = res.headers.get('content-type') ?? '';
      return { name: m.file.name, kind: mime.startsWith('image/') ? 'photo' : 'document', bytes, mime };
    },
    texts: (chat) => messagesOf(chat).map((m) => m.text),
  };
}
