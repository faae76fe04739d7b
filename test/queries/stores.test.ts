import { openScenario, type Scenario } from '../support/replay';
import { answer, chainAdmin, codeIn, dm, inGroup, staff } from './helpers';

/**
 * Two stores in one database: 本店 (main, group g1) and 上海二店 (sh2, group g2), each with a
 * 张总 of its own. Nothing asked in one may show the other's customers or figures.
 */
describe('a chain with two stores', () => {
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
    expect((await s.say(dm('hq', '新建门店 sh2 上海二店')))[0]).toMatch(
      /^已新建「上海二店」\(sh2\)/,
    );
    expect((await s.say(inGroup('hq', '绑定本群 sh2', 'g2')))[0]).toMatch(
      /^本群已绑定「上海二店」\(sh2\)/,
    );
    const code = codeIn((await s.say(dm('hq', '添加员工 小赵 店长 sh2')))[0]);
    expect((await s.say(dm('zhao', code)))[0]).toMatch(/^欢迎 小赵!你已加入「上海二店」/);
    await s.run(
      dm('wang', '张总 13812345678 11月18日 3人 消费6000'),
      dm('zhao', '张总 13811112222 11月20日 4人 消费9000'),
      inGroup('zhao', '李总 11月21日 2人 2600', 'g2'),
    );
  });
  afterAll(() => s.close());

  it('answers each store’s manager from that store only', async () => {
    expect(await answer(s, dm('boss', '本周A类客户'))).toEqual([
      '本周(11月16日至22日)A类客户:来了1位,消费¥6,000',
      '1. 张总 1次 ¥6,000 · 小王',
      '全店A类客户共1位',
    ]);
    expect(await answer(s, dm('zhao', '本周A类客户'))).toEqual([
      '本周(11月16日至22日)A类客户:来了1位,消费¥9,000',
      '1. 张总 1次 ¥9,000 · 小赵',
      '全店A类客户共1位',
    ]);
    expect((await answer(s, dm('boss', '本周营业额')))[1]).toBe('¥6,000 · 1桌 · 3人 · 人均¥2,000');
    expect((await answer(s, dm('zhao', '本周营业额')))[1]).toBe('¥11,600 · 2桌 · 6人 · 人均¥1,933');
    const card = (await s.say(dm('zhao', '查 张总')))[0];
    expect(card).toContain('电话 13811112222');
    expect(card).not.toContain('13812345678');
    expect(await s.say(dm('boss', '查 李总'))).toEqual(['还没有李总的档案']);
  });

  it('does not hear one store’s staff in another store’s group', async () => {
    expect(await s.say(inGroup('wang', '本周A类客户', 'g2'))).toEqual([]);
    expect(await s.say(inGroup('wang', '赵总 今晚 2人 800', 'g2'))).toEqual([]);
    expect(await s.say(inGroup('zhao', '本周营业额', 'g1'))).toEqual([]);
    expect(await s.say(inGroup('zhao', '绑定本群 sh2', 'g1'))).toEqual([]);
    expect((await answer(s, dm('boss', '本周营业额')))[1]).toBe('¥6,000 · 1桌 · 3人 · 人均¥2,000');
    expect((await answer(s, dm('zhao', '本周营业额')))[1]).toBe('¥11,600 · 2桌 · 6人 · 人均¥1,933');
  });

  it('lets a store admin act on their own store only', async () => {
    expect(await s.say(dm('root', '添加员工 小孙 服务员 sh2'))).toEqual([
      '只能给本店(main)添加员工',
    ]);
    expect(await s.say(dm('root', '新建门店 bj 北京店'))).toEqual([
      '门店管理需要总部管理员(连锁账号)来操作',
    ]);
    expect(await s.say(inGroup('root', '绑定本群 sh2', 'g1'))).toEqual([
      '你只能把群绑定到本店(main)',
    ]);
  });

  it('shows the chain admin the store of the group, or the one switched to', async () => {
    expect((await answer(s, inGroup('hq', '本周营业额', 'g2')))[1]).toBe(
      '¥11,600 · 2桌 · 6人 · 人均¥1,933',
    );
    expect((await answer(s, inGroup('hq', '本周营业额', 'g1')))[1]).toBe(
      '¥6,000 · 1桌 · 3人 · 人均¥2,000',
    );
    expect(await answer(s, dm('hq', '门店列表'))).toEqual([
      '门店2家',
      'main 本店(当前)',
      'sh2 上海二店',
    ]);
    expect((await s.say(dm('hq', '切换门店 sh2')))[0]).toMatch(/^已切换到「上海二店」/);
    expect((await answer(s, dm('hq', '本周营业额')))[1]).toBe('¥11,600 · 2桌 · 6人 · 人均¥1,933');
    await s.say(dm('hq', '切换门店 main'));
  });

  it('sends each store’s morning briefing to its own group', async () => {
    const out = await s.run({ now: '2026-11-23T09:30:00+08:00', tick: true });
    const briefings = out.filter((o) => o.text.includes('早报'));
    expect(briefings.map((o) => [o.chat, o.text.split('\n')[0].split(' ')[0]])).toEqual([
      ['g1', '【本店'],
      ['g2', '【上海二店'],
    ]);
  });
});
