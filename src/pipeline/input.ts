/**
 * What reaches the parser is text a person typed: invisible characters are taken out (a
 * zero-width space inside 张总 would hide the name) and a message too long to be one record is
 * refused before anything reads it (once: a redelivered long message is not answered again).
 */
import type { Middleware } from './compose';
import { addressed, type BotContext } from './context';
import { takenIn } from './steps';

/** A day's records pasted at once are ~40 characters a line; 2,000 is a screenful. */
export const MAX_MESSAGE_CHARS = 2000;
export const REPLY_TOO_LONG = '消息太长了,请分开发';

/**
 * C0/C1 controls except tab and newline, zero-width and direction marks, word joiner, BOM and
 * lone surrogates: none of them is anything staff meant to write.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Line and paragraph separators are line breaks to a reader. */
const SEPARATORS = /[\u2028\u2029\u0085]/g;

export function cleanText(text: string): string {
  return text.replace(SEPARATORS, '\n').replace(INVISIBLE, '');
}

export const screenInput: Middleware<BotContext> = async (ctx, next) => {
  const text = typeof ctx.msg.text === 'string' ? ctx.msg.text : '';
  if (text.length > MAX_MESSAGE_CHARS) {
    // In a group a pasted notice is chatter: only a message meant for the bot gets the answer.
    if (addressed(ctx) && (await takenIn(ctx))) ctx.reply(REPLY_TOO_LONG);
    ctx.services.log.info('message too long', { chars: text.length });
    return;
  }
  const clean = cleanText(text);
  if (clean !== ctx.msg.text) ctx.msg = { ...ctx.msg, text: clean };
  await next();
};
