/** Who hears about an assignment, and where each person is reached. */
import type { ChannelName } from './channel.js';

/** Where a person is reached: their preferred bound identity. */
export interface Recipient {
  personId: number;
  channel: ChannelName;
  chatId: string;
}

/** What a notice about an unreachable focal point says. */
export interface GoneNotice {
  personName: string;
  unitName: string;
  /** The channel the person can still be reached on (null when none is left). */
  reachedOn: ChannelName | null;
}

/**
 * The people a reminder pipeline message goes to. A person is reached on one identity: the
 * channel they chose if they have a usable identity there, else the one they wrote from last;
 * blocked identities are never used, and a person with no usable identity is left out (never
 * an error). Each person appears once per unit, whatever the number of their roles.
 */
export interface ReminderRecipients {
  /** Focal points of these units (bound, not blocked), by unit id. */
  focalRecipients(unitIds: readonly number[]): Promise<Map<number, Recipient[]>>;
  /**
   * Managers who must hear about a unit on a duty: the managers of the unit the duty reports to
   * (Vụ TĐKT), of the unit's parents (Tổng cục THADS for a Cục THADS) and of its cluster, and
   * (unless `clusterLeads: false`) the focal points of its cluster's head and deputy units.
   */
  escalationRecipients(
    unitIds: readonly number[],
    dutyId: number,
    opts?: { clusterLeads?: boolean },
  ): Promise<Map<number, Recipient[]>>;
  /** Where each of these people is reached (people with no usable identity are left out). */
  recipientsOf(personIds: readonly number[]): Promise<Map<number, Recipient>>;
  /**
   * What a notice about an unreachable focal point says: their name, the unit's, and the
   * channel they can still be reached on; null when the person or the unit is gone.
   */
  goneNotice(personId: number, unitId: number): Promise<GoneNotice | null>;
}
