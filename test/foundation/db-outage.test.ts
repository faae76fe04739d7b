import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded';
import { REPLY_KEPT } from '../../src/pipeline/steps';
import { GUESTS, visitsByCustomer, watchBot, type Watched } from '../support/live';

const recorded = (lines: string[], name: string) =>
  lines.filter((l) => l.startsWith(`已记录 ${name}`)).length;

describe('the database going away under a running bot', () => {
  let dir: string;
  let db: EmbeddedDatabase | undefined;
  let live: Watched | undefined;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'huitouke-outage-'))));
  afterAll(async () => {
    await live?.bot.kill();
    await db?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every record sent during the outage and writes each once when it is back', async () => {
    const port = await freePort();
    const start = () => startEmbeddedDatabase({ dataDir: join(dir, 'db'), port, supervise: false });
    db = await start();
    const uri = `mongodb://127.0.0.1:${port}/outage`;
    live = watchBot({ MONGODB_URI: uri, ADAPTERS: 'console', DATA_DIR: join(dir, 'bot') });
    const [before, during, after] = [GUESTS.slice(0, 4), GUESTS.slice(4, 10), GUESTS.slice(10, 14)];
    const send = async (
      names: string[],
      settled: (lines: string[], n: string, i: number) => boolean,
    ) => {
      for (const [i, name] of names.entries()) {
        live!.write(`${name} 今晚 ${2 + (i % 4)}人 消费${800 + i * 100}`);
        await live!.until((lines) => settled(lines, name, i), 20_000);
      }
    };

    await send(before, (lines, n) => recorded(lines, n) === 1);
    // Gone at once (a crash), not a graceful stop that lets open connections finish their work.
    await db.stop(true);
    await send(during, (lines, _, i) => lines.filter((l) => l === REPLY_KEPT).length === i + 1);
    db = await start();
    // Traffic goes on while the kept records are written.
    await send(after, (lines, n) => recorded(lines, n) === 1);
    await live.until((lines) => during.every((n) => recorded(lines, n) === 1), 30_000);

    const told = live.lines.filter((l) => l.startsWith('数据库已恢复,补录'));
    expect(told).toHaveLength(during.length);
    // In the order they were sent.
    const order = during.map((n) => live!.lines.findIndex((l) => l.startsWith(`已记录 ${n}`)));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(await live.bot.end()).toBe(0);

    const { counts, close } = await visitsByCustomer(uri, 'outage');
    await close();
    for (const name of [...before, ...during, ...after])
      expect([name, counts.get(name)]).toEqual([name, 1]);
    expect(counts.size).toBe(before.length + during.length + after.length);
  }, 120_000);
});
