/** Every scheduled job, in the order they run when due at the same time. */
import { morningBriefing } from './features/briefing';
import { dinnerBrief, lunchBrief } from './features/bookings/pre-shift';
import { complaintEscalation } from './features/complaints/escalate';
import { nightlyPrune } from './features/prune';
import { nightlyBackupJob } from './features/nightly-backup';
import { tierRefresh } from './features/tier-refresh';
import { weeklyReport } from './features/weekly-report';
import type { Job } from './scheduler/jobs';

export const JOBS: Job[] = [
  tierRefresh,
  morningBriefing,
  weeklyReport,
  nightlyPrune,
  nightlyBackupJob,
  complaintEscalation,
  lunchBrief,
  dinnerBrief,
];
