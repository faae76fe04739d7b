/**
 * The staff member's pending question in this chat (model/draft.ts), read once per message: the
 * features that look for it (a number answering 是哪位?, 金额是多少?, a booking's 哪天?) and the
 * record that clears it share one read, and each write here keeps that read true.
 */
import type { Types } from 'mongoose';
import { upsertOnce } from '../db/lookup';
import { draftKey } from '../model/draft';
import { staffOf, type BotContext } from '../pipeline/context';

/** A draft as stored (model/draft.ts says what each field means). */
export interface StoredDraft {
  _id: string;
  storeId: Types.ObjectId;
  staffId: Types.ObjectId;
  platform: string;
  chatId: string;
  visit: unknown;
  missing: string[];
  choices?: Types.ObjectId[];
  command?: unknown;
  createdAt: Date;
}

const read = new WeakMap<BotContext, Promise<StoredDraft | null>>();

export const draftKeyOf = (ctx: BotContext) =>
  draftKey(staffOf(ctx).staff._id, ctx.msg.platform, ctx.msg.chatId);

/** The draft as stored (plain, not a mongoose document), or null; one read per message. */
export function draftOf(ctx: BotContext): Promise<StoredDraft | null> {
  let found = read.get(ctx);
  if (!found) {
    // Straight to the collection: read on most messages, and stored as it is used.
    const drafts = ctx.services.models.Draft.collection;
    found = drafts.findOne({ _id: draftKeyOf(ctx) } as never) as Promise<StoredDraft | null>;
    read.set(ctx, found);
  }
  return found;
}

/** Write the draft (the one question pending in this chat replaces any other). */
export async function saveDraft(ctx: BotContext, draft: StoredDraft): Promise<void> {
  read.delete(ctx);
  const drafts = ctx.services.models.Draft;
  await upsertOnce(() => drafts.replaceOne({ _id: draft._id }, draft, { upsert: true }));
  read.set(ctx, Promise.resolve(draft));
}

/** The question is answered or dropped. `createdAt`: only if it is still the one that was read. */
export async function dropDraft(ctx: BotContext, createdAt?: Date): Promise<void> {
  read.delete(ctx);
  const _id = draftKeyOf(ctx);
  await ctx.services.models.Draft.deleteOne(createdAt ? { _id, createdAt } : { _id });
  // Conditional: a newer question may have stayed, so the next look reads again.
  if (!createdAt) read.set(ctx, Promise.resolve(null));
}
