import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded';
import { REPLY_DB_DOWN } from '../../src/pipeline/steps';
import { startBot } from '../support/process';

describe('the database going away under a running bot', () => {
  let dir: string;
  let db: EmbeddedDatabase | undefined;
  let bot: ReturnType<typeof startBot> | undefined;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'huitouke-outage-'))));
  afterAll(async () => {
    bot?.child.kill('SIGKILL');
    await db?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells the user, stays up, and records again once the database is back', async () => {
    const port = await freePort();
    const start = () => startEmbeddedDatabase({ dataDir: dir, port, supervise: false });
    db = await start();
    bot = startBot({ MONGODB_URI: `mongodb://127.0.0.1:${port}/outage`, ADAPTERS: 'console' });

    expect(await bot.say('张总 今晚 3人 消费2800')).toContain('已记录 张总');
    // Gone at once (a crash), not a graceful stop that lets open connections finish their work.
    await db.stop(true);
    expect(await bot.say('李总 今晚 2人 消费1200')).toBe(REPLY_DB_DOWN.split('\n')[0]);
    db = await start();
    // As the reply asked, the staff member sends again; within a few seconds it goes through.
    let reply = await bot.say('王总 今晚 4人 消费3600');
    for (let tries = 0; reply === REPLY_DB_DOWN && tries < 3; tries++) {
      reply = await bot.say('王总 今晚 4人 消费3600');
    }
    expect(reply).toContain('已记录 王总');
    expect(await bot.end()).toBe(0);
  }, 60_000);
});
