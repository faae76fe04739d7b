import { openScenario, type Scenario } from '../support/replay';
import { answer, codeIn, dm, inGroup, NOW, staff } from './helpers';

describe('staff onboarding by chat', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(staff('root', '老板', 'admin'), staff('boss', '陈店长', 'manager'), {
      group: { id: 'g1' },
    });
  });
  afterEach(() => s.close());

  it('binds a stranger who sends the code an admin got', async () => {
    const [invite] = await s.say(dm('root', '添加员工 小赵 服务员'));
    const code = codeIn(invite);
    expect(invite.split('\n')).toEqual([
      `小赵(员工,本店)的邀请码:${code}`,
      '24小时内有效,只能用一次。请小赵私聊我,发这8位数字就开通了。',
    ]);
    const [hint] = await s.say(dm('zhao', '你好'));
    expect(hint).toContain('replay:zhao');
    const out = await s.run(dm('zhao', `邀请码 ${code}`));
    expect(out.map((o) => [o.to, o.text.split('\n')[0]])).toEqual([
      ['zhao', '欢迎 小赵!你已加入「本店」,身份:员工。'],
      ['root', '小赵 已用邀请码加入「本店」'],
    ]);
    expect((await s.say(dm('zhao', '张总 今晚 3人 消费2800')))[0]).toMatch(/^已记录 张总/);
    expect((await answer(s, dm('zhao', '我的客户')))[0]).toBe('你的客户共1位:B类1');
  });

  it('keeps staff names unique: a second 小王 is refused with a name to use instead', async () => {
    await s.run(staff('wang', '小王'));
    expect(await s.say(dm('root', '添加员工 小王 服务员'))).toEqual([
      '已经有一位小王了,换个名字,比如「小王2」或全名',
    ]);
    // An invitation still open holds its name too, so two codes never make two 小赵.
    const code = codeIn((await s.say(dm('root', '添加员工 小赵 服务员')))[0]);
    expect(await s.say(dm('root', '添加员工 小赵 店长'))).toEqual([
      '已经有一位小赵了,换个名字,比如「小赵2」或全名',
    ]);
    await s.run(dm('zhao', code));
    expect(codeIn((await s.say(dm('root', '添加员工 小王2 服务员')))[0])).toMatch(/^\d{8}$/);
    expect(await s.say(dm('root', '添加员工 小王 服务员'))).toEqual([
      '已经有一位小王了,换个名字,比如「小王3」或全名',
    ]);
    // A colleague who left frees the name.
    await s.run(dm('root', '删除员工 小赵'));
    expect(codeIn((await s.say(dm('root', '添加员工 小赵 服务员')))[0])).toMatch(/^\d{8}$/);
    expect(await s.db.models.Staff.countDocuments({ name: '小王' })).toBe(1);
  });

  it('refuses a used, a wrong and an expired code', async () => {
    const code = codeIn((await s.say(dm('root', '添加员工 小赵 店长')))[0]);
    await s.say(dm('zhao', code));
    expect(await s.say(dm('qian', code))).toEqual(['这个邀请码已经用过了,请管理员重新生成一个。']);
    expect(await s.say(dm('qian', '12345678'))).toEqual([
      '这个邀请码不对,请核对后再发一次,或请管理员重新生成。',
    ]);
    const late = codeIn((await s.say(dm('root', '添加员工 小钱 服务员')))[0]);
    expect(await s.say(dm('qian', late, '2026-11-23T22:00:00+08:00'))).toEqual([
      '这个邀请码已过期(24小时内有效),请管理员重新生成。',
    ]);
    // The one who joined is a manager, as the admin said.
    expect((await s.say(dm('zhao', '本周营业额')))[0]).toMatch(/^本周/);
  });

  it('sends a code asked for in the group privately to the admin', async () => {
    const out = await s.run(inGroup('root', '添加员工 小钱 店长'));
    expect(out.map((o) => [o.chat, o.to])).toEqual([
      ['root', 'root'],
      ['g1', null],
    ]);
    expect(out[0].text).toMatch(/^小钱\(店长,本店\)的邀请码:\d{8}/);
    expect(out[1].text).toBe('小钱的邀请码已私信发给你');
  });

  it('lets only admins add or remove staff', async () => {
    expect(await s.say(dm('boss', '添加员工 小孙 服务员'))).toEqual(['添加员工需要管理员来操作']);
    expect(await s.say(dm('boss', '删除员工 老板'))).toEqual(['删除员工需要管理员来操作']);
    expect(await s.say(dm('root', '删除员工 老板'))).toEqual(['不能删除自己']);
  });

  it('ignores strangers in groups, even when they mention the bot or send a code', async () => {
    const code = codeIn((await s.say(dm('root', '添加员工 小赵 服务员')))[0]);
    expect(await s.say(inGroup('zhao', '你好'))).toEqual([]);
    expect(await s.say(inGroup('zhao', code))).toEqual([]);
    expect(await s.say(inGroup('zhao', '张总 今晚 3人 消费2800'))).toEqual([]);
    // The code was not used up in the group.
    expect((await s.say(dm('zhao', code)))[0]).toMatch(/^欢迎 小赵/);
  });

  it('removes staff and keeps their records', async () => {
    await s.run(staff('wang', '小王'), dm('wang', '张总 今晚 3人 消费2800'));
    expect(await answer(s, dm('root', '删除员工 小王'))).toEqual([
      '已删除小王:TA不能再用机器人,记过的消费都保留。',
      'TA名下还有1位客户,转给同事这样发:小王离职 客户转给(同事名字)',
    ]);
    expect((await s.say(dm('wang', '我的客户')))[0]).toMatch(/^你好,我是回头客助手。你还没有开通/);
    expect(await s.say(inGroup('wang', '我的客户'))).toEqual([]);
    const perf = await answer(s, dm('boss', '本月业绩'));
    expect(perf).toContain('小王:客户消费¥2,800(1桌) · 录入1桌 · 新客1位 · 回访完成0/0');
    expect(await answer(s, dm('boss', '员工列表'))).toEqual([
      '本店 员工2位',
      '老板 管理员',
      '陈店长 店长',
      '已删除1位(记录都保留)',
    ]);
  });

  it('keeps the time of the invitation from the message clock', async () => {
    const code = codeIn((await s.say(dm('root', '添加员工 小赵 服务员', NOW)))[0]);
    const invite = await s.db.models.Invite.findById(code).lean();
    expect(invite?.expiresAt.toISOString()).toBe('2026-11-23T13:40:00.000Z');
  });
});
