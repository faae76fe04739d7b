/**
 * A tier change is told to the customer's owner: returned for the reply when the owner made the
 * change (one message, not two), else sent as a direct message to the owner.
 */
import type { TierChange } from '../archive/refresh';
import { tierChangeText } from '../archive/tiers';
import type { CustomerDoc } from '../model/customer';
import { staffOf, type BotContext } from '../pipeline/context';
import { directTo, type OutgoingMessage } from '../pipeline/message';

/** Returns the note when the sender owns the customer, else the message for the owner. */
async function tierNote(
  ctx: BotContext,
  customer?: CustomerDoc,
  change?: TierChange,
): Promise<{ forSender?: string; forOwner?: OutgoingMessage }> {
  if (!customer || !change) return {};
  const { staff } = staffOf(ctx);
  const text = tierChangeText(customer.name, change.from, change.to);
  if (!customer.ownerId || customer.ownerId.equals(staff._id)) return { forSender: text };
  const owner = await ctx.services.models.Staff.findById(customer.ownerId);
  return owner?.active ? { forOwner: directTo(owner, text) } : {};
}

/** The reply, with the tier note under it when the sender is the one to hear it. */
export async function replyWithTierNote(
  ctx: BotContext,
  text: string,
  customer?: CustomerDoc,
  change?: TierChange,
): Promise<void> {
  const note = await tierNote(ctx, customer, change);
  ctx.reply(note.forSender ? `${text}\n${note.forSender}` : text);
  if (note.forOwner) ctx.send(note.forOwner);
}
