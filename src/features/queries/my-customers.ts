/**
 * 我的客户: the customers the sender owns (seed 002: the ones they brought in count as theirs),
 * totals by tier first, then the most recently seen, with phones as the chat allows.
 */
import { tierSettingsOf } from '../../archive/refresh';
import type { Tier } from '../../archive/tiers';
import { shortDate, yuan } from '../../format/text';
import { staffOf } from '../../pipeline/context';
import { commandFeature, READ_ONLY } from '../command';
import { loadCustomers, ownedIds, tierToday } from './archive';
import { asked, capped, joinParts, phoneFor, todayOf } from './shared';

const TIERS: Tier[] = ['A', 'B', 'C', 'D'];

export const myCustomers = commandFeature(
  ['customers.mine'],
  async (ctx) => {
    const { staff, store } = staffOf(ctx);
    const { models } = ctx.services;
    const today = todayOf(ctx);
    const settings = tierSettingsOf(store);
    // The lookup may still name a customer since transferred away: the archive's owner decides.
    const owned = (await loadCustomers(models, await ownedIds(models, staff._id))).filter((c) =>
      c.ownerId?.equals(staff._id),
    );
    if (owned.length === 0) {
      ctx.reply('你名下还没有客户。你记的第一位新客户就算你的:张总 今晚 3人 消费2800');
      return;
    }
    const rows = owned
      .map((c) => ({ c, tier: tierToday(c, today, settings) }))
      .sort((a, b) => (b.c.stats?.lastVisit ?? '').localeCompare(a.c.stats?.lastVisit ?? ''));
    const counts = TIERS.map((t) => [t, rows.filter((r) => r.tier === t).length] as const)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${t}类${n}`);
    const lines = rows.map(({ c, tier }, i) => {
      const s = c.stats;
      return joinParts([
        `${i + 1}. ${c.name} ${tier}类`,
        s?.lastVisit ? `上次${shortDate(s.lastVisit, today)}` : s?.visits ? '日期不详' : '还没来过',
        s?.visits ? `${s.visits}次 ${yuan(s.totalSpend)}` : undefined,
        phoneFor(ctx, c),
      ]);
    });
    ctx.reply(
      [
        `你的客户共${owned.length}位:${counts.join(' · ')}`,
        '最近来过的在前:',
        ...capped(lines, ctx, asked(ctx)),
      ].join('\n'),
    );
  },
  READ_ONLY,
);
