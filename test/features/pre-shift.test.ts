/**
 * 班前会 through the whole bot: the meal's bookings to the team group at the store's time, with
 * the guests' highlights; A-class guests to the managers too; lunch off until set; once a day.
 */
import { openScenario, openStoreAfterFirstVisit, type Scenario } from '../support/replay';
import { dm, inGroupAt as inGroup, staff, tick } from '../support/events';
import type { ReplayOutput } from '../../src/replay/replayer';
import { businessDayAt } from '../../src/time/business-day';
import { openChain } from '../security/chain';

const briefs = (out: ReplayOutput[]) => out.filter((o) => o.text.startsWith('【班前会】'));
const inChat = (out: ReplayOutput[], chat: string) => briefs(out).filter((o) => o.chat === chat);
const MON = '2026-11-23';

describe('pre-shift brief', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openStoreAfterFirstVisit();
    await s.run(staff('li', '小李'), staff('boss2', '刘经理', 'manager'));
    // A single visit of ¥3,000 or more makes 王总 an A-class guest.
    await s.run(dm('wang', '王总 今晚 4人 消费3600 不吃辣', '2026-11-22T21:10:00+08:00'));
  });
  afterEach(() => s.close());

  async function bookTonight() {
    // Said after midnight, before the 05:00 cut-off: 明晚 is Monday's dinner.
    await s.run(inGroup('wang', '王总订了明晚6人 牡丹厅', '2026-11-23T01:30:00+08:00'));
    const at = `${MON}T12:00:00+08:00`;
    await s.run(
      inGroup('li', '张总订了今晚 18:30 8人', at),
      inGroup('li', '李姐订了今天中午 4位', at),
      inGroup('li', '赵总订了明晚 2位', at),
    );
  }

  it("sends tonight's bookings at 16:30 with the guests' highlights, and only once", async () => {
    await bookTonight();
    expect(briefs(await s.run(tick(`${MON}T16:29:00+08:00`)))).toEqual([]);
    const out = await s.run(tick(`${MON}T16:30:00+08:00`));
    const [group] = inChat(out, 'g1');
    expect(group.text.split('\n')).toEqual([
      '【班前会】11月23日 晚市 预订2桌 14人',
      '18:30 张总 8人 · B类 · 上次11月22日 · 小李接',
      '晚市 王总 6人 牡丹厅 · A类 · 上次11月22日 · 偏好: 不吃辣 · 店长接待 · 小王接',
    ]);
    // Staff get no direct brief; every manager gets the A-class guests.
    const direct = briefs(out).filter((o) => o.to !== null);
    expect(direct.map((o) => o.to).sort()).toEqual(['boss', 'boss2']);
    expect(direct[0].text.split('\n')).toEqual([
      '【班前会】11月23日 晚市 A类客人1桌,请店长接待:',
      '晚市 王总 6人 牡丹厅 · A类 · 上次11月22日 · 偏好: 不吃辣 · 店长接待 · 小王接',
    ]);
    expect(briefs(await s.run(tick(`${MON}T16:45:00+08:00`)))).toEqual([]);
    // A time changed after the brief went does not send it again that day.
    await s.run(staff('root', '老板', 'admin'));
    expect(await s.say(dm('root', '设置 晚市班前 17:00', `${MON}T16:50:00+08:00`))).toEqual([
      '晚市班前会: 16:30 → 17:00',
    ]);
    expect(briefs(await s.run(tick(`${MON}T17:01:00+08:00`)))).toEqual([]);
    // The next day's brief holds the next day's table only.
    const [tue] = inChat(await s.run(tick('2026-11-24T17:00:00+08:00')), 'g1');
    expect(tue.text.split('\n')).toEqual([
      '【班前会】11月24日 晚市 预订1桌 2人',
      '晚市 赵总 2人 · D类 · 还没来过 · 小李接',
    ]);
  });

  it('sends nothing on a day without bookings, nor for a cancelled table', async () => {
    expect(briefs(await s.run(tick(`${MON}T16:30:00+08:00`)))).toEqual([]);
    await s.run(inGroup('wang', '王总订了明晚6人', `${MON}T01:30:00+08:00`));
    await s.run(inGroup('wang', '王总 取消预订', `${MON}T12:00:00+08:00`));
    expect(briefs(await s.run(tick('2026-11-23T16:31:00+08:00')))).toEqual([]);
  });

  it('drops a brief the bot could not send within three hours of its time', async () => {
    await bookTonight();
    // Down from before 16:30 until 19:31: service has begun, the brief is no use any more.
    expect(briefs(await s.run(tick(`${MON}T19:31:00+08:00`)))).toEqual([]);
    expect(inChat(await s.run(tick('2026-11-24T19:29:00+08:00')), 'g1')).toHaveLength(1);
  });

  it('keeps the lunch brief off until an admin sets it, and reads the setting words', async () => {
    await bookTonight();
    expect(briefs(await s.run(tick(`${MON}T10:31:00+08:00`)))).toEqual([]);
    await s.run(staff('root', '老板', 'admin'));
    const before = (await s.say(dm('root', '设置', `${MON}T09:00:00+08:00`)))[0];
    expect(before).toContain('班前会 晚市 16:30 · 午市 不发(10:30)');
    expect(await s.say(dm('boss', '设置 午市班前 10:00'))).toEqual(['修改设置需要管理员来操作']);
    expect(await s.say(dm('root', '设置 午市班前 11:00', `${MON}T10:40:00+08:00`))).toEqual([
      '午市班前会: 不发(10:30) → 11:00',
    ]);
    const out = await s.run(tick(`${MON}T11:00:00+08:00`));
    expect(inChat(out, 'g1').map((o) => o.text)).toEqual([
      '【班前会】11月23日 午市 预订1桌 4人\n午市 李姐 4人 · D类 · 还没来过 · 小李接',
    ]);
    expect(await s.say(dm('root', '设置 晚市班前 关闭', `${MON}T12:00:00+08:00`))).toEqual([
      '晚市班前会: 16:30 → 不发(16:30)',
    ]);
    expect(await s.say(dm('root', '设置 晚市班前 不发', `${MON}T12:01:00+08:00`))).toEqual([
      '晚市班前会 已经是 不发(16:30)',
    ]);
    expect(briefs(await s.run(tick(`${MON}T16:30:00+08:00`)))).toEqual([]);
    expect(await s.say(dm('root', '设置 晚市班前 开启', `${MON}T16:40:00+08:00`))).toEqual([
      '晚市班前会: 不发(16:30) → 16:30',
    ]);
    expect(inChat(await s.run(tick(`${MON}T16:41:00+08:00`)), 'g1')).toHaveLength(1);
  });

  it('serves the business day the brief time falls in', () => {
    expect(businessDayAt(MON, '16:30', '05:00')).toBe(MON);
    // A bar whose day turns at 06:00 and briefs at 01:00 briefs the night still running.
    expect(businessDayAt(MON, '01:00', '06:00')).toBe('2026-11-22');
  });
});

describe('pre-shift brief without a team group', () => {
  it('sends the managers the whole brief', async () => {
    const s = await openScenario({ STORE_NAME: '海港店' });
    try {
      await s.run(staff('wang', '小王'), staff('boss', '陈店长', 'manager'));
      await s.run(dm('wang', '张总订了今晚6人', `${MON}T12:00:00+08:00`));
      const out = briefs(await s.run(tick(`${MON}T16:30:00+08:00`)));
      expect(out.map((o) => [o.to, o.text])).toEqual([
        ['boss', '【班前会】11月23日 晚市 预订1桌 6人\n晚市 张总 6人 · D类 · 还没来过 · 小王接'],
      ]);
    } finally {
      await s.close();
    }
  });
});

describe('pre-shift brief across stores', () => {
  it("sends each store's group and managers their own bookings only", async () => {
    const s = await openChain();
    try {
      const at = '2026-11-23T12:00:00+08:00';
      await s.run(inGroup('wang', '张总订了今晚6人', at), {
        now: at,
        from: 'zhao',
        chat: 'g2',
        chatType: 'group',
        text: '王总订了今晚4人',
      });
      const out = await s.run(tick('2026-11-23T16:30:00+08:00'));
      const g1 = inChat(out, 'g1')
        .map((o) => o.text)
        .join('\n');
      const g2 = inChat(out, 'g2')
        .map((o) => o.text)
        .join('\n');
      expect(g1).toContain('张总 6人');
      expect(g1).not.toContain('王总');
      expect(g2).toContain('王总 4人');
      expect(g2).not.toContain('张总');
      const direct = briefs(out).filter((o) => o.to !== null);
      for (const o of direct)
        expect(o.text).toContain(['zhao', 'sun'].includes(o.to!) ? '王总' : '张总');
      expect(direct.map((o) => o.to)).toContain('zhao');
      expect((await s.say(dm('zhao', '今晚预订', at)))[0]).not.toContain('张总');
      expect((await s.say(dm('boss', '今晚预订', at)))[0]).not.toContain('王总');
    } finally {
      await s.close();
    }
  });
});
