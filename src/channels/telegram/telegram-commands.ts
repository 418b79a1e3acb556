/**
 * The command menu Telegram shows beside the text box: the commands the dialog understands,
 * described in each language (`locales/<lang>/commands.ftl`, ids `telegram-command-<name>`).
 */
import type { BotCommand } from 'grammy/types';
import type { Locale, Translator } from '../../ports/translator.js';

/** The menu's commands, in the order Telegram lists them. */
export const TELEGRAM_COMMAND_NAMES = [
  'start',
  'hanchot',
  'sua',
  'huy',
  'trogiup',
  'ngonngu',
  'giotinh',
  'tinhhinh',
] as const;

/** The menu in `locale`: each command with its description. */
export function telegramCommands(translator: Translator, locale: Locale): BotCommand[] {
  return TELEGRAM_COMMAND_NAMES.map((command) => ({
    command,
    description: translator.t(locale, `telegram-command-${command}`),
  }));
}
