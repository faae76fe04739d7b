/**
 * 最近没来的客户 / 流失客户名单: customers unseen longer than their tier's churn threshold (A 30,
 * B 45, C 60 days by default; store setting), grouped by tier. Candidates come from the day books
 * of the days their last visit can have been on, so the archive is never scanned.
 */
import { openingOf, summariesOf, tierSettingsOf } from '../../archive/refresh';
import { followUpSettingsOf } from '../../archive/stores';
import { tierOf, type Tier } from '../../archive/tiers';
import { shortDate, yuan } from '../../format/text';
import type { CustomerDoc } from '../../model/customer';
import { staffOf } from '../../pipeline/context';
import { addDays, daysBetween } from '../../time/business-day';
import { commandFeature, READ_ONLY } from '../command';
import { staffNames, visitorsOf } from './archive';
import { asked, capped, joinParts, phoneFor, seesStore, todayOf, visibleTo } from './shared';

/** Lapses newer than this are listed: "recent" churn, which a call can still win back. */
export const RECENT_DAYS = 30;
const PER_TIER = 5;
const ORDER: Tier[] = ['A', 'B', 'C', 'D'];
const GROUP_NAME: Record<Tier, string> = { A: 'A类', B: 'B类', C: 'C类', D: '新客(D类)' };

export interface Lapsed {
  c: CustomerDoc;
  /** Tier when last seen: tiers decay with absence, the threshold must not. */
  tier: Tier;
  away: number;
}

export const churnList = commandFeature(
  ['query.churn'],
  async (ctx) => {
    const { store } = staffOf(ctx);
    const { models } = ctx.services;
    const today = todayOf(ctx);
    const churn = followUpSettingsOf(store).churn;
    const tiers = tierSettingsOf(store);
    const thresholds = ORDER.map((t) => churn[t]);
    const period = {
      from: addDays(today, -(Math.max(...thresholds) + RECENT_DAYS - 1)),
      to: addDays(today, -Math.min(...thresholds)),
      word: '',
      unit: 'span' as const,
    };
    const lapsed: Lapsed[] = [];
    for (const c of visibleTo(ctx, await visitorsOf(models, store._id, period))) {
      const last = c.stats?.lastVisit;
      if (!last) continue;
      const tier = tierOf(summariesOf(c), last, tiers, openingOf(c)).tier;
      const away = daysBetween(last, today);
      if (away >= churn[tier] && away < churn[tier] + RECENT_DAYS) lapsed.push({ c, tier, away });
    }
    const whole = seesStore(ctx);
    const rule = `A类${churn.A}天、B类${churn.B}天、C类${churn.C}天没来算流失`;
    if (lapsed.length === 0) {
      ctx.reply(`近${RECENT_DAYS}天没有${whole ? '' : '你的'}客户流失(${rule})`);
      return;
    }
    const names = await staffNames(models, store._id);
    const lines = [`最近流失的${whole ? '' : '你的'}客户共${lapsed.length}位(${rule})`];
    for (const tier of ORDER) {
      const group = lapsed.filter((l) => l.tier === tier).sort((a, b) => lapseOrder(a, b));
      if (!group.length) continue;
      lines.push(`${GROUP_NAME[tier]} ${group.length}位:`);
      const rows = group.map(({ c, away }) =>
        joinParts([
          `${c.name} 上次${shortDate(c.stats!.lastVisit!, today)}(${away}天没来)`,
          `共${c.stats?.visits ?? 0}次 ${yuan(c.stats?.totalSpend ?? 0)}`,
          whole && c.ownerId ? names.get(String(c.ownerId)) : undefined,
          phoneFor(ctx, c),
        ]),
      );
      lines.push(...capped(rows, ctx, asked(ctx), PER_TIER));
    }
    ctx.reply(lines.join('\n'));
  },
  READ_ONLY,
);

/** The best customers first within a tier: most spent, then longest away. */
const lapseOrder = (a: Lapsed, b: Lapsed) =>
  (b.c.stats?.totalSpend ?? 0) - (a.c.stats?.totalSpend ?? 0) || b.away - a.away;
