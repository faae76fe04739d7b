import { storeWriter } from '../archive/writer';
import type { Middleware } from './compose';
import type { BotContext } from './context';
import { afterReply } from './after-reply';
import { takenIn } from './steps';

/**
 * A feature is one file: it says which messages it takes and handles them (Hubot's scripts).
 * The router gives a message to the first feature that takes it.
 */
export interface Feature {
  name: string;
  takes(ctx: BotContext): boolean | Promise<boolean>;
  handle(ctx: BotContext): Promise<void>;
  /**
   * Only reads: runs beside the store's writes. Every other feature runs as the store's one
   * writer (archive/writer.ts), so what it reads and decides on cannot change under it.
   */
  readOnly?: boolean;
  /** Takes the store's writer lane itself, a step at a time (an import must not hold records). */
  writesInSteps?: boolean;
  /**
   * Handling the same message again changes nothing more (its writes are keyed by the message):
   * a message whose handling a crash cut short is taken up again only by such a feature.
   */
  repeatable?: boolean;
  /**
   * Asks the message log itself (pipeline/steps.ts takenIn), only where it must: its commit point
   * is keyed by the message, so a message it saves needs no log entry to be recorded once.
   */
  keyedByMessage?: boolean;
}

export function route(features: Feature[]): Middleware<BotContext> {
  return async (ctx) => {
    for (const f of features) {
      if (!(await f.takes(ctx))) continue;
      if (!f.keyedByMessage && !(await takenIn(ctx))) return;
      if (ctx.unfinished && !f.repeatable && !f.readOnly) {
        ctx.services.log.info('unfinished message not repeated', { feature: f.name });
        return;
      }
      ctx.services.log.debug('message taken', { feature: f.name });
      const store = ctx.store;
      const handle = async () => {
        await f.handle(ctx);
        await afterReply(ctx);
      };
      if (f.readOnly || f.writesInSteps || !store) await handle();
      else await storeWriter(ctx.services.models).run(store._id, handle);
      return;
    }
  };
}
