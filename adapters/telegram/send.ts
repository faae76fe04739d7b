/**
 * What the bot sends on Telegram: text (with an inline keyboard for actions), and pictures and
 * files with their caption. Flood control (429 with retry_after) is waited out, never dropped.
 */
import { Input, Telegram, TelegramError } from 'telegraf';
import type { Logger } from '../../src/log';
import type { Attachment, OutgoingMessage } from '../../src/pipeline/message';
import { FileRefused, type Part } from '../shared/outbox';
import { splitText } from '../shared/split';
import type { ButtonCommands } from './keyboard';

export const TELEGRAM_TEXT_LIMIT = 4096;
/** A photo's or document's caption holds at most 1,024 characters. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/** Run one Bot API call, waiting as long as flood control says (up to 5 tries). */
async function floodSafe<T>(log: Logger, chatId: string, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      // Telegram says how long to wait. Waiting is better than losing the reply.
      const retryAfter = err instanceof TelegramError ? err.parameters?.retry_after : undefined;
      if (retryAfter === undefined || attempt >= 5) throw err;
      log.warn('telegram flood control, waiting', { chatId, seconds: retryAfter });
      await new Promise((res) => setTimeout(res, retryAfter * 1000));
    }
  }
}

export async function deliverText(
  api: Telegram,
  buttons: ButtonCommands,
  msg: OutgoingMessage,
  part: Part,
  log: Logger,
): Promise<void> {
  const extra = part.actions ? { reply_markup: buttons.keyboard(part.actions) } : {};
  await floodSafe(log, msg.chatId, () => api.sendMessage(msg.chatId, part.text, extra));
}

/**
 * 400 (a photo Telegram cannot process, a wrong file) and 413 (too large) are about this file and
 * will not change on a retry; 403 (the bot was blocked) or a network error would fail the text too.
 */
const refusesFile = (err: unknown) =>
  err instanceof TelegramError && (err.code === 400 || err.code === 413);

/** A picture as a photo, anything else as a document; the caption under it when it fits. */
export async function deliverFile(
  api: Telegram,
  msg: OutgoingMessage,
  file: Attachment,
  take: () => Promise<void>,
  log: Logger,
): Promise<void> {
  const fits = file.caption.length <= TELEGRAM_CAPTION_LIMIT;
  const extra = fits && file.caption ? { caption: file.caption } : {};
  await take();
  try {
    await floodSafe<unknown>(log, msg.chatId, () => {
      // A fresh stream per try: a retried upload cannot reuse a read one.
      const input = Input.fromLocalFile(file.path, file.name);
      return file.kind === 'image'
        ? api.sendPhoto(msg.chatId, input, extra)
        : api.sendDocument(msg.chatId, input, extra);
    });
  } catch (err) {
    if (refusesFile(err)) throw new FileRefused((err as Error).message);
    throw err;
  }
  if (fits) return;
  for (const text of splitText(file.caption, TELEGRAM_TEXT_LIMIT)) {
    await take();
    await floodSafe(log, msg.chatId, () => api.sendMessage(msg.chatId, text));
  }
}
