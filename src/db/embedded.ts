/**
 * Starts and supervises the local MongoDB-wire server when no MONGODB_URI is given. If the server
 * dies under a running bot it is started again on the same port with backoff, so the bot recovers
 * by itself; the mongoose driver reconnects on its own once the port answers again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { DatabaseStartError, ensureFerretdbBinary } from './ferretdb-binary';

export interface EmbeddedDatabase {
  /** mongodb:// URI without a database name (append one). */
  uri: string;
  port: number;
  stop(): Promise<void>;
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

function launch(binary: string, port: number, dir: string): Promise<ChildProcess> {
  return new Promise((res, rej) => {
    const child = spawn(binary, ['--listen', `127.0.0.1:${port}`, '--dir', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rej(new DatabaseStartError(`本地数据库 20 秒内没有启动: ${stderr.trim().split('\n').pop() ?? ''}`));
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

export async function startEmbeddedDatabase(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const binary = await ensureFerretdbBinary(opts.onLog);
  const dir = resolve(join(opts.dataDir, 'ferretdb'));
  mkdirSync(dir, { recursive: true });
  const port = opts.port && opts.port > 0 ? opts.port : await freePort();
  let child = await launch(binary, port, dir);
  let stopping = false;

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
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((res) => {
        child.once('exit', () => res());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      });
    },
  };
}
