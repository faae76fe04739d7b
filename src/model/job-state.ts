import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/** What a scheduled job remembers per store between runs, `_id` = `<job>:<storeId>`. */
export const jobStateSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** The last business day the job covered: the next run catches up from here. */
    lastDay: String,
    /** For `archive-schema`: the shape the archive's derived records were last brought to. */
    version: Number,
  },
  { versionKey: false },
);

export type JobState = InferSchemaType<typeof jobStateSchema>;
export const jobStateModel = (c: Connection) => c.model('JobState', jobStateSchema);
export const jobStateId = (job: string, storeId: unknown) => `${job}:${String(storeId)}`;
