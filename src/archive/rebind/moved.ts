/** Where a chat went: the confirmed move away from an old id (a small collection: a scan). */
import type { Models } from '../../model';
import type { ChatMove } from '../../model/chat-move';

export async function confirmedMoveFrom(
  models: Models,
  platform: string,
  oldId: string,
): Promise<ChatMove | null> {
  const moves = await models.ChatMove.find({ platform, oldId, confirmedAt: { $ne: null } })
    .sort({ confirmedAt: -1 })
    .limit(1)
    .lean<ChatMove[]>();
  return moves[0] ?? null;
}
