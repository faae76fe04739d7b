import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { testServerUri } from '../support/db';
import { GUESTS, visitsByCustomer, watchBot } from '../support/live';

const recorded = (lines: string[]) => lines.filter((l) => l.startsWith('已记录 '));

describe('stopped with SIGTERM in the middle of a busy moment', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'huitouke-stop-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers what it took, keeps the rest for the next start, and exits cleanly', async () => {
    const name = `stop_${randomBytes(4).toString('hex')}`;
    const url = new URL(testServerUri());
    url.pathname = `/${name}`;
    const env = { MONGODB_URI: url.toString(), ADAPTERS: 'console', DATA_DIR: dir };
    const guests = GUESTS.slice(0, 12);

    const first = watchBot(env);
    first.write(`${guests[0]} 今晚 2人 消费600`);
    await first.until((lines) => recorded(lines).length === 1, 20_000);
    for (const g of guests.slice(1)) first.write(`${g} 今晚 3人 消费800`);
    await first.until((lines) => recorded(lines).length >= 2, 20_000);
    const exited = new Promise<number | null>((r) => first.bot.child.once('close', r));
    first.bot.child.kill('SIGTERM');
    expect(await exited).toBe(0);

    // Every visit saved before the stop was answered before the process ended: nothing in flight
    // was cut off and the outgoing queue was emptied.
    const mid = await visitsByCustomer(url.toString(), name);
    await mid.close();
    const answered = recorded(first.lines).map((l) => l.split(' ')[1]);
    expect([...mid.counts.keys()].sort()).toEqual([...answered].sort());

    // What arrived during the stop was journaled and is handled by the next start.
    const second = watchBot(env);
    expect(await second.bot.end()).toBe(0);
    const again = recorded(second.lines).map((l) => l.split(' ')[1]);
    expect([...answered, ...again].sort()).toEqual([...guests].sort());
    const end = await visitsByCustomer(url.toString(), name);
    await end.close();
    for (const g of guests) expect([g, end.counts.get(g)]).toEqual([g, 1]);
  }, 120_000);
});
