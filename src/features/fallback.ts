/** Spoken to but not understood: one line of help, never silence (and never in a group unasked). */
import { addressed } from '../pipeline/context';
import type { Feature } from '../pipeline/router';

export const HINT = '没看懂这条。记消费这样发:张总 今晚 3人 消费2800';

export const fallback: Feature = {
  name: 'fallback',
  takes: (ctx) => addressed(ctx) && ctx.msg.text.trim() !== '',
  handle: async (ctx) => ctx.reply(HINT),
};
