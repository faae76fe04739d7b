/**
 * Runs every due job occurrence once per store. The claim is an insert on a unique key, so two
 * bot processes on one database, or a restart, never run the same occurrence twice.
 */
import type { StoreDoc } from '../model/store';
import type { Services } from '../pipeline/context';
import type { OutgoingMessage } from '../pipeline/message';
import { dueOccurrence, type Occurrence } from './daily';

export interface Job {
  name: string;
  /** Local `HH:mm` the job runs at in this store. */
  timeOf(store: StoreDoc): string;
  run(
    store: StoreDoc,
    occurrence: Occurrence,
    now: Date,
    services: Services,
  ): Promise<OutgoingMessage[]>;
}

async function claim(services: Services, store: StoreDoc, job: Job, occ: Occurrence, now: Date) {
  try {
    await services.models.JobRun.create({
      storeId: store._id,
      job: job.name,
      occurrence: occ.key,
      claimedAt: now,
    });
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false;
    throw err;
  }
}

export async function runDueJobs(
  services: Services,
  jobs: Job[],
  now: Date,
): Promise<OutgoingMessage[]> {
  const out: OutgoingMessage[] = [];
  const stores = await services.models.Store.find().sort({ _id: 1 });
  for (const store of stores) {
    for (const job of jobs) {
      const occ = dueOccurrence(job.timeOf(store), now, store.timeZone);
      if (!occ || !(await claim(services, store, job, occ, now))) continue;
      try {
        out.push(...(await job.run(store, occ, now, services)));
        await services.models.JobRun.updateOne(
          { storeId: store._id, job: job.name, occurrence: occ.key },
          { $set: { finishedAt: now } },
        );
      } catch (err) {
        services.log.error('job failed', {
          job: job.name,
          occurrence: occ.key,
          error: (err as Error).message,
        });
      }
    }
  }
  return out;
}
