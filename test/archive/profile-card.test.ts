import { openScenario, type Scenario } from '../support/replay';
import { dm, NOW, staff } from '../support/events';

const inGroup = (from: string, text: string) => ({
  now: NOW,
  from,
  chat: 'g1',
  chatType: 'group',
  text,
});

describe('the profile card', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), staff('li', '小李'), staff('boss', '陈店长', 'manager'), {
      group: { id: 'g1' },
    });
    await s.run(
      dm('wang', '李总 11月1日 2人 600'),
      dm(
        'wang',
        '张总 13812345678 11月10日 6人 消费3200 牡丹厅 李总介绍的',
        '2026-11-10T22:00:00+08:00',
      ),
      dm('wang', '张总 不吃辣 喜欢茅台'),
      dm('wang', '张总 农历八月十五生日'),
      dm('li', '张总 昨晚 6人 1800 牡丹厅'),
    );
  });
  afterEach(() => s.close());

  it('shows tier with reason, stats, habits, preferences, birthday, referrer and recent visits', async () => {
    const [card] = await s.say(dm('wang', '查 张总'));
    expect(card.split('\n')).toEqual([
      '张总 · A类(近30天消费¥5,000)',
      '电话 13812345678 · 小王的客户',
      '来过2次 累计¥5,000 平均¥2,500',
      '首次 11月10日 · 上次 11月21日(昨天)',
      '近30天 2次 ¥5,000',
      '常坐牡丹厅 · 常来6人',
      expect.stringMatching(/^偏好: .*辣.*茅台/),
      '生日: 农历8月15日',
      '介绍人: 李总',
      '最近消费:',
      '11月21日 6人 ¥1,800 牡丹厅',
      '11月10日 6人 ¥3,200 牡丹厅',
    ]);
    const [referrer] = await s.say(dm('wang', '李总档案'));
    expect(referrer).toContain('介绍了: 张总');
  });

  it('masks the phone in a group and for staff who do not own the customer', async () => {
    expect((await s.say(inGroup('wang', '查 张总')))[0]).toContain('电话 138****5678');
    expect((await s.say(dm('li', '查 张总')))[0]).toContain('电话 138****5678');
    expect((await s.say(dm('boss', '查 张总')))[0]).toContain('电话 13812345678');
  });

  it('answers when he last came first', async () => {
    const [reply] = await s.say(dm('li', '张总上次来是什么时候'));
    expect(reply.split('\n')[0]).toBe('张总 上次来是11月21日(昨天)');
  });

  it('says so when there is no such customer', async () => {
    expect(await s.say(dm('wang', '查 赵总'))).toEqual(['还没有赵总的档案']);
  });
});
