import {
  Schema,
  Types,
  type Connection,
  type InferSchemaType,
  type HydratedDocument,
} from 'mongoose';

export const ROLES = ['staff', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A member of the team. `identities` holds `platform:userId` keys (one person may use WeChat and
 * Feishu); a plain string array keeps the lookup index usable on FerretDB v1.
 */
export const staffSchema = new Schema(
  {
    storeId: { type: Types.ObjectId, required: true, index: true },
    name: { type: String, required: true },
    role: { type: String, enum: ROLES, required: true, default: 'staff' },
    identities: { type: [String], default: [], index: true },
    active: { type: Boolean, default: true },
    /**
     * Chain level (连锁总部): sees and manages every store. `storeId` is then the store they are
     * looking at in direct chats (切换门店); in a store's group they see that store.
     */
    chain: { type: Boolean, default: false },
  },
  { timestamps: true },
);

export type Staff = InferSchemaType<typeof staffSchema>;
export type StaffDoc = HydratedDocument<Staff>;
export const staffModel = (c: Connection) => c.model('Staff', staffSchema);

export const identityKey = (platform: string, userId: string) => `${platform}:${userId}`;
