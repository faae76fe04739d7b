import { loadConfig } from '../../src/config';
import { ensureStore } from '../../src/setup';
import { openScenario, type Scenario } from '../support/replay';
import { answer, dm, staff } from './helpers';

describe('settings by chat', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(
      staff('wang', '小王'),
      staff('boss', '陈店长', 'manager'),
      staff('root', '老板', 'admin'),
    );
  });
  afterEach(() => s.close());

  it('echoes the old and new value, and the rules follow it at once', async () => {
    await s.run(dm('wang', '张总 11月18日 3人 消费2800'), dm('wang', '张总 11月20日 2人 2700'));
    expect((await answer(s, dm('boss', '本周A类客户')))[1]).toBe('1. 张总 2次 ¥5,500 · 小王');
    expect(await s.say(dm('root', '设置 A类消费 6000'))).toEqual([
      'A类近30天消费门槛: ¥5,000 → ¥6,000',
    ]);
    expect((await answer(s, dm('boss', '本周A类客户')))[0]).toBe(
      '本周(11月16日至22日)没有A类客户来过',
    );
    expect((await answer(s, dm('boss', '本周B类客户')))[1]).toBe('1. 张总 2次 ¥5,500 · 小王');
    expect(await answer(s, dm('boss', '设置'))).toContain(
      'A类:近30天消费≥¥6,000 或 来4次 或 连续3周 或 单次≥¥3,000',
    );
  });

  it('refuses values the rules do not allow and keeps the old one', async () => {
    expect(await s.say(dm('root', '设置 A类消费 1000'))).toEqual([
      'A类近30天消费门槛没有改:A类门槛不能低于B类',
    ]);
    expect(await s.say(dm('root', '设置 A类流失 50'))).toEqual([
      'A类几天没来算流失没有改:A类流失天数不能多于B类,B类不能多于C类',
    ]);
    expect(await s.say(dm('root', '设置 回访天数 30,1'))).toEqual([
      '消费后回访(第几天)没有改:回访天数要从小到大',
    ]);
    expect(await s.say(dm('root', '设置 早报时间 25点'))).toEqual([
      '早报时间没有改:「25点」看不懂。例如:设置 早报时间 9:30',
    ]);
    expect(await s.say(dm('root', '设置 会员折扣 8'))).toEqual([
      '没有这项设置。发「设置」看全部可以改的项目',
    ]);
    expect(await answer(s, dm('root', '设置'))).toContain(
      'A类:近30天消费≥¥5,000 或 来4次 或 连续3周 或 单次≥¥3,000',
    );
  });

  it('changes clock and follow-up settings, and a restart keeps them', async () => {
    expect(await s.say(dm('root', '设置 早报时间 9点半'))).toEqual(['早报时间 已经是 09:30']);
    expect(await s.say(dm('root', '设置 早报时间 10:15'))).toEqual(['早报时间: 09:30 → 10:15']);
    expect(await s.say(dm('root', '设置营业日截止为4:00'))).toEqual([
      '营业日切换时间: 05:00 → 04:00',
    ]);
    expect(await s.say(dm('root', '设置 B类流失 40'))).toEqual(['B类几天没来算流失: 45天 → 40天']);
    expect(await s.say(dm('root', '设置 回访天数 1、15、60'))).toEqual([
      '消费后回访(第几天): 第1、30、120天 → 第1、15、60天',
    ]);
    // The environment seeds a new store only: a restart must not undo the chat settings.
    const store = await ensureStore(
      s.db.models,
      loadConfig({ BRIEFING_TIME: '08:00', BUSINESS_DAY_CUTOFF: '06:00' }),
    );
    expect([store.briefingTime, store.businessDayCutoff]).toEqual(['10:15', '04:00']);
    // 04:30 is already the next business day with the new cut-off.
    const [today] = await answer(s, dm('root', '今天营业额', '2026-11-23T04:30:00+08:00'));
    expect(today).toBe('今天(11月23日)营业额');
    const shown = await answer(s, dm('root', '设置'));
    expect(shown).toContain('回访:消费后第1、15、60天,之后每90天');
    expect(shown).toContain('流失:A类30天 B类40天 C类60天 新客60天没来');
  });

  it('lets managers look and only admins change', async () => {
    expect((await answer(s, dm('boss', '查看设置')))[0]).toBe('【本店 设置】');
    expect(await s.say(dm('boss', '设置 A类消费 6000'))).toEqual(['修改设置需要管理员来操作']);
    expect(await s.say(dm('wang', '设置'))).toEqual(['设置只有店长和管理员能看']);
  });
});
