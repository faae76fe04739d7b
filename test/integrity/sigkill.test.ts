/**
 * Issue 13: four waiters in four Telegram chats record at once, and the real bot (`npm start`,
 * journal, outbox, stand-in Bot API) is killed with SIGKILL in the middle, again and again. After
 * the last start has taken up what the crashes cut short: every record confirmed to staff is in
 * the archive once, no record is there twice, every derived record equals the recomputation from
 * the visits, and nobody was told 出错了.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase } from '../../src/db/connect';
import { loadConfig } from '../../src/config';
import { createModels } from '../../src/model';
import { ensureStaff, ensureStore } from '../../src/setup';
import { prng } from '../../scripts/bench/prng';
import { customerName } from '../../scripts/bench/seed';
import { startFakeTelegram, type FakeTelegram } from '../adapters/support/fake-telegram';
import { differences } from '../support/consistency';
import { testServerUri } from '../support/db';
import { startBot } from '../support/process';

const KILLS = 4;
const WAITERS = [101, 102, 103, 104];

const recordedName = (text: string) => /^已记录 (\S+)/.exec(text)?.[1];

describe('SIGKILL again and again while four chats record at once', () => {
  let dir: string;
  let fake: FakeTelegram;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'huitouke-sigkill-'));
    fake = await startFakeTelegram();
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses no confirmed record, records none twice, and the archive adds up', async () => {
    const name = `kill_${randomBytes(4).toString('hex')}`;
    const url = new URL(testServerUri());
    url.pathname = `/${name}`;
    const conn = await connectDatabase(url.toString(), name);
    const models = createModels(conn);
    try {
      const store = await ensureStore(models, loadConfig({}));
      for (const id of WAITERS)
        await ensureStaff(models, store, {
          platform: 'telegram',
          userId: String(id),
          name: `员工${id}`,
          role: 'staff',
        });
      const env = {
        MONGODB_URI: url.toString(),
        DATA_DIR: dir,
        ADAPTERS: 'telegram',
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
      };
      const rand = prng(13);
      let next = 0;
      const burst = () => {
        for (const id of WAITERS) {
          const text = `${customerName(next)} 今晚 ${2 + (next % 5)}人 消费${500 + next * 10}`;
          next += 1;
          fake.push(fake.message({ id, first_name: `员工${id}` }, { id, type: 'private' }, text));
        }
      };
      const confirmed = () => fake.sent().filter((m) => recordedName(m.text)).length;
      for (let round = 0; round < KILLS; round++) {
        const bot = startBot(env);
        const before = confirmed();
        burst();
        // Up and answering, then more tables keep coming until the process dies among them.
        for (let t = 0; confirmed() === before && t < 600; t++)
          await new Promise((r) => setTimeout(r, 100));
        const load = setInterval(burst, 40);
        await new Promise((r) => setTimeout(r, 300 + rand() * 700));
        clearInterval(load);
        await bot.kill();
      }
      const last = startBot(env);
      // The last start takes up the journal's unfinished messages and Telegram redelivers what
      // was never confirmed; then the sweeper has run and the outbox is empty.
      await new Promise((r) => setTimeout(r, 8000));
      last.child.kill('SIGTERM');
      await new Promise((r) => last.child.once('close', r));

      const texts = fake.sent().map((m) => m.text);
      expect(texts.filter((t) => t.includes('出错了'))).toEqual([]);
      const acknowledged = new Set(texts.flatMap((t) => recordedName(t) ?? []));
      expect(acknowledged.size).toBeGreaterThan(KILLS * WAITERS.length);
      const customers = await models.Customer.find({}).lean();
      const visits = await models.Visit.find({ status: 'active' }).lean();
      const byName = new Map<string, number>();
      for (const v of visits) {
        const c = customers.find((x) => x._id.equals(v.customerId))!;
        byName.set(c.name, (byName.get(c.name) ?? 0) + 1);
      }
      for (const guest of acknowledged) expect([guest, byName.get(guest)]).toEqual([guest, 1]);
      for (const [guest, n] of byName) expect([guest, n]).toEqual([guest, 1]);
      expect(await differences(models)).toEqual([]);
    } finally {
      await conn.dropDatabase();
      await conn.close();
    }
  }, 240_000);
});
