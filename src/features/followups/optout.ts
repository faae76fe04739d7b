/** 张总 不接受消息: no more greetings for him; calls stay on the list, marked. */
import { addToLookup, keys } from '../../db/lookup';
import { commandFeature } from '../command';
import { namedCustomer } from './actions';

export const optOut = commandFeature(['optout'], async (ctx) => {
  const c = await namedCustomer(ctx, /(?:不接受|不要|别再?发|不想收).*$/);
  if (!c) return;
  await addToLookup(ctx.services.models, keys.optedOut(c.storeId), c._id);
  await ctx.services.models.Customer.updateOne({ _id: c._id }, { $set: { optOut: true } });
  ctx.reply(`已记下:${c.name} 不接受消息,以后不再安排问候,回访电话照常(会标注)`);
});
