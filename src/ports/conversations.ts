/**
 * Persisted conversation state of the dialog engine, one per (channel, chat).
 * Implementation: src/storage/conversation-store.ts.
 */
import type { ChannelName } from './channel.js';

/** A stored state (opaque JSON to the store) and its optimistic version. */
export interface StoredConversation {
  state: unknown;
  version: number;
}

/**
 * Persisted conversation state, one per (channel, chat). `save` is optimistic: it succeeds only
 * if the stored version is still `expectedVersion` (0 = not stored yet), so two instances
 * handling the same chat never overwrite each other silently.
 */
export interface ConversationStore {
  load(channel: ChannelName, chatId: string): Promise<StoredConversation | null>;
  save(channel: ChannelName, chatId: string, state: unknown, expectedVersion: number): Promise<boolean>;
}
