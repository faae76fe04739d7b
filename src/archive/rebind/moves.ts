/**
 * Confirming a chat's new id after a WeChat re-login, the one place that moves what hung on the
 * old id: a staff member's identity (`确认换号 <名字>`, an admin's or manager's word), a group's
 * binding (`绑定本群` said by an admin in the group under its new id, matched by the group's
 * name), and the messages given up because the old chat was gone (outbox/forward.ts; those still
 * trying follow when they are given up). Runs in the store's writer lane. Each step is safe to
 * repeat, and the copies of messages are keyed by the originals, so confirming again, or handling
 * the confirmation again after a crash, changes nothing more.
 */
import type { Types } from 'mongoose';
import type { Models } from '../../model';
import type { ChatMove } from '../../model/chat-move';
import { identityKey } from '../../model/staff';
import type { StoreDoc } from '../../model/store';
import type { KeyedMessage } from '../../outbox/keys';
import { forwardsOf } from '../../outbox/forward';
import { moveIdentity, staffByIdentity } from '../staff';
import { forgetGroups, type GroupChat } from '../stores';
import { storeWriter } from '../writer';
import { moveId } from './offer';
import { IDS_CHANGE_ON_RELOGIN } from './seen';

export type ContactMove =
  | { kind: 'moved' | 'already'; move: ChatMove; forwards: KeyedMessage[] }
  | { kind: 'none' | 'expired' | 'several' | 'taken' };

const forwardsFor = (models: Models, move: ChatMove, now: Date) =>
  forwardsOf(models, move, now.getTime());

/** `确认换号 <name>` by `by`: the store's open offer for that colleague, carried out. */
export function confirmContactMove(
  models: Models,
  store: StoreDoc,
  name: string,
  by: Types.ObjectId,
  now: Date,
): Promise<ContactMove> {
  return storeWriter(models).run(store._id, async () => {
    const all = await models.ChatMove.find({ storeId: store._id, kind: 'contact', name })
      .sort({ offeredAt: -1 })
      .lean<ChatMove[]>();
    const open = all.filter((m) => !m.confirmedAt && m.expiresAt >= now);
    if (open.length > 1) return { kind: 'several' };
    if (open.length === 0) {
      const done = all.find((m) => m.confirmedAt);
      if (done)
        return { kind: 'already', move: done, forwards: await forwardsFor(models, done, now) };
      return { kind: all.length > 0 ? 'expired' : 'none' };
    }
    const move = open[0];
    const to = identityKey(move.platform, move.newId);
    const holder = await staffByIdentity(models, move.platform, move.newId);
    // The new id joined by itself meanwhile (an invitation): it is somebody's already.
    if (holder && !holder._id.equals(move.staffId as Types.ObjectId)) return { kind: 'taken' };
    await moveIdentity(
      models,
      move.staffId as Types.ObjectId,
      identityKey(move.platform, move.oldId),
      to,
    );
    // The commit point: from here messages still failing for the old id follow to the new one.
    await models.ChatMove.updateOne(
      { _id: move._id, confirmedAt: null },
      { $set: { confirmedAt: now, confirmedBy: by } },
    );
    const confirmed = { ...move, confirmedAt: now, confirmedBy: by };
    return { kind: 'moved', move: confirmed, forwards: await forwardsFor(models, confirmed, now) };
  });
}

export interface RoomMove {
  /** The group's name: what matched its old binding. */
  name: string;
  forwards: KeyedMessage[];
}

/**
 * `绑定本群` in a group under a new id: the store's one bound group of the same name on the same
 * platform is this group before a re-login, so its binding is replaced and what was given up for
 * it comes here. Two bound groups of that name: neither is taken for it. Null when nothing moved.
 */
export function moveRoom(
  models: Models,
  store: StoreDoc,
  chat: GroupChat,
  by: Types.ObjectId,
  now: Date,
): Promise<RoomMove | null> {
  return storeWriter(models).run(store._id, async () => {
    if (!IDS_CHANGE_ON_RELOGIN.has(chat.platform) || !chat.name) return null;
    const _id = moveId(chat.platform, chat.chatId);
    const known = await models.ChatMove.findById(_id).lean<ChatMove>();
    const bound = await models.TeamGroup.find({
      storeId: store._id,
      platform: chat.platform,
      name: chat.name,
    }).lean();
    const old = bound.filter((g) => g.chatId !== chat.chatId);
    if (old.length !== 1) {
      if (!known?.confirmedAt) return null;
      return { name: known.name, forwards: await forwardsFor(models, known, now) };
    }
    const move: ChatMove = {
      _id,
      platform: chat.platform,
      kind: 'room',
      storeId: store._id,
      name: chat.name,
      oldId: old[0].chatId,
      newId: chat.chatId,
      offeredAt: now,
      expiresAt: now,
      confirmedAt: now,
      confirmedBy: by,
    };
    // Recorded before the old binding goes, so a crash in between is finished by saying it again.
    await models.ChatMove.replaceOne({ _id }, move, { upsert: true });
    await models.TeamGroup.deleteOne({ _id: old[0]._id });
    forgetGroups(models);
    return { name: chat.name, forwards: await forwardsFor(models, move, now) };
  });
}
