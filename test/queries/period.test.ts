import { named, periodIn, periodLabel, previous, soFar } from '../../src/features/queries/period';

const SUNDAY = '2026-11-22';
const WEDNESDAY = '2026-11-18';

describe('periods in business dates', () => {
  it.each([
    ['本周A类客户', '2026-11-16', '2026-11-22'],
    ['这周的A类客户', '2026-11-16', '2026-11-22'],
    ['A类客户这个星期', '2026-11-16', '2026-11-22'],
    ['上周', '2026-11-09', '2026-11-15'],
    ['上个星期', '2026-11-09', '2026-11-15'],
    ['下周', '2026-11-23', '2026-11-29'],
    ['本月', '2026-11-01', '2026-11-30'],
    ['上个月', '2026-10-01', '2026-10-31'],
    ['下个月', '2026-12-01', '2026-12-31'],
    ['昨天营业额', '2026-11-21', '2026-11-21'],
    ['近7天营业额', '2026-11-16', '2026-11-22'],
    ['今年', '2026-01-01', '2026-12-31'],
  ])('%s is %s to %s', (text, from, to) => {
    expect(periodIn(text, SUNDAY)).toMatchObject({ from, to });
  });

  it('starts weeks on Monday, whatever day it is asked', () => {
    expect(named('本周', WEDNESDAY)).toMatchObject({ from: '2026-11-16', to: '2026-11-22' });
    expect(named('本周', '2026-11-16')).toMatchObject({ from: '2026-11-16' });
    expect(named('上周', '2026-11-15')).toMatchObject({ from: '2026-11-02', to: '2026-11-08' });
  });

  it('names no period when the text has none', () => {
    expect(periodIn('A类客户', SUNDAY)).toBeUndefined();
  });

  it('compares with the period before of the same length', () => {
    const week = soFar(named('本周', WEDNESDAY), WEDNESDAY);
    expect(week).toMatchObject({ from: '2026-11-16', to: '2026-11-18' });
    expect(previous(week)).toMatchObject({
      from: '2026-11-09',
      to: '2026-11-11',
      word: '上周同期',
    });
    const month = soFar(named('本月', SUNDAY), SUNDAY);
    expect(previous(month)).toMatchObject({ from: '2026-10-01', to: '2026-10-22' });
    // A month so far longer than the month before stops at that month's end.
    const march = soFar(named('本月', '2026-03-31'), '2026-03-31');
    expect(previous(march)).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(previous(named('昨天', SUNDAY))).toMatchObject({ from: '2026-11-20', to: '2026-11-20' });
  });

  it('labels a period with the words asked and the dates meant', () => {
    expect(periodLabel(named('本周', SUNDAY), SUNDAY)).toBe('本周(11月16日至22日)');
    expect(periodLabel(named('上周', '2026-11-04'), '2026-11-04')).toBe('上周(10月26日至11月1日)');
  });
});
