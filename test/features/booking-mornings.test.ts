/**
 * Bookings in the mornings, through the whole bot: 今日预订 in the briefing, no-shows marked the
 * next morning and told to the booking's owner, counted on the card, undone by a late visit.
 */
import { openStoreAfterFirstVisit, type Scenario } from '../support/replay';
import { dm, inGroupAt as inGroup, staff, tick } from '../support/events';
import type { ReplayOutput } from '../../src/replay/replayer';
import { noticeNoShows } from '../../src/features/bookings/no-shows';

const SUN = '2026-11-22T21:30:00+08:00';
const to = (out: ReplayOutput[], who: string) => out.filter((o) => o.to === who);
const morning = (out: ReplayOutput[]) => out.find((o) => o.chat === 'g1')!.text;

describe('bookings in the mornings', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openStoreAfterFirstVisit();
    await s.run(staff('li', '小李'));
    await s.run(
      inGroup('wang', '张总订了明晚6人 牡丹厅', SUN),
      inGroup('li', '李姐订了明天中午 3位', SUN),
    );
  });
  afterEach(() => s.close());

  it("lists the day's bookings in the morning briefing", async () => {
    const text = morning(await s.run(tick('2026-11-23T09:30:00+08:00')));
    expect(text.split('\n\n')).toContain('今日预订 2桌 9人:\n午市 李姐 3人\n晚市 张总 6人 牡丹厅');
  });

  it('caps the section for a phone', async () => {
    for (const name of ['赵总', '钱总', '孙总', '周总', '吴总'])
      await s.run(inGroup('wang', `${name}订了明晚2位`, SUN));
    const text = morning(await s.run(tick('2026-11-23T09:30:00+08:00')));
    const section = text.split('\n\n').find((x) => x.startsWith('今日预订'))!;
    expect(section.split('\n')).toHaveLength(7);
    expect(section).toMatch(/^今日预订 7桌 19人:/);
    expect(section.endsWith('…还有2桌,发「今天预订」看全部')).toBe(true);
  });

  it("tells each owner of last night's no-shows the next morning, once", async () => {
    await s.run(tick('2026-11-23T09:30:00+08:00'));
    const out = await s.run(tick('2026-11-24T09:30:00+08:00'));
    expect(to(out, 'wang')[0].text.split('\n')[0]).toBe('张总 昨晚订了6人未到店,问问是否改期');
    expect(to(out, 'li')[0].text.split('\n')[0]).toBe('李姐 昨天中午订了3人未到店,问问是否改期');
    expect(morning(out)).not.toContain('未到店');
    const states = (await s.db.models.Booking.find().lean()).map((b) => b.state);
    expect(states).toEqual(['noshow', 'noshow']);
    expect(await s.run(tick('2026-11-24T09:45:00+08:00'))).toEqual([]);
    const [mine] = await s.say(dm('wang', '我的待回访', '2026-11-24T10:00:00+08:00'));
    expect(mine.split('\n')[0]).toBe('张总 昨晚订了6人未到店,问问是否改期');
    // The next morning has moved on.
    const next = await s.run(tick('2026-11-25T09:30:00+08:00'));
    expect(next.map((o) => o.text).join('\n')).not.toContain('未到店');
  });

  it('marks a no-show once, also when the morning runs again', async () => {
    const store = (await s.db.models.Store.findOne())!;
    const at = new Date('2026-11-24T09:30:00+08:00');
    const first = await noticeNoShows(s.db.models, store, '2026-11-24', at);
    const again = await noticeNoShows(s.db.models, store, '2026-11-24', at);
    expect(again.map((b) => b.customerName)).toEqual(first.map((b) => b.customerName));
    expect(first).toHaveLength(2);
    const b = await s.db.models.Booking.findOne({ customerName: '张总' }).lean();
    expect(b?.history.filter((h) => h.what === 'noshow')).toHaveLength(1);
  });

  it('gives the date when the no-show is older than last night', async () => {
    // No briefing on the 24th (the bot was down): the 25th catches up.
    const out = await s.run(tick('2026-11-25T09:30:00+08:00'));
    expect(to(out, 'wang')[0].text.split('\n')[0]).toBe('张总 11月23日订了6人未到店,问问是否改期');
  });

  it('counts no-shows on the card and the guest line; a late visit of that day undoes it', async () => {
    await s.run(tick('2026-11-24T09:30:00+08:00'));
    const at = '2026-11-24T10:00:00+08:00';
    expect((await s.say(dm('wang', '查 张总', at)))[0]).toContain('订了未到1次');
    const [again] = await s.say(inGroup('wang', '张总订了明晚4人', at));
    expect(again.split('\n')[1]).toBe('B类 · 上次11月22日 · 订了未到1次');
    expect((await s.say(dm('wang', '查 张总', at)))[0]).toContain('预订: 11月25日 晚市 4人');
    const [late] = await s.say(dm('wang', '张总 11月23日 6人 消费3000 牡丹厅', at));
    expect(late.split('\n')[0]).toMatch(/^已记录 张总 .* · 预订已到店$/);
    expect((await s.say(dm('wang', '查 张总', at)))[0]).not.toContain('订了未到');
    const b = await s.db.models.Booking.findOne({ day: '2026-11-23', customerName: '张总' }).lean();
    expect(b?.state).toBe('arrived');
  });
});
