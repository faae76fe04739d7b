import { openScenario, type Scenario } from '../support/replay';

const NOW = '2026-11-22T21:40:00+08:00';
const wang = { staff: { id: 'wang', name: '小王', role: 'staff' } };
const group = { group: { id: 'g1', name: '前厅群' } };
const inGroup = (text: string, extra: object = {}) => ({
  now: NOW,
  from: 'wang',
  chat: 'g1',
  chatType: 'group',
  text,
  ...extra,
});

describe('recording a visit', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(wang, group);
  });
  afterEach(() => s.close());

  it('saves the visit and the customer, and confirms what it understood', async () => {
    const out = await s.run({ now: NOW, from: 'wang', text: '张总 今晚 3人 消费2800' });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ chat: 'wang', to: 'wang', now: NOW });
    expect(out[0].text).toMatch(/^已记录 张总 \| 11月22日.* \| 3人 \| ¥2,800/);
    const visits = await s.db.models.Visit.find().lean();
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ businessDate: '2026-11-22', amount: 2800, partySize: 3 });
    const customer = await s.db.models.Customer.findById(visits[0].customerId).lean();
    const staff = await s.db.models.Staff.findOne().lean();
    expect(customer).toMatchObject({
      name: '张总',
      ownerId: staff!._id,
      stats: { visits: 1, totalSpend: 2800 },
    });
  });

  it('records a redelivered message once', async () => {
    const first = await s.say(inGroup('张总 今晚 3人 消费2800', { id: 'm1' }));
    const again = await s.say(inGroup('张总 今晚 3人 消费2800', { id: 'm1' }));
    expect(first).toHaveLength(1);
    expect(again).toEqual([]);
    expect(await s.db.models.Visit.countDocuments()).toBe(1);
  });

  it('knows the customer on the next visit', async () => {
    await s.run({ now: NOW, from: 'wang', text: '张总 今晚 3人 消费2800' });
    const [reply] = await s.say({
      now: '2026-11-25T20:00:00+08:00',
      from: 'wang',
      text: '张总 今晚 5人 4200',
    });
    expect(reply).toContain('第2次来,上次 11月22日');
    const customer = await s.db.models.Customer.findOne({ name: '张总' }).lean();
    expect(customer?.stats).toMatchObject({
      visits: 2,
      totalSpend: 7000,
      lastVisit: '2026-11-25',
      firstVisit: '2026-11-22',
    });
  });

  it('stays silent on chatter in the group and saves nothing', async () => {
    expect(
      await s.say(inGroup('收到'), inGroup('3号桌加两把椅子'), inGroup('今天营业额破2万了')),
    ).toEqual([]);
    expect(await s.db.models.Visit.countDocuments()).toBe(0);
  });

  it('ignores strangers in a group and tells them how to get access in private', async () => {
    const inRoom = await s.say({
      now: NOW,
      from: 'zhou',
      chat: 'g1',
      chatType: 'group',
      text: '张总 今晚 3人 消费2800',
    });
    expect(inRoom).toEqual([]);
    const direct = await s.run({ now: NOW, from: 'zhou', text: '你好' });
    expect(direct).toHaveLength(1);
    expect(direct[0]).toMatchObject({ chat: 'zhou', to: 'zhou' });
    expect(direct[0].text).toMatch(/管理员|店长/);
    expect(await s.db.models.Visit.countDocuments()).toBe(0);
  });
});
