import { Schema, Types, type Connection, type InferSchemaType } from 'mongoose';

/**
 * One attempt at one occurrence of a scheduled job for one store, `_id` =
 * `<storeId>:<job>:<occurrence>#<attempt>`. Inserting it is the claim: the unique `_id` makes it
 * atomic, so two bot processes never run the same attempt. An attempt with no `finishedAt` whose
 * lease ran out belonged to a process that died (or failed); the next attempt may be claimed.
 *
 * Databases made before leases keep a unique index on (storeId, job, occurrence); there a second
 * attempt is refused like a lost race, which is the old behaviour (run once, no takeover).
 */
export const jobRunSchema = new Schema({
  _id: { type: String, required: true },
  storeId: { type: Types.ObjectId, required: true },
  job: { type: String, required: true },
  occurrence: { type: String, required: true },
  attempt: { type: Number, required: true },
  claimedAt: { type: Date, required: true },
  leaseUntil: { type: Date, required: true },
  /** The start of the bot that claimed it (holder.ts): a start that is gone holds nothing. */
  by: String,
  finishedAt: Date,
  /** Why the attempt failed, when it threw. */
  error: String,
});

export type JobRun = InferSchemaType<typeof jobRunSchema>;
export const jobRunModel = (c: Connection) => c.model('JobRun', jobRunSchema);
export const jobRunId = (storeId: unknown, job: string, occurrence: string, attempt: number) =>
  `${String(storeId)}:${job}:${occurrence}#${attempt}`;
