/**
 * npm run export -- [--from 2026-11-01] [--to 2026-11-30] [--customers] [--out 目录] [--store 编号]
 * Writes the same workbook as 导出 in chat (客户, 消费记录, 回访记录), phones in full: whoever
 * runs this already holds the database. Defaults: this month so far, into DATA_DIR/files.
 */
import { join } from 'node:path';
import { ConfigError } from '../src/config';
import { exportWorkbook } from '../src/export';
import { named, soFar } from '../src/features/queries/period';
import { businessDate } from '../src/time/business-day';
import { runCli, storeFor } from './cli';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const USAGE =
  '用法: npm run export -- [--from 2026-11-01] [--to 2026-11-30] [--customers] [--out 目录] [--store 门店编号]';

interface Options {
  from?: string;
  to?: string;
  out?: string;
  store?: string;
  customers: boolean;
}

function options(argv: string[]): Options {
  const out: Options = { customers: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--customers') out.customers = true;
    else if (a === '--from' || a === '--to' || a === '--out' || a === '--store')
      out[a.slice(2) as 'from' | 'to' | 'out' | 'store'] = argv[++i];
    else throw new ConfigError(USAGE);
  }
  for (const d of [out.from, out.to])
    if (d !== undefined && !DAY.test(d))
      throw new ConfigError(`日期要写成 2026-11-01 (got "${d}")`);
  return out;
}

let opts: Options;

runCli(
  async (ctx) => {
    const store = await storeFor(ctx, opts.store);
    const today = businessDate({
      now: new Date(),
      timeZone: store.timeZone,
      businessDayCutoff: store.businessDayCutoff,
    });
    const month = soFar(named('本月', today), today);
    const req = {
      from: opts.from ?? month.from,
      to: opts.to ?? month.to,
      today,
      fullPhones: true,
      customersOnly: opts.customers,
    };
    const done = await exportWorkbook(
      ctx.models,
      store,
      req,
      opts.out ?? join(ctx.config.dataDir, 'files'),
    );
    process.stdout.write(
      `已导出 ${req.from} 至 ${req.to}:客户${done.customers}位、消费${done.visits}条\n${done.path}\n`,
    );
  },
  { check: () => (opts = options(process.argv.slice(2))) },
);
