/**
 * One pass over one account's queue: send, in enqueue order, everything the rate limits and
 * backoffs allow right now, and say when to look again. Messages to one chat never overtake each
 * other: a chat whose next message has to wait holds its later ones too.
 */
import type { OutgoingMessage } from '../pipeline/message';
import type { PendingMessage } from './model';
import { sendOne, type Sender } from './send';
import type { AccountLimits } from './settings';
import { accountWindowId, groupWindowId, trimmed, waitMs, type Rate } from './window';

export interface Pass {
  sent: OutgoingMessage[];
  /** When something still queued may go out; undefined when the queue is empty. */
  wakeAt?: number;
}

const NO_LIMITS: AccountLimits = { account: [], group: [] };

/** Send windows of this pass, read once and written after every send they count. */
async function openWindows(s: Sender, ids: string[]) {
  const found = ids.length > 0 ? await s.models.SendWindow.find({ _id: { $in: ids } }).lean() : [];
  const sent = new Map<string, number[]>(
    found.map((w) => [w._id, [...w.sent].sort((a, b) => a - b)]),
  );
  return {
    wait: (id: string, rates: Rate[], now: number) =>
      rates.length === 0 ? 0 : waitMs(rates, sent.get(id) ?? [], now),
    async count(id: string, rates: Rate[], now: number) {
      if (rates.length === 0) return;
      const next = trimmed(rates, [...(sent.get(id) ?? []), now], now);
      sent.set(id, next);
      await s.models.SendWindow.updateOne({ _id: id }, { $set: { sent: next } }, { upsert: true });
    },
  };
}

export async function drainAccount(
  s: Sender,
  account: string,
  limits: AccountLimits = NO_LIMITS,
): Promise<Pass> {
  // The one scan: it only holds unsent messages.
  const queue = (await s.models.PendingMessage.find({ account }).lean()) as (PendingMessage & {
    _id: string;
  })[];
  if (queue.length === 0) return { sent: [] };
  queue.sort((a, b) => a.seq - b.seq || (a._id < b._id ? -1 : 1));
  const groupOf = (m: OutgoingMessage) =>
    m.chatType === 'group' && limits.group.length > 0 ? groupWindowId(account, m.chatId) : null;
  const groupIds = queue.map((p) => groupOf(p.msg as OutgoingMessage)).filter((id) => id !== null);
  const accountIds = limits.account.length > 0 ? [accountWindowId(account)] : [];
  const windows = await openWindows(s, [...accountIds, ...new Set(groupIds)]);

  const pass: Pass = { sent: [] };
  const later = (at: number) => (pass.wakeAt = Math.min(pass.wakeAt ?? Infinity, at));
  const held = new Set<string>();
  for (const p of queue) {
    const msg = p.msg as OutgoingMessage;
    // Its chat's earlier message waits, and wakeAt already says until when.
    if (held.has(msg.chatId)) continue;
    const now = s.now();
    const backoff = p.notBefore?.getTime() ?? 0;
    const accountWait = windows.wait(accountWindowId(account), limits.account, now);
    const group = groupOf(msg);
    const groupWait = group ? windows.wait(group, limits.group, now) : 0;
    if (accountWait > 0) {
      later(now + accountWait);
      break;
    }
    if (backoff > now || groupWait > 0) {
      held.add(msg.chatId);
      later(Math.max(backoff, now + groupWait));
      continue;
    }
    const outcome = await sendOne(s, p);
    if (outcome.kind === 'later') {
      held.add(msg.chatId);
      later(outcome.at);
    } else if (outcome.kind === 'sent') {
      pass.sent.push(msg);
      await windows.count(accountWindowId(account), limits.account, now);
      if (group) await windows.count(group, limits.group, now);
    }
  }
  return pass;
}
