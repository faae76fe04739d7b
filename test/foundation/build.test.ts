/**
 * Issue 18: `npm start` runs compiled JavaScript (built once by `npm ci`'s prepare, or again when a
 * source is newer than the build), with source maps so stack traces name the TypeScript lines.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/process';

function launch(entry: string, input: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((res, rej) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'run.cjs'), entry], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', rej);
    child.on('close', (code) => res({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('the compiled entry points', () => {
  let dataDir: string;
  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'huitouke-build-'))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('npm start answers from dist/, with source maps beside the code', async () => {
    const env = { DATA_DIR: dataDir, MONGODB_URI: '', ADAPTERS: '' };
    const run = await launch('src/main', '张总 今晚 3人 消费2800\n', env);
    expect(run.stdout).toMatch(/已记录 张总 \| .*3人 \| ¥2,800/);
    expect(run.code).toBe(0);
    expect(existsSync(join(ROOT, 'dist', 'src', 'main.js'))).toBe(true);
    expect(existsSync(join(ROOT, 'dist', 'src', 'main.js.map'))).toBe(true);
  }, 120_000);

  it('a script reads its own input, as under tsx', async () => {
    const line = JSON.stringify({
      id: 1,
      now: '2026-11-22T21:40:00+08:00',
      text: '张总 今晚 3人 消费2800',
    });
    const run = await launch('scripts/parse', `${line}\n`, {});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"intent":"visit"');
  }, 120_000);
});
