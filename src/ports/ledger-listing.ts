/** The reminder ledger as operators read it (`reminders:list`). */

/** One ledger row with its unit, duty and recipient by name or code. */
export interface LedgerListing {
  id: number;
  kind: string;
  /** The unit of the row's assignment (a reminder, a nudge), by code. */
  unit: string | null;
  /** Codes of the units the row lists (an escalation's units missing when planned). */
  units: string[];
  /** Codes of the units the recipient holds a role in, managers' first (a weekly digest's scope). */
  recipientUnits: string[];
  duty: string | null;
  period: string | null;
  stage: string;
  recipient: string;
  channel: string;
  status: string;
  attempts: number;
  plannedFor: string;
  sentAt: string | null;
  error: string | null;
}

/** Which rows to list; codes match exactly. */
export interface LedgerListingFilter {
  dutyCode?: string;
  periodCode?: string;
  unitCode?: string;
}

/**
 * Lists ledger rows for operators, oldest first. A row matches a duty or period through its
 * own columns or through its assignment (digests and escalations have no assignment), and a
 * unit through its assignment only. Read-only: listing never changes a row.
 */
export interface LedgerListingStore {
  list(filter: LedgerListingFilter): Promise<LedgerListing[]>;
}
