import { openScenario, type Scenario } from '../support/replay';
import { answer, dm, inGroup, staff } from './helpers';

describe('我的客户', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), staff('li', '小李'), { group: { id: 'g1' } });
    await s.run(
      dm('wang', '张总 13812345678 11月18日 3人 消费6000'),
      dm('wang', '李姐 13900001111 11月20日 2人 800'),
      dm('li', '王老板 13700002222 11月21日 4人 3500'),
    );
  });
  afterAll(() => s.close());

  it('lists the sender’s own customers, totals by tier first, full phones in private', async () => {
    expect(await answer(s, dm('wang', '我的客户'))).toEqual([
      '你的客户共2位:A类1 · D类1',
      '最近来过的在前:',
      '1. 李姐 D类 · 上次11月20日 · 1次 ¥800 · 13900001111',
      '2. 张总 A类 · 上次11月18日 · 1次 ¥6,000 · 13812345678',
    ]);
  });

  it('masks the phones when asked in the group', async () => {
    const lines = await answer(s, inGroup('wang', '我的客户'));
    expect(lines.slice(2)).toEqual([
      '1. 李姐 D类 · 上次11月20日 · 1次 ¥800 · 139****1111',
      '2. 张总 A类 · 上次11月18日 · 1次 ¥6,000 · 138****5678',
    ]);
  });

  it('follows a transfer and understands other wordings', async () => {
    await s.run(staff('boss', '陈店长', 'manager'), dm('boss', '把张总转给小李'));
    expect(await answer(s, dm('li', '我名下的客户'))).toEqual([
      '你的客户共2位:A类2',
      '最近来过的在前:',
      '1. 王老板 A类 · 上次11月21日 · 1次 ¥3,500 · 13700002222',
      '2. 张总 A类 · 上次11月18日 · 1次 ¥6,000 · 13812345678',
    ]);
    expect((await answer(s, dm('wang', '我的客户')))[0]).toBe('你的客户共1位:D类1');
  });

  it('tells someone without customers how to get one', async () => {
    expect(await s.say(dm('boss', '我的客户'))).toEqual([
      '你名下还没有客户。你记的第一位新客户就算你的:张总 今晚 3人 消费2800',
    ]);
  });
});
