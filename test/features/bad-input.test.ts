/**
 * Issue 8, bad input: every impossible message gets one short question or refusal, and the
 * archive (visits, customers, day books, lookups) is byte-for-byte what it was before.
 */
import { MAX_MESSAGE_CHARS, REPLY_TOO_LONG } from '../../src/pipeline/input';
import { openScenario, type Scenario } from '../support/replay';
import { NOW, dm, staff } from '../support/events';

const inGroup = (text: string, mentioned = false) => ({
  now: NOW,
  from: 'wang',
  chat: 'g1',
  chatType: 'group',
  text,
  ...(mentioned ? { mentioned: true } : {}),
});

async function archive(s: Scenario) {
  const { Visit, Customer, DayBook, Lookup } = s.db.models;
  const all = (m: typeof Visit | typeof Customer | typeof DayBook | typeof Lookup) =>
    (m as typeof Visit)
      .find()
      .sort({ _id: 1 })
      .lean()
      .then((docs) => JSON.stringify(docs));
  return {
    visits: await all(Visit),
    customers: await all(Customer),
    dayBooks: await all(DayBook),
    lookups: await all(Lookup),
  };
}

const LONG = '张总 今晚 3人 消费2800 '.repeat(200);

/** [what staff send, the one reply expected (null: silence)] */
const CASES: [string, object, string | null][] = [
  ['a message over the size cap', dm('wang', LONG), REPLY_TOO_LONG],
  ['a long paste in a group, not to the bot', inGroup(LONG), null],
  ['a long paste in a group, to the bot', inGroup(LONG, true), REPLY_TOO_LONG],
  ['amount 0', dm('wang', '张总 今晚 3人 消费0'), '金额¥0不对,请再发一次实际金额'],
  [
    'a negative amount',
    dm('wang', '张总 今晚 3人 消费-2800'),
    '金额¥-2,800不对,请再发一次实际金额',
  ],
  ['¥ with a minus', dm('wang', '李姐 昨晚 2人 ¥-500'), '金额¥-500不对,请再发一次实际金额'],
  [
    'above ¥1,000,000',
    dm('wang', '张总 今晚 3人 消费2000000'),
    '金额¥2,000,000不对,请再发一次实际金额',
  ],
  ['2000万', dm('wang', '张总 消费2000万'), '金额¥20,000,000不对,请再发一次实际金额'],
  ['party of 0', dm('wang', '张总 今晚 0人 消费2800'), '人数0人不对,请再发一次实际人数'],
  ['party of 600', dm('wang', '王老板 今晚 600人 消费28000'), '人数600人不对,请再发一次实际人数'],
  ['party of 0 in the group', inGroup('张总 今晚 0人 消费2800'), '人数0人不对,请再发一次实际人数'],
  ['amount 0 in the group', inGroup('张总 今晚 3人 消费0'), '金额¥0不对,请再发一次实际金额'],
  [
    'a date more than a year back',
    dm('wang', '张总 2025-10-20 3人 消费2800'),
    '2025年10月20日是一年多以前,只能记一年内的消费;请再发一次消费日期',
  ],
  // A future date is never a record; the sender hears that nothing was saved.
  [
    'a date in the future',
    dm('wang', '张总 2026-12-20 3人 消费2800'),
    '张总 12月20日还没到,这条没记成消费;吃完再发这桌',
  ],
  [
    'a phone that is too short',
    dm('wang', '张总 电话12345'),
    '电话12345不像手机号,请核对后整条再发一次',
  ],
  [
    'a phone that is not a mobile',
    dm('wang', '张总 今晚 3人 2800 电话 23800138000'),
    '电话23800138000不像手机号,请核对后整条再发一次',
  ],
  ['改成0', dm('wang', '改成0'), '金额应在 ¥1 到 ¥1,000,000 之间'],
  ['金额改-100', dm('wang', '金额改-100'), '金额应在 ¥1 到 ¥1,000,000 之间'],
  ['人数改0', dm('wang', '人数改0'), '人数应在 1 到 500 之间,例如:人数改5'],
  ['日期改 next year', dm('wang', '日期改2027-01-01'), '消费日期不能是将来的日子'],
  [
    '日期改 years ago',
    dm('wang', '日期改2020-01-01'),
    '只能改到一年内的日期,例如:日期改昨天、日期改11月20日',
  ],
  ['only control characters', dm('wang', '\u0000\u200b\u0007\ufeff'), null],
];

describe('bad input: a short question or refusal, nothing saved', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), { group: { id: 'g1', name: '前厅群' } });
    // Something to amend, and figures that must not move.
    await s.run(dm('wang', '张总 昨晚 4人 消费3000', '2026-11-22T20:00:00+08:00'));
  });
  afterAll(() => s.close());
  afterEach(() => s.db.models.Draft.deleteMany({}));

  test.each(CASES)('%s', async (_name, event, expected) => {
    const before = await archive(s);
    const replies = await s.say(event);
    expect(replies).toEqual(expected === null ? [] : [expected]);
    expect(await archive(s)).toEqual(before);
  });
});

describe('bad input: the answer to the question completes the record', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'));
  });
  afterEach(() => s.close());

  it('asks again until the amount is possible, then saves once', async () => {
    expect(await s.say(dm('wang', '张总 今晚 3人 消费0'))).toEqual([
      '金额¥0不对,请再发一次实际金额',
    ]);
    expect(await s.say(dm('wang', '-5'))).toEqual(['金额¥-5不对,请再发一次实际金额']);
    expect(await s.say(dm('wang', '99999999'))).toEqual(['金额¥99,999,999不对,请再发一次实际金额']);
    expect(await s.db.models.Visit.countDocuments()).toBe(0);
    const [saved] = await s.say(dm('wang', '2800'));
    expect(saved).toMatch(/^已记录 张总 \| 11月22日 晚市 \| 3人 \| ¥2,800/);
    const visits = await s.db.models.Visit.find().lean();
    expect(visits).toMatchObject([{ amount: 2800, partySize: 3 }]);
  });

  it('takes the head count and the date as answers', async () => {
    expect(await s.say(dm('wang', '张总 今晚 600人 消费2800'))).toEqual([
      '人数600人不对,请再发一次实际人数',
    ]);
    expect(await s.say(dm('wang', '6'))).toEqual([
      expect.stringMatching(/^已记录 张总 .*\| 6人 \| ¥2,800/),
    ]);
    expect(await s.say(dm('wang', '李姐 2024-11-20 2人 1200'))).toEqual([
      '2024年11月20日是一年多以前,只能记一年内的消费;请再发一次消费日期',
    ]);
    expect(await s.say(dm('wang', '11月20日'))).toEqual([
      expect.stringMatching(/^已记录 李姐 \| 11月20日 \| 2人 \| ¥1,200/),
    ]);
    expect(await s.db.models.Visit.countDocuments()).toBe(2);
  });

  it('does not let another customer’s line answer a head-count question', async () => {
    await s.say(dm('wang', '张总 今晚 0人 消费2800'));
    // 王总's booking is a record of its own (issue 17): recorded, never taken as 张总's head count.
    expect(await s.say(dm('wang', '王总 订了明晚6人'))).toEqual([
      expect.stringMatching(/^已记预订 王总/),
    ]);
    expect(await s.db.models.Visit.countDocuments()).toBe(0);
  });

  it('strips invisible characters before reading, so 张\u200b总 is 张总', async () => {
    await s.say(dm('wang', '张总 昨晚 2人 消费1000'));
    const [reply] = await s.say(dm('wang', '张\u200b总\u0000 今晚 3人 消费\u20282800\ufeff'));
    expect(reply).toMatch(/^已记录 张总 .*¥2,800\n第2次来/);
    const customers = await s.db.models.Customer.find().lean();
    expect(customers.map((c) => c.name)).toEqual(['张总']);
    const visit = await s.db.models.Visit.findOne({ amount: 2800 }).lean();
    expect(visit?.text).toBe('张总 今晚 3人 消费\n2800');
  });

  it('a message just under the cap is still read', async () => {
    const text = '张总 今晚 3人 消费2800'.padEnd(MAX_MESSAGE_CHARS, ' ');
    expect(await s.say(dm('wang', text))).toEqual([expect.stringMatching(/^已记录 张总/)]);
  });
});
