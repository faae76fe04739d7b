/**
 * 早报: each morning every team group of the store gets yesterday in numbers. The follow-up issue
 * adds whom to call, birthdays, holidays and churn to the same message.
 */
import type { Services } from '../pipeline/context';
import type { OutgoingMessage } from '../pipeline/message';
import type { StoreDoc } from '../model/store';
import type { Job } from '../scheduler/jobs';
import type { Occurrence } from '../scheduler/daily';
import { shortDate, yuan } from '../format/text';
import { addDays } from '../time/business-day';
import { dayBookId } from '../model/day-book';

export interface DayFigures {
  day: string;
  tables: number;
  covers: number;
  revenue: number;
  newCustomers: number;
  returningCustomers: number;
}

export function briefingText(storeName: string, f: DayFigures): string {
  const head = `【${storeName} 早报】`;
  const day = `昨天 ${shortDate(f.day)}`;
  if (f.tables === 0) return `${head}\n${day} 没有记录消费。记消费这样发:张总 今晚 3人 消费2800`;
  return [
    head,
    `${day}:${f.tables}桌 ${f.covers}人 ${yuan(f.revenue)}`,
    `新客 ${f.newCustomers}位,回头客 ${f.returningCustomers}位`,
  ].join('\n');
}

/** Figures of one business day, from its day book (one read, whatever the store's size). */
export async function dayFigures(
  services: Services,
  store: StoreDoc,
  day: string,
): Promise<DayFigures> {
  const book = await services.models.DayBook.findById(dayBookId(store._id, day)).lean();
  return {
    day,
    tables: book?.tables ?? 0,
    covers: book?.covers ?? 0,
    revenue: book?.revenue ?? 0,
    newCustomers: book?.newCustomers ?? 0,
    returningCustomers: Math.max(0, (book?.customers.length ?? 0) - (book?.newCustomers ?? 0)),
  };
}

export const morningBriefing: Job = {
  name: 'morning-briefing',
  timeOf: (store) => store.briefingTime,
  async run(
    store: StoreDoc,
    occ: Occurrence,
    _now: Date,
    services: Services,
  ): Promise<OutgoingMessage[]> {
    const groups = await services.models.TeamGroup.find({ storeId: store._id })
      .sort({ _id: 1 })
      .lean();
    if (groups.length === 0) return [];
    const text = briefingText(store.name, await dayFigures(services, store, addDays(occ.day, -1)));
    return groups.map((g) => ({
      platform: g.platform,
      chatId: g.chatId,
      chatType: 'group',
      to: null,
      text,
    }));
  },
};
