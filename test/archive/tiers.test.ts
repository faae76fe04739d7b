import type { VisitSummary } from '../../src/archive/stats';
import { DEFAULT_TIERS, tierChangeText, tierOf, tierSettingsSchema } from '../../src/archive/tiers';
import { addDays } from '../../src/time/business-day';

const TODAY = '2026-11-22';
let n = 0;
const v = (daysAgo: number, amount: number): VisitSummary => ({
  visitId: `v${++n}`,
  date: addDays(TODAY, -daysAgo),
  amount,
});
const old = v(200, 100); // a first visit long ago, so D (new) never applies by accident

describe('tierOf with the default rules', () => {
  it.each([
    ['A', 'spend in 30 days', [old, v(1, 2500), v(29, 2500)], '近30天消费¥5,000'],
    ['B', 'spend in 30 days just below A', [old, v(1, 2499), v(29, 2500)], '近30天消费¥4,999'],
    [
      'A',
      'four visits in 30 days',
      [old, v(1, 10), v(9, 10), v(20, 10), v(29, 10)],
      '近30天来了4次',
    ],
    ['B', 'three visits in 30 days', [old, v(1, 10), v(20, 10), v(29, 10)], '近30天来了3次'],
    [
      'A',
      'a visit in each of the last 3 weeks',
      [old, v(6, 10), v(13, 10), v(20, 10)],
      '连续3周都来了',
    ],
    ['A', 'last visit of ¥3,000', [old, v(100, 3000)], '最近一次消费¥3,000'],
    ['B', 'last visit of ¥2,999', [old, v(100, 2999)], '最近一次消费¥2,999'],
    [
      'B',
      'spend of ¥2,000 in 30 days',
      [old, v(3, 1000), v(40, 1000), v(5, 1000)],
      '近30天消费¥2,000',
    ],
    ['B', 'two visits in 30 days', [old, v(3, 10), v(29, 10)], '近30天来了2次'],
  ])('%s for %s', (tier, _what, visits, reason) => {
    expect(tierOf(visits as VisitSummary[], TODAY)).toEqual({ tier, reason });
  });

  it('has B for two weeks in a row when visit counts alone would not reach it', () => {
    const weekly = { ...DEFAULT_TIERS, B: { ...DEFAULT_TIERS.B, visits30: 5 } };
    expect(tierOf([old, v(0, 10), v(13, 10)], TODAY, weekly)).toEqual({
      tier: 'B',
      reason: '连续2周都来了',
    });
    expect(tierOf([old, v(0, 10), v(14, 10)], TODAY, weekly).tier).toBe('C');
  });

  it('counts exactly 30 days: a visit 30 days ago is outside the window', () => {
    expect(tierOf([old, v(1, 2500), v(30, 2500)], TODAY).tier).toBe('B');
    expect(tierOf([old, v(1, 10), v(30, 10)], TODAY).tier).toBe('C');
  });

  it('needs three weeks in a row, not three visits in three weeks with a gap', () => {
    expect(tierOf([old, v(6, 10), v(20, 10), v(27, 10)], TODAY).tier).toBe('B');
  });

  it('is D for a first visit within 30 days and C after', () => {
    expect(tierOf([v(29, 500)], TODAY)).toEqual({ tier: 'D', reason: '新客户,30天内首次到店' });
    expect(tierOf([v(30, 500)], TODAY).tier).toBe('C');
  });

  it('drops from A as the 30-day window slides past the visits', () => {
    const visits = [old, v(0, 3000), v(0, 2000)].map((x) => ({ ...x, date: '2026-10-25' }));
    // ¥5,100 on the day 29 days back keeps A; a day later it is outside and only the ¥2,000 visit counts.
    expect(tierOf(visits, '2026-11-23')).toEqual({ tier: 'A', reason: '近30天消费¥5,100' });
    expect(tierOf(visits, '2026-11-24')).toEqual({ tier: 'B', reason: '最近一次消费¥2,000' });
  });

  it('follows the store settings', () => {
    const strict = { ...DEFAULT_TIERS, A: { ...DEFAULT_TIERS.A, spend30: 8000, lastVisit: 9000 } };
    expect(tierOf([old, v(1, 6000)], TODAY, strict).tier).toBe('B');
    expect(
      tierSettingsSchema.safeParse({ ...DEFAULT_TIERS, A: { ...DEFAULT_TIERS.A, spend30: 100 } })
        .success,
    ).toBe(false);
  });

  it('words a change for the owner', () => {
    expect(tierChangeText('张总', 'B', { tier: 'A', reason: '近30天消费¥6,200' })).toBe(
      '张总 升为A类: 近30天消费¥6,200',
    );
    expect(tierChangeText('张总', 'A', { tier: 'B', reason: 'x' })).toBe('张总 降为B类: x');
  });
});
