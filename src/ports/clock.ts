/**
 * The one source of time. Every read of "now" in the service goes through a Clock, so
 * `APP_NOW` can start the service at any instant and tests can pin time.
 */
export interface Clock {
  /** The current instant. Monotonic enough for deadlines; never null. */
  now(): Date;
}
