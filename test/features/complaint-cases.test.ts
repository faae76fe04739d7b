/**
 * Complaint cases through the whole bot, message by message: every entry point, what is not a
 * complaint, the manager's notice and button, closing, 本月投诉, escalation once, the briefing,
 * the card, the next visit's reminder, the holiday greeting held back, 本月业绩, and stores apart.
 */
import { openStoreAfterFirstVisit, type Scenario } from '../support/replay';
import { dm, staff, tick } from '../support/events';
import type { ReplayOutput } from '../../src/replay/replayer';
import { openChain } from '../security/chain';

const AT = '2026-11-22T21:40:00+08:00';
const inGroup = (from: string, text: string, now = AT) => ({
  now,
  from,
  chat: 'g1',
  chatType: 'group',
  text,
});
const to = (out: ReplayOutput[], who: string) => out.filter((o) => o.to === who);
const texts = (out: ReplayOutput[]) => out.map((o) => o.text);
const escalated = (out: ReplayOutput[]) => out.filter((o) => o.text.startsWith('【投诉超时】'));

describe('complaint cases', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openStoreAfterFirstVisit();
  });
  afterEach(() => s.close());

  it('answers in the group and sends the manager a notice with a 已处理 button', async () => {
    const out = await s.run(inGroup('wang', '张总 投诉 菜太咸'));
    expect(texts(out.filter((o) => o.chat === 'g1'))).toEqual([
      '已记投诉 张总:菜太咸 · 24小时内处理,已通知店长',
    ]);
    const [notice] = to(out, 'boss');
    expect(notice.text).toBe(
      '【投诉】张总:菜太咸\n小王记录 · 11月22日 21:40 · 24小时内处理\n处理后回复:投诉处理 张总 做了什么',
    );
    expect(notice.actions).toEqual([{ label: '已处理 张总', command: '投诉处理 张总' }]);
    const k = await s.db.models.Complaint.findOne().lean();
    expect(k).toMatchObject({
      customerName: '张总',
      said: '菜太咸',
      state: 'open',
      day: '2026-11-22',
    });
    expect(k!.due.getTime() - k!.at.getTime()).toBe(24 * 3600_000);
  });

  it('opens a case from every entry point; a billed visit is recorded too', async () => {
    expect(texts(await s.run(dm('wang', '李姐说服务太慢 很不满意')))[0]).toBe(
      '已记投诉 李姐:服务太慢 很不满意 · 24小时内处理,已通知店长',
    );
    expect(texts(await s.run(dm('wang', '投诉 张总 上菜慢')))[0]).toMatch(/^已记投诉 张总:上菜慢/);
    const [done] = texts(await s.run(dm('wang', '已回访 张总 说上次的鱼不新鲜')));
    expect(done.split('\n')).toEqual([
      expect.stringMatching(/^已记录回访 张总.*上次的鱼不新鲜$/),
      '已记投诉 张总:上次的鱼不新鲜 · 24小时内处理,已通知店长',
    ]);
    const [visit] = texts(
      await s.run(dm('wang', '张总 3人 2800 说菜太咸', '2026-11-23T21:00:00+08:00')),
    );
    expect(visit).toMatch(/^已记录 张总 \| 11月23日.*¥2,800/);
    expect(visit).toContain('已记投诉 张总:菜太咸');
    expect(await s.db.models.Complaint.countDocuments()).toBe(4);
    expect(await s.db.models.Visit.countDocuments()).toBe(2);
  });

  it('takes no negation or compliment for a complaint', async () => {
    for (const text of [
      '张总 没有不满意',
      '张总 说菜不错 很满意',
      '张总 菜不太咸',
      '张总 说不是很慢',
    ])
      expect(await s.say(inGroup('wang', text))).toEqual([]);
    expect((await s.say(dm('wang', '已回访 张总 很满意')))[0]).not.toContain('投诉');
    expect(await s.db.models.Complaint.countDocuments()).toBe(0);
  });

  it('lets only managers close cases and see 本月投诉', async () => {
    await s.run(inGroup('wang', '张总 投诉 菜太咸'));
    expect(await s.say(dm('wang', '投诉处理 张总 已道歉'))).toEqual([
      '投诉由店长处理,已记下的投诉店长会跟进',
    ]);
    expect(await s.say(dm('wang', '本月投诉'))).toEqual(['投诉情况只有店长能看']);
    // What the button sends: asked what was done, nothing closed yet.
    expect((await s.say(dm('boss', '投诉处理 张总')))[0]).toMatch(
      /^张总的投诉\(菜太咸\)怎么处理的/,
    );
    const out = await s.run(
      dm('boss', '投诉处理 张总 已道歉 下次送果盘', '2026-11-23T02:40:00+08:00'),
    );
    expect(texts(to(out, 'boss'))).toEqual([
      '已处理 张总的投诉(菜太咸) · 用时5小时\n处理: 已道歉 下次送果盘',
    ]);
    expect(texts(to(out, 'wang'))).toEqual(['陈店长已处理 张总的投诉: 已道歉 下次送果盘']);
    const k = await s.db.models.Complaint.findOne().lean();
    expect(k?.state).toBe('closed');
    expect(k?.history.map((h) => h.what)).toEqual(['opened', 'closed']);
    expect(await s.say(dm('boss', '投诉处理 张总 再道歉'))).toEqual(['张总没有未处理的投诉']);
    await s.run(dm('wang', '李姐 说服务态度差', '2026-11-23T10:00:00+08:00'));
    const [list] = await s.say(dm('boss', '本月投诉', '2026-11-23T12:00:00+08:00'));
    expect(list.split('\n')).toEqual([
      '本月(11月1日至30日)投诉2件 · 未处理1 · 处理用时中位数5小时',
      '1. 李姐 服务态度差 · 小王 11月23日 · 未处理 剩22小时',
      '2. 张总 菜太咸 · 小王 11月22日 · 已处理 用时5小时(陈店长: 已道歉 下次送果盘)',
    ]);
  });

  it('escalates an open case to every manager once, 24 hours on', async () => {
    await s.run(staff('boss2', '刘经理', 'manager'));
    await s.run(inGroup('wang', '张总 投诉 菜太咸'));
    expect(escalated(await s.run(tick('2026-11-23T21:30:00+08:00')))).toEqual([]);
    const out = escalated(await s.run(tick('2026-11-23T21:46:00+08:00')));
    expect(out.map((o) => o.to).sort()).toEqual(['boss', 'boss2']);
    expect(out[0].text).toContain('张总:菜太咸(小王 11月22日 21:40记录,已超时');
    expect(out[0].actions).toEqual([{ label: '已处理 张总', command: '投诉处理 张总' }]);
    expect(escalated(await s.run(tick('2026-11-23T22:01:00+08:00')))).toEqual([]);
    expect(escalated(await s.run(tick('2026-11-24T10:00:00+08:00')))).toEqual([]);
  });

  it('leads the morning briefing and the manager list until closed', async () => {
    await s.run(inGroup('wang', '张总 投诉 菜太咸'));
    const out = await s.run(tick('2026-11-23T09:30:00+08:00'));
    const [brief] = texts(out.filter((o) => o.chat === 'g1'));
    expect(brief.split('\n\n')[1]).toBe('⚠ 未处理投诉1件\n· 张总:菜太咸 · 剩12小时');
    expect(to(out, 'boss')[0].text).toMatch(/^⚠ 未处理投诉1件\n· 张总:菜太咸/);
    const later = '2026-11-23T10:00:00+08:00';
    expect((await s.say(dm('boss', '我的待回访', later)))[0]).toMatch(/^⚠ 未处理投诉1件/);
    expect((await s.say(dm('wang', '我的待回访', later)))[0]).not.toContain('投诉');
    await s.run(dm('boss', '投诉处理 张总 已道歉', '2026-11-23T11:00:00+08:00'));
    expect(texts(await s.run(tick('2026-11-24T09:30:00+08:00'))).join('\n')).not.toContain(
      '未处理投诉',
    );
  });

  it('shows complaints on the card and reminds at the next visit only', async () => {
    await s.run(inGroup('wang', '张总 投诉 菜太咸'));
    expect((await s.say(dm('wang', '查 张总')))[0]).toContain('未处理投诉: 11月22日 菜太咸');
    const [open] = await s.say(dm('wang', '张总 今晚 4人 消费3000', '2026-11-23T21:00:00+08:00'));
    expect(open).toContain('张总上次投诉过菜太咸,还没处理');
    await s.run(dm('boss', '投诉处理 张总 已道歉 下次送果盘', '2026-11-23T22:00:00+08:00'));
    const [card] = await s.say(dm('wang', '查 张总', '2026-11-23T22:05:00+08:00'));
    expect(card).toContain('投诉过1次,最近 11月22日 菜太咸(已处理: 已道歉 下次送果盘)');
    const [next] = await s.say(dm('wang', '张总 今晚 2人 消费900', '2026-11-25T21:00:00+08:00'));
    expect(next).not.toContain('投诉');
  });

  it('tells the recorder of the next visit how the case was handled', async () => {
    await s.run(inGroup('wang', '张总 投诉 菜太咸'));
    await s.run(dm('boss', '投诉处理 张总 送果盘', '2026-11-23T10:00:00+08:00'));
    const [visit] = await s.say(dm('wang', '张总 今晚 4人 消费3000', '2026-11-24T21:00:00+08:00'));
    expect(visit).toContain('张总上次投诉过菜太咸,已处理: 送果盘');
  });

  it('holds back the holiday greeting while a case is open', async () => {
    await s.run(dm('wang', '李姐 11月20日 2人 消费600'));
    await s.run(inGroup('wang', '张总 投诉 菜太咸', '2027-09-13T12:00:00+08:00'));
    const [list] = texts(to(await s.run(tick('2027-09-14T09:30:00+08:00')), 'wang'));
    expect(list).toContain('中秋祝福');
    expect(list).toContain('你的客户1位');
    expect(list).toContain('不含投诉未处理的1位');
  });

  it("counts complaints on the owner's line of 本月业绩, with the median time to close", async () => {
    await s.run(inGroup('wang', '张总 投诉 菜太咸'));
    await s.run(dm('boss', '投诉处理 张总 已道歉', '2026-11-23T01:40:00+08:00'));
    const [perf] = await s.say(dm('boss', '本月业绩', '2026-11-23T12:00:00+08:00'));
    expect(perf).toMatch(/小王:.* · 客户投诉1件/);
    expect(perf).toContain('投诉1件 · 处理用时中位数4小时');
    const [own] = await s.say(dm('wang', '本月业绩', '2026-11-23T12:00:00+08:00'));
    expect(own).toMatch(/客户投诉1件/);
  });
});

describe('complaint cases across stores', () => {
  it("keeps one store's cases from another's managers", async () => {
    const s = await openChain();
    try {
      const out = await s.run(dm('wang', '张总 投诉 菜太咸', '2026-11-23T10:00:00+08:00'));
      // 本店's managers and admins (the chain's 总部 admin is one of 本店), never 上海二店's.
      expect(out.map((o) => o.to).sort()).toEqual(['boss', 'hq', 'root', 'wang']);
      expect(await s.say(dm('zhao', '本月投诉', '2026-11-23T10:05:00+08:00'))).toEqual([
        '本月(11月1日至30日)没有投诉',
      ]);
      const [other] = await s.say(dm('zhao', '投诉处理 张总 已道歉', '2026-11-23T10:06:00+08:00'));
      expect(other).not.toMatch(/^已处理/);
      const told = escalated(await s.run(tick('2026-11-24T10:30:00+08:00'))).map((o) => o.to);
      expect(told.sort()).toEqual(['boss', 'hq', 'root']);
    } finally {
      await s.close();
    }
  });
});
