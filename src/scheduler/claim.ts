/**
 * Claims on job occurrences, with a lease. Attempt n is the unique insert of
 * `<storeId>:<job>:<occurrence>#n`; it may only be made when attempt n-1 did not finish and its
 * lease ran out (its process died, or the job threw). So an occurrence runs once however many
 * processes tick, and a crash mid-run is picked up by whichever process ticks after the lease.
 * A job's messages are queued under keys of the occurrence, not the attempt, so a takeover (even
 * of a slow run that was not dead after all) queues nothing twice.
 */
import type { Types } from 'mongoose';
import { stillHeld, type Holder } from '../holder';
import type { Logger } from '../log';
import type { Models } from '../model';
import { jobRunId } from '../model/job-run';
import { isDuplicateKey } from '../outbox/queue';

/** A job that kills its process or throws this often is given up for the occurrence. */
export const MAX_JOB_ATTEMPTS = 3;

export interface RunKey {
  storeId: Types.ObjectId;
  job: string;
  occurrence: string;
}

export interface JobClaim extends RunKey {
  id: string;
  attempt: number;
}

/** A claim made, or why not: the occurrence is over (`done`), or another start holds it. */
export type ClaimResult = { claim: JobClaim } | { done: true } | { heldUntil: Date };

export async function claimRun(
  models: Models,
  run: RunKey,
  now: Date,
  leaseMs: number,
  log: Logger,
  holder?: Holder,
): Promise<ClaimResult> {
  for (let attempt = 0; attempt < MAX_JOB_ATTEMPTS; attempt++) {
    const id = jobRunId(run.storeId, run.job, run.occurrence, attempt);
    try {
      await models.JobRun.create({
        _id: id,
        ...run,
        attempt,
        claimedAt: now,
        leaseUntil: new Date(now.getTime() + leaseMs),
        by: holder?.id,
      });
      if (attempt > 0) log.warn('taking over an unfinished job run', { run: id });
      return { claim: { ...run, id, attempt } };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const held = await models.JobRun.findById(id).lean();
    // Not found: a claim from before leases holds the occurrence (see model/job-run.ts).
    if (!held || held.finishedAt) return { done: true };
    if (stillHeld(held, now.getTime(), holder)) return { heldUntil: held.leaseUntil };
  }
  return { done: true };
}

export async function finishRun(models: Models, claim: JobClaim, now: Date): Promise<void> {
  await models.JobRun.updateOne({ _id: claim.id }, { $set: { finishedAt: now } });
}

/** Left unfinished on purpose: once the lease runs out, the next attempt retries it. */
export async function failRun(models: Models, claim: JobClaim, error: string): Promise<void> {
  await models.JobRun.updateOne({ _id: claim.id }, { $set: { error } });
}
