import { Schema, Types, type Connection, type InferSchemaType } from 'mongoose';

/**
 * One claimed occurrence of a scheduled job for one store. The unique key makes the claim atomic:
 * two bot processes on one database, or a restart, never run the same occurrence twice.
 */
export const jobRunSchema = new Schema({
  storeId: { type: Types.ObjectId, required: true },
  job: { type: String, required: true },
  occurrence: { type: String, required: true },
  claimedAt: { type: Date, required: true },
  finishedAt: Date,
});
jobRunSchema.index({ storeId: 1, job: 1, occurrence: 1 }, { unique: true });

export type JobRun = InferSchemaType<typeof jobRunSchema>;
export const jobRunModel = (c: Connection) => c.model('JobRun', jobRunSchema);
