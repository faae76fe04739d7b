/**
 * Sending one queued message: claim it, send it, receipt it. The claim is a unique insert of
 * `<key>#<try>`, so two processes never send the same message at once; a claim whose sender
 * died is stepped over once its lease runs out. The receipt is written the moment the platform
 * accepts, and is checked after every claim, so a message is sent twice only if the process dies
 * between the platform accepting it and that one write.
 */
import { stillHeld, type Holder } from '../holder';
import type { Logger } from '../log';
import type { Models } from '../model';
import type { OutgoingMessage } from '../pipeline/message';
import type { PendingMessage } from './model';
import { isDuplicateKey } from './queue';

export interface Sender {
  models: Models;
  log: Logger;
  send(msg: OutgoingMessage): Promise<void>;
  now(): number;
  retryFirstMs: number;
  retryMaxMs: number;
  sendLeaseMs: number;
  /** This start of the bot; without it, only a lapsed lease frees a claim. */
  holder?: Holder;
}

export type Outcome =
  | { kind: 'sent' }
  /** Someone already sent it: nothing to do, and nothing to count. */
  | { kind: 'gone' }
  /** Another process holds it, or it failed and waits for its backoff. */
  | { kind: 'later'; at: number };

/** Tries stepped over in one go; more means claims are expiring faster than they are made. */
const MAX_STEPS = 3;

export const backoffMs = (failures: number, firstMs: number, maxMs: number) =>
  Math.min(firstMs * 2 ** Math.max(0, failures - 1), maxMs);

type Claim = { claimId: string; tries: number } | Exclude<Outcome, { kind: 'sent' }>;

async function settleGone(s: Sender, key: string): Promise<{ kind: 'gone' }> {
  await s.models.PendingMessage.deleteOne({ _id: key });
  return { kind: 'gone' };
}

async function claim(s: Sender, p: PendingMessage & { _id: string }): Promise<Claim> {
  const now = s.now();
  let tries = p.tries ?? 0;
  for (let step = 0; step < MAX_STEPS; step++, tries++) {
    const claimId = `${p._id}#${tries}`;
    try {
      await s.models.SendClaim.create({
        _id: claimId,
        claimedAt: new Date(now),
        leaseUntil: new Date(now + s.sendLeaseMs),
        by: s.holder?.id,
      });
      return { claimId, tries };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    if (await s.models.SentReceipt.exists({ _id: p._id })) return settleGone(s, p._id);
    const held = await s.models.SendClaim.findById(claimId).lean();
    if (held && !held.failedAt && stillHeld(held, now, s.holder)) {
      return { kind: 'later', at: held.leaseUntil.getTime() };
    }
    // That try failed or its sender died: move every process on to the next one.
    await s.models.PendingMessage.updateOne({ _id: p._id }, { $set: { tries: tries + 1 } });
    if (held && !held.failedAt) s.log.warn('taking over an expired send', { key: p._id });
  }
  return { kind: 'later', at: now + s.retryFirstMs };
}

export async function sendOne(s: Sender, p: PendingMessage & { _id: string }): Promise<Outcome> {
  const claimed = await claim(s, p);
  if (!('claimId' in claimed)) return claimed;
  if (await s.models.SentReceipt.exists({ _id: p._id })) return settleGone(s, p._id);
  const msg = p.msg as OutgoingMessage;
  try {
    await s.send(msg);
  } catch (err) {
    const failures = (p.failures ?? 0) + 1;
    const at = s.now() + backoffMs(failures, s.retryFirstMs, s.retryMaxMs);
    const error = (err as Error).message;
    await s.models.SendClaim.updateOne(
      { _id: claimed.claimId },
      { $set: { failedAt: new Date(s.now()) } },
    );
    await s.models.PendingMessage.updateOne(
      { _id: p._id },
      { $set: { tries: claimed.tries + 1, failures, notBefore: new Date(at), lastError: error } },
    );
    // Never dropped: it stays queued and is retried, however long the platform refuses it.
    s.log.warn('send failed, will retry', { key: p._id, failures, retryAt: new Date(at), error });
    return { kind: 'later', at };
  }
  try {
    await s.models.SentReceipt.create({
      _id: p._id,
      account: p.account,
      chatId: msg.chatId,
      sentAt: new Date(s.now()),
    });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  await s.models.PendingMessage.deleteOne({ _id: p._id });
  return { kind: 'sent' };
}
