/**
 * npm run import -- <客户表.xlsx|.csv> [--apply] [--store <code>]
 * Without --apply it only shows what would happen (the dry run): rows to create, update or that
 * fail, with each failure's reason. With --apply it imports; running it twice creates no duplicates.
 */
import { storeByCode } from '../src/archive/stores';
import { ConfigError, loadConfig } from '../src/config';
import { openDatabase } from '../src/database';
import { previewImport, runImport, SheetError } from '../src/import';
import { createLogger } from '../src/log';
import { createModels, ensureIndexes, type Models } from '../src/model';
import type { StoreDoc } from '../src/model/store';
import { ensureStore } from '../src/setup';
import { businessDate } from '../src/time/business-day';

const USAGE = '用法: npm run import -- <客户表.xlsx 或 .csv> [--apply] [--store 门店编号]';

interface Options {
  file?: string;
  apply: boolean;
  store?: string;
}

function options(argv: string[]): Options {
  const out: Options = { apply: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--apply') out.apply = true;
    else if (argv[i] === '--store') out.store = argv[++i];
    else out.file = argv[i];
  }
  return out;
}

async function storeOf(models: Models, home: StoreDoc, code?: string): Promise<StoreDoc> {
  const store = code ? await storeByCode(models, code) : home;
  if (!store) throw new ConfigError(`没有编号为 ${code} 的门店`);
  return store;
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  if (!opts.file) throw new ConfigError(USAGE);
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });
  const db = await openDatabase(config, createLogger(config.logLevel));
  try {
    const models = createModels(db.conn);
    await ensureIndexes(models);
    const store = await storeOf(models, await ensureStore(models, config), opts.store);
    const started = Date.now();
    if (!opts.apply) {
      const { text } = await previewImport(models, store, opts.file);
      process.stdout.write(`${text}\n确认无误后运行: npm run import -- ${opts.file} --apply\n`);
      return;
    }
    const today = businessDate({
      now: new Date(),
      timeZone: store.timeZone,
      businessDayCutoff: store.businessDayCutoff,
    });
    const { text, plan } = await runImport(models, store, opts.file, today);
    const seconds = (Date.now() - started) / 1000;
    const rate = Math.round(plan.steps.length / Math.max(seconds, 0.001));
    process.stdout.write(`${text}\n用时 ${seconds.toFixed(1)} 秒(${rate} 行/秒)\n`);
  } finally {
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(err instanceof ConfigError || err instanceof SheetError ? 2 : 1);
  },
);
