import { repairStore } from '../../src/archive/verify';
import { cardOf, TIER_RELEVANT_DAYS } from '../../src/archive/card';
import { DEFAULT_TIERS, tierOf, type TierSettings } from '../../src/archive/tiers';
import { statsOf, type OpeningBalance, type VisitSummary } from '../../src/archive/stats';
import { addDays } from '../../src/time/business-day';
import { prng } from '../../scripts/bench/prng';
import { dm, tick } from '../support/events';
import { openStoreAfterFirstVisit, type Scenario } from '../support/replay';

function customerWith(history: VisitSummary[], opening?: OpeningBalance) {
  return {
    _id: 'c1',
    storeId: 's1',
    name: '张总',
    optOut: false,
    preferences: [],
    followUps: [],
    history,
    opening,
    stats: statsOf(history, opening),
  } as never;
}

describe('a follow-up card keeps what decides a tier', () => {
  const rand = prng(7);
  const settings: TierSettings[] = [
    DEFAULT_TIERS,
    { ...DEFAULT_TIERS, A: { ...DEFAULT_TIERS.A, weeksInRow: 8 } },
    { ...DEFAULT_TIERS, B: { ...DEFAULT_TIERS.B, weeksInRow: 6, spend30: 800 } },
  ];

  it('gives the same tier as the full history on every day from the last visit on', () => {
    for (let n = 0; n < 300; n++) {
      const history: VisitSummary[] = Array.from(
        { length: 1 + Math.floor(rand() * 40) },
        (_, i) => ({
          visitId: `v${i}`,
          // Bursts of weekly visits among sparse ones, so streaks and windows both occur.
          date: addDays('2026-11-22', -Math.floor(rand() * (rand() < 0.5 ? 70 : 900))),
          amount: Math.round(100 + rand() * 4000),
        }),
      );
      // Some came in from the old spreadsheet with totals and a last visit of their own.
      const opening =
        rand() < 0.3
          ? {
              visits: 1 + Math.floor(rand() * 20),
              spend: Math.round(rand() * 50_000),
              lastVisit: addDays('2026-11-22', -Math.floor(rand() * 120)),
              lastAmount: Math.round(rand() * 6000),
            }
          : undefined;
      const card = cardOf(customerWith(history, opening))!;
      expect(card.history.length).toBeLessThanOrEqual(history.length);
      const last = statsOf(history, opening).lastVisit!;
      for (const s of settings)
        for (let d = 0; d <= 120; d += 3) {
          const day = addDays(last, d);
          expect(tierOf(card.history, day, s, card.opening)).toEqual(
            tierOf(history, day, s, opening),
          );
        }
    }
  });

  it('drops visits that can no longer count', () => {
    const history = [
      { visitId: 'first', date: '2024-01-01', amount: 500 },
      { visitId: 'old', date: '2025-06-01', amount: 9000 },
      { visitId: 'recent', date: addDays('2026-11-22', -TIER_RELEVANT_DAYS), amount: 800 },
      { visitId: 'last', date: '2026-11-22', amount: 300 },
    ];
    expect(cardOf(customerWith(history))!.history.map((v) => v.visitId)).toEqual([
      'first',
      'recent',
      'last',
    ]);
  });
});

describe('follow-up cards follow the archive', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openStoreAfterFirstVisit();
  });
  afterEach(() => s.close());

  const cardOfCustomer = async (name: string) => {
    const c = await s.db.models.Customer.findOne({ name }).lean();
    const row = await s.db.models.FollowUpCard.findById(c!._id).lean();
    return row?.card ? JSON.parse(row.card) : row?.card;
  };

  it('is written with the visit and changes with every later write', async () => {
    expect(await cardOfCustomer('张总')).toMatchObject({
      name: '张总',
      optOut: false,
      stats: { visits: 1, totalSpend: 2800, lastVisit: '2026-11-22', usualRoom: '牡丹厅' },
    });
    await s.run(dm('wang', '张总 不接受消息', '2026-11-23T10:00:00+08:00'));
    await s.run(dm('wang', '张总 今晚 2人 1200', '2026-11-24T20:00:00+08:00'));
    expect(await cardOfCustomer('张总')).toMatchObject({
      optOut: true,
      stats: { visits: 2, totalSpend: 4000, lastVisit: '2026-11-24' },
    });
  });

  it('missing (an archive from before cards): tasks still come, and the repair writes it', async () => {
    await s.db.models.FollowUpCard.deleteMany({});
    const out = await s.run(tick('2026-11-23T09:30:00+08:00'));
    expect(
      out
        .filter((o) => o.to === 'wang')
        .map((o) => o.text)
        .join(),
    ).toContain('张总(B) 致谢回访');
    // Reading writes nothing: the card comes back through the repair (npm run verify -- --repair).
    expect(await cardOfCustomer('张总')).toBeUndefined();
    const store = (await s.db.models.Store.findOne())!;
    await repairStore(s.db.models, store, '2026-11-23');
    expect(await cardOfCustomer('张总')).toMatchObject({ name: '张总' });
  });

  it('of a merged archive is empty: its tasks belong to the survivor', async () => {
    await s.run(dm('wang', '张总 138 0013 8000 爱喝茅台', '2026-11-22T21:30:00+08:00'));
    await s.run(dm('wang', '张建国 今晚 2人 900', '2026-11-22T22:00:00+08:00'));
    await s.run(dm('boss', '合并 张建国 张总', '2026-11-22T22:10:00+08:00'));
    const absorbed = await s.db.models.Customer.findOne({ mergedInto: { $exists: true } }).lean();
    expect(absorbed).not.toBeNull();
    expect((await s.db.models.FollowUpCard.findById(absorbed!._id).lean())?.card).toBe('');
  });
});
