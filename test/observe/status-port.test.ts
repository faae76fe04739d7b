import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded';
import { startBot, type LiveBot } from '../support/process';
import { sample } from '../support/metrics';

describe('the status port of a running bot', () => {
  let dir: string;
  let db: EmbeddedDatabase | undefined;
  let bot: LiveBot | undefined;
  let base: string;
  let startDb: () => Promise<EmbeddedDatabase>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'huitouke-status-'));
    const dbPort = await freePort();
    startDb = () => startEmbeddedDatabase({ dataDir: dir, port: dbPort, supervise: false });
    db = await startDb();
    const statusPort = await freePort();
    base = `http://127.0.0.1:${statusPort}`;
    bot = startBot({
      MONGODB_URI: `mongodb://127.0.0.1:${dbPort}/status`,
      ADAPTERS: 'console',
      STATUS_PORT: String(statusPort),
    });
  }, 30_000);
  afterAll(async () => {
    await bot?.kill();
    await db?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts messages, visits, sent replies and latency on /metrics', async () => {
    expect(await bot!.say('张总 今晚 3人 消费2800')).toContain('已记录 张总');
    expect(await bot!.say('李总 今晚 2人 消费1200')).toContain('已记录 李总');
    expect(await bot!.say('查 张总')).toContain('张总');
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(sample(text, 'huitouke_messages_total{platform="console",outcome="replied"}')).toBe(3);
    expect(sample(text, 'huitouke_visits_recorded_total')).toBe(2);
    expect(sample(text, 'huitouke_messages_sent_total{platform="console"}')).toBeGreaterThanOrEqual(
      3,
    );
    expect(sample(text, 'huitouke_reply_seconds_count{platform="console"}')).toBe(3);
    expect(sample(text, 'huitouke_adapter_connected{platform="console"}')).toBe(1);
    expect(sample(text, 'huitouke_outbox_pending')).toBe(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    // Nothing about customers belongs on a page anyone on the machine can read.
    expect(text).not.toContain('张总');
  }, 60_000);

  it('says healthy while the database answers, 503 while it is gone, and healthy again', async () => {
    const health = async () => {
      const res = await fetch(`${base}/healthz`);
      return { status: res.status, body: (await res.json()) as unknown };
    };
    expect(await health()).toEqual({
      status: 200,
      body: { db: 'ok', adapters: { console: 'connected' } },
    });
    await db!.stop(true);
    expect(await health()).toEqual({
      status: 503,
      body: { db: 'unreachable', adapters: { console: 'connected' } },
    });
    db = await startDb();
    let back = await health();
    for (let tries = 0; back.status !== 200 && tries < 20; tries++) {
      await new Promise((r) => setTimeout(r, 500));
      back = await health();
    }
    expect(back).toEqual({ status: 200, body: { db: 'ok', adapters: { console: 'connected' } } });
    expect((await fetch(`${base}/other`)).status).toBe(404);
  }, 60_000);
});
