import { churnKey } from '../../src/followup/churn';
import { followUpSettingsSchema } from '../../src/followup/settings';
import { tasksFor } from '../../src/followup/tasks';
import type { FollowUpCustomer, FollowUpRecord } from '../../src/followup/types';
import { customer } from './helpers';

const alerts = (c: FollowUpCustomer, today: string) =>
  tasksFor(c, today).filter((t) => t.kind === 'churn');
const zhang = customer({ lastVisit: '2026-11-02', usualRoom: '牡丹厅' });

describe('churn alerts', () => {
  it('alerts owner and managers when an A customer is unseen for 30 days, with the history line', () => {
    expect(alerts(zhang, '2026-12-01')).toEqual([]);
    const [alert] = alerts(zhang, '2026-12-02');
    expect(alert).toMatchObject({
      ownerId: 'staff-wang',
      notifyManagers: true,
      channel: 'alert',
      detail: '张总(A) 上次11月2日 共8次 ¥32,000 常坐牡丹厅',
    });
    expect(alert.script).toContain('张总');
  });

  it.each([
    ['B', '2026-12-16', '2026-12-17'],
    ['C', '2026-12-31', '2027-01-01'],
  ] as const)('waits 45 / 60 days for a %s customer', (tier, before, on) => {
    const c = { ...zhang, tier };
    expect(alerts(c, before)).toEqual([]);
    expect(alerts(c, on)).toHaveLength(1);
  });

  it('goes out once per lapse: not again after it was sent', () => {
    const [alert] = alerts(zhang, '2026-12-02');
    const sent: FollowUpRecord = { key: alert.key, action: 'sent', on: '2026-12-02' };
    expect(alerts({ ...zhang, followUpLog: [sent] }, '2026-12-03')).toEqual([]);
    expect(alerts({ ...zhang, followUpLog: [sent] }, '2027-03-01')).toEqual([]);
  });

  it('still goes out the day after if the bot was down on the day', () => {
    expect(alerts(zhang, '2026-12-04')).toEqual([expect.objectContaining({ overdue: true })]);
  });

  it('starts a new lapse with a new visit', () => {
    const log: FollowUpRecord[] = [
      { key: churnKey('2026-11-02'), action: 'sent', on: '2026-12-02' },
    ];
    const back = { ...zhang, lastVisit: '2026-12-10', followUpLog: log };
    expect(alerts(back, '2027-01-08')).toEqual([]);
    expect(alerts(back, '2027-01-09')).toEqual([
      expect.objectContaining({ key: churnKey('2026-12-10') }),
    ]);
  });

  it('uses the tier the customer had at the last visit, not the one absence decayed to', () => {
    const decayed = { ...zhang, tier: 'C' as const, tierAtLastVisit: 'A' as const };
    // The threshold is A's (30 days), the tier shown today's, with the one he lapsed from.
    expect(alerts(decayed, '2026-12-02')).toEqual([
      expect.objectContaining({ tier: 'C', detail: expect.stringMatching(/^张总\(C·原A类\)/) }),
    ]);
  });

  it('stays quiet about lapses older than the alert window (an imported archive)', () => {
    expect(alerts(zhang, '2026-12-16')).toHaveLength(1);
    expect(alerts(zhang, '2026-12-17')).toEqual([]);
  });

  it('follows the store thresholds', () => {
    const s = followUpSettingsSchema.parse({ churn: { A: 20 } });
    expect(tasksFor(zhang, '2026-11-22', s).filter((t) => t.kind === 'churn')).toHaveLength(1);
  });

  it('still alerts about an opted-out customer, marked', () => {
    expect(alerts({ ...zhang, optOut: true }, '2026-12-02')).toEqual([
      expect.objectContaining({ optedOut: true }),
    ]);
  });

  it('has no lapse without a visit', () => {
    expect(alerts(customer(), '2026-12-02')).toEqual([]);
  });
});
