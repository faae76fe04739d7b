/**
 * Starts and supervises the local MongoDB-wire server when no MONGODB_URI is given. If the server
 * dies under a running bot it is started again on the same port with backoff, so the bot recovers
 * by itself; the mongoose driver reconnects on its own once the port answers again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { DatabaseStartError, ensureFerretdbBinary } from './ferretdb-binary';
import { processAlive } from '../process-alive';

export interface EmbeddedDatabase {
  /** mongodb:// URI without a database name (append one). */
  uri: string;
  port: number;
  /** Stop the server; `abruptly` kills it at once, as a crash or power cut would (tests). */
  stop(abruptly?: boolean): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  onLog?: (msg: string) => void;
  /** Restart the server if it exits while we did not ask it to (default true). */
  supervise?: boolean;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => res(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/**
 * Go's collector at its default (GOGC=100) was a third of the server's CPU: each command makes
 * short-lived garbage (documents decoded from JSON) over a live heap of a few MB, so it collected
 * all the time. Collecting at 20× the live heap, and at the latest at 256 MiB, doubled the
 * messages per second the bot gets through (bench: 64–75 → 116–134 msg/s) for ~200 MB of RSS.
 * GOGC or GOMEMLIMIT set in the environment win.
 */
const GO_MEMORY = { GOGC: '2000', GOMEMLIMIT: '256MiB' };

function launch(binary: string, port: number, dir: string): Promise<ChildProcess> {
  return new Promise((res, rej) => {
    const child = spawn(binary, ['--listen', `127.0.0.1:${port}`, '--dir', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...GO_MEMORY, ...process.env },
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rej(
        new DatabaseStartError(
          `本地数据库 20 秒内没有启动: ${stderr.trim().split('\n').pop() ?? ''}`,
        ),
      );
    }, 20_000);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      if (line.startsWith('ready ')) res(child);
      else rej(new DatabaseStartError(`本地数据库启动异常: ${line}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const why = stderr.trim().split('\n').pop() ?? `exit ${code}`;
      rej(new DatabaseStartError(`本地数据库启动失败: ${why}`));
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      rej(new DatabaseStartError(`本地数据库无法运行: ${err.message}`));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((res) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), res(true)));
    socket.once('error', () => res(false));
    socket.once('timeout', () => (socket.destroy(), res(false)));
  });
}

/**
 * The server another process (a running bot) already keeps for this data directory: the staff
 * command-line tool or a second start then shares it instead of opening the same files twice.
 */
async function runningServer(stateFile: string): Promise<number | undefined> {
  try {
    const { port, pid } = JSON.parse(readFileSync(stateFile, 'utf8')) as {
      port: number;
      pid: number;
    };
    return processAlive(pid) && (await answers(port)) ? port : undefined;
  } catch {
    return undefined;
  }
}

export async function startEmbeddedDatabase(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dir = resolve(join(opts.dataDir, 'ferretdb'));
  mkdirSync(dir, { recursive: true });
  const stateFile = join(dir, 'server.json');
  const shared = await runningServer(stateFile);
  if (shared)
    return { uri: `mongodb://127.0.0.1:${shared}/`, port: shared, stop: async () => undefined };

  const binary = await ensureFerretdbBinary({ onBuild: opts.onLog });
  const port = opts.port && opts.port > 0 ? opts.port : await freePort();
  let child = await launch(binary, port, dir);
  let stopping = false;
  const record = (c: ChildProcess) =>
    writeFileSync(stateFile, JSON.stringify({ port, pid: c.pid }));
  record(child);

  const watch = (c: ChildProcess): void => {
    c.once('exit', () => {
      if (stopping || opts.supervise === false) return;
      opts.onLog?.('本地数据库意外退出,正在重启…');
      void restart(1);
    });
  };
  const restart = async (attempt: number): Promise<void> => {
    if (stopping) return;
    try {
      child = await launch(binary, port, dir);
      record(child);
      watch(child);
      opts.onLog?.('本地数据库已重启');
    } catch {
      setTimeout(() => void restart(attempt + 1), Math.min(30_000, 500 * 2 ** attempt)).unref();
    }
  };
  watch(child);

  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    port,
    stop: async (abruptly = false) => {
      stopping = true;
      rmSync(stateFile, { force: true });
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((res) => {
        child.once('exit', () => res());
        child.kill(abruptly ? 'SIGKILL' : 'SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      });
    },
  };
}
