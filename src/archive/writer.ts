/**
 * One writer per store in this process. Every change to a store's archive (a visit, a correction,
 * a follow-up, an import batch, a job's writes, a repair) runs in that store's lane, one after
 * another; reads and other stores go on beside it.
 *
 * Why: the local database applies `$inc`, `$addToSet` and upserts without atomicity under
 * concurrency (200 concurrent `$inc` of one field gave 29), and a decision read before a write
 * (is this 张总 new? which visit is her first?) is only sound if nothing of that store changed in
 * between. On MongoDB with several processes the writers also guard each customer write with its
 * `rev` (archive/customer-writes.ts), so the lane is about this process only.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Connection, Types } from 'mongoose';
import { createLanes, type Lanes } from '../pipeline/lanes';

export interface StoreWriter {
  /** Run `task` as this store's writer; nested calls for the same store run at once. */
  run<T>(storeId: Types.ObjectId | string, task: () => Promise<T>): Promise<T>;
  /** Resolves when every queued write has finished. */
  idle(): Promise<void>;
  readonly pending: number;
}

function createStoreWriter(): StoreWriter {
  const lanes: Lanes = createLanes();
  // Which stores the current async call chain already writes for: a feature that calls an archive
  // function that takes the lane again must not wait for itself.
  const held = new AsyncLocalStorage<Set<string>>();
  return {
    run(storeId, task) {
      const key = String(storeId);
      const mine = held.getStore();
      if (mine?.has(key)) return task();
      return lanes.run(key, () => held.run(new Set([...(mine ?? []), key]), task));
    },
    idle: () => lanes.idle(),
    get pending() {
      return lanes.pending;
    },
  };
}

const writers = new WeakMap<Connection, StoreWriter>();

/** The writer of every store on this connection: one per database connection in the process. */
export function storeWriter(models: { Customer: { db: Connection } }): StoreWriter {
  const conn = models.Customer.db;
  let w = writers.get(conn);
  if (!w) writers.set(conn, (w = createStoreWriter()));
  return w;
}
