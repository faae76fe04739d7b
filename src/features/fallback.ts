/** Spoken to but not understood: one line of help, never silence (and never in a group unasked). */
import { addressed } from '../pipeline/context';
import type { Feature } from '../pipeline/router';

export const HINT = '没看懂这条。记消费这样发:张总 今晚 3人 消费2800;发「帮助」看我能做什么';

/** Recognised as a request, but no feature of this version answers it (导出, for instance). */
export const NOT_YET = '这个我还不会。发「帮助」看我能做什么';

export const fallback: Feature = {
  name: 'fallback',
  takes: (ctx) => addressed(ctx) && ctx.msg.text.trim() !== '',
  handle: async (ctx) => ctx.reply(ctx.reading?.intent === 'command' ? NOT_YET : HINT),
  readOnly: true,
};
