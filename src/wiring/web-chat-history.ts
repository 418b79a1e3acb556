/**
 * The web chat's history, assembled: its transcript on Prisma, and which buttons of the last
 * reply the dialog would still act on (read from the chat's conversation state).
 */
import { type ConversationState, readState } from '../dialog/state.js';
import type { Clock } from '../ports/clock.js';
import type { ConversationStore } from '../ports/conversations.js';
import type { WebChatLiveButtons, WebChatTranscript } from '../ports/web-chat-transcript.js';
import { createPrismaConversationStore } from '../storage/conversation-store.js';
import type { PrismaClient } from '../storage/database.js';
import { createPrismaWebChatTranscript } from '../storage/web-chat-transcript-store.js';

/**
 * Whether the dialog would act on a press of `data` in `state` (the checks `onButton` in
 * src/dialog/flows/buttons.ts makes before anything else): a language choice always; buttons
 * sent out of band (`x|…`: a manager's decision, a unit among several) always, their action being
 * checked against the presser's scope; any other only while its token is the current step's.
 */
export function pressWouldAct(state: ConversationState, data: string): boolean {
  const [token, action, arg] = data.split('|');
  if (action === 'lang' && (arg === 'vi' || arg === 'en')) return true;
  if (token === 'x') return true;
  const flow = state.flow;
  return flow.k !== 'idle' && 'token' in flow && flow.token === token;
}

/** `WebChatLiveButtons` over the dialog's stored conversation state of web chats. */
export function webChatLiveButtons(conversations: ConversationStore): WebChatLiveButtons {
  return {
    async forChat(chatId) {
      const stored = await conversations.load('web', chatId);
      const state = readState(stored?.state);
      return (data) => pressWouldAct(state, data);
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
