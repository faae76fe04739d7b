import { readDayBooks } from '../../src/archive/day-book';
import { openScenario, type Scenario } from '../support/replay';
import { dm, staff } from '../support/events';

describe('correcting a record', () => {
  let s: Scenario;
  const visits = () => s.db.models.Visit.find().sort({ createdAt: 1 }).lean();
  const customer = (name: string) => s.db.models.Customer.findOne({ name }).lean();
  beforeEach(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), staff('li', '小李'), staff('boss', '陈店长', 'manager'));
  });
  afterEach(() => s.close());

  it("undoes the sender's own last record and says which one", async () => {
    await s.run(dm('wang', '张总 今晚 3人 消费2800'), dm('wang', '赵总 11月2日 4人 2000'));
    expect(await s.say(dm('wang', '撤销'))).toEqual([
      '已撤销 赵总 11月2日 ¥2,000\n赵总的档案是这条新建的,已一并删除',
    ]);
    const [kept, undone] = await visits();
    expect(kept.status).toBe('active');
    expect(undone).toMatchObject({ status: 'undone', changes: [{ kind: 'undo' }] });
    expect((await customer('赵总'))?.stats).toMatchObject({ visits: 0, totalSpend: 0 });
    expect((await s.say(dm('wang', '刚才那条删掉')))[0]).toBe(
      '已撤销 张总 11月22日 ¥2,800\n张总的档案是这条新建的,已一并删除',
    );
    expect((await s.say(dm('wang', '撤回')))[0]).toBe('你还没有可以撤销或修改的记录');
  });

  it("does not let staff undo a colleague's record, but a manager can", async () => {
    await s.run(dm('li', '张总 今晚 3人 消费2800'));
    expect((await s.say(dm('wang', '撤销 张总')))[0]).toBe('这条是小李记的,只有TA或店长可以改');
    expect((await s.say(dm('wang', '撤销')))[0]).toBe('你还没有可以撤销或修改的记录');
    expect((await s.say(dm('boss', '撤销 张总')))[0]).toBe(
      '已撤销 张总 11月22日 ¥2,800\n张总的档案是这条新建的,已一并删除',
    );
    const [v] = await visits();
    const boss = await s.db.models.Staff.findOne({ name: '陈店长' }).lean();
    expect(v.changes[0].by).toEqual(boss!._id);
  });

  // Found by the pipeline fuzz test: with three or more visits the history was rebuilt from
  // spread mongoose subdocuments, ordering it threw, and the day book stayed half-updated.
  it("amends a regular's third visit, and the day book and stats follow", async () => {
    await s.run(
      dm('wang', '张总 今晚 3人 消费2800', '2026-11-20T21:00:00+08:00'),
      dm('wang', '张总 今晚 3人 消费2800', '2026-11-21T21:00:00+08:00'),
      dm('wang', '张总 今晚 3人 消费2800'),
    );
    expect(await s.say(dm('wang', '改成3000'))).toEqual([
      '已改 张总 11月22日: 金额 ¥2,800 → ¥3,000',
    ]);
    expect((await customer('张总'))?.stats).toMatchObject({ visits: 3, totalSpend: 8600 });
    const store = (await s.db.models.Store.findOne())!;
    const [today] = await readDayBooks(s.db.models, store._id, ['2026-11-22']);
    expect(today).toMatchObject({ tables: 1, revenue: 3000 });
  });

  // Found by the pipeline fuzz test (seed 8): an English name after 撤销 was not read, so the
  // sender's last record — another customer's — was undone instead.
  it('undoes the named English-name customer, not the last record', async () => {
    await s.run(dm('wang', 'Tony ¥1,330 今晚'), dm('wang', '李姐 12号桌 消费320 11位'));
    expect(await s.say(dm('wang', '撤销 Tony'))).toEqual([
      '已撤销 Tony 11月22日 ¥1,330\nTony的档案是这条新建的,已一并删除',
    ]);
    expect((await customer('李姐'))?.stats).toMatchObject({ visits: 1, totalSpend: 320 });
  });

  it('amends the amount, keeping before and after, and the stats follow', async () => {
    await s.run(dm('wang', '张总 今晚 3人 消费2800'));
    expect(await s.say(dm('wang', '改成3200'))).toEqual([
      '已改 张总 11月22日: 金额 ¥2,800 → ¥3,200\n张总 升为A类: 最近一次消费¥3,200',
    ]);
    expect((await customer('张总'))?.stats).toMatchObject({ visits: 1, totalSpend: 3200 });
    const [v] = await visits();
    expect(v.changes).toEqual([
      expect.objectContaining({ kind: 'amend', field: 'amount', before: 2800, after: 3200 }),
    ]);
  });

  it('amends people and date; the day book moves with the date', async () => {
    await s.run(dm('wang', '张总 今晚 3人 消费2800'));
    expect((await s.say(dm('wang', '人数改5')))[0]).toBe('已改 张总 11月22日: 人数 3人 → 5人');
    expect((await s.say(dm('wang', '日期改昨天')))[0]).toBe(
      '已改 张总 11月21日: 日期 11月22日 → 11月21日',
    );
    const [v] = await visits();
    expect(v).toMatchObject({ businessDate: '2026-11-21', partySize: 5 });
    // The figures moved with the date: the briefings of both mornings say so.
    await s.run({ group: { id: 'g1' } });
    const [on22] = await s.say({ now: '2026-11-22T09:30:00+08:00', tick: true });
    expect(on22).toContain('昨天 1桌 5人 ¥2,800');
    const [on23] = await s.say({ now: '2026-11-23T09:30:00+08:00', tick: true });
    expect(on23).toContain('昨天 没有记录消费');
  });

  it("undo takes the visit out of the day's figures", async () => {
    await s.run(
      dm('wang', '张总 今晚 3人 消费2800'),
      dm('wang', '李姐 今晚 2人 800'),
      dm('wang', '撤销'),
    );
    await s.run({ group: { id: 'g1' } });
    const [briefing] = await s.say({ now: '2026-11-23T09:30:00+08:00', tick: true });
    expect(briefing).toContain('1桌 3人 ¥2,800');
    expect(briefing).toContain('新客 1位 回头客 0位');
  });

  it('refuses values no restaurant could have', async () => {
    await s.run(dm('wang', '张总 今晚 3人 消费2800'));
    expect((await s.say(dm('wang', '改成0')))[0]).toContain('金额应在');
    expect((await s.say(dm('wang', '人数改600')))[0]).toContain('人数应在');
    expect((await s.say(dm('wang', '日期改明天')))[0]).toContain('将来');
    expect((await visits())[0]).toMatchObject({
      amount: 2800,
      partySize: 3,
      businessDate: '2026-11-22',
    });
  });

  it('names a customer to amend their latest record', async () => {
    await s.run(dm('wang', '张总 今晚 3人 消费2800'), dm('wang', '李姐 今晚 2人 800'));
    expect((await s.say(dm('wang', '张总 改成3200')))[0]).toMatch(
      /^已改 张总 11月22日: 金额 ¥2,800 → ¥3,200\n/,
    );
  });
});

describe('tiers as visits change and time passes', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), staff('li', '小李'));
  });
  afterEach(() => s.close());

  it("tells the owner when a colleague's record moves their customer up", async () => {
    await s.run(dm('wang', '张总 11月2日 2人 800'));
    const out = await s.run(dm('li', '张总 今晚 6人 消费3000'));
    expect(out.map((o) => [o.to, o.text.split('\n')[0]])).toEqual([
      ['li', '已记录 张总 | 11月22日 晚市 | 6人 | ¥3,000'],
      ['wang', '张总 升为A类: 最近一次消费¥3,000'],
    ]);
  });

  it('tells the sender in the same reply when they own the customer', async () => {
    await s.run(dm('wang', '张总 11月2日 2人 800'));
    const [reply] = await s.say(dm('wang', '张总 今晚 6人 消费2000'));
    expect(reply.split('\n').at(-1)).toBe('张总 升为B类: 近30天消费¥2,800');
  });

  it('undo moves the tier back', async () => {
    await s.run(dm('wang', '张总 11月2日 2人 800'), dm('wang', '张总 今晚 6人 消费3000'));
    const [reply] = await s.say(dm('wang', '撤销'));
    expect(reply.split('\n')).toEqual([
      '已撤销 张总 11月22日 ¥3,000',
      '张总 降为D类: 新客户,30天内首次到店',
    ]);
  });

  it('drops an A customer when the 30-day window slides, telling the owner once', async () => {
    const tierNews = async (e: object) =>
      (await s.run(e)).filter((o) => o.text.startsWith('客户分级变化')).map((o) => [o.to, o.text]);
    for (const day of ['11月1日', '11月2日', '11月3日', '11月4日'])
      await s.run(dm('wang', `张总 ${day} 2人 100`));
    expect((await s.db.models.Customer.findOne().lean())?.tier).toBe('A');
    expect(await tierNews({ now: '2026-11-30T09:30:00+08:00', tick: true })).toEqual([]);
    expect(await tierNews({ now: '2026-12-01T09:30:00+08:00', tick: true })).toEqual([
      ['wang', '客户分级变化:\n张总 降为B类: 近30天来了3次'],
    ]);
    // Nothing ran on 12-02; the run on 12-03 computes from the data and catches up.
    expect(await tierNews({ now: '2026-12-03T10:00:00+08:00', tick: true })).toEqual([
      ['wang', '客户分级变化:\n张总 降为C类: 近30天消费¥100、来了1次,未达B类'],
    ]);
    expect(await tierNews({ now: '2026-12-04T10:00:00+08:00', tick: true })).toEqual([]);
  });
});
