import { openScenario, openStoreAfterFirstVisit, type Scenario } from '../support/replay';
import { dm, staff, tick } from '../support/events';
import type { ReplayOutput } from '../../src/replay/replayer';

const to = (out: ReplayOutput[], who: string) => out.filter((o) => o.to === who).map((o) => o.text);
const group = (out: ReplayOutput[]) => out.filter((o) => o.chat === 'g1').map((o) => o.text);

describe('follow-ups after a visit', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openStoreAfterFirstVisit();
  });
  afterEach(() => s.close());

  it("puts a thank-you call on the owner's list the next morning, with what to say", async () => {
    const out = await s.run(tick('2026-11-23T09:30:00+08:00'));
    expect(group(out)[0]).toContain('小王 1位: 张总');
    const [list] = to(out, 'wang');
    expect(list).toMatch(/^小王 11月23日 待回访 1位/);
    expect(list).toContain('张总(B) 致谢回访');
    expect(list).toMatch(/话术:.*张总/);
    expect(list).not.toMatch(/优惠|活动/);
  });

  it('keeps an undone follow-up on the list, marked overdue, until it is done', async () => {
    await s.run(tick('2026-11-23T09:30:00+08:00'));
    const [next] = to(await s.run(tick('2026-11-24T09:30:00+08:00')), 'wang');
    expect(next).toContain('致谢回访 逾期1天');
    const [done] = await s.say(
      dm('wang', '已回访 张总 很满意 下周来', '2026-11-24T11:00:00+08:00'),
    );
    expect(done).toBe('已记录回访 张总(致谢回访):很满意 下周来');
    expect(to(await s.run(tick('2026-11-25T09:30:00+08:00')), 'wang')).toEqual([]);
    const c = await s.db.models.Customer.findOne({ name: '张总' }).lean();
    expect(c?.followUps).toEqual([
      expect.objectContaining({ action: 'done', note: '很满意 下周来', on: '2026-11-24' }),
    ]);
  });

  it('counts follow-ups done against those due in 本月业绩', async () => {
    await s.run(tick('2026-11-23T09:30:00+08:00'));
    await s.run(dm('wang', '已回访 张总 很满意', '2026-11-23T11:00:00+08:00'));
    const [perf] = await s.say(dm('boss', '本月业绩', '2026-11-23T12:00:00+08:00'));
    expect(perf).toContain('小王:客户消费¥2,800(1桌) · 录入1桌 · 新客1位 · 回访完成1/1');
  });

  it('comes back at day 30 when the customer has not returned', async () => {
    await s.run(dm('wang', '已回访 张总', '2026-11-23T11:00:00+08:00'));
    const [before] = to(await s.run(tick('2026-12-20T09:30:00+08:00')), 'wang');
    expect(before ?? '').not.toContain('回访');
    const [list] = to(await s.run(tick('2026-12-22T09:30:00+08:00')), 'wang');
    expect(list).toContain('张总(B) 回访·第30天');
  });

  it('a new visit supersedes the pending follow-up of the old one', async () => {
    await s.run(tick('2026-11-23T09:30:00+08:00'));
    await s.run(dm('wang', '张总 今晚 2人 1200', '2026-11-24T20:00:00+08:00'));
    const [list] = to(await s.run(tick('2026-11-25T09:30:00+08:00')), 'wang');
    expect(list).toContain('张总');
    expect(list).not.toContain('逾期');
    expect(list).toMatch(/待回访 1位 1项/);
  });

  it('skips, and moves a follow-up to another day', async () => {
    await s.run(tick('2026-11-23T09:30:00+08:00'));
    await s.run(dm('wang', '李姐 今晚 2人 800', '2026-11-22T21:30:00+08:00'));
    expect(await s.say(dm('wang', '跳过 李姐', '2026-11-23T10:00:00+08:00'))).toEqual([
      '已跳过 李姐 的致谢回访',
    ]);
    expect(await s.say(dm('wang', '张总 周五再联系', '2026-11-23T10:00:00+08:00'))).toEqual([
      '好的,张总 的致谢回访改到 11月27日(周五)',
    ]);
    expect(to(await s.run(tick('2026-11-24T09:30:00+08:00')), 'wang')).toEqual([]);
    const [friday] = to(await s.run(tick('2026-11-27T09:30:00+08:00')), 'wang');
    expect(friday).toContain('张总(B) 致谢回访');
    expect(friday).not.toContain('李姐');
  });

  it('answers 我的待回访 on demand', async () => {
    const [list] = await s.say(dm('wang', '我的待回访', '2026-11-23T15:00:00+08:00'));
    expect(list).toContain('张总(B) 致谢回访');
    const [none] = await s.say(dm('boss', '今天要回访谁', '2026-11-23T15:00:00+08:00'));
    expect(none).toContain('今天没有待回访');
  });
});

describe('birthdays, holidays and churn', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), staff('boss', '陈店长', 'manager'), { group: { id: 'g1' } });
  });
  afterEach(() => s.close());

  it('lists a birthday a week ahead; an A customer gets a gift task 3 days before and a greeting on the day', async () => {
    await s.run(dm('wang', '张总 11月20日 6人 消费3800', '2026-11-20T22:00:00+08:00'));
    await s.run(dm('wang', '张总 生日 12月1日', '2026-11-21T10:00:00+08:00'));
    const week = await s.run(tick('2026-11-24T09:30:00+08:00'));
    expect(group(week)[0]).toMatch(/12月1日 张总 生日/);
    const [gift] = to(await s.run(tick('2026-11-28T09:30:00+08:00')), 'wang');
    expect(gift).toMatch(/张总\(A\) .*(礼|蛋糕)/);
    const [day] = to(await s.run(tick('2026-12-01T09:30:00+08:00')), 'wang');
    expect(day).toMatch(/张总\(A\) 生日祝福/);
  });

  it('finds a lunar birthday in the solar calendar of the year', async () => {
    await s.run(dm('wang', '李姐 11月20日 2人 800', '2026-11-20T22:00:00+08:00'));
    // 农历十月十五 falls on 2026-11-23.
    await s.run(dm('wang', '李姐 农历十月十五生日', '2026-11-21T10:00:00+08:00'));
    const [day] = to(await s.run(tick('2026-11-23T09:30:00+08:00')), 'wang');
    // Not an A customer: the thank-you leads, the greeting rides along on the same line.
    expect(day).toMatch(/李姐\(D\) 致谢回访 逾期2天 另:生日祝福/);
  });

  it('does not greet a customer who opted out, but keeps his calls', async () => {
    await s.run(dm('wang', '张总 11月20日 6人 消费3800', '2026-11-20T22:00:00+08:00'));
    await s.run(dm('wang', '张总 生日 12月1日', '2026-11-21T10:00:00+08:00'));
    expect((await s.say(dm('wang', '张总 不接受消息', '2026-11-21T10:05:00+08:00')))[0]).toContain(
      '不接受消息',
    );
    const [day] = to(await s.run(tick('2026-12-01T09:30:00+08:00')), 'wang');
    expect(day ?? '').not.toContain('生日祝福');
  });

  it('calls A customers a week before 中秋 about a room, and greets on the eve', async () => {
    await s.run(dm('wang', '张总 今晚 6人 消费3800', '2027-09-01T21:00:00+08:00'));
    await s.run(dm('wang', '已回访 张总', '2027-09-02T10:00:00+08:00'));
    const [call] = to(await s.run(tick('2027-09-08T09:30:00+08:00')), 'wang');
    expect(call).toMatch(/张总\(A\) 中秋.*电话/);
    expect(call).toMatch(/话术:.*(位子|包间|留)/);
    const [eve] = to(await s.run(tick('2027-09-14T09:30:00+08:00')), 'wang');
    expect(eve).toContain('中秋祝福');
  });

  it('counts a merged customer once in the holiday greeting', async () => {
    await s.run(dm('wang', '张总 11月20日 2人 消费600', '2026-11-20T22:00:00+08:00'));
    await s.run(dm('wang', '老张 11月21日 2人 消费800', '2026-11-21T22:00:00+08:00'));
    await s.run(dm('wang', '李姐 11月21日 2人 消费500', '2026-11-21T22:30:00+08:00'));
    const [merged] = await s.say(dm('boss', '合并 张总 老张', '2026-11-22T10:00:00+08:00'));
    expect(merged).toContain('并入');
    const [eve] = to(await s.run(tick('2027-09-14T09:30:00+08:00')), 'wang');
    expect(eve).toContain('中秋祝福');
    expect(eve).toContain('你的客户2位');
  });

  it('alerts the owner and the managers once when an A customer has been away 30 days', async () => {
    await s.run(dm('wang', '张总 11月1日 6人 消费3800', '2026-11-01T22:00:00+08:00'));
    await s.run(dm('wang', '已回访 张总', '2026-11-02T10:00:00+08:00'));
    await s.run(tick('2026-11-30T09:30:00+08:00'));
    const out = await s.run(tick('2026-12-01T09:30:00+08:00'));
    expect(group(out)[0]).toMatch(/流失预警 1位:\n张总\(A\) 上次11月1日 共1次 ¥3,800/);
    expect(to(out, 'wang')[0]).toContain('流失预警');
    expect(to(out, 'boss')[0]).toContain('流失预警');
    const again = await s.run(tick('2026-12-02T09:30:00+08:00'));
    expect(group(again)[0]).not.toContain('流失预警');
  });
});
