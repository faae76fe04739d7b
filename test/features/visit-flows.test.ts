import { openScenario, type Scenario } from '../support/replay';

const NOW = '2026-11-22T21:40:00+08:00';
const wang = { staff: { id: 'wang', name: '小王', role: 'staff' } };
const li = { staff: { id: 'li', name: '小李', role: 'staff' } };
const group = { group: { id: 'g1', name: '前厅群' } };
const dm = (from: string, text: string, now = NOW) => ({ now, from, text });
const inGroup = (text: string, extra: object = {}) => ({
  now: NOW,
  from: 'wang',
  chat: 'g1',
  chatType: 'group',
  text,
  ...extra,
});

describe('what staff see when they record', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(wang, li, group);
  });
  afterEach(() => s.close());

  it('shows every understood field, so a misreading is visible at once', async () => {
    const [reply] = await s.say(dm('wang', '张总 今晚 3人 消费2800 牡丹厅'));
    expect(reply.split('\n')[0]).toBe('已记录 张总 | 11月22日 晚市 | 3人 | ¥2,800 | 牡丹厅');
  });

  it('asks only for the missing amount, and the next message completes the record', async () => {
    expect(await s.say(dm('wang', '张总 今晚 3人'))).toEqual(['金额是多少?']);
    expect(await s.db.models.Visit.countDocuments()).toBe(0);
    const [done] = await s.say(dm('wang', '2800'));
    expect(done).toMatch(/^已记录 张总 \| 11月22日 晚市 \| 3人 \| ¥2,800/);
    expect(await s.db.models.Visit.countDocuments()).toBe(1);
  });

  it('asks for the customer when only the table was given', async () => {
    expect(await s.say(dm('wang', '今晚 4人 消费3600'))).toEqual(['是哪位客人?']);
    const [done] = await s.say(dm('wang', '李总'));
    expect(done).toMatch(/^已记录 李总 .*4人 \| ¥3,600/);
  });

  it("does not take another person's message as the answer", async () => {
    await s.run(inGroup('张总 今晚 3人', { mentioned: true }));
    expect(await s.say({ ...inGroup('2800'), from: 'li' })).toEqual([]);
    expect(await s.db.models.Visit.countDocuments()).toBe(0);
    expect((await s.say(inGroup('2800')))[0]).toContain('已记录 张总');
  });

  it('lets staff drop a half-finished record', async () => {
    await s.run(dm('wang', '张总 今晚 3人'));
    expect(await s.say(dm('wang', '算了'))).toEqual(['好的,这条不记了']);
    expect(await s.say(dm('wang', '2800'))).not.toContainEqual(expect.stringContaining('已记录'));
  });

  it('never records chatter or a booking as a visit from the group', async () => {
    // A booking is recorded as one (test/features/bookings.test.ts), never as a visit.
    const [booked] = await s.say(inGroup('王总订了明晚6人 牡丹厅'));
    expect(booked).toMatch(/^已记预订 王总/);
    const said = await s.say(
      inGroup('收到'),
      inGroup('张总来了吗'),
      inGroup('今晚的鲈鱼卖完了'),
      inGroup('2800'),
    );
    expect(said).toEqual([]);
    expect(await s.db.models.Visit.countDocuments()).toBe(0);
    expect(await s.db.models.Customer.countDocuments()).toBe(1);
  });

  it('updates the archive from a profile message without a visit, masking the phone in a group', async () => {
    const [inRoom] = await s.say(inGroup('张总 电话13800138000', { mentioned: true }));
    expect(inRoom).toBe('已更新 张总 的档案: 电话 138****8000');
    const [direct] = await s.say(dm('wang', '张总 农历八月十五生日'));
    expect(direct).toContain('生日 农历8月15日');
    expect(await s.db.models.Visit.countDocuments()).toBe(0);
    const customer = await s.db.models.Customer.findOne().lean();
    expect(customer).toMatchObject({
      name: '张总',
      phones: ['13800138000'],
      birthday: { calendar: 'lunar', month: 8, day: 15 },
    });
    // The phone now identifies him when a visit gives it.
    await s.run(dm('wang', '13800138000 今晚 2人 880'));
  });

  it('keeps the facts that came with a visit', async () => {
    const [reply] = await s.say(dm('wang', '彭总 今晚 4人 消费2800 喜欢喝茅台 不吃辣 13912345678'));
    expect(reply).toContain('已存入档案');
    const c = await s.db.models.Customer.findOne({ name: '彭总' }).lean();
    expect(c?.phones).toEqual(['13912345678']);
    expect(c?.preferences.length).toBeGreaterThan(0);
  });
});
