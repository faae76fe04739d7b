import type { Middleware } from './compose';
import type { BotContext } from './context';

/**
 * A feature is one file: it says which messages it takes and handles them (Hubot's scripts).
 * The router gives a message to the first feature that takes it.
 */
export interface Feature {
  name: string;
  takes(ctx: BotContext): boolean | Promise<boolean>;
  handle(ctx: BotContext): Promise<void>;
}

export function route(features: Feature[]): Middleware<BotContext> {
  return async (ctx) => {
    for (const f of features) {
      if (await f.takes(ctx)) {
        ctx.services.log.debug('message taken', { feature: f.name });
        await f.handle(ctx);
        return;
      }
    }
  };
}
