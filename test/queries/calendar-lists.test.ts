import { openScenario, type Scenario } from '../support/replay';
import { answer, dm, inGroup, staff } from './helpers';

describe('流失客户名单: customers unseen past their tier’s threshold', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), staff('li', '小李'), staff('boss', '陈店长', 'manager'), {
      group: { id: 'g1' },
    });
    await s.run(
      dm('wang', '张总 13812345678 10月18日 3人 6000'),
      dm('li', '王老板 13900001111 10月3日 2人 2500'),
      dm('wang', '陈先生 6月20日 2人 100'),
      dm('wang', '陈先生 9月13日 2人 100'),
      dm('wang', '刘总 10月25日 4人 5000'),
      dm('li', '周总 10月10日 4人 4000'),
      dm('li', '周总 11月20日 2人 500'),
      dm('wang', '孙姐 9月1日 2人 300'),
    );
  });
  afterAll(() => s.close());

  it('groups the lapsed by tier, with full phones for a manager in private', async () => {
    expect(await answer(s, dm('boss', '流失客户名单'))).toEqual([
      '最近流失的客户共4位(A类30天、B类45天、C类60天没来算流失)',
      'A类 1位:',
      '张总 上次10月18日(35天没来) · 共1次 ¥6,000 · 小王 · 13812345678',
      'B类 1位:',
      '王老板 上次10月3日(50天没来) · 共1次 ¥2,500 · 小李 · 13900001111',
      'C类 1位:',
      '陈先生 上次9月13日(70天没来) · 共2次 ¥200 · 小王',
      '新客(D类) 1位:',
      '孙姐 上次9月1日(82天没来) · 共1次 ¥300 · 小王',
    ]);
    expect(await s.say(dm('boss', '最近没来的客户'))).toEqual(
      await s.say(dm('boss', '流失客户名单')),
    );
  });

  it('masks every phone in the group', async () => {
    const [text] = await s.say(inGroup('boss', '流失客户名单'));
    expect(text).toContain('张总 上次10月18日(35天没来) · 共1次 ¥6,000 · 小王 · 138****5678');
    expect(text).not.toMatch(/1[3-9]\d{9}/);
  });

  it('shows staff their own lapsed customers only', async () => {
    expect(await answer(s, dm('li', '流失客户名单'))).toEqual([
      '最近流失的你的客户共1位(A类30天、B类45天、C类60天没来算流失)',
      'B类 1位:',
      '王老板 上次10月3日(50天没来) · 共1次 ¥2,500 · 13900001111',
    ]);
  });
});

describe('生日 and 节日', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), staff('li', '小李'), staff('boss', '陈店长', 'manager'), {
      group: { id: 'g1' },
    });
    await s.run(
      dm('wang', '张总 11月18日 3人 6000'),
      dm('wang', '张总 农历十月初十生日'),
      dm('wang', '李姐 13900001111 11月20日 2人 800 生日11月25日'),
      dm('wang', '周总 11月2日 2人 300 生日12月1日'),
      dm('li', '王老板 11月3日 2人 500'),
      dm('li', '王老板 生日11月27日'),
      dm('li', '王老板 生日12月5日'),
    );
  });
  afterAll(() => s.close());

  it('finds solar and lunar birthdays of the week, marking the ones gone by', async () => {
    expect(await answer(s, dm('boss', '本周生日的客户'))).toEqual([
      '本周(11月16日至22日)过生日的客户:1位',
      '11月18日 周三(已过) 张总(A) · 农历十月初十 · 小王',
    ]);
    expect(await answer(s, dm('boss', '下周生日的客户'))).toEqual([
      '下周(11月23日至29日)过生日的客户:1位',
      '11月25日 周三 李姐(D) · 小王 · 13900001111',
    ]);
  });

  it('follows a birthday that was corrected', async () => {
    expect(await answer(s, dm('boss', '下个月生日的客户'))).toEqual([
      '下月(12月1日至31日)过生日的客户:2位',
      '12月1日 周二 周总(D) · 小王',
      '12月5日 周六 王老板(D) · 小李',
    ]);
  });

  it('shows staff their own, with phones masked in the group', async () => {
    expect(await answer(s, dm('li', '下个月生日的客户'))).toEqual([
      '下月(12月1日至31日)过生日的你的客户:1位',
      '12月5日 周六 王老板(D)',
    ]);
    expect((await s.say(inGroup('wang', '下周生日的客户')))[0]).toContain('李姐(D) · 139****1111');
  });

  it('lists the coming holidays, or the next one when the period has none', async () => {
    expect(await answer(s, dm('wang', '下周有哪些节日'))).toEqual([
      '下周(11月23日至29日)没有节日',
      '下一个:12月22日 周二 冬至',
    ]);
    expect(await answer(s, dm('wang', '下个月有什么节日'))).toEqual([
      '下月(12月1日至31日)的节日:',
      '12月22日 周二 冬至',
      '12月25日 周五 圣诞(12月24日 周四 平安夜)',
    ]);
  });

  it('reminds of the room-booking calls before the big holidays', async () => {
    const lines = await answer(s, dm('wang', '最近有什么节日', '2026-09-20T12:00:00+08:00'));
    expect(lines).toEqual([
      '最近30天(9月20日至10月19日)的节日:',
      '9月25日 周五 中秋',
      '10月1日 周四 国庆',
      '中秋、国庆:提前7天给A类客户打电话,问要不要留位',
    ]);
  });
});
