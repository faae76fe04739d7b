/**
 * 本周A类客户 / 上月B类客户 / 这周的A类客户: the customers of a tier (as of today) who came in the
 * period, each with visits and spend in it, by spend; then how many the tier has in all.
 */
import { tierSettingsOf } from '../../archive/refresh';
import type { Tier } from '../../archive/tiers';
import { yuan } from '../../format/text';
import { staffOf } from '../../pipeline/context';
import { commandFeature, READ_ONLY } from '../command';
import { figuresIn, ownedIds, staffNames, tierMembers, tierToday, visitorsOf } from './archive';
import { named, periodIn, periodLabel, soFar } from './period';
import { asked, capped, seesStore, todayOf, visibleTo } from './shared';

/** `A类`, `b级`, and the words managers use for A: VIP客户, 大客户. */
export function tierIn(text: string): Tier | undefined {
  const m = /(?<![A-Za-z])([A-Da-d])\s*[类级]/.exec(text);
  if (m) return m[1].toUpperCase() as Tier;
  return /VIP|vip|大客户/.test(text) ? 'A' : undefined;
}

export const tierCustomers = commandFeature(
  ['query.tier'],
  async (ctx) => {
    const { staff, store } = staffOf(ctx);
    const { models } = ctx.services;
    const tier = tierIn(ctx.msg.text);
    if (!tier) {
      ctx.reply('查哪一类?例如:本周A类客户');
      return;
    }
    const today = todayOf(ctx);
    const period = soFar(periodIn(ctx.msg.text, today) ?? named('本周', today), today);
    const settings = tierSettingsOf(store);
    const rows = visibleTo(ctx, await visitorsOf(models, store._id, period))
      .filter((c) => tierToday(c, today, settings) === tier)
      .map((c) => ({ c, ...figuresIn(c, period) }))
      .filter((r) => r.visits > 0)
      .sort((a, b) => b.spend - a.spend || b.visits - a.visits);
    const whole = seesStore(ctx);
    const names = whole ? await staffNames(models, store._id) : new Map<string, string>();
    const members = await tierMembers(models, store._id, tier);
    const mine = whole ? undefined : await ownedIds(models, staff._id);
    const size = mine ? [...members].filter((id) => mine.has(id)).length : members.size;
    const who = whole ? `${tier}类客户` : `你的${tier}类客户`;
    const label = periodLabel(period, today);
    const footer = `${whole ? '全店' : '你名下'}${tier}类客户共${size}位`;
    if (rows.length === 0) {
      ctx.reply(`${label}没有${who}来过\n${footer}`);
      return;
    }
    const spend = rows.reduce((n, r) => n + r.spend, 0);
    const lines = rows.map((r, i) => {
      const owner = r.c.ownerId ? names.get(String(r.c.ownerId)) : undefined;
      return `${i + 1}. ${r.c.name} ${r.visits}次 ${yuan(r.spend)}${owner ? ` · ${owner}` : ''}`;
    });
    ctx.reply(
      [
        `${label}${who}:来了${rows.length}位,消费${yuan(spend)}`,
        ...capped(lines, ctx, asked(ctx)),
        footer,
      ].join('\n'),
    );
  },
  READ_ONLY,
);
