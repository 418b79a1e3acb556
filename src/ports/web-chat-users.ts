/**
 * The people a visitor of the local web chat may act as (demo identities seeded with the
 * embedded defaults). Implementation: src/storage/seed/demo-users.ts.
 */

/** A demo identity, as the web chat's picker shows it. */
export interface DemoUser {
  /** Web identity id (also its chat id). */
  id: string;
  name: string;
  role: 'focal' | 'manager';
  unitCode: string;
  unitName: string;
}

/**
 * Lists the demo identities that exist now, in a stable order. Only these (and guests) may
 * send or read in the web chat; the channel may cache the list for a few seconds.
 */
export interface WebChatUsers {
  list(): Promise<DemoUser[]>;
}
