/**
 * Issue 14: in a group the bot sees everything, chatter never gets a reply and never changes
 * data, and a record-like message always gets an answer.
 */
import { openScenario, type Scenario } from '../support/replay';
import { NOW, staff } from '../support/events';

const inGroup = (text: string, now = NOW) => ({
  now,
  from: 'wang',
  chat: 'g1',
  chatType: 'group',
  text,
});

describe('group rules', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), { group: { id: 'g1', name: '前厅群' } });
  });
  afterEach(() => s.close());

  it('kitchen talk with command words neither answers nor edits the last record', async () => {
    expect(await s.say(inGroup('张总 今晚 4人 消费3200'))).toEqual([
      expect.stringMatching(/^已记录 张总/),
    ]);
    for (const talk of [
      '撤销刚才那个菜',
      '菜单改成800的套餐',
      '8号桌改成12人',
      '老板说这个月业绩要冲',
    ])
      expect(await s.say(inGroup(talk))).toEqual([]);
    const visits = await s.db.models.Visit.find().lean();
    expect(visits).toMatchObject([{ amount: 3200, partySize: 4, status: 'active' }]);
  });

  it('a surname outside any list is recorded, and a record without an amount is asked about', async () => {
    expect(await s.say(inGroup('洪总 今晚 4人 消费2680'))).toEqual([
      expect.stringMatching(/^已记录 洪总/),
    ]);
    expect(await s.say(inGroup('蔺总 今晚3人'))).toEqual([expect.stringContaining('金额')]);
  });

  it('a profile note in a group is confirmed', async () => {
    const [reply] = await s.say(inGroup('陈总 不吃香菜'));
    expect(reply).toMatch(/陈总.*不吃香菜/);
  });

  it('traditional characters find the same customer', async () => {
    await s.say(inGroup('张总 昨晚 2人 消费1000'));
    const [reply] = await s.say(inGroup('張總 今晚 3人 消費2800'));
    expect(reply).toMatch(/^已记录 张总.*¥2,800\n第2次来/);
    expect(await s.db.models.Customer.countDocuments()).toBe(1);
  });

  it('two tables in one message are two records', async () => {
    const replies = await s.say(inGroup('王总今晚3人2800,李总今晚4人3600'));
    expect(replies).toEqual([
      expect.stringMatching(/^已记录 王总.*3人.*¥2,800/),
      expect.stringMatching(/^已记录 李总.*4人.*¥3,600/),
    ]);
  });

  it('the same table sent twice within ten minutes is asked about, not recorded twice', async () => {
    await s.say(inGroup('张总 今晚 4人 3200', '2026-11-22T21:40:00+08:00'));
    expect(await s.say(inGroup('张总 今晚 4人 3200', '2026-11-22T21:41:00+08:00'))).toEqual([
      '张总 ¥3,200 21:40 刚记过,这是另一桌吗?(回复「是」再记一次)',
    ]);
    expect(await s.db.models.Visit.countDocuments()).toBe(1);
    expect(await s.say(inGroup('是', '2026-11-22T21:41:30+08:00'))).toEqual([
      expect.stringMatching(/^已记录 张总/),
    ]);
    expect(await s.db.models.Visit.countDocuments()).toBe(2);
  });
});
