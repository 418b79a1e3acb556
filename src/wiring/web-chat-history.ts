/**
 * The web chat's history, assembled: its transcript on Prisma, and which buttons of the last
 * reply the dialog would still act on (read from the chat's conversation state).
 */
import { buttonIsLive } from '../dialog/flows/buttons.js';
import { readState } from '../dialog/state.js';
import type { Clock } from '../ports/clock.js';
import type { ConversationStore } from '../ports/conversations.js';
import type { WebChatLiveButtons, WebChatTranscript } from '../ports/web-chat-transcript.js';
import { createPrismaConversationStore } from '../storage/conversation-store.js';
import type { PrismaClient } from '../storage/database.js';
import { createPrismaWebChatTranscript } from '../storage/web-chat-transcript-store.js';

/** `WebChatLiveButtons` over the dialog's stored conversation state of web chats. */
export function webChatLiveButtons(conversations: ConversationStore): WebChatLiveButtons {
  return {
    async forChat(chatId) {
      const stored = await conversations.load('web', chatId);
      const state = readState(stored?.state);
      return (data) => buttonIsLive(state, data);
    },
  };
}

/** The web channel's `transcript` and `liveButtons` options on the database. */
export function createWebChatHistory(
  prisma: PrismaClient,
  clock: Clock,
): { transcript: WebChatTranscript; liveButtons: WebChatLiveButtons } {
  return {
    transcript: createPrismaWebChatTranscript(prisma, clock),
    liveButtons: webChatLiveButtons(createPrismaConversationStore(prisma)),
  };
}
