/**
 * npm run verify -- [--repair] [--store 编号]
 * Recomputes every derived value (customer history, figures and tier, follow-up cards, tier index,
 * day books, the name/phone/owner/birthday/opening-day lookups of each archive) of each store
 * from its visits and prints what differs; exit 1 when anything does. With --repair the
 * differences are rewritten from the visits, then checked again.
 */
import { ConfigError } from '../src/config';
import { repairStore, verifyStore, type Difference } from '../src/archive/verify';
import { storeWriter } from '../src/archive/writer';
import type { StoreDoc } from '../src/model/store';
import { businessDate } from '../src/time/business-day';
import { runCli, storeFor, type CliContext } from './cli';

const USAGE = '用法: npm run verify -- [--repair] [--store 门店编号]';

interface Options {
  repair: boolean;
  store?: string;
}

function options(argv: string[]): Options {
  const out: Options = { repair: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--repair') out.repair = true;
    else if (argv[i] === '--store' && argv[i + 1]) out.store = argv[++i];
    else throw new ConfigError(USAGE);
  }
  return out;
}

const todayOf = (s: StoreDoc) =>
  businessDate({ now: new Date(), timeZone: s.timeZone, businessDayCutoff: s.businessDayCutoff });

function print(store: StoreDoc, diffs: Difference[]): void {
  const head = `${store.name}(${store.code}):`;
  if (diffs.length === 0) return void process.stdout.write(`${head} 一致\n`);
  process.stdout.write(`${head} ${diffs.length} 处不一致\n`);
  for (const d of diffs.slice(0, 200)) process.stdout.write(`  ${d.what} ${d.who}: ${d.detail}\n`);
  if (diffs.length > 200) process.stdout.write(`  …还有 ${diffs.length - 200} 处\n`);
}

async function stores(ctx: CliContext, code?: string): Promise<StoreDoc[]> {
  return code ? [await storeFor(ctx, code)] : ctx.models.Store.find().sort({ _id: 1 });
}

let opts: Options;

runCli(
  async (ctx) => {
    let left = 0;
    for (const store of await stores(ctx, opts.store)) {
      const today = todayOf(store);
      if (opts.repair) {
        const done = await storeWriter(ctx.models).run(store._id, () =>
          repairStore(ctx.models, store, today),
        );
        process.stdout.write(
          `${store.name}: 发现 ${done.differences.length} 处不一致,已改写 ${done.fixed} 条\n`,
        );
      }
      const diffs = await verifyStore(ctx.models, store, today);
      print(store, diffs);
      left += diffs.length;
    }
    if (left > 0) process.exitCode = 1;
  },
  { check: () => void (opts = options(process.argv.slice(2))) },
);
