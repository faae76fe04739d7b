/** The bot: every message runs the same steps, then the first feature that takes it. */
import { completeDraft } from './features/complete-draft';
import { exportSheet } from './features/export';
import { fallback } from './features/fallback';
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
import { dedupe, errorBoundary, identifyStaff, understand } from './pipeline/steps';

/** Order matters: a pending question is answered before anything else reads the message. */
export const FEATURES: Feature[] = [
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

export interface Bot {
  handle(msg: IncomingMessage): Promise<OutgoingMessage[]>;
}

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
    handle: async (msg) => {
      const ctx = createContext(msg, services);
      await run(ctx);
      return ctx.replies;
    },
  };
}
