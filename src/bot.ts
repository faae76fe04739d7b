/** The bot: every message runs the same steps, then the first feature that takes it. */
import { completeDraft } from './features/complete-draft';
import { exportSheet } from './features/export';
import { fallback } from './features/fallback';
import { importSheet } from './features/import-sheet';
import { recordVisit } from './features/record-visit';
import { updateProfile } from './features/update-profile';
import { amend } from './features/amend';
import { merge } from './features/merge';
import { showProfile } from './features/profile-card';
import { transfer } from './features/transfer';
import { undo } from './features/undo';
import { QUERY_FEATURES } from './features/queries';
import { FOLLOW_UP_FEATURES } from './features/followups';
import { compose } from './pipeline/compose';
import { createContext, type Services } from './pipeline/context';
import type { IncomingMessage, OutgoingMessage } from './pipeline/message';
import { screenInput } from './pipeline/input';
import { route, type Feature } from './pipeline/router';
import {
  dedupe,
  errorBoundary,
  identifyStaff,
  markHandled,
  REPLY_DB_DOWN,
  REPLY_KEPT,
  understand,
} from './pipeline/steps';

/**
 * Order matters: a sheet sent to the bot (and its 确认导入) is an admin's, before anything reads
 * the text; then a pending question is answered before anything else reads the message.
 */
export const FEATURES: Feature[] = [
  importSheet,
  recordVisit,
  updateProfile,
  completeDraft,
  undo,
  amend,
  merge,
  transfer,
  showProfile,
  ...FOLLOW_UP_FEATURES,
  ...QUERY_FEATURES,
  exportSheet,
  fallback,
];

export interface HandleOptions {
  /**
   * Queue the replies before the message counts as done: a crash in between leaves it unfinished,
   * so it is taken up again rather than answered never.
   */
  deliver?: (replies: OutgoingMessage[]) => Promise<void>;
}

export interface Bot {
  handle(msg: IncomingMessage, opts?: HandleOptions): Promise<OutgoingMessage[]>;
}

const unfinished = (replies: OutgoingMessage[]) =>
  replies.some((r) => r.text === REPLY_KEPT || r.text === REPLY_DB_DOWN);

export function createBot(services: Services, features: Feature[] = FEATURES): Bot {
  const run = compose([
    errorBoundary,
    identifyStaff,
    dedupe,
    screenInput,
    understand,
    route(features),
  ]);
  return {
    handle: async (msg, opts = {}) => {
      const ctx = createContext(msg, services);
      await run(ctx);
      if (opts.deliver) await opts.deliver(ctx.replies);
      if (!unfinished(ctx.replies)) {
        await markHandled(ctx).catch((err: Error) =>
          services.log.warn('could not mark a message done', { error: err.message }),
        );
      }
      return ctx.replies;
    },
  };
}
