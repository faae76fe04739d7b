/**
 * Issue 15's follow-up defects, replayed through the whole bot: one line per customer, expiry,
 * capped and ordered lists, closing by any colleague, missed calls, completion per task.
 */
import { openScenario, type Scenario } from '../support/replay';
import { dm, inGroupAt as inGroup, staff, tick } from '../support/events';
import type { ReplayOutput } from '../../src/replay/replayer';

const to = (out: ReplayOutput[], who: string) => out.filter((o) => o.to === who).map((o) => o.text);
const morning = (day: string) => tick(`${day}T09:30:00+08:00`);
const at = (day: string, time = '11:00') => `${day}T${time}:00+08:00`;

/** The personal list the morning sends `who` (other direct messages, like tier changes, aside). */
async function listOf(s: Scenario, who: string, day: string): Promise<string> {
  return to(await s.run(morning(day)), who).find((t) => /^\S+ \d+月\d+日 /.test(t)) ?? '';
}

/** Numbered lines of the list about `name`. */
const count = (text: string, name: string) =>
  text.split('\n').filter((l) => new RegExp(`^\\d+\\. ${name}\\(`).test(l)).length;

describe('issue 15: follow-up lists a team can work through', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario({ STORE_NAME: '海港店' });
    await s.run(staff('wang', '小王'), staff('li', '小李'), staff('boss', '陈店长', 'manager'), {
      group: { id: 'g1' },
    });
  });
  afterEach(() => s.close());

  it('lists a customer once a day, in the tier he has now: the lapse leads, the call rides along', async () => {
    // Two visits in 30 days make him B; a month later he no longer is.
    await s.run(dm('wang', '文总 今晚 2人 消费800', at('2026-11-01', '21:00')));
    await s.run(dm('wang', '文总 今晚 2人 消费800', at('2026-11-02', '21:00')));
    await s.run(morning('2026-11-03'), dm('wang', '已回访 文总', at('2026-11-03')));
    // The morning the bot says 文总 降为C类, his line says C too.
    let decayed = '';
    for (const day of ['2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05']) {
      decayed = to(await s.run(morning(day)), 'wang').join('\n');
      if (decayed.includes('文总 降为C类')) break;
    }
    expect(decayed).toContain('文总 降为C类');
    expect(decayed).toMatch(/1\. 文总\(C\) 回访·第30天/);
    await s.run(dm('wang', '文总 12月17日再联系', at('2026-12-05')));
    // Day 45: a B customer's lapse, and the call moved to the same day: one line.
    const day45 = await s.run(morning('2026-12-17'));
    const list = to(day45, 'wang').join('\n');
    expect(count(list, '文总')).toBe(1);
    expect(list).toContain('1. 文总(C) 流失预警·45天未到店 另:回访·第30天');
    expect(list).toContain('文总(C·原B类) 上次11月2日');
    // The managers see the lapse too, on the same single line.
    expect(count(to(day45, 'boss').join('\n'), '文总')).toBe(1);
  });

  it('lets an unmade thank-you expire instead of carrying it for weeks', async () => {
    await s.run(dm('wang', '周总 今晚 2人 消费800', at('2026-11-01', '21:00')));
    expect(await listOf(s, 'wang', '2026-11-02')).toContain('周总(D) 致谢回访');
    expect(await listOf(s, 'wang', '2026-11-05')).toContain('周总(D) 致谢回访 逾期3天');
    for (const day of ['2026-11-06', '2026-11-07', '2026-11-29'])
      expect(await listOf(s, 'wang', day)).not.toContain('周总');
    const day30 = await listOf(s, 'wang', '2026-12-01');
    expect(day30).toContain('回访·第30天');
    expect(day30).not.toMatch(/致谢回访|昨天/);
    const [perf] = await s.say(dm('boss', '上个月业绩', at('2026-12-01')));
    expect(perf).toContain('小王:');
    expect(perf).toContain('回访完成0/1(过期1)');
  });

  it('orders the list A first, caps it at 10, and shows everything on 全部', async () => {
    const names = '赵 钱 孙 李 周 吴 郑 冯 陈 褚 卫 蒋'.split(' ').map((x) => `${x}总`);
    for (const n of names)
      await s.run(dm('wang', `${n} 今晚 2人 消费600`, at('2026-11-22', '20:00')));
    await s.run(dm('wang', '韩总 今晚 6人 消费6800', at('2026-11-22', '21:00')));
    const list = await listOf(s, 'wang', '2026-11-23');
    expect(list).toMatch(/^小王 11月23日 待回访 13位/);
    expect(list.split('\n')[1]).toMatch(/^1\. 韩总\(A\) 致谢回访/);
    expect(list.match(/^\d+\. /gm)).toHaveLength(10);
    expect(list.split('\n').at(-1)).toBe('还有3位,发「我的待回访 全部」看全部');
    const [all] = await s.say(dm('wang', '我的待回访 全部', at('2026-11-23')));
    expect(all.match(/^\d+\. /gm)).toHaveLength(13);
    expect(all).not.toContain('还有');
  });

  it("closes a colleague's follow-up for everyone and tells the owner", async () => {
    await s.run(dm('wang', '文总 今晚 3人 消费2800', at('2026-11-22', '21:00')));
    await s.run(morning('2026-11-23'));
    const out = await s.run(dm('li', '已回访 文总 很满意', at('2026-11-23')));
    expect(to(out, 'li')).toEqual(['已记录回访 文总(致谢回访):很满意']);
    expect(to(out, 'wang')).toEqual(['小李已回访 文总: 很满意']);
    expect(await listOf(s, 'wang', '2026-11-24')).not.toContain('文总');
    const [perf] = await s.say(dm('boss', '本月业绩', at('2026-11-24')));
    expect(perf).toMatch(/小李:.*回访完成1\/1/);
  });

  it('does not call a customer twice: a done after a reschedule closes the moved task', async () => {
    await s.run(dm('wang', '安姐 今晚 2人 消费900', at('2026-11-22', '21:00')));
    await s.run(morning('2026-11-23'));
    expect(await s.say(dm('wang', '安姐 改天再联系', at('2026-11-23')))).toEqual([
      '好的,安姐 的致谢回访改到 11月24日(周二)',
    ]);
    expect(await s.say(dm('wang', '已回访 安姐 下周来', at('2026-11-23', '15:00')))).toEqual([
      '已记录回访 安姐(改期的回访):下周来',
    ]);
    expect(await listOf(s, 'wang', '2026-11-24')).not.toContain('安姐');
    expect(await listOf(s, 'wang', '2026-11-25')).not.toContain('安姐');
  });

  it('logs missed calls, tries again tomorrow, and suggests WeChat after three', async () => {
    await s.run(dm('wang', '张总 今晚 3人 消费2800', at('2026-11-22', '21:00')));
    await s.run(morning('2026-11-23'));
    expect(await s.say(inGroup('wang', '张总 没接', at('2026-11-23')))).toEqual([
      '已记下 张总 第1次没接通,11月24日再打',
    ]);
    expect(await listOf(s, 'wang', '2026-11-24')).toContain('张总(B) 致谢回访 已打1次未接通');
    expect(await s.say(dm('wang', '打了张总电话 没接', at('2026-11-24')))).toEqual([
      '已记下 张总 第2次没接通,11月25日再打',
    ]);
    const third = await s.run(dm('li', '张总 电话没人接', at('2026-11-25')));
    expect(to(third, 'li')).toEqual([
      '已记下 张总 第3次没接通,11月26日改发微信问候(话术在待回访里)',
    ]);
    expect(to(third, 'wang')).toEqual([
      '小李给 张总 打电话没接通(第3次),11月26日改发微信问候(话术在待回访里)',
    ]);
    const list = await listOf(s, 'wang', '2026-11-26');
    expect(list).toContain('张总(B) 致谢回访·改发微信');
    expect(list).toMatch(/话术:\(打了3次没接通,改发微信\)张总/);
    const c = await s.db.models.Customer.findOne({ name: '张总' }).lean();
    expect(c?.followUps.filter((f) => f.action === 'missed')).toHaveLength(3);
  });

  it('moves 安姐 明天再打 to tomorrow; group talk about 接待 stays talk', async () => {
    await s.run(dm('wang', '安姐 今晚 2人 消费900', at('2026-11-22', '21:00')));
    expect(await s.say(dm('wang', '安姐 明天再打', at('2026-11-23')))).toEqual([
      '已记下 安姐 第1次没接通,11月24日再打',
    ]);
    expect(await listOf(s, 'wang', '2026-11-23')).not.toContain('安姐');
    expect(await s.say(inGroup('wang', '明天没人接待散客吗', at('2026-11-23')))).toEqual([]);
  });

  it('counts a task once in 本月业绩, however many mornings it stayed open', async () => {
    await s.run(dm('wang', '张总 今晚 3人 消费2800', at('2026-11-20', '21:00')));
    for (const day of ['2026-11-21', '2026-11-22', '2026-11-23']) await s.run(morning(day));
    await s.run(dm('wang', '已回访 张总 很满意', at('2026-11-23')));
    await s.run(dm('wang', '已回访 张总 又聊了聊', at('2026-11-23', '15:00')));
    const [perf] = await s.say(dm('wang', '本月业绩', at('2026-11-23', '16:00')));
    expect(perf).toContain('回访完成2/2');
  });
});
