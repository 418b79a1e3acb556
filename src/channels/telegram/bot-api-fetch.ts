/**
 * The HTTP client under grammY: undici's `request` on a keep-alive pool, handed to grammY as
 * its `fetch`. grammY only reads `res.json()` from what `fetch` returns. It costs much less CPU
 * a Bot API call than node-fetch on Node's `http` (grammY's default on Node), and those calls
 * are what a fan-out of thousands of reminders spends most of its time on (the measured
 * figures are in src/channels/README.md).
 */
import type { Readable } from 'node:stream';
import { Agent, type Dispatcher, request } from 'undici';

/** The subset of a fetch `init` grammY passes (JSON text, or a multipart stream for files). */
interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Readable;
  signal?: AbortSignal;
}

/**
 * One pool per channel, kept for the life of the process: `send` works before `start` and
 * after `stop` (delivery workers only send), and idle sockets do not keep the process alive.
 */
export function createBotApiFetch(): (
  url: string,
  init?: FetchInit,
) => Promise<{ json(): Promise<unknown> }> {
  const dispatcher = new Agent({
    connections: 64,
    // A long poll holds its connection for its timeout; grammY aborts a hung call itself.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  return async (url, init = {}) => {
    const res = await request(url, {
      dispatcher,
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: init.headers,
      body: init.body,
      signal: init.signal,
    });
    // Telegram answers errors (400, 403, 429…) as JSON too: grammY reads `ok` and `error_code`.
    return { json: () => res.body.json() };
  };
}
