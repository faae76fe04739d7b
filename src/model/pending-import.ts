import { Schema, Types, type Connection, type InferSchemaType } from 'mongoose';

/**
 * A sheet an admin sent, previewed and waiting for 确认导入. `_id` is the admin's staff id, so the
 * confirmation is one read by `_id` (the only indexed filter on FerretDB v1) and an admin has at
 * most one waiting; kept in the database so a restart between preview and 确认 loses nothing.
 */
export const pendingImportSchema = new Schema(
  {
    _id: { type: String, required: true },
    storeId: { type: Types.ObjectId, required: true },
    /** The saved copy of the sheet, under the bot's files folder. */
    path: { type: String, required: true },
    /** The name the admin sent it with, for the replies. */
    name: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export type PendingImport = InferSchemaType<typeof pendingImportSchema>;
export const pendingImportModel = (c: Connection) => c.model('PendingImport', pendingImportSchema);
