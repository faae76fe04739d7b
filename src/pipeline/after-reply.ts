/**
 * After the reply: what a feature left for later (ctx.later) runs once the replies so far are
 * queued, in the same writer lane as the feature (so the store's next change reads what it
 * wrote), and before the message counts as handled (the chat's next message waits for it). The
 * change's commit point is already written, so a step that fails is reported, not thrown: the
 * sweeper finishes it (archive/sweeper.ts).
 */
import { afterCommit } from '../archive/after-commit';
import { reportOf, type BotContext } from './context';

export async function afterReply(ctx: BotContext): Promise<void> {
  if (ctx.deferred.length === 0) return;
  await ctx.flush();
  const report = reportOf(ctx.services);
  for (const { what, step } of ctx.deferred.splice(0)) await afterCommit(report, what, step);
}
