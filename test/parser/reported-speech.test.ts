import { at, parse } from './helpers';

/** Tuesday 2026-11-24, 21:40: 周六 just gone is the 21st, the coming one the 28th. */
const TUESDAY = at('2026-11-24T21:40:00+08:00');

describe('a customer’s plan reported by staff is no visit, at most a booking', () => {
  test.each([
    ['张总说周六过来 6个人', '张总', '2026-11-28', 6],
    ['李姐说明天要来 4位', '李姐', '2026-11-25', 4],
    ['王总讲下周三带客户来 8个人', '王总', '2026-12-02', 8],
    ['王总打电话说周五过来 10人', '王总', '2026-11-27', 10],
    ['陈总发消息说准备周日来 5位', '陈总', '2026-11-29', 5],
    ['刘总表示周四再来, 6位', '刘总', '2026-11-26', 6],
  ])('%s', (text, customer, date, partySize) => {
    const r = parse(text, TUESDAY);
    expect(r.intent).toBe('none');
    expect(r.ahead).toBe('booked');
    expect(r.customer?.value).toBe(customer);
    expect(r.date?.value).toBe(date);
    expect(r.partySize?.value).toBe(partySize);
  });

  test('a weekday said on that very day is today', () => {
    const r = parse('张总说周六过来 6个人', at('2026-11-28T12:00:00+08:00'));
    expect(r.intent).toBe('none');
    expect(r.ahead).toBe('booked');
    expect(r.date?.value).toBe('2026-11-28');
  });

  test('a weekday alone in a booking is the coming one', () => {
    for (const text of ['王总订了周六6人', '张总周六要来 6个人']) {
      const r = parse(text, TUESDAY);
      expect(r.intent).toBe('none');
      expect(r.ahead).toBe('booked');
      expect(r.date?.value).toBe('2026-11-28');
    }
  });
});

describe('a table that closed stays a visit when it holds 说', () => {
  test.each([
    ['张总说下次再来 今晚消费2800', '2026-11-24', undefined, 2800],
    ['张总说菜太咸 今晚3人 消费2800', '2026-11-24', 3, 2800],
    // The weekday is the customer's next visit, not this table's: the table is today's.
    ['张总 3人 消费2800 说周六再来', '2026-11-24', 3, 2800],
    ['李姐 昨晚 4位 1680元 说下周三还来', '2026-11-23', 4, 1680],
    // 订了蛋糕 books no table: 周六 is still the one just gone.
    ['张总周六来的 订了蛋糕 3人 消费2800', '2026-11-21', 3, 2800],
  ])('%s', (text, date, partySize, amount) => {
    const r = parse(text, TUESDAY);
    expect(r.intent).toBe('visit');
    expect(r.date?.value).toBe(date);
    expect(r.partySize?.value).toBe(partySize);
    expect(r.amount?.value).toBe(amount);
  });

  test('a visit the customer spoke of in the past is still a visit', () => {
    for (const text of ['陈总讲上周六来吃过 3位', '李姐说周五来过 4位 消费1680']) {
      const r = parse(text, TUESDAY);
      expect(r.intent).toBe('visit');
      expect((r.date?.value ?? '9999') < '2026-11-24').toBe(true);
    }
  });

  test('a weekday with no plan or booking is still the one just gone', () => {
    const r = parse('张总 周六 6个人 消费3000', TUESDAY);
    expect(r.intent).toBe('visit');
    expect(r.date?.value).toBe('2026-11-21');
  });
});
