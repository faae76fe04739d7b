/**
 * Messages addressed to a chat that came back under a new id (archive/rebind): once the move is
 * confirmed, a message given up because its old chat was gone goes to the new one instead. The
 * copy's key is derived from the original's, so whichever path copies it (the confirmation for
 * what was already given up, the give-up for what was still trying) queues it once.
 */
import { confirmedMoveFrom } from '../archive/rebind/moved';
import type { Models } from '../model';
import type { OutgoingMessage } from '../pipeline/message';
import type { KeyedMessage } from './keys';
import type { Queued } from './queue';

/** Given up longer ago than this, a message is stale news: it stays given up. */
export const FORWARD_WITHIN_MS = 3 * 24 * 3_600_000;

export interface Move {
  platform: string;
  oldId: string;
  newId: string;
}

function forwarded(p: Queued, newId: string): KeyedMessage {
  const msg = p.msg as OutgoingMessage;
  return {
    key: `moved:${msg.platform}:${newId}:${p._id}`,
    msg: { ...msg, chatId: newId, to: msg.chatType === 'direct' ? newId : null },
  };
}

/** What was given up for the old chat and goes to the new one now the move is confirmed. */
export async function forwardsOf(models: Models, move: Move, now: number): Promise<KeyedMessage[]> {
  const dead = await models.PendingMessage.find({
    account: move.platform,
    chatGone: true,
    sentAt: null,
  }).lean<Queued[]>();
  return dead
    .filter((p) => (p.msg as OutgoingMessage).chatId === move.oldId)
    .filter((p) => (p.deadAt?.getTime() ?? 0) >= now - FORWARD_WITHIN_MS)
    .sort((a, b) => a.seq - b.seq)
    .map((p) => forwarded(p, move.newId));
}

/** A message just given up because its chat is gone: its copy for the new chat, if it moved. */
export async function forwardOnDeath(models: Models, p: Queued): Promise<KeyedMessage | null> {
  if (!p.chatGone) return null;
  const msg = p.msg as OutgoingMessage;
  const move = await confirmedMoveFrom(models, msg.platform, msg.chatId);
  return move ? forwarded(p, move.newId) : null;
}
