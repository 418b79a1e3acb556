/**
 * The fake Telegram Bot API in a child process of its own, for benchmarks: the platform is
 * remote in reality, so it must not take the measured process's CPU. The parent drives it over
 * IPC: `{cmd: 'stats'}` → `{sent, times, firstAt, lastAt, rejected429, rejected429At, perChat}`
 * (see `Stats`); `{cmd: 'reset'}` forgets every message and 429 so far (answered `{reset: true}`).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createFakeTelegram } from './telegram-api.js';

interface Stats {
  sent: number;
  /** When the fake accepted each message, in order (ms since the epoch). */
  times: number[];
  /** When the fake accepted the first and the last message (ms since the epoch; 0 when none). */
  firstAt: number;
  lastAt: number;
  rejected429: number;
  /** When each 429 was answered (ms since the epoch). */
  rejected429At: number[];
  perChat: [string, number][];
}

export interface RemoteFakeTelegram {
  apiRoot: string;
  token: string;
  botInfo: ReturnType<typeof createFakeTelegram>['botInfo'];
  stats(): Promise<Stats>;
  /** Forgets every message and 429 so far, and the rate window. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRemoteFakeTelegram(
  options: { perSecond?: number } = {},
): Promise<RemoteFakeTelegram> {
  const child = fork(fileURLToPath(import.meta.url), ['--child', String(options.perSecond ?? 0)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ apiRoot: string; token: string; botInfo: RemoteFakeTelegram['botInfo'] }>(
    (resolve, reject) => {
      child.once('message', (m) => resolve(m as never));
      child.once('exit', (code) => reject(new Error(`fake exited ${code}`)));
    },
  );
  return {
    ...ready,
    stats: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve(m as Stats));
        child.send({ cmd: 'stats' });
      }),
    reset: () =>
      new Promise((resolve) => {
        child.once('message', () => resolve());
        child.send({ cmd: 'reset' });
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

if (process.argv[2] === '--child') {
  const perSecond = Number(process.argv[3]);
  const tg = createFakeTelegram(perSecond > 0 ? { rateLimit: { perSecond } } : {});
  await tg.start();
  process.on('message', (m: { cmd?: string }) => {
    if (m.cmd === 'reset') {
      tg.reset();
      process.send?.({ reset: true });
      return;
    }
    const perChat = new Map<string, number>();
    for (const m of tg.sent) perChat.set(String(m.chat_id), (perChat.get(String(m.chat_id)) ?? 0) + 1);
    process.send?.({
      sent: tg.sent.length,
      times: tg.sent.map((m) => m.at),
      firstAt: tg.sent[0]?.at ?? 0,
      lastAt: tg.sent.at(-1)?.at ?? 0,
      rejected429: tg.rejected429,
      rejected429At: [...tg.rejected429At],
      perChat: [...perChat],
    });
  });
  process.on('SIGTERM', () => {
    void tg.stop().then(() => process.exit(0));
  });
  process.send?.({ apiRoot: tg.apiRoot, token: tg.token, botInfo: tg.botInfo });
}
