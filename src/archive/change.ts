/** What every archive change carries: who makes it, when, from which message, and how to report. */
import type { Types } from 'mongoose';
import type { ReportDeferred } from './after-commit';
import type { TierSettings } from './tiers';

export interface ChangeContext {
  /** The staff member making the change (the store's own id for its jobs and imports). */
  by: Types.ObjectId;
  at: Date;
  /** The store's business day at `at`. */
  today: string;
  /** platform:messageId of the message that asked for it (or the job run's key). */
  source: string;
  tiers: TierSettings;
  /** Where a derived step that failed after the commit point is reported. */
  report: ReportDeferred;
}
