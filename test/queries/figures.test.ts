import { openScenario, type Scenario } from '../support/replay';
import { answer, dm, staff } from './helpers';

describe('营业额 and 业绩 from the day books', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), staff('li', '小李'), staff('boss', '陈店长', 'manager'));
    await s.run(
      dm('wang', '张总 11月18日 3人 6000'),
      dm('wang', '李姐 11月21日 2人 800'),
      dm('wang', '钱总 今晚 2人 600'),
      dm('li', '王老板 10月15日 2人 1000'),
      dm('li', '王老板 11月11日 4人 4000'),
      dm('boss', '孙总 11月2日 5人 1500'),
    );
  });
  afterAll(() => s.close());

  it('gives a week’s revenue against the week before', async () => {
    expect(await answer(s, dm('boss', '本周营业额'))).toEqual([
      '本周(11月16日至22日)营业额',
      '¥7,400 · 3桌 · 7人 · 人均¥1,057',
      '新客3位',
      '上周同期(11月9日至15日):¥4,000 · 1桌 · 4人 · 人均¥1,000',
      '营业额+85%,桌数+200%,人数+75%',
    ]);
  });

  it('compares a week so far with the same days of last week', async () => {
    const lines = await answer(s, dm('boss', '本周营业额', '2026-11-18T23:00:00+08:00'));
    expect(lines[0]).toBe('本周(11月16日至18日)营业额');
    expect(lines[1]).toBe('¥6,000 · 1桌 · 3人 · 人均¥2,000');
    expect(lines[3]).toBe('上周同期(11月9日至11日):¥4,000 · 1桌 · 4人 · 人均¥1,000');
  });

  it('gives yesterday and this month, and says so when a day had nothing', async () => {
    expect(await answer(s, dm('boss', '昨天营业额'))).toEqual([
      '昨天(11月21日)营业额',
      '¥800 · 1桌 · 2人 · 人均¥400',
      '新客1位',
      '前一天(11月20日):没有记录消费',
    ]);
    const month = await answer(s, dm('boss', '本月营业额'));
    expect(month.slice(0, 4)).toEqual([
      '本月(11月1日至22日)营业额',
      '¥12,900 · 5桌 · 16人 · 人均¥806',
      '新客4位',
      '上月同期(10月1日至22日):¥1,000 · 1桌 · 2人 · 人均¥500',
    ]);
  });

  it('counts after midnight as the business day that is still open', async () => {
    const lines = await answer(s, dm('boss', '今天营业额多少', '2026-11-23T01:30:00+08:00'));
    expect(lines.slice(0, 2)).toEqual(['今天(11月22日)营业额', '¥600 · 1桌 · 2人 · 人均¥300']);
  });

  it('keeps store revenue from staff', async () => {
    expect(await s.say(dm('wang', '本周营业额'))).toEqual([
      '营业额只有店长和管理员能查。查自己的客户可以发:我的客户',
    ]);
  });

  it('gives managers every staff member’s month and the top customers', async () => {
    expect(await answer(s, dm('boss', '本月业绩'))).toEqual([
      '本月(11月1日至22日)业绩',
      '全店 ¥12,900 · 5桌 · 新客4位',
      '小王:客户消费¥7,400(3桌) · 录入3桌 · 新客3位 · 回访完成0/0',
      '小李:客户消费¥4,000(1桌) · 录入1桌 · 新客0位 · 回访完成0/0',
      '陈店长:客户消费¥1,500(1桌) · 录入1桌 · 新客1位 · 回访完成0/0',
      '消费最多的客户:',
      '1. 张总 ¥6,000(1次) · 小王',
      '2. 王老板 ¥4,000(1次) · 小李',
      '3. 孙总 ¥1,500(1次) · 陈店长',
      '4. 李姐 ¥800(1次) · 小王',
      '5. 钱总 ¥600(1次) · 小王',
    ]);
    expect(await s.say(dm('boss', '本月消费排行'))).toEqual(await s.say(dm('boss', '本月业绩')));
  });

  it('gives staff their own line and their own customers', async () => {
    expect(await answer(s, dm('li', '本月业绩'))).toEqual([
      '本月(11月1日至22日)业绩',
      '小李:客户消费¥4,000(1桌) · 录入1桌 · 新客0位 · 回访完成0/0',
      '你的客户消费最多的:',
      '1. 王老板 ¥4,000(1次)',
    ]);
    const october = await answer(s, dm('li', '上月业绩'));
    expect(october[1]).toBe('小李:客户消费¥1,000(1桌) · 录入1桌 · 新客1位 · 回访完成0/0');
  });
});
