/**
 * npm run bench:briefing [-- --customers 100000 --visits 1000000 --stores 50 --db URI]
 * Time to build every briefing of a morning (group message and each staff member's list) for one
 * big store, then for a chain of small stores, on an ordinary day and on a holiday eve (when every
 * opted-in customer gets a greeting task and the whole archive is read).
 */
import { buildBriefing } from '../src/features/briefing';
import { tasksOfStaff } from '../src/features/followups/day-tasks';
import type { Models } from '../src/model';
import { seedStore } from './bench/seed';
import { arg, ms, openBenchDatabase, silentLog } from './bench/setup';

const ORDINARY_DAY = '2026-11-23';
const HOLIDAY_EVE = '2026-12-21'; // the eve of 冬至

async function morning(models: Models, codes: string[], today: string) {
  const t0 = performance.now();
  let tasks = 0;
  for (const code of codes) {
    const store = await models.Store.findOne({ code });
    if (!store) throw new Error(`no store ${code}`);
    const { day } = await buildBriefing({ models, log: silentLog }, store, today);
    const staff = await models.Staff.find({ storeId: store._id }).lean();
    for (const s of staff)
      tasks += tasksOfStaff(day, String(s._id), s.role !== 'staff').tasks.length;
  }
  return { ms: performance.now() - t0, tasks };
}

async function main(): Promise<void> {
  const customers = arg('customers', 100_000);
  const visits = arg('visits', 1_000_000);
  const stores = arg('stores', 50);
  const db = await openBenchDatabase();
  const log = (s: string) => process.stderr.write(`${s}\n`);
  try {
    log(
      `seeding one store of ${customers} customers / ${visits} visits and ${stores} stores of 2,000 / 20,000…`,
    );
    await seedStore(db.models, customers, visits, '2026-11-22', log, 'big');
    const chain = Array.from({ length: stores }, (_, i) => `s${String(i).padStart(2, '0')}`);
    for (const code of chain)
      await seedStore(db.models, 2000, 20_000, '2026-11-22', () => undefined, code);
    console.log(`briefing benchmark on ${db.where}`);
    for (const [label, day] of [
      ['ordinary day', ORDINARY_DAY],
      ['holiday eve', HOLIDAY_EVE],
    ] as const) {
      // Each morning is built as the first run of the day would (no state from a previous run).
      await db.models.JobState.deleteMany({});
      const big = await morning(db.models, ['big'], day);
      await db.models.JobState.deleteMany({});
      const small = await morning(db.models, chain, day);
      console.log(
        `${label} ${day}: one store ${customers} customers: ${ms(big.ms)} (${big.tasks} tasks); ${stores} stores × 2,000: ${ms(small.ms)} total (${small.tasks} tasks)`,
      );
    }
  } finally {
    await db.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`bench:briefing: ${err.stack}\n`);
  process.exit(1);
});
