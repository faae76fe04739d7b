/**
 * 本周生日的客户 / 下周谁过生日 / 本月生日: customers whose birthday (solar or lunar) falls in the
 * period, found through the birthday lookups of the period's days, never by scanning customers.
 */
import { SolarDay } from 'tyme4ts';
import type { Types } from 'mongoose';
import { tierSettingsOf } from '../../archive/refresh';
import { lunarLabel, nextYearlyDate } from '../../calendar/yearly';
import { keys, lookupIds } from '../../db/lookup';
import { shortDate } from '../../format/text';
import type { Models } from '../../model';
import type { CustomerDoc } from '../../model/customer';
import { staffOf } from '../../pipeline/context';
import { commandFeature, READ_ONLY } from '../command';
import { loadCustomers, staffNames, tierToday } from './archive';
import { ahead, daysOf, named, periodIn, periodLabel, weekdayName, type Period } from './period';
import { asked, capped, joinParts, phoneFor, seesStore, todayOf, visibleTo } from './shared';

/** Lookup keys that can hold a birthday on one of the days; the customer's record then decides. */
export function birthdayKeys(storeId: Types.ObjectId, p: Period): string[] {
  const out = new Set<string>();
  for (const day of daysOf(p)) {
    const [y, m, d] = day.split('-').map(Number);
    out.add(keys.solarBirthday(storeId, m, d));
    // 2月29日 is kept on 2月28日 in ordinary years.
    if (m === 2 && d === 28) out.add(keys.solarBirthday(storeId, 2, 29));
    const lunar = SolarDay.fromYmd(y, m, d).getLunarDay();
    const month = lunar.getLunarMonth();
    const lm = Math.abs(month.getMonthWithLeap());
    out.add(keys.lunarBirthday(storeId, lm, lunar.getDay()));
    // 三十 falls back to 廿九 in a 29-day month.
    if (lunar.getDay() === 29 && month.getDayCount() === 29)
      out.add(keys.lunarBirthday(storeId, lm, 30));
  }
  return [...out];
}

export interface BirthdayInPeriod {
  c: CustomerDoc;
  date: string;
}

export async function birthdaysIn(
  models: Models,
  storeId: Types.ObjectId,
  p: Period,
): Promise<BirthdayInPeriod[]> {
  const ids: Types.ObjectId[] = [];
  for (const key of birthdayKeys(storeId, p)) ids.push(...(await lookupIds(models, key)));
  const found: BirthdayInPeriod[] = [];
  for (const c of await loadCustomers(models, ids)) {
    if (!c.birthday || !c.storeId.equals(storeId)) continue;
    const { calendar, month, day } = c.birthday;
    const date = nextYearlyDate({ calendar, month, day }, p.from);
    if (date <= p.to) found.push({ c, date });
  }
  return found.sort((a, b) => a.date.localeCompare(b.date) || a.c.name.localeCompare(b.c.name));
}

function periodAsked(text: string, today: string): Period {
  if (/最近|快到|近期|马上/.test(text) && !/\d+\s*天/.test(text)) return ahead('最近7天', today, 7);
  return periodIn(text, today) ?? named('本周', today);
}

export const birthdays = commandFeature(
  ['query.birthdays'],
  async (ctx) => {
    const { store } = staffOf(ctx);
    const { models } = ctx.services;
    const today = todayOf(ctx);
    const period = periodAsked(ctx.msg.text, today);
    const whole = seesStore(ctx);
    const all = await birthdaysIn(models, store._id, period);
    const visible = new Set(
      visibleTo(
        ctx,
        all.map((b) => b.c),
      ),
    );
    const found = all.filter((b) => visible.has(b.c));
    const label = periodLabel(period, today);
    if (found.length === 0) {
      ctx.reply(`${label}没有${whole ? '' : '你的'}客户过生日`);
      return;
    }
    const tiers = tierSettingsOf(store);
    const names = whole ? await staffNames(models, store._id) : new Map<string, string>();
    const lines = found.map(({ c, date }) => {
      const b = c.birthday!;
      const when = `${shortDate(date, today)} ${weekdayName(date)}${date < today ? '(已过)' : date === today ? '(今天)' : ''}`;
      return joinParts([
        `${when} ${c.name}(${tierToday(c, today, tiers)})`,
        b.calendar === 'lunar' ? lunarLabel(b.month, b.day) : undefined,
        c.ownerId ? names.get(String(c.ownerId)) : undefined,
        phoneFor(ctx, c),
      ]);
    });
    ctx.reply(
      [
        `${label}过生日的${whole ? '' : '你的'}客户:${found.length}位`,
        ...capped(lines, ctx, asked(ctx)),
      ].join('\n'),
    );
  },
  READ_ONLY,
);
