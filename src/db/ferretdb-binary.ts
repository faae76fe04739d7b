/**
 * The local database is FerretDB v1 (SQLite backend) embedded in a tiny Go program kept in
 * scripts/ferretdb. It is built from the Go module proxy on first use and cached under
 * `.cache/ferretdb/<hash of its sources>`, so a second start does not rebuild and a change to the
 * Go sources does.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const PROJECT_ROOT = resolve(__dirname, '..', '..');
const SOURCE_DIR = join(PROJECT_ROOT, 'scripts', 'ferretdb');
const SOURCES = ['go.mod', 'go.sum', 'main.go'];

export class DatabaseStartError extends Error {}

function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of SOURCES) h.update(readFileSync(join(SOURCE_DIR, f)));
  return h.digest('hex').slice(0, 16);
}

export function ferretdbBinaryPath(): string {
  return join(PROJECT_ROOT, '.cache', 'ferretdb', sourceHash(), 'ferretdb');
}

/** Path of a ready binary, building it first when the cache has none. */
export async function ensureFerretdbBinary(onBuild?: (msg: string) => void): Promise<string> {
  const target = ferretdbBinaryPath();
  if (existsSync(target)) return target;
  onBuild?.('首次启动:正在构建本地数据库 FerretDB(约1–2分钟,仅此一次)…');
  mkdirSync(join(target, '..'), { recursive: true });
  // Build beside the target and rename, so a concurrent start never runs a half-written file.
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await run('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', tmp, '.'], {
      cwd: SOURCE_DIR,
      env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new DatabaseStartError(
        '本地数据库需要 Go 来构建,但没有找到 go 命令:请安装 Go,或设置 MONGODB_URI 连接现有的 MongoDB',
      );
    }
    const last = (e.stderr ?? String(err)).trim().split('\n').pop();
    throw new DatabaseStartError(`本地数据库构建失败: ${last}`);
  }
  renameSync(tmp, target);
  return target;
}
