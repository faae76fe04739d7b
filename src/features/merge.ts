/** 合并 张总 张建国: two archives of one person become one; the second name becomes an alias. */
import { candidates } from '../archive/customers';
import { mergeCustomers } from '../archive/merge';
import { yuan } from '../format/text';
import type { CustomerDoc } from '../model/customer';
import { changeOf, staffOf, type BotContext } from '../pipeline/context';
import { canManage, commandFeature, REPEATABLE } from './command';

const PHONE = /^(?:\+?86)?(1[3-9]\d{9})$/;

/** The two names or phones after 合并, however they were separated. */
export function mergeArgs(text: string): string[] {
  const rest = text.replace(/^.*?合并(?:档案|客户)?/, '');
  return rest
    .split(/[\s,,、和与跟及+]+/)
    .filter(Boolean)
    .slice(0, 3);
}

async function resolveOne(ctx: BotContext, word: string): Promise<CustomerDoc | undefined> {
  const { store } = staffOf(ctx);
  const phone = PHONE.exec(word.replace(/[\s-]/g, ''))?.[1];
  const found = await candidates(ctx.services.models, {
    storeId: store._id,
    ...(phone ? { phone } : { name: word }),
  });
  if (found.length === 1) return found[0];
  ctx.reply(
    found.length === 0
      ? `没有找到${word}`
      : `有${found.length}位${word},请用电话代替名字,例如:合并 138… ${word}`,
  );
  return undefined;
}

export const merge = commandFeature(
  ['merge'],
  async (ctx) => {
    const { staff } = staffOf(ctx);
    const args = mergeArgs(ctx.msg.text);
    if (args.length !== 2) {
      ctx.reply('合并两位客人这样发:合并 张总 张建国(后一位并入前一位)');
      return;
    }
    const keep = await resolveOne(ctx, args[0]);
    const absorb = keep && (await resolveOne(ctx, args[1]));
    if (!keep || !absorb) return;
    if (keep._id.equals(absorb._id)) {
      ctx.reply(`${args[0]} 和 ${args[1]} 已经是同一份档案`);
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
