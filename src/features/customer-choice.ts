/**
 * `1` answering `有2位张总,是哪位?` after a command (已回访 张总, 把张总转给小李, 合并 …): the
 * command as first sent runs again, on the chosen customer. Runs before the message is read, so
 * what follows reads the command, in the form it had (its @-mention too), not the digit.
 */
import type { CommandQuestion } from './customer-argument';
import { setChosen } from './customer-argument';
import { choiceHint, pendingDraft } from './complete-draft';
import { dropDraft } from './drafts';
import type { Middleware } from '../pipeline/compose';
import { addressed, type BotContext } from '../pipeline/context';
import { takenIn } from '../pipeline/steps';

/** A number alone, after an @-mention perhaps: nothing else reads a draft for every message. */
const LONE_NUMBER = /^\s*(?:@\S+\s+)?(\d{1,2})\s*$/;

export const customerChoice: Middleware<BotContext> = async (ctx, next) => {
  const m = ctx.staff ? LONE_NUMBER.exec(ctx.msg.text) : null;
  const draft = m ? await pendingDraft(ctx) : null;
  const question = draft?.command as CommandQuestion | undefined;
  if (!m || !draft || !question) return next();
  const choices = draft.choices ?? [];
  const n = Number(m[1]);
  if (n < 1 || n > choices.length) {
    if (addressed(ctx) && (await takenIn(ctx))) ctx.reply(choiceHint(choices.length, true));
    return;
  }
  setChosen(ctx, { ...question.chosen, [question.slot]: String(choices[n - 1]) });
  ctx.msg = { ...ctx.msg, text: question.text, mentioned: question.mentioned };
  await next();
  // Gone once the command ran; a new question it asked (合并's second name) is another draft.
  await dropDraft(ctx, draft.createdAt);
};
