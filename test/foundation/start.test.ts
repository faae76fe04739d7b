import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from '../support/process';

describe('npm start on the console', () => {
  let dataDir: string;
  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'huitouke-start-'))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = () => ({ DATA_DIR: dataDir, MONGODB_URI: '', ADAPTERS: '' });

  it('confirms a piped visit, exits by itself, and a second run knows the first', async () => {
    const first = await runScript('src/main.ts', '张总 今晚 3人 消费2800\n', env());
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/已记录 张总 \| .*3人 \| ¥2,800/);
    expect(first.stdout).toContain('新客户');

    const second = await runScript('src/main.ts', '张总 今晚 2人 消费1200\n', env());
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('第2次来');
  }, 60_000);

  it('stops on a bad setting with one line naming it', async () => {
    const run = await runScript('src/main.ts', '', { ...env(), BUSINESS_DAY_CUTOFF: '5点' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('BUSINESS_DAY_CUTOFF');
  });

  it('says in one line when the database cannot be reached', async () => {
    const run = await runScript('src/main.ts', '', {
      ...env(),
      MONGODB_URI: 'mongodb://127.0.0.1:9/x',
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('无法连接数据库');
  }, 30_000);

  it('refuses a second bot on the same data directory, and starts over a dead one’s lock', async () => {
    const other = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dataDir, 'bot.pid'), String(other.pid));
      const refused = await runScript('src/main.ts', '张总 今晚 2人 消费600\n', env());
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toContain(`另一个机器人进程(pid ${other.pid})`);
      expect(refused.stdout).not.toContain('已记录');
    } finally {
      other.kill();
    }
    await new Promise((res) => other.once('exit', res));
    const after = await runScript('src/main.ts', '张总 今晚 2人 消费600\n', env());
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('已记录 张总');
  }, 60_000);
});
