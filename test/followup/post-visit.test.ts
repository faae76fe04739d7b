import { duePostVisit, pendingPostVisit, postVisitKey } from '../../src/followup/post-visit';
import { DEFAULT_FOLLOW_UP_SETTINGS } from '../../src/followup/settings';
import { tasksFor } from '../../src/followup/tasks';
import type { FollowUpRecord } from '../../src/followup/types';
import { customer, done } from './helpers';

const S = DEFAULT_FOLLOW_UP_SETTINGS.postVisit;
const VISIT = '2026-03-10';
const POST_VISIT = new Set(['thanks', 'revisit', 'quarterly']);

function postVisitTasks(lastVisit: string, log: FollowUpRecord[], today: string) {
  return tasksFor(customer({ lastVisit, followUpLog: log }), today).filter((t) =>
    POST_VISIT.has(t.kind),
  );
}

describe('after a visit', () => {
  it('asks for a thank-you call the next day, not on the day of the visit', () => {
    expect(postVisitTasks(VISIT, [], VISIT)).toEqual([]);
    const [t] = postVisitTasks(VISIT, [], '2026-03-11');
    expect(t).toMatchObject({ kind: 'thanks', dueDate: '2026-03-11', overdue: false });
    expect(t.ownerId).toBe('staff-wang');
    expect(t.script).toContain('昨天');
  });

  it('keeps an undone thank-you on the list, overdue, until it is done', () => {
    const [late] = postVisitTasks(VISIT, [], '2026-03-14');
    expect(late).toMatchObject({ kind: 'thanks', dueDate: '2026-03-11', overdue: true });
    expect(late.script).not.toMatch(/昨天|前天/);
    expect(postVisitTasks(VISIT, [done(late.key, '2026-03-14')], '2026-03-16')).toEqual([]);
  });

  it('says 前天 on day 2, and names the date after that', () => {
    const c = customer({ lastVisit: VISIT, preferences: [] });
    const script = (day: string) => tasksFor(c, day)[0].script;
    expect(script('2026-03-12')).toContain('前天');
    expect(script('2026-03-12')).not.toContain('昨天');
    expect(script('2026-03-13')).toContain('3月10日那次');
  });

  it("names in a thank-you only the room that visit had, not the customer's usual one", () => {
    const usual = { lastVisit: VISIT, usualRoom: '牡丹厅', preferences: [] };
    const rooms = (c: Parameters<typeof customer>[0]) =>
      Array.from(
        { length: 20 },
        (_, i) => tasksFor(customer({ ...c, id: `c${i}` }), '2026-03-11')[0].script,
      ).join();
    expect(rooms(usual)).not.toContain('牡丹厅');
    expect(rooms({ ...usual, lastVisitRoom: '牡丹厅' })).toContain('在牡丹厅用餐');
  });

  it('lets a thank-you expire three days overdue, and a revisit two weeks overdue', () => {
    expect(postVisitTasks(VISIT, [], '2026-03-15')).toEqual([]);
    expect(pendingPostVisit(VISIT, [], '2026-03-15', S)).toMatchObject({
      kind: 'revisit',
      dueDate: '2026-04-09',
      expired: [postVisitKey(VISIT, 0)],
    });
    expect(postVisitTasks(VISIT, [], '2026-04-23')).toEqual([
      expect.objectContaining({ kind: 'revisit', overdue: true }),
    ]);
    expect(postVisitTasks(VISIT, [], '2026-04-24')).toEqual([]);
    // A step staff moved expires counted from the day they chose.
    const moved: FollowUpRecord = {
      key: postVisitKey(VISIT, 0),
      action: 'moved',
      on: '2026-03-11',
      to: '2026-03-20',
    };
    expect(postVisitTasks(VISIT, [moved], '2026-03-23')[0]).toMatchObject({ kind: 'thanks' });
    expect(postVisitTasks(VISIT, [moved], '2026-03-24')).toEqual([]);
  });

  it('closes a follow-up that was skipped', () => {
    const skipped: FollowUpRecord = {
      key: postVisitKey(VISIT, 0),
      action: 'skipped',
      on: '2026-03-12',
    };
    expect(postVisitTasks(VISIT, [skipped], '2026-03-13')).toEqual([]);
  });

  it('comes back at day 30 and day 120 while the customer stays away', () => {
    const log = [done(postVisitKey(VISIT, 0), '2026-03-11')];
    expect(postVisitTasks(VISIT, log, '2026-04-08')).toEqual([]);
    expect(postVisitTasks(VISIT, log, '2026-04-09')).toEqual([
      expect.objectContaining({ kind: 'revisit', title: '回访·第30天', dueDate: '2026-04-09' }),
    ]);
    log.push(done(postVisitKey(VISIT, 1), '2026-04-09'));
    expect(postVisitTasks(VISIT, log, '2026-07-07')).toEqual([]);
    expect(postVisitTasks(VISIT, log, '2026-07-08')).toEqual([
      expect.objectContaining({ kind: 'revisit', title: '回访·第120天', dueDate: '2026-07-08' }),
    ]);
  });

  it('replaces a thank-you nobody made by the day-30 follow-up once that is due', () => {
    const [t] = postVisitTasks(VISIT, [], '2026-04-10');
    expect(t).toMatchObject({ kind: 'revisit', dueDate: '2026-04-09', overdue: true });
  });

  it('drops every pending follow-up of the old visit when the customer comes back', () => {
    // Day-30 follow-up overdue, then a new visit on 04-12.
    const log = [done(postVisitKey(VISIT, 0), '2026-03-11')];
    expect(postVisitTasks(VISIT, log, '2026-04-12')[0]).toMatchObject({ overdue: true });
    expect(postVisitTasks('2026-04-12', log, '2026-04-12')).toEqual([]);
    expect(postVisitTasks('2026-04-12', log, '2026-04-13')).toEqual([
      expect.objectContaining({ kind: 'thanks', dueDate: '2026-04-13', overdue: false }),
    ]);
  });

  it('falls back to one every 90 days after the last one, after three without a return', () => {
    const log = [
      done(postVisitKey(VISIT, 0), '2026-03-11'),
      done(postVisitKey(VISIT, 1), '2026-04-09'),
      done(postVisitKey(VISIT, 2), '2026-07-12'), // four days late
    ];
    const next = pendingPostVisit(VISIT, log, '2026-07-12', S);
    expect(next).toMatchObject({ kind: 'quarterly', dueDate: '2026-10-10' });
    expect(duePostVisit(VISIT, log, '2026-10-09', S)).toBeUndefined();
    expect(duePostVisit(VISIT, log, '2026-10-10', S)).toMatchObject({ kind: 'quarterly' });
    log.push(done(postVisitKey(VISIT, 3), '2026-10-10'));
    expect(pendingPostVisit(VISIT, log, '2026-10-10', S).dueDate).toBe('2027-01-08');
    const [t] = postVisitTasks(VISIT, log, '2027-01-08');
    expect(t).toMatchObject({ kind: 'quarterly', title: '季度问候' });
  });

  it('moves a follow-up to the day staff asked for (张总 周五再联系)', () => {
    const key = postVisitKey(VISIT, 0);
    const log: FollowUpRecord[] = [{ key, action: 'moved', on: '2026-03-11', to: '2026-03-13' }];
    expect(postVisitTasks(VISIT, log, '2026-03-12')).toEqual([]);
    expect(postVisitTasks(VISIT, log, '2026-03-13')[0]).toMatchObject({
      dueDate: '2026-03-13',
      overdue: false,
    });
    expect(postVisitTasks(VISIT, log, '2026-03-16')[0]).toMatchObject({ overdue: true });
    // Moved again: the latest move wins.
    log.push({ key, action: 'moved', on: '2026-03-13', to: '2026-03-20' });
    expect(postVisitTasks(VISIT, log, '2026-03-16')).toEqual([]);
  });

  it('keeps a moved follow-up even past the next step', () => {
    const key = postVisitKey(VISIT, 0);
    const log: FollowUpRecord[] = [{ key, action: 'moved', on: '2026-03-11', to: '2026-04-20' }];
    expect(postVisitTasks(VISIT, log, '2026-04-20')[0]).toMatchObject({ kind: 'thanks' });
  });

  it('follows the store setting for the schedule', () => {
    const s = { steps: [2, 14], thenEveryDays: 60 };
    expect(duePostVisit(VISIT, [], '2026-03-11', s)).toBeUndefined();
    expect(duePostVisit(VISIT, [], '2026-03-12', s)).toMatchObject({ kind: 'thanks' });
    const log = [
      done(postVisitKey(VISIT, 0), '2026-03-12'),
      done(postVisitKey(VISIT, 1), '2026-03-24'),
    ];
    expect(pendingPostVisit(VISIT, log, '2026-03-24', s)).toMatchObject({
      kind: 'quarterly',
      dueDate: '2026-05-23',
    });
  });

  it('marks a follow-up call for an opted-out customer instead of dropping it', () => {
    const [t] = tasksFor(customer({ lastVisit: VISIT, optOut: true }), '2026-03-11');
    expect(t).toMatchObject({ kind: 'thanks', channel: 'call', optedOut: true });
  });
});
