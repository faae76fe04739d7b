import { HINT, NOT_YET } from '../../src/features/fallback';
import { openScenario, type Scenario } from '../support/replay';
import { chainAdmin, dm, inGroup, staff } from './helpers';

describe('帮助 and what the bot does not understand', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await openScenario();
    await s.run(
      staff('wang', '小王'),
      staff('boss', '陈店长', 'manager'),
      staff('root', '老板', 'admin'),
      { group: { id: 'g1' } },
    );
    await chainAdmin(s, 'hq', '总部');
  });
  afterAll(() => s.close());

  const topics = async (from: string) =>
    (await s.say(dm(from, '帮助')))[0]
      .split('\n')
      .slice(1)
      .map((l) => l.split(':')[0]);

  it('fits the examples to the asker’s role', async () => {
    const forStaff = await topics('wang');
    expect(forStaff).toEqual(expect.arrayContaining(['记消费', '查客户', '我的客户', '分级客户']));
    expect(forStaff).not.toContain('营业额');
    expect(forStaff).not.toContain('添加员工');
    const forManager = await topics('boss');
    expect(forManager).toContain('营业额');
    expect(forManager).not.toContain('添加员工');
    const forAdmin = await topics('root');
    expect(forAdmin).toEqual(expect.arrayContaining(['添加员工', '删除员工', '绑定群', '改设置']));
    expect(forAdmin).not.toContain('新建门店');
    expect(await topics('hq')).toContain('新建门店');
  });

  it('gives one example per line, each of which the bot understands', async () => {
    // Examples change things (删除员工, 设置): a scenario of their own.
    const own = await openScenario();
    await own.run(staff('wang', '小王'), staff('li', '小李'));
    await chainAdmin(own, 'hq', '总部');
    const [text] = await own.say(dm('hq', '帮助'));
    for (const line of text.split('\n').slice(1)) {
      for (const example of line.split(':')[1].split(' / ')) {
        const [reply] = await own.say(dm('hq', example.replace(/\(.*\)$/, '')));
        expect([example, reply]).not.toEqual([example, HINT]);
        expect([example, reply]).not.toEqual([example, NOT_YET]);
      }
    }
    await own.close();
  });

  it('answers a question it does not understand with one line, only when addressed', async () => {
    expect(await s.say(dm('wang', '你好呀'))).toEqual([HINT]);
    expect(await s.say(inGroup('wang', '你好呀'))).toEqual([HINT]);
    expect(await s.say({ ...inGroup('wang', '今天好忙'), mentioned: false })).toEqual([]);
    expect(await s.say(dm('wang', '导出'))).toEqual(['导出只有店长和管理员能用']);
    expect(HINT.split('\n')).toHaveLength(1);
  });
});
