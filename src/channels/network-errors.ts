/**
 * Reading a failed request's socket error: whether the request may have reached the platform
 * decides whether a send may be repeated (ChannelNetworkError's `maybeDelivered`).
 */

/** Socket error codes of a connection that was never made: the request did not leave. */
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** True when a fetch-level error (or its `cause`) says the request never left this machine. */
export function neverConnected(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NEVER_CONNECTED.has(code)) return true;
    e = (e as { cause?: unknown; error?: unknown }).cause ?? (e as { error?: unknown }).error;
  }
  return false;
}
