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
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths';
import { promisify } from 'node:util';

const run = promisify(execFile);

export { PROJECT_ROOT };
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

const DEFAULT_CACHE = join(PROJECT_ROOT, '.cache', 'ferretdb');

export function ferretdbBinaryPath(cacheDir = DEFAULT_CACHE): string {
  return join(cacheDir, sourceHash(), 'ferretdb');
}

/**
 * The user's GOPROXY, GOFLAGS, GOPRIVATE … reach go (mainland China needs a mirror such as
 * goproxy.cn); only what the build itself needs is added.
 */
function goEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const flags = [env.GOFLAGS, '-mod=mod'].filter(Boolean).join(' ');
  return { ...env, CGO_ENABLED: '0', GOFLAGS: flags, GOWORK: 'off' };
}

async function go(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await run('go', args, {
    cwd,
    env: goEnv(env),
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** A writable copy of the FerretDB module with our patches applied. */
async function patchedModule(workDir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const version = /FerretDB\/FerretDB (v[\w.-]+)/.exec(
    readFileSync(join(SOURCE_DIR, 'go.mod'), 'utf8'),
  )?.[1];
  if (!version) throw new DatabaseStartError('scripts/ferretdb/go.mod 里没有 FerretDB 的版本');
  const info = JSON.parse(
    await go(['mod', 'download', '-json', `${MODULE}@${version}`], SOURCE_DIR, env),
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

async function build(target: string, env: NodeJS.ProcessEnv): Promise<void> {
  const workDir = `${target}.${process.pid}.build`;
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  try {
    const module = await patchedModule(workDir, env);
    const main = join(workDir, 'main');
    mkdirSync(main);
    for (const f of ['go.mod', 'go.sum', 'main.go']) cpSync(join(SOURCE_DIR, f), join(main, f));
    await go(['mod', 'edit', `-replace=${MODULE}=${module}`], main, env);
    // Build beside the target and rename, so a concurrent start never runs a half-written file.
    await go(
      ['build', '-trimpath', '-ldflags=-s -w', '-o', `${target}.${process.pid}.tmp`, '.'],
      main,
      env,
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

export interface BuildOptions {
  onBuild?: (msg: string) => void;
  /** Where built binaries are kept (default `.cache/ferretdb` in the project). */
  cacheDir?: string;
  /** The environment go runs with (default this process's). */
  env?: NodeJS.ProcessEnv;
}

/** Path of a ready binary, building it first when the cache has none. */
export async function ensureFerretdbBinary(opts: BuildOptions = {}): Promise<string> {
  const env = opts.env ?? process.env;
  const target = ferretdbBinaryPath(opts.cacheDir);
  if (existsSync(target)) return target;
  opts.onBuild?.('首次启动:正在构建本地数据库 FerretDB(约1–2分钟,仅此一次)…');
  mkdirSync(join(target, '..'), { recursive: true });
  try {
    await build(target, env);
  } catch (err) {
    throw buildFailure(err, env);
  }
  return target;
}

/** Go fetched nothing: the module proxy is out of reach (the default one is, from mainland China). */
const UNREACHABLE =
  /dial tcp|i\/o timeout|connection refused|no such host|TLS handshake|network is unreachable|proxyconnect|unexpected EOF|Gateway|403 Forbidden|connection reset/i;

function jsonError(stdout: string | undefined): string {
  return /"Error":\s*"((?:[^"\\]|\\.)*)"/.exec(stdout ?? '')?.[1].replace(/\\"/g, '"') ?? '';
}

/** One line in Chinese: what failed and what to do about it. */
function buildFailure(err: unknown, env: NodeJS.ProcessEnv): DatabaseStartError {
  // `go mod download -json` reports its error in the JSON on stdout, not on stderr.
  const e = err as NodeJS.ErrnoException & { stderr?: string; stdout?: string };
  if (e instanceof DatabaseStartError) return e;
  if (e.code === 'ENOENT') {
    return new DatabaseStartError(
      '本地数据库需要 Go 来构建,但没有找到 go 命令:请安装 Go(https://golang.google.cn/dl/),或设置 MONGODB_URI 连接现有的 MongoDB',
    );
  }
  const output = `${e.stderr ?? ''}\n${jsonError(e.stdout)}\n${e.message ?? String(err)}`;
  if (UNREACHABLE.test(output)) {
    const proxy = env.GOPROXY || 'https://proxy.golang.org(Go 的默认代理)';
    return new DatabaseStartError(
      `本地数据库构建失败:下载 Go 模块时连不上 ${proxy}。在中国大陆请换成国内镜像再启动:GOPROXY=https://goproxy.cn,direct npm start;或设置 MONGODB_URI 连接现有的 MongoDB`,
    );
  }
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const why =
    lines.find((l) => /error|cannot|not found|错误/i.test(l) && !l.startsWith('Command failed')) ??
    lines[0];
  return new DatabaseStartError(`本地数据库构建失败: ${why ?? '原因不明(go 没有输出)'}`);
}
