/**
 * 设置 本群推送 <消息推送地址> / 设置 本群推送 关闭: a manager gives a bound WeCom team group its
 * 群机器人 push webhook, which carries what the bot may not push there itself (WeCom lets the bot
 * push only into a chat that spoke to it lately). The key is a secret: it is shown masked, kept
 * masked in the message log (steps.ts), and stored with the group's binding (archive/stores.ts).
 *
 * Read from the text, not the parser: an address full of digits is no record, and the parser
 * should never have to make sense of a secret.
 */
import { groupStoreOf, groupPushKeyOf, setGroupPushKey } from '../archive/stores';
import { staffOf, type BotContext } from '../pipeline/context';
import type { Feature } from '../pipeline/router';
import { maskKey } from '../privacy';
import { canManage } from './command';

const OPENER = /^(?:@\S+\s*)?(?:设置|设定|配置)\s*本群推送[\s::]*/;
/** The platform's keys are UUIDs; anything of letters, digits and dashes that long is accepted. */
const KEY = /^[A-Za-z0-9][\w-]{15,127}$/;
const OFF = /^(?:关闭|关掉|取消|删除|停用|off)$/i;
/** Only WeCom's adapter sends through a group's webhook. */
const PLATFORM = 'wecom';
const HOW =
  '这样发:设置 本群推送 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…\n' +
  '(群设置 → 消息推送 → 添加,复制它的地址;只发 key 也可以)';

/** The key in what was pasted: the webhook's address (its `key=`), or the key alone. */
export function pushKeyIn(words: string): string | undefined {
  const w = words.trim();
  if (!/^https?:\/\//i.test(w)) return KEY.test(w) ? w : undefined;
  try {
    const url = new URL(w.split(/\s/)[0]);
    const key = url.searchParams.get('key') ?? '';
    return url.pathname.endsWith('/cgi-bin/webhook/send') && KEY.test(key) ? key : undefined;
  } catch {
    return undefined;
  }
}

async function refusal(ctx: BotContext): Promise<string | undefined> {
  const { staff } = staffOf(ctx);
  if (!canManage(staff.role) && !staff.chain) return '本群推送需要店长或管理员来设置';
  if (ctx.msg.chatType !== 'group') return '请在要推送的群里发:设置 本群推送 消息推送地址';
  if (ctx.msg.platform !== PLATFORM) return '本群推送只用于企业微信群';
  const { models } = ctx.services;
  const bound = await groupStoreOf(models, ctx.msg.platform, ctx.msg.chatId, Date.now());
  if (!bound) return '本群还没绑定门店,请先发:绑定本群 门店编号';
  return undefined;
}

async function status(ctx: BotContext): Promise<string> {
  const key = await groupPushKeyOf(ctx.services.models, ctx.msg.platform, ctx.msg.chatId);
  return key
    ? `本群推送:已设置(key ${maskKey(key)})。关闭发:设置 本群推送 关闭`
    : `本群推送:未设置。${HOW}`;
}

export const groupPush: Feature = {
  name: 'group.push',
  takes: (ctx) => !!ctx.staff && OPENER.test(ctx.msg.text.trim()),
  // Setting the same key (or none) again changes nothing more.
  repeatable: true,
  async handle(ctx) {
    const refused = await refusal(ctx);
    if (refused) return void ctx.reply(refused);
    const words = ctx.msg.text.trim().replace(OPENER, '').trim();
    if (!words) return void ctx.reply(await status(ctx));
    const chat = { platform: ctx.msg.platform, chatId: ctx.msg.chatId };
    if (OFF.test(words)) {
      await setGroupPushKey(ctx.services.models, chat, undefined);
      return void ctx.reply('已关闭本群推送。机器人发不进本群时,消息会排队,等群里有人 @机器人');
    }
    const key = pushKeyIn(words);
    if (!key) return void ctx.reply(`本群推送没有设置:地址看不懂。\n${HOW}`);
    await setGroupPushKey(ctx.services.models, chat, key);
    ctx.reply(
      `已设置本群推送(key ${maskKey(key)})\n` +
        '机器人主动发不进本群时(早报等),改由这个地址发出,每分钟最多20条。\n' +
        '刚才那条消息带着地址,建议撤回',
    );
  },
};
