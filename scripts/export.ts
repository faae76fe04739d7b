/**
 * npm run export -- [--from 2026-11-01] [--to 2026-11-30] [--customers] [--out 目录] [--store 编号]
 * Writes the same workbook as 导出 in chat (客户, 消费记录, 回访记录), phones in full: whoever
 * runs this already holds the database. Defaults: this month so far, into DATA_DIR/files.
 */
import { join } from 'node:path';
import { storeByCode } from '../src/archive/stores';
import { ConfigError, loadConfig } from '../src/config';
import { openDatabase } from '../src/database';
import { exportWorkbook } from '../src/export';
import { named, soFar } from '../src/features/queries/period';
import { createLogger } from '../src/log';
import { createModels, ensureIndexes } from '../src/model';
import { ensureStore } from '../src/setup';
import { businessDate } from '../src/time/business-day';

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

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });
  const db = await openDatabase(config, createLogger(config.logLevel));
  try {
    const models = createModels(db.conn);
    await ensureIndexes(models);
    const home = await ensureStore(models, config);
    const store = opts.store ? await storeByCode(models, opts.store) : home;
    if (!store) throw new ConfigError(`没有编号为 ${opts.store} 的门店`);
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
      models,
      store,
      req,
      opts.out ?? join(config.dataDir, 'files'),
    );
    process.stdout.write(
      `已导出 ${req.from} 至 ${req.to}:客户${done.customers}位、消费${done.visits}条\n${done.path}\n`,
    );
  } finally {
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(err instanceof ConfigError ? 2 : 1);
  },
);
