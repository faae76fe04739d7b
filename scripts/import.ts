/**
 * npm run import -- <客户表.xlsx|.csv> [--apply] [--store <code>]
 * Without --apply it only shows what would happen (the dry run): rows to create, update or that
 * fail, with each failure's reason. With --apply it imports; running it twice creates no duplicates.
 */
import { ConfigError } from '../src/config';
import { previewImport, runImport, SheetError } from '../src/import';
import { businessDate } from '../src/time/business-day';
import { runCli, storeFor } from './cli';

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

const opts = options(process.argv.slice(2));

runCli(
  async (ctx) => {
    const file = opts.file!;
    const { models } = ctx;
    const store = await storeFor(ctx, opts.store);
    const started = Date.now();
    if (!opts.apply) {
      const { text } = await previewImport(models, store, file);
      process.stdout.write(`${text}\n确认无误后运行: npm run import -- ${file} --apply\n`);
      return;
    }
    const today = businessDate({
      now: new Date(),
      timeZone: store.timeZone,
      businessDayCutoff: store.businessDayCutoff,
    });
    const { text, plan } = await runImport(models, store, file, today);
    const seconds = (Date.now() - started) / 1000;
    const rate = Math.round(plan.steps.length / Math.max(seconds, 0.001));
    process.stdout.write(`${text}\n用时 ${seconds.toFixed(1)} 秒(${rate} 行/秒)\n`);
  },
  {
    check: () => {
      if (!opts.file) throw new ConfigError(USAGE);
    },
    userErrors: [SheetError],
  },
);
