/**
 * One statement at a time on a transaction's connection. Prisma 7's query interpreter runs the
 * parts of some plans concurrently — the chunks of a `createMany` too large for one statement
 * (more than 32,767 parameters, wrapped in an internal transaction), sibling relations loaded
 * inside an interactive transaction — and `@prisma/adapter-pg` 7.10 hands them all to the
 * transaction's single `pg` client at once. `pg` queues them, but warns ("Calling client.query()
 * when the client is already executing a query is deprecated and will be removed in pg@9.0"),
 * and pg 9 will refuse. Upstream: prisma/orm#29407, fix proposed in prisma/orm#29979.
 *
 * `serialiseTransactions` wraps the adapter factory so every transaction's statements (and its
 * commit, rollback and savepoints) run one after another, in the order they were issued — what
 * `pg` did with its queue, so nothing gets slower. Queries outside a transaction go to the pool
 * untouched and stay concurrent.
 */
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from '@prisma/driver-adapter-utils';

/** A transaction's methods that talk to its connection. */
const SERIAL = new Set<PropertyKey>([
  'queryRaw',
  'executeRaw',
  'commit',
  'rollback',
  'createSavepoint',
  'rollbackToSavepoint',
  'releaseSavepoint',
]);

/** The factory, with every transaction of every adapter it connects running one statement at a time. */
export function serialiseTransactions<F extends SqlMigrationAwareDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === 'connect') return async () => serialAdapter(await target.connect());
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function serialAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, prop) {
      if (prop === 'startTransaction') {
        return async (...args: Parameters<SqlDriverAdapter['startTransaction']>) =>
          serialTransaction(await target.startTransaction(...args));
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The transaction, its connection's calls chained: each starts when the previous one settled. */
export function serialTransaction(tx: Transaction): Transaction {
  let tail: Promise<unknown> = Promise.resolve();
  return new Proxy(tx, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (!SERIAL.has(prop)) return value.bind(target);
      return (...args: unknown[]) => {
        const run = tail.then(() => value.apply(target, args));
        tail = run.catch(() => undefined);
        return run;
      };
    },
  });
}
