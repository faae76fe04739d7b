/** 合并 张总 张建国: two archives of one person become one; the second name becomes an alias. */
import { mergeCustomers } from '../archive/merge';
import { yuan } from '../format/text';
import type { CustomerDoc } from '../model/customer';
import { changeOf, staffOf, type BotContext } from '../pipeline/context';
import { canManage, commandFeature, REPEATABLE } from './command';
import {
  chosenCustomer,
  customersMatching,
  labelOf,
  settle,
  type CustomerArgument,
} from './customer-argument';
import { readPhone } from '../text/phones';

/** The two names or phones after 合并, however they were separated. */
export function mergeArgs(text: string): string[] {
  const rest = text.replace(/^.*?合并(?:档案|客户)?/, '');
  return rest
    .split(/[\s,,、和与跟及+]+/)
    .filter(Boolean)
    .slice(0, 4);
}

const TAIL = /^(?:尾号)?(\d{4})$/;

/**
 * Each archive the words name, in order: a name, a phone (any way it is typed), or a name with
 * the last four digits of its phone after it (合并 张总 8000 张建国).
 */
export function mergeArguments(words: string[]): CustomerArgument[] {
  const args: CustomerArgument[] = [];
  for (const w of words) {
    const tail = TAIL.exec(w)?.[1];
    const last = args.at(-1);
    if (tail && last?.name && !last.tail && !last.phone) last.tail = tail;
    else if (tail) args.push({ tail });
    else {
      const phone = readPhone(w);
      args.push(phone ? { phone } : { name: w });
    }
  }
  return args;
}

/**
 * Both archives, or undefined once the sender was answered or asked. One that is clear on its
 * own is left out of the other's namesakes: 合并 张总 13911112222 means the other 张总.
 */
async function bothOf(
  ctx: BotContext,
  [a, b]: CustomerArgument[],
): Promise<[CustomerDoc, CustomerDoc] | undefined> {
  const found = async (arg: CustomerArgument, slot: string) => {
    const chosen = await chosenCustomer(ctx, slot);
    return chosen ? [chosen] : customersMatching(ctx, arg);
  };
  let keeps = await found(a, 'keep');
  let absorbs = await found(b, 'absorb');
  const besides = (list: CustomerDoc[], other: CustomerDoc[]) => {
    const left = other.length === 1 ? list.filter((c) => !c._id.equals(other[0]._id)) : list;
    return left.length ? left : list;
  };
  [keeps, absorbs] = [besides(keeps, absorbs), besides(absorbs, keeps)];
  const keep = await settle(ctx, keeps, a, { slot: 'keep' });
  if (!keep) return undefined;
  const absorb = await settle(ctx, besides(absorbs, [keep]), b, { slot: 'absorb' });
  return absorb ? [keep, absorb] : undefined;
}

export const merge = commandFeature(
  ['merge'],
  async (ctx) => {
    const { staff } = staffOf(ctx);
    const args = mergeArguments(mergeArgs(ctx.msg.text));
    if (args.length !== 2) {
      ctx.reply('合并两位客人这样发:合并 张总 张建国(后一位并入前一位)');
      return;
    }
    const both = await bothOf(ctx, args);
    if (!both) return;
    const [keep, absorb] = both;
    if (keep._id.equals(absorb._id)) {
      ctx.reply(`${labelOf(ctx, args[0])} 和 ${labelOf(ctx, args[1])} 已经是同一份档案`);
      return;
    }
    const ownsBoth = [keep, absorb].every((c) => !c.ownerId || c.ownerId.equals(staff._id));
    if (!canManage(staff.role) && !ownsBoth) {
      ctx.reply('合并别人的客户需要店长来操作');
      return;
    }
    const change = changeOf(ctx);
    const merged = await mergeCustomers(ctx.services.models, keep, absorb, change, change);
    const s = merged.stats;
    ctx.reply(
      `已合并: ${absorb.name} 并入 ${merged.name},共${s?.visits ?? 0}次消费 ${yuan(s?.totalSpend ?? 0)}\n以后说「${absorb.name}」也能找到`,
    );
  },
  REPEATABLE,
);
