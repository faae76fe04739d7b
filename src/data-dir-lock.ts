/**
 * One bot process per data directory. Its journal, holder file and (by default) embedded
 * database live there, and the embedded database's updates are not atomic across processes: two
 * bots on one directory lose tables from customer histories (test/integrity/two-processes.test.ts
 * shows it). Several processes need MongoDB (MONGODB_URI) and a DATA_DIR each. The command-line
 * tools do not take the lock: they may share a running bot's database.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { processAlive } from './process-alive';

export class AlreadyRunningError extends Error {}

function holderPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** A supervisor's restart may come while the killed bot is still on its way out. */
const WAIT_FOR_EXIT_MS = 5000;

async function liveHolder(file: string): Promise<number | undefined> {
  const until = Date.now() + WAIT_FOR_EXIT_MS;
  for (;;) {
    const pid = holderPid(file);
    // A container restarts the bot with the same pid (often 1): that file is our own, left by a kill.
    if (pid === undefined || pid === process.pid || !processAlive(pid)) return undefined;
    if (Date.now() > until) return pid;
    await new Promise((res) => setTimeout(res, 250));
  }
}

/** Take the directory for this process, or throw when another live bot holds it. */
export async function lockDataDir(dataDir: string): Promise<() => void> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'bot.pid');
  const pid = await liveHolder(file);
  if (pid !== undefined)
    throw new AlreadyRunningError(
      `另一个机器人进程(pid ${pid})正在使用 ${dataDir}。同一个数据目录只能运行一个机器人;` +
        `要多个进程请用 MongoDB(MONGODB_URI),每个进程一个 DATA_DIR。确认没有在运行时删除 ${file}`,
    );
  rmSync(file, { force: true });
  // `wx`: of two starts at the same moment, one creates the file and the other fails here.
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch {
    throw new AlreadyRunningError(`另一个机器人进程正在启动,使用 ${dataDir}`);
  }
  writeSync(fd, String(process.pid));
  closeSync(fd);
  const release = () => {
    if (holderPid(file) === process.pid) rmSync(file, { force: true });
  };
  process.once('exit', release);
  return release;
}
