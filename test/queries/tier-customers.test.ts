import { openScenario, type Scenario } from '../support/replay';
import { answer, dm, inGroup, staff } from './helpers';

describe('本周A类客户: a tier’s customers who came in a period', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), staff('li', '小李'), staff('boss', '陈店长', 'manager'), {
      group: { id: 'g1' },
    });
    await s.run(
      dm('wang', '张总 11月18日 3人 消费6000'),
      dm('wang', '刘总 11月19日 2人 3200'),
      dm('li', '王老板 11月20日 4人 4000'),
      dm('li', '王老板 11月21日 2人 2500'),
      dm('wang', '李姐 11月20日 2人 800'),
      dm('li', '周总 11月10日 6人 3500'),
    );
  });
  afterEach(() => s.close());

  it('lists the visitors of the tier by spend in the period, totals first, then the tier size', async () => {
    expect(await answer(s, dm('boss', '本周A类客户'))).toEqual([
      '本周(11月16日至22日)A类客户:来了3位,消费¥15,700',
      '1. 王老板 2次 ¥6,500 · 小李',
      '2. 张总 1次 ¥6,000 · 小王',
      '3. 刘总 1次 ¥3,200 · 小王',
      '全店A类客户共4位',
    ]);
  });

  it('understands the common ways of asking', async () => {
    const expected = await s.say(dm('boss', '本周A类客户'));
    for (const q of ['这周的A类客户', 'A类客户本周', '本周a类']) {
      expect(await s.say(dm('boss', q))).toEqual(expected);
    }
  });

  it('answers other periods and tiers', async () => {
    expect(await answer(s, dm('boss', '上周A类客户'))).toEqual([
      '上周(11月9日至15日)A类客户:来了1位,消费¥3,500',
      '1. 周总 1次 ¥3,500 · 小李',
      '全店A类客户共4位',
    ]);
    const d = await answer(s, dm('boss', '本月D类客户'));
    expect(d[0]).toBe('本月(11月1日至22日)D类客户:来了1位,消费¥800');
    expect(d[1]).toBe('1. 李姐 1次 ¥800 · 小王');
    expect(await answer(s, dm('boss', '上月B类客户'))).toEqual([
      '上月(10月1日至31日)没有B类客户来过',
      '全店B类客户共0位',
    ]);
  });

  it('shows staff their own customers only', async () => {
    expect(await answer(s, dm('wang', '本周A类客户'))).toEqual([
      '本周(11月16日至22日)你的A类客户:来了2位,消费¥9,200',
      '1. 张总 1次 ¥6,000',
      '2. 刘总 1次 ¥3,200',
      '你名下A类客户共2位',
    ]);
  });

  it('keeps the tier size in step when a visit is undone', async () => {
    await s.say(dm('li', '撤销'));
    const lines = await answer(s, dm('boss', '上周A类客户'));
    expect(lines).toEqual(['上周(11月9日至15日)没有A类客户来过', '全店A类客户共3位']);
  });

  it('answers the same in the group', async () => {
    expect(await s.say(inGroup('boss', '本周A类客户'))).toEqual(
      await s.say(dm('boss', '本周A类客户')),
    );
  });
});

describe('a long tier list', () => {
  let s: Scenario;
  const SURNAMES = [...'赵钱孙李周吴郑冯陈褚卫蒋'];
  beforeAll(async () => {
    s = await openScenario();
    await s.run(staff('boss', '陈店长', 'manager'));
    await s.run(...SURNAMES.map((n, i) => dm('boss', `${n}总 11月18日 2人 ${3000 + i * 100}`)));
  });
  afterAll(() => s.close());

  it('is cut to ten lines with how to see the rest', async () => {
    const lines = await answer(s, dm('boss', '本周A类客户'));
    expect(lines[0]).toBe('本周(11月16日至22日)A类客户:来了12位,消费¥42,600');
    expect(lines[1]).toBe('1. 蒋总 1次 ¥4,100 · 陈店长');
    expect(lines).toHaveLength(13);
    expect(lines[11]).toBe('…还有2位,发「本周A类客户 全部」看全部');
    expect(lines[12]).toBe('全店A类客户共12位');
  });

  it('shows everyone when asked for all', async () => {
    const lines = await answer(s, dm('boss', '本周A类客户 全部'));
    expect(lines).toHaveLength(14);
    expect(lines[12]).toBe('12. 赵总 1次 ¥3,000 · 陈店长');
  });
});
