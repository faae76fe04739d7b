import { LegalHoliday } from 'tyme4ts';
import { HOLIDAY_OVERRIDES } from '../../src/followup/holiday-overrides';
import { HOLIDAYS } from '../../src/followup/holiday-table';
import { holidayInYear, holidaysAhead, holidaysInRange } from '../../src/followup/holidays';
import { DEFAULT_FOLLOW_UP_SETTINGS, followUpSettingsSchema } from '../../src/followup/settings';
import { tasksFor } from '../../src/followup/tasks';
import type { FollowUpCustomer, Task } from '../../src/followup/types';
import { customer } from './helpers';

const def = (name: string) => HOLIDAYS.find((h) => h.name === name)!;
const dateOf = (name: string, year: number) => holidayInYear(def(name), year)?.date;

function holidayTasks(c: FollowUpCustomer, today: string): Task[] {
  return tasksFor(c, today).filter((t) => t.kind === 'holidayCall' || t.kind === 'holidayGreeting');
}

describe('lunar holiday dates', () => {
  // Verified against tyme4ts and the published calendars.
  it.each([
    [
      2026,
      {
        春节: '2026-02-17',
        元宵: '2026-03-03',
        端午: '2026-06-19',
        七夕: '2026-08-19',
        中秋: '2026-09-25',
        冬至: '2026-12-22',
      },
    ],
    [
      2027,
      {
        春节: '2027-02-06',
        元宵: '2027-02-20',
        端午: '2027-06-09',
        七夕: '2027-08-08',
        中秋: '2027-09-15',
        冬至: '2027-12-22',
      },
    ],
    [
      2028,
      {
        春节: '2028-01-26',
        元宵: '2028-02-09',
        端午: '2028-05-28',
        七夕: '2028-08-26',
        中秋: '2028-10-03',
        冬至: '2028-12-21',
      },
    ],
  ])('%i', (year, expected) => {
    for (const [name, date] of Object.entries(expected))
      expect([name, dateOf(name, year)]).toEqual([name, date]);
  });

  it('names 除夕 and 平安夜 as the eves of 春节 and 圣诞', () => {
    expect(holidayInYear(def('春节'), 2027)).toMatchObject({ eve: '2027-02-05', eveName: '除夕' });
    expect(holidayInYear(def('圣诞'), 2027)).toMatchObject({
      eve: '2027-12-24',
      eveName: '平安夜',
    });
  });

  it('lists the holidays of the coming week', () => {
    expect(holidaysInRange('2027-09-10', '2027-09-17').map((h) => h.name)).toEqual(['中秋']);
    expect(holidaysInRange('2027-12-20', '2027-12-27').map((h) => h.name)).toEqual([
      '冬至',
      '圣诞',
    ]);
    // 元旦's eve (12-31) is inside the week, so it is listed too.
    const ahead = (day: string) => holidaysAhead(day, DEFAULT_FOLLOW_UP_SETTINGS);
    expect(ahead('2027-12-24').map((h) => h.name)).toEqual(['圣诞', '元旦']);
    expect(ahead('2027-12-26').map((h) => h.date)).toEqual(['2028-01-01']);
  });
});

describe('room calls before the big holidays', () => {
  const a = customer({ usualRoom: '牡丹厅' });

  it('calls an A customer 7 days before 中秋 and keeps it until the eve', () => {
    expect(holidayTasks(a, '2027-09-07')).toEqual([]);
    const [call] = holidayTasks(a, '2027-09-08');
    expect(call).toMatchObject({
      kind: 'holidayCall',
      title: '中秋留位电话',
      channel: 'call',
      overdue: false,
    });
    expect(call.script).toMatch(/留/);
    expect(holidayTasks(a, '2027-09-13')[0]).toMatchObject({ kind: 'holidayCall', overdue: true });
    expect(holidayTasks(a, '2027-09-15').map((t) => t.kind)).not.toContain('holidayCall');
  });

  it('does not call B customers', () => {
    expect(holidayTasks(customer({ tier: 'B' }), '2027-09-08')).toEqual([]);
  });

  it('counts the 春节 call from 除夕, when 年夜饭 is eaten', () => {
    expect(holidayTasks(a, '2027-01-28')).toEqual([]);
    expect(holidayTasks(a, '2027-01-29')).toEqual([
      expect.objectContaining({ title: '春节留位电话' }),
    ]);
  });

  it.each([
    ['2025-09-24', '2025-09-29'],
    ['2028-09-24', '2028-09-26'],
  ])('makes one call for 国庆 and 中秋 when they are days apart (%s)', (due, later) => {
    expect(holidayTasks(a, due)).toEqual([expect.objectContaining({ title: '国庆中秋留位电话' })]);
    const calls = holidayTasks(a, later).filter((t) => t.kind === 'holidayCall');
    expect(calls).toEqual([expect.objectContaining({ title: '国庆中秋留位电话', overdue: true })]);
  });

  it('still calls an opted-out A customer, marked', () => {
    const out = customer({ optOut: true });
    expect(holidayTasks(out, '2027-09-08')).toEqual([
      expect.objectContaining({ kind: 'holidayCall', optedOut: true }),
    ]);
  });
});

describe('greetings on the eve', () => {
  const b = customer({ tier: 'B' });

  it('greets every opted-in customer with an owner on the eve, still on the day, not after', () => {
    expect(holidayTasks(b, '2027-09-13')).toEqual([]);
    const [g] = holidayTasks(b, '2027-09-14');
    expect(g).toMatchObject({
      kind: 'holidayGreeting',
      title: '中秋祝福',
      channel: 'message',
      overdue: false,
    });
    expect(g.script).toContain('中秋快乐');
    expect(holidayTasks(b, '2027-09-15')[0]).toMatchObject({ overdue: true });
    expect(holidayTasks(b, '2027-09-16')).toEqual([]);
  });

  it('greets for 春节 on 除夕 and for 圣诞 on 平安夜', () => {
    expect(holidayTasks(b, '2027-02-05')).toEqual([expect.objectContaining({ title: '春节祝福' })]);
    expect(holidayTasks(b, '2027-12-24')).toEqual([expect.objectContaining({ title: '圣诞祝福' })]);
    expect(holidayTasks(b, '2027-12-31')).toEqual([expect.objectContaining({ title: '元旦祝福' })]);
  });

  it('sends no greeting to an opted-out customer or one without an owner', () => {
    expect(holidayTasks(customer({ tier: 'B', optOut: true }), '2027-09-14')).toEqual([]);
    expect(holidayTasks(customer({ tier: 'B', ownerId: null }), '2027-09-14')).toEqual([]);
  });

  it('greets on 妇女节 only customers who are women', () => {
    expect(holidayTasks(customer({ tier: 'B', name: '李姐' }), '2027-03-07')).toHaveLength(1);
    expect(holidayTasks(customer({ tier: 'B', name: '张总' }), '2027-03-07')).toEqual([]);
    expect(
      holidayTasks(customer({ tier: 'B', name: '王总', gender: 'female' }), '2027-03-07'),
    ).toHaveLength(1);
  });

  it('sends one greeting when two holidays share the eve (中秋 on 国庆, 2020)', () => {
    const [g, ...more] = holidayTasks(b, '2020-09-30');
    expect(more).toEqual([]);
    expect(g).toMatchObject({ title: '中秋国庆祝福' });
    expect(g.script).toContain('双节快乐');
  });

  it('greets only on the holidays the store chose', () => {
    const s = followUpSettingsSchema.parse({ holidays: { greet: ['春节', '中秋'] } });
    expect(tasksFor(b, '2027-08-07', s)).toEqual([]);
    expect(tasksFor(b, '2027-09-14', s)).toHaveLength(1);
  });
});

describe('official adjustments', () => {
  it('says 除夕 was not a day off in 2024, with the 调休 days', () => {
    expect(holidayInYear(def('春节'), 2024)?.note).toBe(
      '放假2月10日至17日,2月4日、2月18日上班,除夕不放假',
    );
    expect(holidayInYear(def('春节'), 2026)?.note).toBe('放假2月15日至23日,2月14日、2月28日上班');
    expect(holidayInYear(def('春节'), 2027)?.note).toBeUndefined();
  });

  it('lets an override date win over the computed one, moving the greeting', () => {
    const overrides = [{ year: 2027, holiday: '中秋' as const, date: '2027-09-16' }];
    expect(holidayInYear(def('中秋'), 2027, overrides)?.date).toBe('2027-09-16');
    const b = customer({ tier: 'B' });
    const on = (day: string) =>
      tasksFor(b, day, undefined, {}, overrides).filter((t) => t.kind === 'holidayGreeting');
    expect(on('2027-09-14')).toEqual([]);
    expect(on('2027-09-15')).toEqual([
      expect.objectContaining({ title: '中秋祝福', overdue: false }),
    ]);
  });

  it.each(HOLIDAY_OVERRIDES.map((o) => [o.year, o.holiday, o] as const))(
    'the %i %s entry matches the official calendar in tyme4ts',
    (_y, _h, o) => {
      const legal = (iso: string) => {
        const [y, m, d] = iso.split('-').map(Number);
        return LegalHoliday.fromYmd(y, m, d);
      };
      if (o.daysOff) {
        expect(legal(o.daysOff.from)?.isWork()).toBe(false);
        expect(legal(o.daysOff.to)?.isWork()).toBe(false);
      }
      for (const w of o.workdays ?? []) expect(legal(w)?.isWork()).toBe(true);
      const eve = holidayInYear(def(o.holiday), o.year)?.eve as string;
      if (o.eveIsDayOff === false) expect(legal(eve)?.isWork() ?? true).toBe(true);
    },
  );
});
