/**
 * Who is behind a chat identity: people bound to platform accounts, their roles and their
 * settings (language, preferred channel, quiet hours), and the codes that bind a second channel.
 * Implementation: src/storage/identity-store.ts.
 */
import type { QuietHours } from '../domain/quiet-hours.js';
import type { ChannelName } from './channel.js';
import type { Locale } from './translator.js';

/** A reporting unit as the dialog names it. */
export interface UnitRef {
  id: number;
  code: string;
  name: string;
  typeCode: string;
}

/** A role a person holds in a unit now. */
export interface RoleRef {
  role: 'focal' | 'manager' | 'admin';
  unit: UnitRef;
}

/** Who is behind a chat identity, with the roles they hold now. */
export interface Binding {
  personId: number;
  fullName: string;
  locale: Locale;
  roles: RoleRef[];
  /** When this identity last wrote (null: never recorded). Reminders go to the channel used last. */
  lastSeenAt: Date | null;
  /** A send to this identity was refused as blocked: reminders skip it until it writes again. */
  blocked?: boolean;
}

/**
 * What redeeming a link code did: this chat identity is now bound to `personId` (named, for the
 * greeting); or why not: `unknown` code, `used` already (also the loser of two concurrent
 * redemptions), `expired`, or `already_bound` (the identity belongs to someone else).
 */
export type LinkResult =
  | { ok: true; personId: number; fullName: string }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'already_bound' };

/**
 * Who is behind a chat identity, for the dialog engine (`DialogDeps.identities`, wired in
 * src/wiring/dialog.ts). Implementation: `createPrismaIdentityStore`
 * (src/storage/identity-store.ts).
 *
 * Contract: `find` never creates anything; null means the account is not bound, and only roles
 * held now in active units are listed. `find` and `touch` may be group-committed with
 * concurrent calls, so they settle a few milliseconds late and a failed batch rejects every call
 * in it. `setPreferredChannel` answers false and changes nothing for a channel the person is not
 * bound (or is blocked) on. `redeemLinkCode` is atomic and single-use: of two concurrent
 * redemptions of one code exactly one succeeds, and a refusal writes nothing. The store checks no
 * permission and sends nothing.
 */
export interface IdentityStore {
  /** The person bound to this platform account, or null when unbound. */
  find(channel: ChannelName, externalId: string): Promise<Binding | null>;
  setLocale(personId: number, locale: Locale): Promise<void>;
  /** The channel reminders go to (null: the one used last); only a channel the person is bound on. */
  setPreferredChannel(personId: number, channel: ChannelName | null): Promise<boolean>;
  /** The channels this person is bound on (not blocked), and the chosen one. */
  channelsOf(personId: number): Promise<{ channels: ChannelName[]; preferred: ChannelName | null }>;
  /**
   * The person's daily quiet hours (reminders held until they end), or null for none. A stored
   * pair that is not an allowed period reads as null (see `storedQuietHours`).
   */
  quietHoursOf(personId: number): Promise<QuietHours | null>;
  /**
   * Sets the person's daily quiet hours, or clears them with null. `value` must be an allowed
   * period (`isAllowedQuietHours`; the dialog reads it with `parseQuietHours`): anything else
   * is a programming error and throws a RangeError, storing nothing.
   */
  setQuietHours(personId: number, value: QuietHours | null): Promise<void>;
  /**
   * Records that this identity wrote now, and so that it no longer blocks the bot. Advisory (it
   * decides which channel reminders go to): implementations may batch it; the chat id stays the
   * one bound.
   */
  touch(channel: ChannelName, externalId: string, chatId: string, now: Date): Promise<void>;
  /** A one-time code (hash stored) for binding this person on another channel. */
  createLinkCode(personId: number, codeHash: string, expiresAt: Date): Promise<void>;
  /**
   * Binds this chat identity to the person of a link code, once. An identity bound to someone
   * else is refused (`already_bound`); bound to the same person, it is a success.
   */
  redeemLinkCode(input: {
    codeHash: string;
    channel: ChannelName;
    externalId: string;
    chatId: string;
    displayName: string | null;
    now: Date;
  }): Promise<LinkResult>;
}
