/**
 * The local database is FerretDB v1 (SQLite backend) embedded in a tiny Go program kept in
 * scripts/ferretdb. It is built from the Go module proxy on first use, with the small source
 * patches in scripts/ferretdb/patches.json applied to a copy of the module, and cached under
 * `.cache/ferretdb/<hash of sources and patches>`: a second start does not rebuild, a change does.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import {
  chmodSync,
  readdirSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const PROJECT_ROOT = resolve(__dirname, '..', '..');
const SOURCE_DIR = join(PROJECT_ROOT, 'scripts', 'ferretdb');
const SOURCES = ['go.mod', 'go.sum', 'main.go', 'patches.json'];
const MODULE = 'github.com/FerretDB/FerretDB';

export class DatabaseStartError extends Error {}

interface Patch {
  file: string;
  find: string;
  replace: string;
}

function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of SOURCES) h.update(readFileSync(join(SOURCE_DIR, f)));
  return h.digest('hex').slice(0, 16);
}

export function ferretdbBinaryPath(): string {
  return join(PROJECT_ROOT, '.cache', 'ferretdb', sourceHash(), 'ferretdb');
}

async function go(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('go', args, {
    cwd,
    env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod', GOWORK: 'off' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** A writable copy of the FerretDB module with our patches applied. */
async function patchedModule(workDir: string): Promise<string> {
  const version = /FerretDB\/FerretDB (v[\w.-]+)/.exec(
    readFileSync(join(SOURCE_DIR, 'go.mod'), 'utf8'),
  )?.[1];
  if (!version) throw new DatabaseStartError('scripts/ferretdb/go.mod 里没有 FerretDB 的版本');
  const info = JSON.parse(
    await go(['mod', 'download', '-json', `${MODULE}@${version}`], SOURCE_DIR),
  ) as { Dir: string };
  const copy = join(workDir, 'ferretdb-module');
  cpSync(info.Dir, copy, { recursive: true });
  const patches = JSON.parse(readFileSync(join(SOURCE_DIR, 'patches.json'), 'utf8')) as Patch[];
  for (const p of patches) {
    const file = join(copy, p.file);
    const text = readFileSync(file, 'utf8');
    if (!text.includes(p.find))
      throw new DatabaseStartError(`FerretDB 补丁不适用于 ${version}: ${p.file}`);
    chmodSync(file, 0o644);
    writeFileSync(file, text.replace(p.find, p.replace));
  }
  return copy;
}

async function build(target: string): Promise<void> {
  const workDir = `${target}.${process.pid}.build`;
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  try {
    const module = await patchedModule(workDir);
    const main = join(workDir, 'main');
    mkdirSync(main);
    for (const f of ['go.mod', 'go.sum', 'main.go']) cpSync(join(SOURCE_DIR, f), join(main, f));
    await go(['mod', 'edit', `-replace=${MODULE}=${module}`], main);
    // Build beside the target and rename, so a concurrent start never runs a half-written file.
    await go(
      ['build', '-trimpath', '-ldflags=-s -w', '-o', `${target}.${process.pid}.tmp`, '.'],
      main,
    );
    renameSync(`${target}.${process.pid}.tmp`, target);
    // Builds of older sources are not needed again (a running process keeps its open file).
    const cache = join(target, '..', '..');
    for (const dir of readdirSync(cache))
      if (join(cache, dir) !== join(target, '..'))
        rmSync(join(cache, dir), { recursive: true, force: true });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Path of a ready binary, building it first when the cache has none. */
export async function ensureFerretdbBinary(onBuild?: (msg: string) => void): Promise<string> {
  const target = ferretdbBinaryPath();
  if (existsSync(target)) return target;
  onBuild?.('首次启动:正在构建本地数据库 FerretDB(约1–2分钟,仅此一次)…');
  mkdirSync(join(target, '..'), { recursive: true });
  try {
    await build(target);
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e instanceof DatabaseStartError) throw e;
    if (e.code === 'ENOENT') {
      throw new DatabaseStartError(
        '本地数据库需要 Go 来构建,但没有找到 go 命令:请安装 Go,或设置 MONGODB_URI 连接现有的 MongoDB',
      );
    }
    const last = (e.stderr ?? String(err)).trim().split('\n').pop();
    throw new DatabaseStartError(`本地数据库构建失败: ${last}`);
  }
  return target;
}
