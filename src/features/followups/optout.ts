/** 张总 不接受消息: no more greetings for him; calls stay on the list, marked. */
import { updateCustomer } from '../../archive/customer-writes';
import { noteWork } from '../../archive/work-list';
import { addToLookup, keys } from '../../db/lookup';
import { changeOf } from '../../pipeline/context';
import { commandFeature } from '../command';
import { namedCustomer } from './actions';

export const optOut = commandFeature(['optout'], async (ctx) => {
  const c = await namedCustomer(ctx, /(?:不接受|不要|别再?发|不想收).*$/);
  if (!c) return;
  const { models } = ctx.services;
  const change = changeOf(ctx);
  await noteWork(models, change.by, change.today, [c._id]);
  await addToLookup(models, keys.optedOut(c.storeId), c._id);
  await updateCustomer(models, c._id, { $set: { optOut: true } });
  ctx.reply(`已记下:${c.name} 不接受消息,以后不再安排问候,回访电话照常(会标注)`);
});
