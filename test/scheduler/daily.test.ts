import { dueOccurrence } from '../../src/scheduler/daily';

const tz = 'Asia/Shanghai';

describe('dueOccurrence', () => {
  it('is not due before the time of day', () => {
    expect(dueOccurrence('09:30', new Date('2026-11-22T09:29:00+08:00'), tz)).toBeUndefined();
  });

  it('is today at and after the time, the same key all day', () => {
    const at = dueOccurrence('09:30', new Date('2026-11-22T09:30:00+08:00'), tz);
    const late = dueOccurrence('09:30', new Date('2026-11-22T23:59:00+08:00'), tz);
    expect(at).toEqual({ key: '2026-11-22 09:30', day: '2026-11-22' });
    expect(late).toEqual(at);
  });

  it('never reaches back to a past day', () => {
    expect(dueOccurrence('09:30', new Date('2026-11-23T08:00:00+08:00'), tz)).toBeUndefined();
  });
});
