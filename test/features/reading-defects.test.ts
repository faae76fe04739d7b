/**
 * Issue 14's defects, each replayed through the whole bot in a team group and in a direct chat:
 * what the waiter sees and what the archive holds afterwards.
 */
import { openScenario, type Scenario } from '../support/replay';
import { NOW, staff } from '../support/events';

type Where = 'group' | 'direct';
const say = (where: Where, text: string, now = NOW) =>
  where === 'group'
    ? { now, from: 'wang', chat: 'g1', chatType: 'group', text }
    : { now, from: 'wang', text };

interface Table {
  customer: string;
  amount: number;
  partySize?: number;
  room?: string;
}

/** Messages that are one table, and the table the archive must hold afterwards. */
const TABLES: [string, Table][] = [
  ['洪总 今晚 4人 消费2680', { customer: '洪总', amount: 2680, partySize: 4 }],
  ['单于总 今晚 3人 1800', { customer: '单于总', amount: 1800, partySize: 3 }],
  ['查总 今晚 2人 消费900', { customer: '查总', amount: 900, partySize: 2 }],
  ['陳總 今晚 3人 消費2800', { customer: '陳總', amount: 2800, partySize: 3 }],
  ['張總 3人 貳仟捌', { customer: '張總', amount: 2800, partySize: 3 }],
  ['陈生 今晚 2位 1280', { customer: '陈生', amount: 1280, partySize: 2 }],
  ['刘总 今晚 6人 消费 2 万', { customer: '刘总', amount: 20000, partySize: 6 }],
  ['王总 今晚 2人 消费 3 千', { customer: '王总', amount: 3000, partySize: 2 }],
  ['吴总和李总一起 今晚 4人 3000', { customer: '吴总', amount: 3000, partySize: 4 }],
  ['张总 4+2人 2800', { customer: '张总', amount: 2800, partySize: 6 }],
  ['卜总 今晚 3人 1580 159-1234-5678', { customer: '卜总', amount: 1580, partySize: 3 }],
  ['兰姐 今晚 3人 1460 存了一瓶轩尼诗', { customer: '兰姐', amount: 1460, partySize: 3 }],
  ['李总今晚6位 消费1w2 包厢', { customer: '李总', amount: 12000, partySize: 6 }],
  ['张总 4人 3200 打了8折', { customer: '张总', amount: 3200, partySize: 4 }],
  ['王总，11.18，3人，2800', { customer: '王总', amount: 2800, partySize: 3 }],
  ['仇子涵三个人共1970元昨天', { customer: '仇子涵', amount: 1970, partySize: 3 }],
  ['阙总监十四个人国宾厅一共2,580', { customer: '阙总监', amount: 2580, partySize: 14 }],
  ['邬哥 一万三 两个人 今天中午', { customer: '邬哥', amount: 13000, partySize: 2 }],
  ['李叔，4500，159 6550 8218，五位', { customer: '李叔', amount: 4500, partySize: 5 }],
];

describe.each<Where>(['group', 'direct'])('in a %s chat', (where) => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), { group: { id: 'g1', name: '前厅群' } });
  });
  afterEach(() => s.close());

  const visits = () => s.db.models.Visit.find({ status: 'active' }).lean();
  const customer = (name: string) => s.db.models.Customer.findOne({ name }).lean();

  test.each(TABLES)('%s is recorded exactly as confirmed', async (text, table) => {
    const [reply] = await s.say(say(where, text));
    expect(reply).toMatch(new RegExp(`^已记录 ${table.customer}`));
    expect(reply).toContain(`¥${table.amount.toLocaleString('en-US')}`);
    const [v] = await visits();
    expect(v).toMatchObject({ amount: table.amount, partySize: table.partySize });
    const c = await s.db.models.Customer.findById(v.customerId).lean();
    expect(c?.name).toBe(table.customer);
  });

  it('a stored bottle is a fact about the guest, never the room', async () => {
    await s.say(say(where, '兰姐 今晚 3人 1460 存了一瓶轩尼诗'));
    const [v] = await visits();
    expect(v.room).toBeUndefined();
    expect((await customer('兰姐'))?.bottles).toEqual([expect.stringContaining('轩尼诗')]);
  });

  it('the phone after a bill is the guest’s phone, masked in the group', async () => {
    const [reply] = await s.say(say(where, '卜总 今晚 3人 1580 159-1234-5678'));
    expect((await customer('卜总'))?.phones).toEqual(['15912345678']);
    if (where === 'group') expect(reply).not.toContain('1234-5678');
  });

  it('a WeChat id is a profile field, never a visit', async () => {
    const [reply] = await s.say(say(where, '张总 微信 zhang123'));
    expect(reply).toMatch(/张总/);
    expect(await visits()).toEqual([]);
    expect((await customer('张总'))?.wechat).toBe('zhang123');
  });

  it('two tables in one message are two records, each confirmed', async () => {
    const replies = await s.say(say(where, '王总今晚3人2800；李总今晚4人3600'));
    expect(replies).toEqual([
      expect.stringMatching(/^已记录 王总.*¥2,800/),
      expect.stringMatching(/^已记录 李总.*¥3,600/),
    ]);
    expect((await visits()).map((v) => v.amount).sort()).toEqual([2800, 3600]);
  });

  it('a future date is never filed a year back as a visit, and the sender is told', async () => {
    const replies = await s.say(
      say(where, '褚总 11月25日 3人 消费1800', '2026-11-21T20:00:00+08:00'),
    );
    expect(replies).toEqual(['褚总 11月25日还没到,这条没记成消费;吃完再发这桌']);
    expect(await visits()).toEqual([]);
  });

  it('a record without an amount is asked about, and the answer completes it', async () => {
    expect(await s.say(say(where, '蔺总 今晚3人'))).toEqual([expect.stringContaining('金额')]);
    expect(await s.say(say(where, '1880'))).toEqual([expect.stringMatching(/^已记录 蔺总/)]);
    expect(await visits()).toMatchObject([{ amount: 1880, partySize: 3 }]);
  });

  it.each([
    ['陈总 不吃香菜', '陈总', 'preferences', '不吃香菜'],
    ['张总 存了两瓶茅台', '张总', 'bottles', '茅台'],
    ['文总 喜欢靠窗 爱喝茅台', '文总', 'preferences', '喜欢靠窗'],
  ])('the note %s is stored and confirmed in one line', async (text, name, field, part) => {
    const replies = await s.say(say(where, text));
    expect(replies).toEqual([
      expect.stringMatching(new RegExp(`^已更新 ${name} 的档案: .*${part}`)),
    ]);
    const c = (await customer(name)) as unknown as Record<string, string[]>;
    expect(c[field]).toEqual(expect.arrayContaining([expect.stringContaining(part)]));
    expect(await visits()).toEqual([]);
  });

  it('the same table resent a minute later is asked about, not recorded twice', async () => {
    await s.say(say(where, '张总 今晚 4人 3200', '2026-11-22T21:40:00+08:00'));
    const [ask] = await s.say(say(where, '张总 今晚 4人 3200', '2026-11-22T21:41:00+08:00'));
    expect(ask).toMatch(/刚记过/);
    expect(await visits()).toHaveLength(1);
  });
});

describe('in a group, chatter with command words changes nothing and gets no reply', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), staff('li', '小李'), { group: { id: 'g1' } });
    await s.say(say('group', '张总 今晚 4人 消费3200'));
  });
  afterAll(() => s.close());

  test.each([
    '撤销刚才那个菜',
    '菜单改成800的套餐',
    '8号桌改成12人',
    '老板说这个月业绩要冲',
    '导出一下菜单',
    '把3号桌转给小李',
    '设置一下音响',
    '跳过这个步骤',
    '帮助一下',
    '王总那桌加两把椅子 4人',
    '王总那桌加三把椅子 4人',
    '3号桌的鲈鱼卖完了',
  ])('%s', async (talk) => {
    expect(await s.say(say('group', talk))).toEqual([]);
    const visits = await s.db.models.Visit.find().lean();
    expect(visits).toMatchObject([{ amount: 3200, partySize: 4, status: 'active' }]);
    expect(await s.db.models.Customer.countDocuments()).toBe(1);
  });
});

describe('in a direct chat, a customer the bot asks for is accepted however named', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'));
  });
  afterEach(() => s.close());

  test.each(['洪总', '洪建国', '庹姐', '欧阳娜娜', '陳總'])('%s', async (name) => {
    expect(await s.say(say('direct', '今晚 4人 消费2680'))).toEqual([
      expect.stringContaining('哪位'),
    ]);
    expect(await s.say(say('direct', name))).toEqual([
      expect.stringMatching(new RegExp(`^已记录 ${name}`)),
    ]);
  });
});
