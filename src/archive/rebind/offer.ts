/**
 * A message from an id nobody is known by, whose WeChat name and 备注 are those a staff member of
 * a store last showed under another id: most likely that colleague after a re-login, possibly a
 * namesake. It is never taken for them silently: an offer is stored (it survives a restart) and
 * waits MOVE_OFFER_HOURS for an admin's `确认换号`. Exactly one colleague must match; a namesake
 * with another 备注 matches nobody.
 */
import type { Types } from 'mongoose';
import type { Models } from '../../model';
import type { ChatMove } from '../../model/chat-move';
import { identityKey, type StaffDoc } from '../../model/staff';
import type { IncomingMessage } from '../../pipeline/message';
import { storeWriter } from '../writer';
import { IDS_CHANGE_ON_RELOGIN, namesOf } from './seen';

export const MOVE_OFFER_HOURS = 24;

export const moveId = (platform: string, newId: string) => `${platform}:${newId}`;

/** The one active colleague whose old id showed these names, with that id; else null. */
async function colleagueOf(
  models: Models,
  msg: IncomingMessage,
): Promise<{ staff: StaffDoc; oldId: string } | null> {
  const { name, alias } = namesOf(msg);
  if (!name) return null;
  const prefix = `${msg.platform}:`;
  const seen = await models.SeenContact.find({ name, alias }).lean();
  const found = new Map<string, { staff: StaffDoc; oldId: string }>();
  for (const s of seen) {
    if (!s._id.startsWith(prefix) || s._id === identityKey(msg.platform, msg.senderId)) continue;
    const staff = await models.Staff.findById(s.staffId);
    // Still bound to the old id: a colleague already moved is not offered again.
    if (!staff?.active || !staff.identities.includes(s._id)) continue;
    found.set(String(staff._id), { staff, oldId: s._id.slice(prefix.length) });
  }
  return found.size === 1 ? [...found.values()][0] : null;
}

export interface Offer {
  move: ChatMove;
  staff: StaffDoc;
  /** Made just now: its admins are to be told. */
  created: boolean;
}

/** The open offer for this sender's new id, made now if needed; null when nobody matches. */
export async function offerMove(
  models: Models,
  msg: IncomingMessage,
  source: string,
): Promise<Offer | null> {
  // Matched on what a private message shows (seen.ts), so only a private message is matched.
  if (!IDS_CHANGE_ON_RELOGIN.has(msg.platform) || msg.chatType !== 'direct') return null;
  const match = await colleagueOf(models, msg);
  if (!match) return null;
  const { staff, oldId } = match;
  const _id = moveId(msg.platform, msg.senderId);
  return storeWriter(models).run(staff.storeId, async () => {
    const known = await models.ChatMove.findById(_id).lean<ChatMove>();
    const open = known && !known.confirmedAt && known.expiresAt >= msg.time;
    if (open && known.oldId === oldId && staff._id.equals(known.staffId as Types.ObjectId))
      return { move: known, staff, created: false };
    const move: ChatMove = {
      _id,
      platform: msg.platform,
      kind: 'contact',
      storeId: staff.storeId,
      staffId: staff._id,
      name: staff.name,
      oldId,
      newId: msg.senderId,
      offeredAt: msg.time,
      expiresAt: new Date(msg.time.getTime() + MOVE_OFFER_HOURS * 3_600_000),
      source,
    };
    // In the store's lane: nothing else of this store writes offers meanwhile.
    await models.ChatMove.replaceOne({ _id }, move, { upsert: true });
    return { move, staff, created: true };
  });
}
