/** The bot: every message runs the same steps, then the first feature that takes it. */
import { completeDraft } from './features/complete-draft';
import { confirmMove } from './features/confirm-move';
import { customerChoice } from './features/customer-choice';
import { exportSheet } from './features/export';
import { fallback } from './features/fallback';
import { groupPush } from './features/group-push';
import { importSheet } from './features/import-sheet';
import { laterTable } from './features/later-table';
import { BOOKING_FEATURES } from './features/bookings';
import { COMPLAINT_FEATURES } from './features/complaints';
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
import { errorBoundary, identifyStaff, understand } from './pipeline/steps';

/**
 * Order matters: a sheet sent to the bot (and its 确认导入) is an admin's, before anything reads
 * the text; then a pending question is answered before anything else reads the message.
 */
export const FEATURES: Feature[] = [
  importSheet,
  // Before anything reads the text: an address with a secret in it is not a record.
  groupPush,
  confirmMove,
  recordVisit,
  updateProfile,
  ...BOOKING_FEATURES,
  completeDraft,
  laterTable,
  undo,
  amend,
  merge,
  transfer,
  showProfile,
  ...FOLLOW_UP_FEATURES,
  ...COMPLAINT_FEATURES,
  ...QUERY_FEATURES,
  exportSheet,
  fallback,
];

export interface HandleOptions {
  /**
   * Queue the replies as part of handling: the journal marks the message done only after this,
   * so a crash in between hands it back (resumed) rather than leaving it answered never. Called
   * more than once when a feature leaves work for after its reply: each call the replies since.
   */
  deliver?: (replies: OutgoingMessage[]) => Promise<void>;
  /** The journal hands back a message whose earlier handling was cut short. */
  resumed?: boolean;
  /** The journal could not take this message: it must not be promised for later. */
  unjournaled?: boolean;
}

export interface Bot {
  handle(msg: IncomingMessage, opts?: HandleOptions): Promise<OutgoingMessage[]>;
}

export function createBot(services: Services, features: Feature[] = FEATURES): Bot {
  const run = compose([
    errorBoundary,
    identifyStaff,
    screenInput,
    customerChoice,
    understand,
    route(features),
  ]);
  return {
    handle: async (msg, opts = {}) => {
      const ctx = createContext(msg, services);
      ctx.resumed = opts.resumed;
      if (opts.unjournaled) ctx.services = { ...ctx.services, journaled: false };
      // Replies queued before the work left for after them (pipeline/after-reply.ts).
      const queued: OutgoingMessage[] = [];
      ctx.flush = async () => {
        const now = ctx.replies.splice(0);
        queued.push(...now);
        if (opts.deliver && now.length > 0) await opts.deliver(now);
      };
      await run(ctx);
      if (opts.deliver) await opts.deliver(ctx.replies);
      return [...queued, ...ctx.replies];
    },
  };
}
