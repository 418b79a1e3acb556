/**
 * A unit of work that is always undone: everything written through the client it hands out
 * happens in one database transaction that is rolled back at the end. It is how a preview runs
 * the real code (the same statements, the same uniqueness checks) and leaves nothing behind.
 */
import type { PrismaClient } from './database.js';

/** Thrown inside the transaction to roll it back; never escapes `inRolledBackTransaction`. */
class RollBack extends Error {
  override readonly name = 'RollBack';
}

/**
 * The transaction client seen as a whole client: a store that opens its own transaction
 * (`$transaction(fn)` or `$transaction([...])`) joins the outer one instead, which is rolled back
 * with everything else. (The transaction's statements reach its one connection one at a time:
 * ./serial-transactions.ts.)
 */
function joined(tx: object): PrismaClient {
  const client: PrismaClient = new Proxy(tx, {
    get(target, prop) {
      if (prop === '$transaction') {
        return async (arg: unknown) => {
          if (typeof arg === 'function') return arg(client);
          const out: unknown[] = [];
          for (const p of arg as PromiseLike<unknown>[]) out.push(await p);
          return out;
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as PrismaClient;
  return client;
}

/**
 * Runs `work` with a client bound to one transaction, rolls the transaction back whatever
 * happens, and returns what `work` returned (or rethrows what it threw). Rows written inside
 * hold their locks until the end: a concurrent writer of the same unique keys waits for it.
 * `timeoutMs` bounds the whole unit of work (default 10 minutes).
 */
export async function inRolledBackTransaction<T>(
  prisma: PrismaClient,
  work: (client: PrismaClient) => Promise<T>,
  opts: { timeoutMs?: number } = {},
): Promise<T> {
  const rollBack = new RollBack('rolled back on purpose');
  let result: { value: T } | undefined;
  try {
    await prisma.$transaction(
      async (tx) => {
        result = { value: await work(joined(tx)) };
        throw rollBack;
      },
      { timeout: opts.timeoutMs ?? 600_000, maxWait: 10_000 },
    );
  } catch (err) {
    if (err !== rollBack) throw err;
  }
  if (!result) throw new Error('inRolledBackTransaction: the work did not finish');
  return result.value;
}
