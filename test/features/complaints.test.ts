import { openStoreAfterFirstVisit, type Scenario } from '../support/replay';
import { dm, staff, tick } from '../support/events';
import type { ReplayOutput } from '../../src/replay/replayer';

const to = (out: ReplayOutput[], who: string) => out.filter((o) => o.to === who).map((o) => o.text);
const AT = '2026-11-23T12:00:00+08:00';

describe('complaints through the whole bot', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openStoreAfterFirstVisit();
    await s.run(staff('liu', '刘经理', 'manager'));
  });
  afterEach(() => s.close());

  it('records a case from staff, tells every manager at once, resend is one case', async () => {
    const msg = { ...dm('wang', '张总 投诉 菜太咸', AT), id: 'm1' };
    const out = await s.run(msg);
    expect(to(out, 'wang')[0]).toContain('已记投诉 张总:菜太咸');
    expect(to(out, 'boss')[0]).toContain('【投诉】张总:菜太咸');
    expect(to(out, 'liu')[0]).toContain('【投诉】张总:菜太咸');
    await s.run(msg);
    const cases = await s.db.models.Complaint.find({}).lean();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toEqual(
      expect.objectContaining({ said: '菜太咸', state: 'open', customerName: '张总' }),
    );
    expect(cases[0].due.getTime() - cases[0].at.getTime()).toBe(24 * 3600_000);
  });

  it('a negated complaint or a compliment opens nothing', async () => {
    await s.run(dm('wang', '张总 说菜很好吃 很满意', AT), dm('wang', '张总 没有不满意', AT));
    expect(await s.db.models.Complaint.countDocuments({})).toBe(0);
  });

  it('keeps stores apart: another store does not see the case', async () => {
    await s.run(dm('wang', '张总 投诉 菜太咸', AT));
    const other = await openStoreAfterFirstVisit();
    try {
      const [list] = await other.say(dm('boss', '本月投诉', AT));
      expect(list).toContain('没有投诉');
    } finally {
      await other.close();
    }
  });

  it('only managers close and list; closing records what was done and time to close', async () => {
    await s.run(dm('wang', '李姐说服务太慢 很不满意', AT));
    const [refused] = await s.say(dm('wang', '投诉处理 李姐 已道歉', AT));
    expect(refused).toContain('店长');
    expect(await s.db.models.Complaint.countDocuments({ state: 'open' })).toBe(1);
    const [listRefused] = await s.say(dm('wang', '本月投诉', AT));
    expect(listRefused).toContain('只有店长');
    const out = await s.run(
      dm('boss', '投诉处理 李姐 已道歉 下次送果盘', '2026-11-23T14:00:00+08:00'),
    );
    expect(to(out, 'boss')[0]).toContain('已处理 李姐的投诉');
    expect(to(out, 'wang')[0]).toContain('已道歉 下次送果盘');
    const [list] = await s.say(dm('liu', '本月投诉', '2026-11-23T15:00:00+08:00'));
    expect(list).toContain('投诉1件');
    expect(list).toContain('已处理 用时2小时');
  });

  it('shows on the card, reminds on the next visit', async () => {
    await s.run(dm('wang', '张总 投诉 菜太咸', AT));
    const [card] = await s.say(dm('wang', '查 张总', AT));
    expect(card).toContain('未处理投诉');
    await s.run(dm('boss', '投诉处理 张总 已道歉 下次送果盘', AT));
    const [visit] = await s.say(dm('wang', '张总 今晚 2人 1200', '2026-11-25T20:00:00+08:00'));
    expect(visit).toContain('张总上次投诉过菜太咸,已处理: 已道歉 下次送果盘');
  });

  it('escalates an overdue case once to every manager', async () => {
    await s.run(dm('wang', '张总 投诉 菜太咸', AT));
    const early = await s.run(tick('2026-11-24T10:00:00+08:00'));
    expect(early.filter((o) => o.text.includes('投诉超时'))).toEqual([]);
    const late = await s.run(tick('2026-11-24T12:30:00+08:00'));
    const told = late.filter((o) => o.text.includes('投诉超时')).map((o) => o.to);
    expect(told.sort()).toEqual(['boss', 'liu']);
    const again = await s.run(tick('2026-11-24T13:30:00+08:00'));
    expect(again.filter((o) => o.text.includes('投诉超时'))).toEqual([]);
  });

  it('a follow-up result with a complaint opens a case', async () => {
    await s.run(dm('wang', '已回访 张总 说上次的鱼不新鲜', AT));
    const cases = await s.db.models.Complaint.find({}).lean();
    expect(cases.map((k) => k.said)).toEqual(['上次的鱼不新鲜']);
  });
});
