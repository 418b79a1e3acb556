/**
 * Telegram's failures in the Channel port's terms, and log-safe summaries of them. The Bot API
 * puts the token in every request path: nothing here lets it through.
 */
import { GrammyError, HttpError } from 'grammy';
import { redactSecrets } from '../../logging/redact.js';
import {
  ChannelAuthError,
  ChannelError,
  ChannelNetworkError,
  RateLimitedError,
  RecipientGoneError,
} from '../../ports/channel.js';
import { neverConnected } from '../network-errors.js';

/** Descriptions of a 400 that mean the chat is gone for good (never retried). */
const GONE_400 =
  /chat not found|user not found|peer_id_invalid|bot was blocked|user is deactivated|bot was kicked|group chat was (upgraded|deactivated)|have no rights to send/i;

/** A grammY (or any) error → the ChannelError that tells the caller what to do. Token-free. */
export function toChannelError(err: unknown): ChannelError {
  if (err instanceof ChannelError) return err;
  if (err instanceof GrammyError) {
    const what = redactSecrets(`telegram ${err.method}: ${err.error_code} ${err.description}`);
    const code = err.error_code;
    if (code === 429) return new RateLimitedError(err.parameters.retry_after ?? 1, what);
    if (code === 403) return new RecipientGoneError(what);
    if (code === 400 && GONE_400.test(err.description)) return new RecipientGoneError(what);
    if (code === 401 || code === 404) return new ChannelAuthError(what);
    if (code >= 500) return new ChannelNetworkError(what);
    return new ChannelError(what);
  }
  // A network failure: the request may have reached Telegram unless the connection was never made.
  if (err instanceof HttpError) {
    return new ChannelNetworkError(redactSecrets(`telegram: ${err.message}`), !neverConnected(err.error));
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ChannelNetworkError(redactSecrets(`telegram: ${message}`), !neverConnected(err));
}

/**
 * A log-safe summary of an error. Never log grammY errors whole: an HttpError holds the
 * fetch error, whose message contains the request URL and so the token; a GrammyError holds
 * the payload (message texts).
 */
export function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof GrammyError) {
    return { name: err.name, method: err.method, errorCode: err.error_code, description: err.description };
  }
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return {
      name: err.name,
      message: redactSecrets(err.message).slice(0, 300),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  return { message: redactSecrets(String(err)).slice(0, 300) };
}
