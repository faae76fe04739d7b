import { groupBriefingText, type GroupBriefing } from '../../src/followup/briefing';
import { holidaysInRange } from '../../src/followup/holidays';
import { personalListText } from '../../src/followup/personal-list';
import { tasksFor, upcomingFor } from '../../src/followup/tasks';
import type { FollowUpCustomer } from '../../src/followup/types';
import { customer } from './helpers';

const TODAY = '2026-11-23';
const yesterday = {
  tables: 12,
  covers: 48,
  revenue: 36800,
  newCustomers: 3,
  returningCustomers: 9,
};
const lastWeek = { tables: 10, covers: 40, revenue: 30200, newCustomers: 2, returningCustomers: 8 };
const STAFF = { 'staff-wang': '小王', 'staff-li': '小李' };

/** Customers whose thank-you call is due today (they came yesterday). */
function cameYesterday(names: string[], ownerId = 'staff-wang'): FollowUpCustomer[] {
  return names.map((name, i) =>
    customer({ id: `${ownerId}-${i}`, name, tier: 'B', ownerId, lastVisit: '2026-11-22' }),
  );
}

function briefing(customers: FollowUpCustomer[], extra: Partial<GroupBriefing> = {}): string {
  return groupBriefingText({
    storeName: '海天阁',
    today: TODAY,
    yesterday,
    sameDayLastWeek: lastWeek,
    tasks: customers.flatMap((c) => tasksFor(c, TODAY)),
    upcoming: customers.flatMap((c) => upcomingFor(c, TODAY)),
    holidays: holidaysInRange(TODAY, '2026-11-30'),
    staffNames: STAFF,
    ...extra,
  });
}

describe('group briefing', () => {
  it('gives yesterday in numbers against the same weekday last week', () => {
    const text = briefing([]);
    expect(text.split('\n')).toEqual([
      '【海天阁 早报】11月23日 周一',
      '昨天 12桌 48人 ¥36,800(上周同日 ¥30,200,+22%)',
      '新客 3位 回头客 9位',
    ]);
  });

  it('shows a drop with a minus sign, and says so when nothing was recorded', () => {
    expect(briefing([], { yesterday: { ...yesterday, revenue: 27180 } })).toContain(
      '¥27,180(上周同日 ¥30,200,-10%)',
    );
    expect(briefing([], { yesterday: { ...yesterday, tables: 0 } })).toContain('昨天 没有记录消费');
  });

  it('counts today’s follow-ups per staff member with the first few names', () => {
    const text = briefing([
      ...cameYesterday(['张总', '李姐', '王老板', '陈先生', '欧阳总']),
      ...cameYesterday(['刘姐'], 'staff-li'),
    ]);
    expect(text).toContain('今日待回访 6位:\n小王 5位: 张总、李姐、王老板…\n小李 1位: 刘姐');
  });

  it('lists the week’s birthdays and ends a long list with …还有N位', () => {
    const birthdays = ['赵总', '钱总', '孙姐', '李总', '周总', '吴姐', '郑总'].map((name, i) =>
      customer({
        id: `b${i}`,
        name,
        tier: 'C',
        birthday: { calendar: 'solar', month: 11, day: 24 + (i % 5) },
      }),
    );
    const lines = briefing(birthdays).split('\n');
    const start = lines.indexOf('近7天生日/纪念日:');
    expect(lines.slice(start + 1, start + 4)).toEqual([
      '11月24日 赵总 生日',
      '11月24日 吴姐 生日',
      '11月25日 钱总 生日',
    ]);
    expect(lines[start + 6]).toBe('…还有2位,私聊我「我的待回访」');
  });

  it('lists the week’s holidays with official notes', () => {
    const text = groupBriefingText({
      storeName: '海天阁',
      today: '2026-02-12',
      yesterday,
      tasks: [],
      upcoming: [],
      holidays: holidaysInRange('2026-02-12', '2026-02-19'),
      staffNames: STAFF,
    });
    expect(text).toContain(
      '近7天节日:\n2月17日 春节(除夕2月16日)\n  放假2月15日至23日,2月14日、2月28日上班',
    );
  });

  it('lists churn alerts with each customer’s history in a line', () => {
    const lapsed = Array.from({ length: 7 }, (_, i) =>
      customer({ id: `l${i}`, name: `客${i}`, lastVisit: '2026-10-24', usualRoom: '牡丹厅' }),
    );
    const text = briefing(lapsed);
    expect(text).toContain('流失预警 7位:\n客0(A) 上次10月24日 共8次 ¥32,000 常坐牡丹厅');
    expect(text).toMatch(/…还有2位,私聊我「我的待回访」$/);
  });

  it('never shows a phone number', () => {
    const text = briefing(cameYesterday(['张总13812345678']));
    expect(text).not.toMatch(/1\d{10}/);
    expect(text).toContain('张总138****5678');
  });
});

describe('personal list (我的待回访)', () => {
  it('lists every task with its wording, overdue and opted-out ones marked', () => {
    const customers = [
      customer({ name: '张总', lastVisit: '2026-11-20' }),
      customer({ id: 'c2', name: '李姐', tier: 'B', lastVisit: '2026-11-22', optOut: true }),
      customer({
        id: 'c3',
        name: '王老板',
        tier: 'C',
        birthday: { calendar: 'lunar', month: 10, day: 19 },
      }),
    ];
    const text = personalListText({
      staffName: '小王',
      today: TODAY,
      tasks: customers.flatMap((c) => tasksFor(c, TODAY)).sort((a, b) => b.priority - a.priority),
      upcoming: customers.flatMap((c) => upcomingFor(c, TODAY)),
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('小王 11月23日 待回访 2位 2项');
    expect(lines[1]).toBe('其中逾期 1项');
    expect(lines[2]).toBe('1. 张总(A) 致谢回访 逾期2天');
    expect(lines[3]).toMatch(/^ {3}话术:张总/);
    expect(lines[4]).toBe('2. 李姐(B) 致谢回访 (不接受消息)');
    expect(lines[5]).toMatch(/^ {3}话术:李姐/);
    expect(text).toContain('近7天:\n11月27日(4天后) 王老板 生日(农历)');
  });

  it('says so when there is nothing to do', () => {
    expect(personalListText({ staffName: '小李', today: TODAY, tasks: [], upcoming: [] })).toBe(
      '小李 11月23日 今天没有待回访。',
    );
  });
});
