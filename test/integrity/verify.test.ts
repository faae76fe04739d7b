/**
 * npm run verify: the recomputation finds each kind of derived record that no longer agrees with
 * the visits, the repair rewrites exactly those, and the command says so with its exit code.
 */
import { Types } from 'mongoose';
import { readDayBooks } from '../../src/archive/day-book';
import { repairStore, verifyStore } from '../../src/archive/verify';
import { keys, removeFromLookup } from '../../src/db/lookup';
import { dayShardIds } from '../../src/model/day-book';
import type { StoreDoc } from '../../src/model/store';
import { testServerUri } from '../support/db';
import { dm, staff } from '../support/events';
import { runScript } from '../support/process';
import { openScenario, type Scenario } from '../support/replay';

const TODAY = '2026-11-22';

describe('npm run verify', () => {
  let s: Scenario;
  let store: StoreDoc;
  beforeEach(async () => {
    s = await openScenario({ STORE_NAME: '海港店' });
    await s.run(
      staff('wang', '小王'),
      dm('wang', '张总 昨晚 2人 消费1800', '2026-11-21T21:00:00+08:00'),
      dm('wang', '张总 今晚 3人 消费2800 牡丹厅'),
      dm('wang', '李总 今晚 4人 消费3600'),
    );
    store = (await s.db.models.Store.findOne())!;
  });
  afterEach(() => s.close());

  const whats = async () => (await verifyStore(s.db.models, store, TODAY)).map((d) => d.what);

  it('finds nothing on an archive the bot kept', async () => {
    expect(await verifyStore(s.db.models, store, TODAY)).toEqual([]);
  });

  it('finds every kind of derived record out of step, and the repair puts each right', async () => {
    const { Customer, DayBook, FollowUpCard } = s.db.models;
    const zhang = (await Customer.findOne({ name: '张总' }).lean())!;
    const li = (await Customer.findOne({ name: '李总' }).lean())!;
    // A visit the customer's history lost, figures that do not add up, a stale card, a tier list
    // without its member, a day book entry gone.
    await Customer.updateOne({ _id: zhang._id }, { $set: { history: zhang.history.slice(0, 1) } });
    await Customer.updateOne({ _id: li._id }, { $set: { 'stats.totalSpend': 1 } });
    await FollowUpCard.updateOne({ _id: li._id }, { $set: { card: '{}' } });
    await removeFromLookup(s.db.models, keys.tier(store._id, li.tier), li._id);
    const liVisit = (await s.db.models.Visit.findOne({ customerId: li._id }).lean())!;
    await DayBook.updateMany(
      { _id: { $in: dayShardIds(store._id, TODAY) } },
      { $unset: { [`entries.${String(liVisit._id)}`]: 1 } },
    );
    // 张总's card still shows the history she had (so it no longer matches her archive).
    expect((await whats()).sort()).toEqual(
      ['card', 'card', 'day-book', 'figures', 'history', 'tier-index'].sort(),
    );
    const [before] = await readDayBooks(s.db.models, store._id, [TODAY]);
    expect(before).toMatchObject({ tables: 1, revenue: 2800 });

    const done = await repairStore(s.db.models, store, TODAY);
    expect(done.fixed).toBeGreaterThan(0);
    expect(await verifyStore(s.db.models, store, TODAY)).toEqual([]);
    const [after] = await readDayBooks(s.db.models, store._id, [TODAY]);
    expect(after).toMatchObject({ tables: 2, revenue: 6400, covers: 7 });
    expect((await Customer.findOne({ name: '张总' }).lean())?.stats).toMatchObject({
      visits: 2,
      totalSpend: 4600,
    });
  });

  it('an entry for a visit that is not active is found and taken out', async () => {
    const ghost = String(new Types.ObjectId());
    await s.db.models.DayBook.updateOne(
      { _id: dayShardIds(store._id, TODAY)[0] },
      { $set: { [`entries.${ghost}`]: { c: ghost, a: 999, p: 1, r: ghost, f: false } } },
      { upsert: true },
    );
    expect(await whats()).toEqual(['day-book']);
    await repairStore(s.db.models, store, TODAY);
    expect(await whats()).toEqual([]);
  });

  it('as a command: exit 1 with the differences, --repair fixes them, then exit 0', async () => {
    const url = new URL(testServerUri());
    url.pathname = `/${s.db.conn.name}`;
    const env = { MONGODB_URI: url.toString() };
    const zhang = (await s.db.models.Customer.findOne({ name: '张总' }).lean())!;
    await s.db.models.Customer.updateOne({ _id: zhang._id }, { $set: { 'stats.visits': 9 } });
    const found = await runScript('scripts/verify.ts', '', env);
    expect(found.code).toBe(1);
    expect(found.stdout).toContain('figures 张总');
    const fixed = await runScript('scripts/verify.ts', '', env, ['--repair']);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('一致');
    expect((await runScript('scripts/verify.ts', '', env)).code).toBe(0);
  }, 60_000);

  it('a phone lookup gone: exit 1, --repair lists the archive again, 查 <phone> finds it', async () => {
    const url = new URL(testServerUri());
    url.pathname = `/${s.db.conn.name}`;
    const env = { MONGODB_URI: url.toString() };
    await s.run(dm('wang', '王总 今晚 2人 消费900 13700008000'));
    const found = async () => (await s.say(dm('wang', '查 13700008000'))).join('\n');
    expect(await found()).toContain('王总');
    const wang = (await s.db.models.Customer.findOne({ name: '王总' }).lean())!;
    await removeFromLookup(s.db.models, keys.customerPhone(store._id, '13700008000'), wang._id);
    expect(await found()).not.toContain('王总');
    const broken = await runScript('scripts/verify.ts', '', env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('lookup 王总');
    const fixed = await runScript('scripts/verify.ts', '', env, ['--repair']);
    expect(fixed.code).toBe(0);
    expect(await found()).toContain('王总');
  }, 60_000);
});
