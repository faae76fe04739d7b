import { readDate } from '../../src/parser';
import { at, parse } from './helpers';

const dateOf = (text: string, now: string, cutoff?: string): string | undefined =>
  parse(`邱总 ${text} 6人 5600`, at(now, cutoff)).date?.value;

describe('dates: a visit is in the past', () => {
  const tuesday = '2026-11-24T14:10:00+08:00';
  test.each([
    ['周日', '2026-11-22'],
    ['周二', '2026-11-24'],
    ['星期一', '2026-11-23'],
    ['礼拜五', '2026-11-20'],
    ['上周六', '2026-11-21'],
    ['上周二', '2026-11-17'],
    ['这周一', '2026-11-23'],
    ['昨天', '2026-11-23'],
    ['前天', '2026-11-22'],
    ['大前天', '2026-11-21'],
    ['21号', '2026-11-21'],
    ['二十一号', '2026-11-21'],
    ['十号', '2026-11-10'],
    ['上个月三十号', '2026-10-30'],
    ['11.20', '2026-11-20'],
    ['11/20', '2026-11-20'],
    ['11-20', '2026-11-20'],
    ['11月20日', '2026-11-20'],
    ['十一月二十日', '2026-11-20'],
    ['2026-11-20', '2026-11-20'],
    ['2026年11月20日', '2026-11-20'],
  ])('%s said on Tuesday 2026-11-24', (text, iso) => {
    expect(dateOf(text, tuesday)).toBe(iso);
  });

  test('a room numbered in words (二号包厢, 三号桌) is no day of the month', () => {
    const tuesday = '2026-11-24T14:10:00+08:00';
    expect(dateOf('中午 二号包厢', tuesday)).toBe('2026-11-24');
    expect(dateOf('中午 三号桌', tuesday)).toBe('2026-11-24');
  });

  test('month boundary: a day number is the nearest month that has it', () => {
    const dec2 = '2026-12-02T13:50:00+08:00';
    expect(dateOf('周一', dec2)).toBe('2026-11-30');
    expect(dateOf('30号', dec2)).toBe('2026-11-30');
    // November has no 31st: 31 October is further back than 31 December is ahead.
    expect(dateOf('31号', dec2)).toBe('2026-12-31');
    expect(dateOf('1号', dec2)).toBe('2026-12-01');
  });

  test('a month and day still to come this year is a booking, never a year back', () => {
    const nov21 = '2026-11-21T20:00:00+08:00';
    expect(dateOf('11月25日', nov21)).toBe('2026-11-25');
    expect(parse('褚总 11月25日 3人 消费1800', at(nov21)).intent).not.toBe('visit');
    expect(dateOf('11月20日', nov21)).toBe('2026-11-20');
    expect(dateOf('12月28日', '2027-01-03T20:00:00+08:00')).toBe('2026-12-28');
  });

  test('year boundary: December said in January is last year', () => {
    const jan2 = '2027-01-02T20:00:00+08:00';
    expect(dateOf('12月31日', jan2)).toBe('2026-12-31');
    expect(dateOf('12.28', jan2)).toBe('2026-12-28');
    expect(dateOf('周四', jan2)).toBe('2026-12-31');
    expect(dateOf('元旦', jan2)).toBe('2027-01-01');
    expect(dateOf('平安夜', jan2)).toBe('2026-12-24');
    expect(dateOf('1月1日', jan2)).toBe('2027-01-01');
  });

  test('Spring Festival moves: 除夕 and 大年初二 said in February 2027', () => {
    const feb10 = '2027-02-10T21:00:00+08:00';
    expect(dateOf('除夕', feb10)).toBe('2027-02-05');
    expect(dateOf('大年初二', feb10)).toBe('2027-02-07');
    expect(dateOf('初五', feb10)).toBe('2027-02-10');
    expect(dateOf('元宵', feb10)).toBe('2026-03-03'); // this year's is still ahead
  });

  test('Spring Festival said in January 2026, before it came: the previous one', () => {
    const jan20 = '2026-01-20T21:00:00+08:00';
    expect(dateOf('除夕', jan20)).toBe('2025-01-28');
    expect(dateOf('大年初二', jan20)).toBe('2025-01-30');
    expect(dateOf('冬至', jan20)).toBe('2025-12-21');
    expect(dateOf('圣诞', jan20)).toBe('2025-12-25');
  });

  test.each([
    ['中秋', '2026-09-25'],
    ['七夕', '2026-08-19'],
    ['端午节', '2026-06-19'],
    ['清明', '2026-04-05'],
    ['国庆', '2026-10-01'],
    ['五一', '2026-05-01'],
  ])('festival %s said in November 2026', (text, iso) => {
    expect(dateOf(text, '2026-11-22T21:40:00+08:00')).toBe(iso);
  });

  test('business day: at 01:30 今晚/今天/刚走 are the day that began yesterday morning', () => {
    const late = '2026-11-26T01:30:00+08:00';
    expect(dateOf('今晚', late)).toBe('2026-11-25');
    expect(dateOf('今天', late)).toBe('2026-11-25');
    expect(dateOf('刚走', late)).toBe('2026-11-25');
    expect(dateOf('昨晚', late)).toBe('2026-11-25'); // the evening that has just ended
    expect(parse('马总 6人 消费8800', at(late)).date?.value).toBe('2026-11-25');
  });

  test('business day: the cut-off is a store setting', () => {
    expect(dateOf('今晚', '2026-11-26T04:59:00+08:00')).toBe('2026-11-25');
    expect(dateOf('今晚', '2026-11-26T05:00:00+08:00')).toBe('2026-11-26');
    expect(dateOf('今晚', '2026-11-26T01:30:00+08:00', '00:00')).toBe('2026-11-26');
    expect(dateOf('今晚', '2026-11-26T02:30:00+08:00', '03:00')).toBe('2026-11-25');
  });

  test('the store zone, not the process zone, decides the day', () => {
    const opts = {
      now: new Date('2026-11-22T17:30:00Z'),
      timeZone: 'Asia/Shanghai',
      businessDayCutoff: '05:00',
    };
    // 01:30 on the 23rd in Shanghai: still the 22nd's business day.
    expect(readDate('今晚', opts)?.value).toBe('2026-11-22');
    expect(readDate('今晚', { ...opts, timeZone: 'Europe/London' })?.value).toBe('2026-11-22');
    expect(readDate('今晚', { ...opts, now: new Date('2026-11-23T06:00:00Z') })?.value).toBe(
      '2026-11-23',
    );
  });

  test('future days make a booking, never a visit', () => {
    for (const text of [
      '王总订了明晚6人 牡丹厅',
      '李总 下周三 订 10人',
      '陈总 明天 8人 消费2800',
      '韩总 2027-01-05 6人 3000',
    ]) {
      expect(parse(text).intent).toBe('none');
    }
  });

  test('birthdays are not the visit date', () => {
    const r = parse('陈总 今晚 6人 消费3680 农历八月十五生日');
    expect(r.birthday?.value).toEqual({ calendar: 'lunar', month: 8, day: 15 });
    expect(r.date?.value).toBe('2026-11-22');
    expect(parse('王老板 生日 3月8日').birthday?.value).toEqual({
      calendar: 'solar',
      month: 3,
      day: 8,
    });
    expect(parse('刘姐 生日是农历三月初八').birthday?.value).toEqual({
      calendar: 'lunar',
      month: 3,
      day: 8,
    });
    expect(parse('马总 1985年6月12日生日').birthday?.value).toEqual({
      calendar: 'solar',
      month: 6,
      day: 12,
      year: 1985,
    });
  });

  test('meal period', () => {
    expect(parse('李姐 今天中午 6位 1680元').mealPeriod?.value).toBe('午市');
    expect(parse('许总 11.18 晚 6人 4380').mealPeriod?.value).toBe('晚市');
    expect(parse('许总 昨天 夜场 6人 4380').mealPeriod?.value).toBe('夜场');
    expect(parse('许总 今晚 宵夜 6人 4380').mealPeriod?.value).toBe('晚市');
  });

  test('readDate keeps the span', () => {
    expect(readDate('改到上周六吧', at('2026-11-24T14:10:00+08:00'))).toEqual({
      value: '2026-11-21',
      span: { index: 2, text: '上周六' },
      implied: false,
    });
    expect(readDate('没有日期', at('2026-11-24T14:10:00+08:00'))).toBeUndefined();
  });
});

test('昨晚 said after midnight, before the cut-off, is the shift that just ended', () => {
  expect(dateOf('昨晚', '2026-11-23T01:30:00+08:00')).toBe('2026-11-22');
  expect(dateOf('昨晚', '2026-11-23T09:30:00+08:00')).toBe('2026-11-22');
  expect(dateOf('今晚', '2026-11-23T01:30:00+08:00')).toBe('2026-11-22');
});
