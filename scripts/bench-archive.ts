/**
 * npm run bench:archive [-- --customers 100000 --visits 1000000 --runs 300 --db URI]
 * One store with 100,000 customers and 1,000,000 visits; then the time, through the whole bot
 * pipeline, to record one more visit (stats and tier updated) and to answer `查 X`.
 */
import { createBot } from '../src/bot';
import { seedStore } from './bench/seed';
import { arg, commandTimes, ms, openBenchDatabase, percentiles, silentLog } from './bench/setup';

async function main(): Promise<void> {
  const customers = arg('customers', 100_000);
  const visits = arg('visits', 1_000_000);
  const runs = arg('runs', 300);
  const db = await openBenchDatabase();
  const log = (s: string) => process.stderr.write(`${s}\n`);
  try {
    log(`seeding ${customers} customers, ${visits} visits into ${db.where}…`);
    const t0 = performance.now();
    const seeded = await seedStore(db.models, customers, visits, '2026-11-22', log);
    const seedSeconds = (performance.now() - t0) / 1000;
    const bot = createBot({ models: db.models, log: silentLog });
    const time = new Date('2026-11-22T21:40:00+08:00');
    const send = (i: number, text: string) =>
      bot.handle({
        platform: 'bench',
        chatId: 'c',
        chatType: 'direct',
        senderId: seeded.staff[i % 10].userId,
        text,
        mentioned: false,
        messageId: `m${i}-${text.length}`,
        time,
      });

    const record: number[] = [];
    const query: number[] = [];
    const perCommand = await commandTimes(db.conn, async () => {
      for (let i = 0; i < runs; i++) {
        const name = seeded.names[(i * 7919) % seeded.names.length];
        let t = performance.now();
        const [reply] = await send(i, `${name} 今晚 ${2 + (i % 8)}人 消费${1000 + i}`);
        record.push(performance.now() - t);
        if (!reply?.text.startsWith('已记录')) throw new Error(`unexpected reply: ${reply?.text}`);
        t = performance.now();
        const [card] = await send(i + runs, `查 ${name}`);
        query.push(performance.now() - t);
        if (!card?.text.startsWith(name)) throw new Error(`unexpected card: ${card?.text}`);
      }
    });
    const r = percentiles(record.slice(10));
    const q = percentiles(query.slice(10));
    console.log(
      `archive benchmark on ${db.where}: ${customers} customers, ${visits} visits (seeded in ${seedSeconds.toFixed(0)} s)`,
    );
    console.log(
      `record one visit (pipeline, stats, tier): p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}  mean ${ms(r.mean)}  (${runs - 10} runs)`,
    );
    console.log(
      `查 <customer> profile card:               p50 ${ms(q.p50)}  p95 ${ms(q.p95)}  p99 ${ms(q.p99)}  mean ${ms(q.mean)}  (${runs - 10} runs)`,
    );
    console.log('database time per command (mean per call, calls per record+query pair):');
    for (const [k, t] of [...perCommand].sort((a, b) => b[1].ms - a[1].ms)) {
      console.log(`  ${k.padEnd(24)} ${ms(t.ms / t.n).padStart(9)}  × ${(t.n / runs).toFixed(1)}`);
    }
  } finally {
    await db.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`bench:archive: ${err.message}\n`);
  process.exit(1);
});
