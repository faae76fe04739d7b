/**
 * Sending one queued message: hold its claim, send it, mark it sent. The process that queued a
 * message holds it from the start (queue.ts), so the usual reply costs one write after the
 * platform accepts it. Anyone else takes a claim only once it has lapsed or belongs to a start
 * that is gone (holder.ts), with a write conditional on the claim they read, so two processes
 * never send the same message at once. A message is sent twice only if the process dies between
 * the platform accepting it and the one write that marks it sent.
 *
 * A message that keeps failing is given up after `giveUpMs` (a chat that no longer exists, a bot
 * removed from a group): marked dead, reported once, and no longer holding its chat's later
 * messages back. A message whose chat is gone (ChatGone: a WeChat id after a re-login) is given up
 * after GONE_GIVE_UP_FAILURES tries at once: waiting a day would only hold its chat for nothing.
 */
import { stillHeld, type Holder } from '../holder';
import type { Logger } from '../log';
import type { Models } from '../model';
import { isChatGone, waitReasonOf, waitsForChat, type OutgoingMessage } from '../pipeline/message';
import { isDuplicateKey, type Queued } from './queue';
import type { Windows } from './windows';

export interface Sender {
  models: Models;
  log: Logger;
  send(msg: OutgoingMessage): Promise<void>;
  now(): number;
  retryFirstMs: number;
  retryMaxMs: number;
  sendLeaseMs: number;
  /** Failing this long (and at least GIVE_UP_FAILURES times), a message is given up. */
  giveUpMs: number;
  /** This process: its own claims need no write. */
  me: string;
  /** This start of the bot; without it, only a lapsed lease frees a claim. */
  holder?: Holder;
  windows: Windows;
  /** Told once about each message given up. */
  onDead?(p: Queued): Promise<void>;
  /**
   * Told when a message first waits for its chat to speak to the bot (ChatNotOpen), and again
   * only when what it waits for changes (its group's push webhook failed too).
   */
  onWaiting?(p: Queued, err: Error): Promise<void>;
}

export type Outcome =
  | { kind: 'sent' }
  /** Someone already sent it, or it was given up: nothing to do, and nothing to count. */
  | { kind: 'gone' }
  /** Another process holds it, or it failed and waits for its backoff. */
  | { kind: 'later'; at: number }
  | { kind: 'dead' };

/** A message is never given up on fewer failures than this, however long they took. */
export const GIVE_UP_FAILURES = 5;
/** Tries before a message to a chat that is gone is given up: a hiccup gets two more chances. */
export const GONE_GIVE_UP_FAILURES = 3;

export const backoffMs = (failures: number, firstMs: number, maxMs: number) =>
  Math.min(firstMs * 2 ** Math.max(0, failures - 1), maxMs);

const heldByOther = (s: Sender, p: Queued, now: number) =>
  !!p.claimBy &&
  p.claimBy !== s.me &&
  stillHeld({ leaseUntil: p.claimUntil ?? new Date(0), by: p.claimBy }, now, s.holder);

/** The message with its claim held by this process, or why it cannot be sent now. */
async function hold(s: Sender, p: Queued): Promise<Queued | Outcome> {
  const now = s.now();
  if (p.sentAt || p.deadAt) return { kind: 'gone' };
  if (p.claimBy === s.me && (p.claimUntil?.getTime() ?? 0) > now) return p;
  if (heldByOther(s, p, now)) return { kind: 'later', at: p.claimUntil!.getTime() };
  // Taking it over: try n is the unique insert of `<key>#<n>`, the one write the local database
  // makes atomic, so of two processes after the same lapsed claim only one gets it.
  const tries = p.tries ?? 0;
  try {
    await s.models.SendClaim.collection.insertOne({
      _id: `${p._id}#${tries}`,
      claimedAt: new Date(now),
      leaseUntil: new Date(now + s.sendLeaseMs),
      by: s.me,
    } as never);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const current = await s.models.PendingMessage.findById(p._id).lean<Queued>();
    if (!current || current.sentAt || current.deadAt) return { kind: 'gone' };
    return { kind: 'later', at: current.claimUntil?.getTime() ?? now + s.retryFirstMs };
  }
  const claim = { claimBy: s.me, claimUntil: new Date(now + s.sendLeaseMs), tries: tries + 1 };
  await s.models.PendingMessage.updateOne({ _id: p._id }, { $set: claim });
  if (p.claimBy && p.claimBy !== s.me) s.log.warn('taking over an expired send', { key: p._id });
  return { ...p, ...claim };
}

/** A message waiting for its chat to speak is looked at this often, so it follows soon after. */
export const WAITING_RETRY_MS = 60_000;

async function failed(s: Sender, p: Queued, err: Error): Promise<Outcome> {
  const now = s.now();
  const failures = (p.failures ?? 0) + 1;
  const firstFailedAt = p.firstFailedAt ?? new Date(now);
  const error = err.message;
  // The platform will take it once someone in the chat speaks to the bot: never given up.
  const waiting = waitsForChat(err);
  const waitReason = waiting ? waitReasonOf(err) : undefined;
  if (waiting && (failures === 1 || waitReason !== (p.waitReason ?? 'chat-closed')))
    await s.onWaiting?.(p, err);
  const gone = isChatGone(err);
  const longEnough = failures >= GIVE_UP_FAILURES && now - firstFailedAt.getTime() >= s.giveUpMs;
  if (!waiting && (longEnough || (gone && failures >= GONE_GIVE_UP_FAILURES))) {
    const dead = {
      deadAt: new Date(now),
      failures,
      lastError: error,
      ...(gone ? { chatGone: true } : {}),
    };
    await s.models.PendingMessage.updateOne({ _id: p._id }, { $set: dead, $unset: { claimBy: 1 } });
    s.log.error('send given up: no longer retried', { key: p._id, failures, error });
    Object.assign(p, dead);
    await s.onDead?.(p);
    return { kind: 'dead' };
  }
  const backoff = backoffMs(failures, s.retryFirstMs, s.retryMaxMs);
  const at = now + (waiting ? Math.min(backoff, WAITING_RETRY_MS) : backoff);
  // Still ours until the backoff is over: nobody else retries it sooner.
  const set = {
    failures,
    firstFailedAt,
    notBefore: new Date(at),
    lastError: error,
    ...(waitReason && { waitReason }),
  };
  await s.models.PendingMessage.updateOne(
    { _id: p._id },
    { $set: { ...set, claimBy: s.me, claimUntil: new Date(at + s.sendLeaseMs) } },
  );
  Object.assign(p, set, { claimBy: s.me, claimUntil: new Date(at + s.sendLeaseMs) });
  s.log.warn('send failed, will retry', { key: p._id, failures, retryAt: new Date(at), error });
  return { kind: 'later', at };
}

export async function sendOne(s: Sender, p: Queued): Promise<Outcome> {
  const held = await hold(s, p);
  if ('kind' in held) return held;
  Object.assign(p, held);
  try {
    await s.send(p.msg as OutgoingMessage);
  } catch (err) {
    return failed(s, p, err as Error);
  }
  const sentAt = new Date(s.now());
  await s.models.PendingMessage.collection.updateOne({ _id: p._id } as never, {
    $set: { sentAt },
    $unset: { claimBy: 1, claimUntil: 1 },
  });
  p.sentAt = sentAt;
  return { kind: 'sent' };
}
