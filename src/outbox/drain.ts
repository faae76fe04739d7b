/**
 * One pass over one account's queue: send, in enqueue order, everything the rate limits and
 * backoffs allow right now, and say when to look again. Messages to one chat never overtake each
 * other: a chat whose next message has to wait holds its later ones too (a message given up no
 * longer does).
 */
import type { OutgoingMessage } from '../pipeline/message';
import type { Queued } from './queue';
import { sendOne, type Sender } from './send';
import type { AccountLimits } from './settings';
import { accountWindowId, groupWindowId } from './window';

export interface Pass {
  sent: OutgoingMessage[];
  /** When something still queued may go out; undefined when the queue is empty. */
  wakeAt?: number;
  /** Messages this pass is done with (sent, given up, or sent by someone else). */
  settled: string[];
}

const NO_LIMITS: AccountLimits = { account: [], group: [] };

/** What is still to send of an account, read from the database (a scan: no index but `_id`). */
export async function readQueue(s: Sender, account: string): Promise<Queued[]> {
  return s.models.PendingMessage.find({ account, sentAt: null, deadAt: null }).lean<Queued[]>();
}

/**
 * `queue`: the messages to look at (this process's own, from memory); without it the account's
 * whole queue is read.
 */
export async function drainAccount(
  s: Sender,
  account: string,
  limits: AccountLimits = NO_LIMITS,
  queue?: Queued[],
): Promise<Pass> {
  const pending = (queue ?? (await readQueue(s, account))).filter((p) => !p.sentAt && !p.deadAt);
  const pass: Pass = { sent: [], settled: [] };
  if (pending.length === 0) return pass;
  pending.sort((a, b) => a.seq - b.seq || (a._id < b._id ? -1 : 1));
  const groupOf = (m: OutgoingMessage) =>
    m.chatType === 'group' && limits.group.length > 0 ? groupWindowId(account, m.chatId) : null;
  const groupIds = pending.map((p) => groupOf(p.msg as OutgoingMessage)).filter((id) => id);
  const accountIds = limits.account.length > 0 ? [accountWindowId(account)] : [];
  await s.windows.load([...accountIds, ...new Set(groupIds as string[])]);

  const later = (at: number) => (pass.wakeAt = Math.min(pass.wakeAt ?? Infinity, at));
  const held = new Set<string>();
  for (const p of pending) {
    const msg = p.msg as OutgoingMessage;
    // Its chat's earlier message waits, and wakeAt already says until when.
    if (held.has(msg.chatId)) continue;
    const now = s.now();
    const backoff = p.notBefore?.getTime() ?? 0;
    const accountWait = s.windows.wait(accountWindowId(account), limits.account, now);
    const group = groupOf(msg);
    const groupWait = group ? s.windows.wait(group, limits.group, now) : 0;
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
      continue;
    }
    pass.settled.push(p._id);
    if (outcome.kind === 'sent') {
      pass.sent.push(msg);
      await s.windows.count(accountWindowId(account), limits.account, now);
      if (group) await s.windows.count(group, limits.group, now);
    }
  }
  return pass;
}
