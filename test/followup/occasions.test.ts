import { lunarDayInYear, nextYearlyDate } from '../../src/calendar/yearly';
import { SolarDay } from 'tyme4ts';
import { tasksFor, upcomingFor } from '../../src/followup/tasks';
import type { FollowUpCustomer, Task } from '../../src/followup/types';
import { customer } from './helpers';

// Holidays are tested on their own; here only birthday and anniversary tasks count.
function occasionTasks(c: FollowUpCustomer, today: string): Task[] {
  return tasksFor(c, today).filter((t) => t.kind === 'gift' || t.kind === 'greeting');
}

describe('solar birthday', () => {
  const a = customer({ birthday: { calendar: 'solar', month: 6, day: 28 } });

  it('is listed from 7 days before, not earlier', () => {
    expect(upcomingFor(a, '2026-06-20')).toEqual([]);
    expect(upcomingFor(a, '2026-06-21')).toEqual([
      expect.objectContaining({ kind: 'birthday', date: '2026-06-28', daysAway: 7, lunar: false }),
    ]);
  });

  it('gives an A customer a prepare-a-gift task 3 days before, kept until the day', () => {
    expect(occasionTasks(a, '2026-06-24')).toEqual([]);
    expect(occasionTasks(a, '2026-06-25')).toEqual([
      expect.objectContaining({
        kind: 'gift',
        dueDate: '2026-06-25',
        overdue: false,
        channel: 'prepare',
      }),
    ]);
    expect(occasionTasks(a, '2026-06-27')[0]).toMatchObject({ kind: 'gift', overdue: true });
  });

  it('gives a greeting on the day, and nothing the day after', () => {
    expect(
      occasionTasks(a, '2026-06-28')
        .map((t) => t.kind)
        .sort(),
    ).toEqual(['gift', 'greeting']);
    const greeting = occasionTasks(a, '2026-06-28').find((t) => t.kind === 'greeting');
    expect(greeting).toMatchObject({
      title: '生日祝福',
      channel: 'message',
      dueDate: '2026-06-28',
    });
    expect(greeting?.script).toContain('生日快乐');
    expect(occasionTasks(a, '2026-06-29')).toEqual([]);
  });

  it('gives no gift task to a B customer, but still the greeting', () => {
    const b = { ...a, tier: 'B' as const };
    expect(occasionTasks(b, '2026-06-25')).toEqual([]);
    expect(occasionTasks(b, '2026-06-28').map((t) => t.kind)).toEqual(['greeting']);
  });

  it('gives an opted-out customer no greeting, but keeps the gift, marked', () => {
    const out = { ...a, optOut: true };
    expect(occasionTasks(out, '2026-06-28')).toEqual([
      expect.objectContaining({ kind: 'gift', optedOut: true }),
    ]);
  });

  it('stops showing a greeting once done', () => {
    const key = occasionTasks(a, '2026-06-28').find((t) => t.kind === 'greeting')?.key as string;
    const log = [{ key, action: 'done' as const, on: '2026-06-28' }];
    expect(occasionTasks({ ...a, followUpLog: log }, '2026-06-28').map((t) => t.kind)).toEqual([
      'gift',
    ]);
  });

  it('keeps 2月29日 birthdays on 2月28日 in ordinary years', () => {
    expect(nextYearlyDate({ calendar: 'solar', month: 2, day: 29 }, '2027-01-01')).toBe(
      '2027-02-28',
    );
    expect(nextYearlyDate({ calendar: 'solar', month: 2, day: 29 }, '2028-01-01')).toBe(
      '2028-02-29',
    );
  });
});

describe('lunar birthday', () => {
  const midAutumnish = customer({ birthday: { calendar: 'lunar', month: 8, day: 20 } });

  it.each([
    ['2026-01-10', '2026-09-30'],
    ['2027-01-10', '2027-09-20'],
    ['2028-01-10', '2028-10-08'],
  ])('from %s the next 农历八月二十 is %s', (today, expected) => {
    const date = nextYearlyDate({ calendar: 'lunar', month: 8, day: 20 }, today);
    expect(date).toBe(expected);
    // Independent check: tyme4ts reads that solar day back as 八月二十.
    const [y, m, d] = date.split('-').map(Number);
    expect(SolarDay.fromYmd(y, m, d).getLunarDay().getName()).toBe('二十');
    expect(SolarDay.fromYmd(y, m, d).getLunarDay().getLunarMonth().getMonthWithLeap()).toBe(8);
  });

  it('greets on the solar day of the lunar date, labelled lunar', () => {
    const [greeting] = occasionTasks(midAutumnish, '2027-09-20').filter(
      (t) => t.kind === 'greeting',
    );
    expect(greeting.detail).toBe('农历八月二十');
    expect(upcomingFor(midAutumnish, '2027-09-15')[0]).toMatchObject({
      lunar: true,
      date: '2027-09-20',
    });
  });

  it('picks the nearest 腊月 birthday ahead in January, not next winter’s', () => {
    const lunarDec = { calendar: 'lunar' as const, month: 12, day: 15 };
    // 腊月十五 of lunar year 2026 is 2027-01-22; of 2027 it is 2028-01-11.
    expect(nextYearlyDate(lunarDec, '2027-01-05')).toBe('2027-01-22');
    expect(nextYearlyDate(lunarDec, '2027-01-23')).toBe('2028-01-11');
    expect(nextYearlyDate(lunarDec, '2026-03-01')).toBe('2027-01-22');
  });

  it('falls back to the last day of a 29-day month for a day-30 birthday', () => {
    // 三月 of lunar 2026 has 30 days, of 2027 only 29.
    expect(lunarDayInYear(2026, 3, 30)).toBe('2026-05-16');
    expect(lunarDayInYear(2027, 3, 30)).toBe('2027-05-05');
    expect(lunarDayInYear(2027, 3, 29)).toBe('2027-05-05');
    // 腊月三十 of lunar 2026 (29 days) is celebrated on 除夕, 2027-02-05.
    const c = customer({ birthday: { calendar: 'lunar', month: 12, day: 30 } });
    expect(occasionTasks(c, '2027-02-05').map((t) => t.kind)).toContain('greeting');
  });
});

describe('anniversaries', () => {
  it('greets a lunar wedding anniversary on its day, counting the years', () => {
    const scripts = Array.from({ length: 20 }, (_, i) => {
      const c = customer({
        id: `c${i}`,
        tier: 'B',
        anniversaries: [{ kind: 'wedding', calendar: 'lunar', month: 8, day: 20, year: 2017 }],
      });
      const tasks = occasionTasks(c, '2027-09-20');
      expect(tasks).toEqual([expect.objectContaining({ title: '结婚纪念日祝福' })]);
      return tasks[0].script;
    });
    expect(scripts.some((s) => s.includes('结婚10周年纪念日'))).toBe(true);
    expect(scripts.filter((s) => /\d+周年/.test(s)).every((s) => s.includes('10周年'))).toBe(true);
  });

  it('prepares for an A customer’s company anniversary like a birthday', () => {
    const c = customer({
      anniversaries: [{ kind: 'company', calendar: 'solar', month: 5, day: 18 }],
    });
    expect(occasionTasks(c, '2026-05-15')).toEqual([
      expect.objectContaining({ kind: 'gift', title: '公司周年庆备礼' }),
    ]);
    expect(occasionTasks(c, '2026-05-15')[0].script).toContain('花篮');
  });

  it('sends an ownerless customer’s greeting to the managers (owner null)', () => {
    const c = customer({ ownerId: null, birthday: { calendar: 'solar', month: 6, day: 28 } });
    expect(occasionTasks(c, '2026-06-28').find((t) => t.kind === 'greeting')?.ownerId).toBeNull();
  });
});
