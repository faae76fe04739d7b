/**
 * Buttons ↔ commands. Telegram's callback_data holds at most 64 bytes: a short command travels in
 * the button itself; a longer one is kept here and the button carries a key to it.
 */
import { randomBytes } from 'node:crypto';
import type { CallbackQuery, InlineKeyboardMarkup } from 'telegraf/types';
import type { OutgoingMessage } from '../../src/pipeline/message';
import { Recent } from '../shared/recent';

const MAX_DATA_BYTES = 64;

export class ButtonCommands {
  private readonly kept = new Recent<string>(10_000);
  // A key from before a restart must not find a different command after it.
  private readonly boot = randomBytes(3).toString('hex');
  private seq = 0;

  dataFor(command: string): string {
    const inline = `c:${command}`;
    if (Buffer.byteLength(inline) <= MAX_DATA_BYTES) return inline;
    const key = `k:${this.boot}:${(this.seq++).toString(36)}`;
    this.kept.set(key, command);
    return key;
  }

  commandOf(data: string): string | undefined {
    if (data.startsWith('c:')) return data.slice(2);
    return this.kept.get(data);
  }

  keyboard(actions: NonNullable<OutgoingMessage['actions']>): InlineKeyboardMarkup {
    return {
      inline_keyboard: actions.map((a) => [
        { text: a.label, callback_data: this.dataFor(a.command) },
      ]),
    };
  }
}

/** The label of the button carrying `data` in a sent message, to show which one was pressed. */
export function labelOf(message: CallbackQuery['message'], data: string): string | undefined {
  if (!message || !('reply_markup' in message) || !message.reply_markup) return undefined;
  for (const row of message.reply_markup.inline_keyboard) {
    for (const b of row) if ('callback_data' in b && b.callback_data === data) return b.text;
  }
  return undefined;
}
