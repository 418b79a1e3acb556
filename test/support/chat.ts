import type { DialogEngine } from '../../src/dialog/engine.js';
import type { ChannelName, DialogInput, OutgoingMessage } from '../../src/ports/channel.js';

/**
 * A person in a chat with the engine, as in errbot's test backend: say something, read the
 * replies, press a button of the last reply by (part of) its label.
 */
export function chatWith(
  engine: DialogEngine,
  who: { channel?: ChannelName; chatId: string; userId?: string; name?: string },
) {
  let last: OutgoingMessage[] = [];
  const base = {
    channel: who.channel ?? 'web',
    chatId: who.chatId,
    userId: who.userId ?? who.chatId,
    displayName: who.name ?? 'Nguyễn Văn A',
  } satisfies Partial<DialogInput>;
  const send = async (input: Partial<DialogInput>) => {
    last = await engine.handle({ ...base, ...input });
    return last.map((m) => m.text).join('\n');
  };
  return {
    say: (text: string) => send({ text }),
    pressData: (data: string) => send({ buttonData: data }),
    sendFile: (name: string) =>
      send({ file: { name, mime: 'application/pdf', size: 1000, ref: `file-${name}` } }),
    /** Presses the button whose label contains `label` in the last replies. */
    press: async (label: string) => {
      const button = last.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label.includes(label));
      if (!button) throw new Error(`no button "${label}" in: ${JSON.stringify(last)}`);
      return send({ buttonData: button.data });
    },
    buttons: () => last.flatMap((m) => m.buttons?.flat() ?? []),
    last: () => last,
  };
}
