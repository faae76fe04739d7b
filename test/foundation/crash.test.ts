import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { prng } from '../../scripts/bench/prng';
import { testServerUri } from '../support/db';
import { customerName } from '../../scripts/bench/seed';
import { differences } from '../support/consistency';
import { visitsByCustomer, watchBot } from '../support/live';

const KILLS = 5;

/** `已记录 张总 | …` → 张总 */
const recordedName = (line: string) => /^已记录 (\S+)/.exec(line)?.[1];

describe('killed with SIGKILL again and again under load', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'huitouke-crash-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no acknowledged record and never records one twice', async () => {
    const rand = prng(2026);
    const name = `crash_${randomBytes(4).toString('hex')}`;
    const url = new URL(testServerUri());
    url.pathname = `/${name}`;
    const env = { MONGODB_URI: url.toString(), ADAPTERS: 'console', DATA_DIR: dir };
    const said: string[] = [];
    let next = 0;
    for (let round = 0; round < KILLS; round++) {
      const live = watchBot(env);
      const record = () => {
        live.write(`${customerName(next)} 今晚 ${2 + (next % 5)}人 消费${500 + next * 10}`);
        next += 1;
      };
      record();
      await live.until((lines) => lines.some((l) => recordedName(l)), 60_000);
      // Records keep coming, and the process dies somewhere in the middle of handling them.
      const load = setInterval(record, 15);
      await new Promise((r) => setTimeout(r, 200 + rand() * 500));
      clearInterval(load);
      await live.bot.kill();
      said.push(...live.lines);
    }
    // The last start takes up what the crashes left unfinished, then stops cleanly.
    const last = watchBot(env);
    // Some message was always in the middle of being handled when the process died: it is the
    // next start that finishes it (however long a loaded machine takes to start).
    await last.until((lines) => lines.some((l) => recordedName(l)), 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await last.bot.end()).toBe(0);
    said.push(...last.lines);

    const acknowledged = new Set(said.flatMap((l) => recordedName(l) ?? []));
    expect(acknowledged.size).toBeGreaterThan(KILLS);
    const db = await visitsByCustomer(url.toString(), name);
    try {
      for (const guest of acknowledged) expect([guest, db.counts.get(guest)]).toEqual([guest, 1]);
      for (const [guest, n] of db.counts) expect([guest, n]).toEqual([guest, 1]);
      // Every derived record agrees with the visits, whatever the crashes cut in half.
      expect(await differences(db.models)).toEqual([]);
      const customers = await db.models.Customer.find({}).lean();
      for (const c of customers) expect([c.name, c.stats?.visits]).toEqual([c.name, 1]);
    } finally {
      await db.close();
    }
    // A reply goes out at least once; a kill between the send and its receipt may repeat one.
    const replies = said.filter((l) => recordedName(l));
    expect(replies.length - acknowledged.size).toBeLessThanOrEqual(KILLS);
  }, 180_000);
});
