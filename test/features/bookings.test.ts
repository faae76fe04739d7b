import { openStoreAfterFirstVisit, type Scenario } from '../support/replay';
import { dm, staff } from '../support/events';

/** The team group, unaddressed: bookings are records and are answered there too. */
const inGroup = (from: string, text: string, now = '2026-11-22T15:00:00+08:00') => ({
  now,
  from,
  chat: 'g1',
  chatType: 'group',
  text,
});

describe('bookings', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openStoreAfterFirstVisit();
  });
  afterEach(() => s.close());

  it('records a booking said in the group, with the guest card', async () => {
    const [reply] = await s.say(inGroup('wang', '张总订了明晚6人 牡丹厅'));
    expect(reply).toBe('已记预订 张总 | 11月23日 晚市 | 6人 | 牡丹厅\nB类 · 上次11月22日');
  });

  it('reads every listed form', async () => {
    // A bare weekday is the one just past (issue 11), so a weekday booking says 下周五.
    expect(await s.say(inGroup('wang', '下周五中午 李姐 4位'))).toEqual([
      '已记预订 李姐 | 11月27日 午市 | 4人\nD类 · 还没来过',
    ]);
    const [two] = await s.say(
      inGroup('wang', '明天 欧阳总 订 10人 两桌 18:30', '2026-11-25T15:00:00+08:00'),
    );
    expect(two).toMatch(/^已记预订 欧阳总 \| 11月26日 晚市 18:30 \| 10人 2桌\n/);
    // Said on Sunday: 下周三 is the coming Wednesday.
    const [ask] = await s.say(inGroup('wang', '下周三糜总要来 提前留个包厢'));
    expect(ask).toBe('糜总的预订,几位?');
    expect(await s.say(inGroup('wang', '8位'))).toEqual([
      '已记预订 糜总 | 11月25日 | 8人 | 包厢\nD类 · 还没来过',
    ]);
  });

  it("takes a customer's plan reported in the group as a booking, never a visit", async () => {
    const visits = await s.db.models.Visit.countDocuments();
    // Said on Sunday 22nd: the Saturday the customer spoke of is the coming one.
    expect(await s.say(inGroup('wang', '张总说周六过来 6个人'))).toEqual([
      '已记预订 张总 | 11月28日 | 6人\nB类 · 上次11月22日',
    ]);
    expect(await s.db.models.Visit.countDocuments()).toBe(visits);
  });

  it('asks for the day when none was said, and the answer completes it', async () => {
    expect(await s.say(dm('wang', '王总订了6人', '2026-11-22T15:00:00+08:00'))).toEqual([
      '王总的预订,哪天?',
    ]);
    const [done] = await s.say(dm('wang', '后天晚上', '2026-11-22T15:01:00+08:00'));
    expect(done).toMatch(/^已记预订 王总 \| 11月24日 晚市 \| 6人/);
  });

  it('creates the archive of a new guest, owned by who took the booking', async () => {
    const [reply] = await s.say(inGroup('wang', '李姐订了明天中午 4位'));
    expect(reply).toContain('D类 · 还没来过');
    const c = await s.db.models.Customer.findOne({ name: '李姐' }).lean();
    const wang = await s.db.models.Staff.findOne({ name: '小王' }).lean();
    expect(c?.stats?.visits ?? 0).toBe(0);
    expect(String(c?.ownerId)).toBe(String(wang?._id));
  });

  it('keeps a future day with a bill as a slip, not a booking', async () => {
    const [reply] = await s.say(inGroup('wang', '褚总 11月25日 3人 消费1800'));
    expect(reply).toContain('还没到,这条没记成消费');
    expect(await s.db.models.Booking.countDocuments()).toBe(0);
  });

  it('cancels and moves a booking, keeping what it was', async () => {
    await s.run(inGroup('wang', '张总订了明晚6人 牡丹厅'));
    expect(await s.say(inGroup('wang', '张总 改到后天 8人'))).toEqual([
      '已改预订 张总 | 11月24日 晚市 | 8人 | 牡丹厅\n原来: 张总 | 11月23日 晚市 | 6人 | 牡丹厅',
    ]);
    const [moved] = await s.say(inGroup('wang', '张总 改到7点'));
    expect(moved).toMatch(/^已改预订 张总 \| 11月24日 晚市 19:00 \| 8人/);
    expect(await s.say(dm('boss', '明天预订', '2026-11-22T15:05:00+08:00'))).toEqual([
      '明天没有预订',
    ]);
    expect(await s.say(inGroup('wang', '张总 取消预订'))).toEqual([
      '已取消预订 张总 | 11月24日 晚市 19:00 | 8人 | 牡丹厅',
    ]);
    const b = await s.db.models.Booking.findOne().lean();
    expect(b?.state).toBe('cancelled');
    expect(b?.history.map((h) => h.what)).toEqual(['booked', 'changed', 'changed', 'cancelled']);
    expect(b?.history[1].before).toEqual({ day: '2026-11-23', partySize: 6 });
  });

  it('lets staff change only the bookings they took or own; managers any', async () => {
    await s.run(staff('li', '小李'));
    await s.run(inGroup('wang', '张总订了明晚6人'));
    expect(await s.say(inGroup('li', '张总 取消预订'))).toEqual([
      '这个预订不是你接的,请接单的同事或店长来改',
    ]);
    const [ok] = await s.say(inGroup('boss', '张总 取消预订'));
    expect(ok).toMatch(/^已取消预订 张总/);
  });

  it('answers 今晚预订, 明天预订, 本周预订 and 王总的预订', async () => {
    await s.run(
      inGroup('wang', '张总订了今晚6人 牡丹厅', '2026-11-22T12:00:00+08:00'),
      inGroup('wang', '李姐订了明天中午 4位', '2026-11-22T12:00:00+08:00'),
      inGroup('wang', '李姐订了下周二 晚上 2位', '2026-11-22T12:00:00+08:00'),
    );
    const at = '2026-11-22T13:00:00+08:00';
    expect(await s.say(dm('wang', '今晚预订', at))).toEqual([
      '今晚预订 1桌\n晚市 张总 6人 牡丹厅 · B类 · 上次11月22日',
    ]);
    const [tomorrow] = await s.say(dm('wang', '明天预订', at));
    expect(tomorrow).toMatch(/^明天预订 1桌\n午市 李姐 4人 · D类/);
    // Sunday: this week is today only; next week holds Tuesday.
    expect((await s.say(dm('wang', '本周预订', at)))[0]).toMatch(/^本周预订 1桌/);
    expect(await s.say(dm('wang', '李姐的预订', at))).toEqual([
      '李姐的预订\n11月23日 午市 4人\n11月24日 晚市 2人',
    ]);
  });

  it('links the visit of a booked guest that business day', async () => {
    await s.run(inGroup('wang', '张总订了明晚6人 牡丹厅'));
    const [rec] = await s.say(
      inGroup('wang', '张总 今晚 6人 消费3600 牡丹厅', '2026-11-23T21:00:00+08:00'),
    );
    expect(rec.split('\n')[0]).toMatch(/^已记录 张总 .* · 预订已到店$/);
    const b = await s.db.models.Booking.findOne().lean();
    expect(b?.state).toBe('arrived');
    expect(b?.visitId).toBeDefined();
  });

  it('puts 已到店 and 取消 buttons on the confirmation; each works as typed', async () => {
    await s.run(staff('li', '小李'));
    const [done] = await s.run(inGroup('wang', '张总订了明晚6人 牡丹厅'));
    expect(done.actions).toEqual([
      { label: '已到店', command: '张总 已到店' },
      { label: '取消', command: '张总 取消预订 11月23日' },
    ]);
    await s.run(inGroup('wang', '张总订了后天中午 4位'));
    // 取消 on the later booking's card cancels that one, not the nearer one.
    expect(await s.say(inGroup('wang', '张总 取消预订 11月24日'))).toEqual([
      '已取消预订 张总 | 11月24日 午市 | 4人',
    ]);
    const evening = '2026-11-23T18:40:00+08:00';
    // Pressed by whoever is at the door, before the bill.
    expect(await s.say(inGroup('li', '张总 已到店', evening))).toEqual([
      '已到店 张总 | 11月23日 晚市 | 6人 | 牡丹厅',
    ]);
    const b = await s.db.models.Booking.findOne({ day: '2026-11-23' }).lean();
    expect(b?.state).toBe('arrived');
    const [bill] = await s.say(
      inGroup('wang', '张总 今晚 6人 消费3600 牡丹厅', '2026-11-23T21:00:00+08:00'),
    );
    expect(bill.split('\n')[0]).toMatch(/ · 预订已到店$/);
    const linked = await s.db.models.Booking.findOne({ day: '2026-11-23' }).lean();
    expect(linked?.visitId).toBeDefined();
    // Nobody booked today: colleagues' talk in the group gets no answer; asked directly, it does.
    expect(await s.say(inGroup('wang', '李姐到店了', evening))).toEqual([]);
    expect(await s.say(dm('wang', '李姐 已到店', evening))).toEqual(['李姐 今天没有待到店的预订']);
  });
});
