/**
 * 确认换号 <名字>: a store's admin or manager confirms that the new WeChat id that showed a
 * colleague's name and 备注 is that colleague (pipeline/new-id.ts asked them). The colleague's
 * staff identity moves to it, and what was given up for the old id goes there (archive/rebind).
 */
import { confirmContactMove } from '../archive/rebind/moves';
import { addressed, staffOf, type BotContext } from '../pipeline/context';
import { CONFIRM_MOVE } from '../pipeline/new-id';
import type { Feature } from '../pipeline/router';
import { canManage } from './command';

const CONFIRM_WORDS = new RegExp(`^(?:@\\S+\\s*)?${CONFIRM_MOVE}[\\s:\\uFF1A]*(\\S+)\\s*$`);

const REFUSED: Record<'none' | 'expired' | 'several' | 'taken', (name: string) => string> = {
  none: (name) => `没有 ${name} 换号的请求`,
  expired: (name) => `${name} 的换号请求已过期,请${name}用新号再给我发一条消息`,
  several: (name) => `有两个新号都像 ${name},我分不清,没有换。请当面问清是哪个号后再发一次`,
  taken: (name) => `${name} 的新号已经是别的员工了,没有换`,
};

const nameOf = (ctx: BotContext) => CONFIRM_WORDS.exec(ctx.msg.text.trim())?.[1];

async function confirm(ctx: BotContext): Promise<void> {
  const { staff, store } = staffOf(ctx);
  const name = nameOf(ctx)!;
  if (!canManage(staff.role)) {
    ctx.reply('换号要店长或管理员来确认');
    return;
  }
  const r = await confirmContactMove(ctx.services.models, store, name, staff._id, ctx.msg.time);
  if (r.kind !== 'moved' && r.kind !== 'already') return ctx.reply(REFUSED[r.kind](name));
  const forwards = r.forwards.map((f) => ({ ...f.msg, deliveryKey: f.key }));
  for (const f of forwards) ctx.send(f);
  const moved = forwards.length > 0 ? `,${forwards.length} 条没发出去的消息转到新号` : '';
  if (r.kind === 'already') return ctx.reply(`${name} 已经换好新号了${moved}`);
  ctx.reply(`已确认:${name} 换成新号${moved}。群也换了新号的,请在群里重新发「绑定本群」`);
}

export const confirmMove: Feature = {
  name: 'staff.move',
  takes: (ctx) => addressed(ctx) && nameOf(ctx) !== undefined,
  handle: confirm,
  // Every step is safe to repeat and its messages are keyed by the originals.
  repeatable: true,
};
