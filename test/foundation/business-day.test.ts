import { addDays, businessDate, daysBetween, weekdayOf } from '../../src/time/business-day';

const clock = (iso: string, cutoff = '05:00', timeZone = 'Asia/Shanghai') => ({
  now: new Date(iso),
  timeZone,
  businessDayCutoff: cutoff,
});

describe('businessDate', () => {
  it('is the calendar day during opening hours', () => {
    expect(businessDate(clock('2026-11-22T21:40:00+08:00'))).toBe('2026-11-22');
  });

  it('belongs to the previous day before the cut-off (a bar at 01:30)', () => {
    expect(businessDate(clock('2026-11-26T01:30:00+08:00'))).toBe('2026-11-25');
    expect(businessDate(clock('2026-11-26T05:00:00+08:00'))).toBe('2026-11-26');
  });

  it('crosses a year boundary backwards', () => {
    expect(businessDate(clock('2027-01-01T02:00:00+08:00'))).toBe('2026-12-31');
  });

  it('uses the store zone, not the machine zone', () => {
    // 2026-11-22T18:00Z is 02:00 on the 23rd in Shanghai, still the 22nd's business day.
    expect(businessDate(clock('2026-11-22T18:00:00Z'))).toBe('2026-11-22');
    expect(businessDate(clock('2026-11-22T18:00:00Z', '05:00', 'Europe/London'))).toBe(
      '2026-11-22',
    );
  });
});

describe('day arithmetic', () => {
  it('adds days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(weekdayOf('2026-11-22')).toBe(0);
  });
});
