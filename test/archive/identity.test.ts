import { openScenario, type Scenario } from '../support/replay';
import { dm, staff } from '../support/events';

describe('who a customer is', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), staff('li', '小李'), staff('boss', '陈店长', 'manager'));
  });
  afterEach(() => s.close());

  it('finds the same 张总 next time, whoever records him', async () => {
    await s.run(dm('wang', '张总 今晚 3人 消费2800'));
    const [reply] = await s.say(dm('li', '张总 今晚 2人 消费1200', '2026-11-23T21:00:00+08:00'));
    expect(reply).toContain('第2次来');
    expect(await s.db.models.Customer.countDocuments()).toBe(1);
  });

  it('tells two 张总 apart by phone, then asks which one when only the name is given', async () => {
    await s.run(dm('wang', '张总 13800000001 今晚 2人 1000'));
    await s.run(dm('li', '张总 13900000002 今晚 3人 2000'));
    expect(await s.db.models.Customer.countDocuments()).toBe(2);

    const [question] = await s.say(dm('wang', '张总 今晚 4人 3000'));
    expect(question.split('\n')).toEqual([
      '有2位张总,是哪位?回复数字',
      '1. 张总 · 138****0001 · 小王的客户 · 上次11月22日',
      '2. 张总 · 139****0002 · 小李的客户 · 上次11月22日',
      '3. 都不是,新建一位张总',
    ]);
    expect(await s.db.models.Visit.countDocuments()).toBe(2);
    const [done] = await s.say(dm('wang', '2'));
    expect(done).toContain('已记录 张总');
    const li = await s.db.models.Customer.findOne({ phones: '13900000002' }).lean();
    expect(li?.stats).toMatchObject({ visits: 2, totalSpend: 5000 });
  });

  it('creates a third archive when the answer is "none of them"', async () => {
    await s.run(
      dm('wang', '张总 13800000001 今晚 2人 1000'),
      dm('li', '张总 13900000002 今晚 3人 2000'),
    );
    await s.run(dm('wang', '张总 今晚 4人 3000'));
    await s.run(dm('wang', '3'));
    expect(await s.db.models.Customer.countDocuments()).toBe(3);
  });

  it('re-asks on an answer that is not a choice, and drops the question on 算了', async () => {
    await s.run(
      dm('wang', '张总 13800000001 今晚 2人 1000'),
      dm('li', '张总 13900000002 今晚 3人 2000'),
    );
    await s.run(dm('wang', '张总 今晚 4人 3000'));
    expect((await s.say(dm('wang', '7')))[0]).toContain('回复 1 到 3');
    expect(await s.say(dm('wang', '算了'))).toEqual(['好的,这条不记了']);
    expect(await s.db.models.Visit.countDocuments()).toBe(2);
  });

  it('merges two archives of one person; the second name then finds the first', async () => {
    await s.run(dm('wang', '张总 13800000001 今晚 2人 1000'));
    await s.run(dm('li', '张建国 昨晚 3人 2000 不吃辣'));
    const [merged] = await s.say(dm('boss', '合并 张总 张建国'));
    expect(merged).toContain('张建国 并入 张总,共2次消费 ¥3,000');
    const [card] = await s.say(dm('boss', '查 张建国'));
    expect(card).toMatch(/^张总 · /);
    expect(card).toContain('不吃辣');
    expect(card).toContain('小王的客户');
    const [next] = await s.say(dm('li', '张建国 今晚 2人 800', '2026-11-24T20:00:00+08:00'));
    expect(next).toMatch(/^已记录 张总 .*\n第3次来/);
    const absorbed = await s.db.models.Customer.findOne({ name: '张建国' }).lean();
    expect(absorbed?.mergedInto).toBeDefined();
    const moved = await s.db.models.Visit.find({ customerId: absorbed!._id }).countDocuments();
    expect(moved).toBe(0);
  });

  it('lets staff merge only their own customers', async () => {
    await s.run(dm('wang', '张总 今晚 2人 1000'), dm('li', '张建国 昨晚 3人 2000'));
    expect((await s.say(dm('wang', '合并 张总 张建国')))[0]).toContain('店长');
    expect(await s.db.models.Customer.countDocuments({ mergedInto: { $exists: true } })).toBe(0);
  });
});

describe('who owns a customer', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), staff('li', '小李'), staff('boss', '陈店长', 'manager'));
    await s.run(
      dm('wang', '张总 今晚 3人 消费2800'),
      dm('wang', '李姐 今晚 2人 800'),
      dm('li', '王老板 今晚 4人 1600'),
    );
  });
  afterEach(() => s.close());

  const ownerOf = async (name: string) => {
    const c = await s.db.models.Customer.findOne({ name }).lean();
    const o = await s.db.models.Staff.findById(c?.ownerId).lean();
    return o?.name;
  };

  it('is whoever recorded them first', async () => {
    await s.run(dm('li', '张总 今晚 2人 500', '2026-11-23T20:00:00+08:00'));
    expect(await ownerOf('张总')).toBe('小王');
  });

  it("moves one customer on a manager's word, recording it and telling the new owner", async () => {
    const out = await s.run(dm('boss', '把张总转给小李'));
    expect(out.map((o) => [o.chat, o.text])).toEqual([
      ['boss', '已把张总转给小李'],
      ['li', '陈店长把张总转给了你,以后由你跟进'],
    ]);
    expect(await ownerOf('张总')).toBe('小李');
    const events = await s.db.models.CustomerEvent.find({ kind: 'transfer' }).lean();
    expect(events).toHaveLength(1);
  });

  it("moves all of a leaving staff member's customers", async () => {
    const [reply] = await s.say(dm('boss', '小王离职 客户转给小李'));
    expect(reply).toBe('小王的2位客户已转给小李');
    expect(await ownerOf('张总')).toBe('小李');
    expect(await ownerOf('李姐')).toBe('小李');
    expect(await ownerOf('王老板')).toBe('小李');
  });

  it('refuses staff', async () => {
    expect((await s.say(dm('li', '把张总转给小李')))[0]).toContain('店长');
    expect(await ownerOf('张总')).toBe('小王');
  });
});
