import {
  festivalDate,
  festivalsBetween,
  lastFestivalDate,
  nextFestivalDate,
} from '../../src/calendar/festivals';

describe('festival calendar', () => {
  test.each([
    ['元旦', 2027, '2027-01-01'],
    ['除夕', 2026, '2026-02-16'],
    ['除夕', 2027, '2027-02-05'],
    ['大年三十', 2027, '2027-02-05'],
    ['春节', 2027, '2027-02-06'],
    ['大年初二', 2026, '2026-02-18'],
    ['元宵', 2027, '2027-02-20'],
    ['端午', 2026, '2026-06-19'],
    ['中秋', 2027, '2027-09-15'],
    ['冬至', 2026, '2026-12-22'],
    ['小寒', 2027, '2027-01-05'],
    ['母亲节', 2026, '2026-05-10'],
    ['平安夜', 2026, '2026-12-24'],
  ])('%s %i', (name, year, iso) => {
    expect(festivalDate(name, year)).toBe(iso);
  });

  test('unknown names and years give undefined', () => {
    expect(festivalDate('发工资', 2026)).toBeUndefined();
    expect(festivalDate('春节', Number.NaN)).toBeUndefined();
  });

  test('last / next occurrence around a given day', () => {
    expect(lastFestivalDate('除夕', '2026-01-20')).toBe('2025-01-28');
    expect(nextFestivalDate('除夕', '2026-01-20')).toBe('2026-02-16');
    expect(nextFestivalDate('元旦', '2026-12-31')).toBe('2027-01-01');
  });

  test('festivalsBetween lists canonical names in date order across a year boundary', () => {
    const list = festivalsBetween('2026-12-20', '2027-02-10');
    expect(list.map((f) => f.name)).toEqual([
      '冬至',
      '平安夜',
      '圣诞',
      '跨年夜',
      '元旦',
      '腊八',
      '小年',
      '除夕',
      '春节',
    ]);
    expect(list.find((f) => f.name === '春节')?.date).toBe('2027-02-06');
  });
});
