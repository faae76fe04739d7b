/**
 * The sweeper: at start-up and every few minutes it reads the work lists of today and yesterday
 * (work-list.ts: every change noted there before it was written; the first pass reads a week's)
 * and repairs whatever is listed that it has not checked yet. A change cut short by a crash, or
 * whose derived step failed after its commit point, is finished within minutes; a consistent
 * archive costs it reads only.
 */
import type { Types } from 'mongoose';
import type { Models } from '../model';
import type { StoreDoc } from '../model/store';
import { addDays, businessDate } from '../time/business-day';
import { rethrow } from './after-commit';
import { tierSettingsOf } from './refresh';
import { repairNoted } from './repair';
import { readWork } from './work-list';
import { storeWriter } from './writer';

export interface SweepResult {
  checked: number;
  fixed: number;
}

export interface Sweeper {
  /** Check what was noted since the last pass (everything of the last week's on the first). */
  sweep(store: StoreDoc, now: Date): Promise<SweepResult>;
}

/** How many noted ids are repaired per turn as the store's writer: records go on in between. */
const PER_TURN = 20;

/**
 * Business days the first pass after a start reads (today among them). A change cut short just
 * before a downtime longer than a day (a closed week, a dead server over a holiday) is then still
 * finished without `npm run verify -- --repair`; later passes only need today and yesterday, the
 * process having swept every few minutes since.
 */
export const STARTUP_LOOKBACK_DAYS = 7;

async function actorsOf(models: Models, store: StoreDoc): Promise<Types.ObjectId[]> {
  const staff = await models.Staff.find({ storeId: store._id }, { _id: 1 }).lean();
  return [store._id, ...staff.map((s) => s._id)];
}

export function createSweeper(models: Models): Sweeper {
  /** How far each work list has been checked (list key → entries), in this process. */
  const checked = new Map<string, number>();
  /** Stores swept since this process started: their later passes read two days only. */
  const swept = new Set<string>();
  return {
    async sweep(store, now) {
      const today = businessDate({
        now,
        timeZone: store.timeZone,
        businessDayCutoff: store.businessDayCutoff,
      });
      const back = swept.has(String(store._id)) ? 2 : STARTUP_LOOKBACK_DAYS;
      const days = Array.from({ length: back }, (_, i) => addDays(today, i + 1 - back));
      const actors = await actorsOf(models, store);
      const lists = await readWork(models, actors, days);
      // Each id once, whoever noted it and however often.
      const fresh = new Map<string, Types.ObjectId>();
      const upTo = new Map<string, number>();
      for (const [key, ids] of lists) {
        for (const id of ids.slice(checked.get(key) ?? 0)) fresh.set(String(id), id);
        upTo.set(key, ids.length);
      }
      const todo = [...fresh.values()];
      const x = { today, tiers: tierSettingsOf(store), report: rethrow };
      const result: SweepResult = { checked: 0, fixed: 0 };
      for (let i = 0; i < todo.length; i += PER_TURN) {
        const part = await storeWriter(models).run(store._id, () =>
          repairNoted(models, todo.slice(i, i + PER_TURN), x),
        );
        result.checked += part.checked;
        result.fixed += part.fixed;
      }
      // Only what was checked without an error counts as checked: a failed pass is tried again.
      for (const [key, n] of upTo) checked.set(key, n);
      swept.add(String(store._id));
      for (const key of checked.keys())
        if (!days.some((d) => key.endsWith(`:${d}`)) && key.startsWith('r:')) checked.delete(key);
      return result;
    },
  };
}

/** Every store in turn; a store that fails is logged and tried again next time. */
export async function sweepAll(
  models: Models,
  sweeper: Sweeper,
  now: Date,
  report: (store: StoreDoc, r: SweepResult | Error) => void,
): Promise<void> {
  for (const store of await models.Store.find()) {
    try {
      report(store, await sweeper.sweep(store, now));
    } catch (err) {
      report(store, err as Error);
    }
  }
}
