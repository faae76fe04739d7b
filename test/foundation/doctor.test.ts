/**
 * Issue 18: `npm run doctor` reports each finding in one line and fails on what stops the bot:
 * a broken setting names the setting, a platform that refuses its token names the token.
 */
import { createServer, type Server } from 'node:http';
import { line } from '../../src/doctor/finding';
import { runDoctor } from '../../src/doctor';
import { checkTimes } from '../../src/doctor/local';
import { testServerUri } from '../support/db';
import { scratchDir } from '../support/scratch';

/** A stand-in Bot API: getMe answers for one token only. */
function botApi(goodToken: string): Promise<{ root: string; server: Server }> {
  const server = createServer((req, res) => {
    const good = req.url === `/bot${goodToken}/getMe`;
    res.writeHead(good ? 200 : 401, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        good
          ? { ok: true, result: { id: 1, is_bot: true, username: 'huitouke_bot' } }
          : { ok: false, error_code: 401, description: 'Unauthorized' },
      ),
    );
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      ok({ root: `http://127.0.0.1:${port}`, server });
    }),
  );
}

describe('npm run doctor', () => {
  const base = () => ({
    DATA_DIR: scratchDir('huitouke-doctor-'),
    MONGODB_URI: `${testServerUri()}doctor_${process.pid}`,
    ADAPTERS: 'telegram',
  });
  let api: { root: string; server: Server };
  beforeAll(async () => (api = await botApi('123:good')));
  afterAll(() => api.server.close());

  it('passes a working setup, one line per finding, and names the bot', async () => {
    const env = { ...base(), TELEGRAM_BOT_TOKEN: '123:good', TELEGRAM_API_ROOT: api.root };
    const findings = await runDoctor(env, new Date());
    expect(findings.filter((f) => f.level === 'fail')).toEqual([]);
    const lines = findings.map(line);
    expect(lines).toContainEqual(expect.stringContaining('@huitouke_bot'));
    expect(lines).toContainEqual(expect.stringMatching(/^✓ 数据库: .*可用/));
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
  });

  it('fails on a token the platform refuses, naming the setting', async () => {
    const env = { ...base(), TELEGRAM_BOT_TOKEN: '123:stale', TELEGRAM_API_ROOT: api.root };
    const failed = (await runDoctor(env, new Date())).filter((f) => f.level === 'fail');
    expect(failed.map(line)).toEqual([expect.stringMatching(/^✗ TELEGRAM_BOT_TOKEN: /)]);
  });

  it('fails on a broken setting with one line naming it, before touching anything else', async () => {
    const findings = await runDoctor({ ...base(), BUSINESS_DAY_CUTOFF: '5点' }, new Date());
    expect(findings.map(line)).toEqual([expect.stringMatching(/^✗ 配置: BUSINESS_DAY_CUTOFF/)]);
  });

  it('fails when the database cannot be reached', async () => {
    const env = { ...base(), ADAPTERS: 'console', MONGODB_URI: 'mongodb://127.0.0.1:9/x' };
    const failed = (await runDoctor(env, new Date())).filter((f) => f.level === 'fail');
    expect(failed.map((f) => f.what)).toEqual(['数据库']);
  }, 30_000);

  it('warns when the briefing comes before the business day has rolled over', () => {
    const f = checkTimes({
      briefingTime: '04:00',
      businessDayCutoff: '05:00',
      timeZone: 'Asia/Shanghai',
    });
    expect(f).toMatchObject({ level: 'warn', what: 'BRIEFING_TIME' });
  });
});
