/**
 * Runs every due job occurrence once per store, also with two bot processes on one database or
 * after a crash mid-run (claim.ts). The job's messages are queued under keys of the occurrence
 * before the run counts as finished, so a re-run queues nothing twice.
 */
import type { Holder } from '../holder';
import type { StoreDoc } from '../model/store';
import { jobMessageKeys, type KeyedMessage } from '../outbox/keys';
import { DEFAULT_DELIVERY } from '../outbox/settings';
import type { Services } from '../pipeline/context';
import type { OutgoingMessage } from '../pipeline/message';
import { claimRun, failRun, finishRun } from './claim';
import { dueOccurrence, slotOccurrence, type Occurrence } from './daily';

export interface Job {
  name: string;
  /** Local `HH:mm` the job runs at in this store. */
  timeOf(store: StoreDoc): string;
  /** Instead of once a day: once in every slot of this many minutes (timeOf is then unused). */
  everyMinutes?: number;
  /**
   * One occurrence per local day whatever the time: a time changed after the day's run does not
   * run it again (the 班前会 is once per store, day and meal).
   */
  oncePerDay?: boolean;
  /** For jobs that do not run every day: whether the store wants it on this local day. */
  dueOn?(store: StoreDoc, day: string): boolean;
  run(
    store: StoreDoc,
    occurrence: Occurrence,
    now: Date,
    services: Services,
  ): Promise<OutgoingMessage[]>;
}

/**
 * What this process already knows of the schedule, so a tick between runs touches no database:
 * the stores (read again every few minutes, or when settings change), and the occurrences that
 * are over or held by another start until a given time.
 */
export interface ScheduleMemory {
  stores(): Promise<StoreDoc[]>;
  /** Settings changed (a time, a weekday): read the stores again at the next tick. */
  forget(): void;
  /** `<store>:<job>:<occurrence>` → not before this time (Infinity: over). */
  readonly waits: Map<string, number>;
}

/** How long a read of the stores serves the ticks: a settings change elsewhere shows by then. */
export const STORES_FRESH_MS = 10 * 60_000;

export function createScheduleMemory(
  read: () => Promise<StoreDoc[]>,
  now: () => number = Date.now,
): ScheduleMemory {
  let cached: { at: number; stores: Promise<StoreDoc[]> } | undefined;
  return {
    stores() {
      if (!cached || now() - cached.at > STORES_FRESH_MS)
        cached = {
          at: now(),
          stores: read().catch((err) => ((cached = undefined), Promise.reject(err))),
        };
      return cached.stores;
    },
    forget: () => void (cached = undefined),
    waits: new Map(),
  };
}

export interface RunOptions {
  /** Remembered between ticks (production): without it every tick asks the database. */
  memory?: ScheduleMemory;
  /** Where the messages go (the delivery queue); without it they are only returned. */
  enqueue?: (items: KeyedMessage[]) => Promise<void>;
  /** How long a claim is held before another process may take the run over. */
  leaseMs?: number;
  /** This start of the bot: runs claimed by earlier starts on its DATA_DIR are taken over. */
  holder?: Holder;
}

/** Returns the messages the runs produced, in order (also when they were enqueued). */
export async function runDueJobs(
  services: Services,
  jobs: Job[],
  now: Date,
  opts: RunOptions = {},
): Promise<OutgoingMessage[]> {
  const { models, log } = services;
  const leaseMs = opts.leaseMs ?? DEFAULT_DELIVERY.jobLeaseMs;
  const out: OutgoingMessage[] = [];
  const memory = opts.memory;
  const stores = memory ? await memory.stores() : await models.Store.find().sort({ _id: 1 });
  const current = new Set<string>();
  for (const store of stores) {
    for (const job of jobs) {
      const occ = job.everyMinutes
        ? slotOccurrence(job.everyMinutes, now, store.timeZone)
        : dueOccurrence(job.timeOf(store), now, store.timeZone, job.oncePerDay);
      if (!occ || (job.dueOn && !job.dueOn(store, occ.day))) continue;
      const key = `${String(store._id)}:${job.name}:${occ.key}`;
      current.add(key);
      if ((memory?.waits.get(key) ?? 0) > now.getTime()) continue;
      const run = { storeId: store._id, job: job.name, occurrence: occ.key };
      const result = await claimRun(models, run, now, leaseMs, log, opts.holder);
      if (!('claim' in result)) {
        memory?.waits.set(key, 'done' in result ? Infinity : result.heldUntil.getTime());
        continue;
      }
      const { claim } = result;
      memory?.waits.set(key, Infinity);
      try {
        const msgs = await job.run(store, occ, now, services);
        await opts.enqueue?.(jobMessageKeys(job.name, store._id, occ.key, msgs));
        await finishRun(models, claim, now);
        out.push(...msgs);
      } catch (err) {
        log.error('job failed', {
          job: job.name,
          occurrence: occ.key,
          error: (err as Error).message,
        });
        await failRun(models, claim, (err as Error).message).catch(() => undefined);
        // Tried again by whoever ticks once the lease is over.
        memory?.waits.set(key, now.getTime() + leaseMs);
      }
    }
  }
  // Only today's occurrences are ever due again: what is remembered of earlier ones goes.
  for (const key of memory?.waits.keys() ?? []) if (!current.has(key)) memory?.waits.delete(key);
  return out;
}
