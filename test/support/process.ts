/** Run the real entry points (npm start, replay) as child processes, the way users do. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
/** A script that has not exited by then is stuck: it is killed, and its test fails. */
const SCRIPT_LIMIT_MS = 120_000;

/** Bots started by the current test file and not yet gone; `killStrayBots` ends them. */
const running = new Set<LiveBot>();

/**
 * Kill every bot a test left running (a failed assertion skips its own clean-up). A bot runs in
 * its own process group, so nothing else would stop it, and its pipes would keep jest waiting.
 */
export async function killStrayBots(): Promise<void> {
  await Promise.all([...running].map((b) => b.kill()));
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a TypeScript entry point with `input` on stdin and wait for it to exit. */
export function runScript(
  script: string,
  input: string,
  env: NodeJS.ProcessEnv = {},
  args: string[] = [],
): Promise<Finished> {
  return new Promise((res, rej) => {
    const child = spawn(TSX, [join(ROOT, script), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    const limit = setTimeout(() => child.kill('SIGKILL'), SCRIPT_LIMIT_MS);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', rej);
    child.on('close', (code) => {
      clearTimeout(limit);
      res({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

/** A long-running bot on the console: write a line, await the reply. */
export interface LiveBot {
  child: ChildProcessWithoutNullStreams;
  /** SIGKILL the bot itself: tsx runs it in a child process, so the whole group goes. */
  kill(): Promise<void>;
  say(text: string, timeoutMs?: number): Promise<string>;
  end(): Promise<number | null>;
  /** The last few thousand characters it wrote on stderr, for a failing test's message. */
  stderr(): string;
}

export function startBot(env: NodeJS.ProcessEnv): LiveBot {
  const child = spawn(TSX, [join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    // Its own process group, so a kill reaches the node process tsx starts, not only tsx.
    detached: true,
  });
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-8000)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const w = waiters.shift();
    if (w) w(line);
    else lines.push(line);
  });
  const next = (timeoutMs: number) =>
    new Promise<string>((res, rej) => {
      const ready = lines.shift();
      if (ready !== undefined) return res(ready);
      const waiter = (line: string) => {
        clearTimeout(timer);
        res(line);
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        rej(new Error(`no reply within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.push(waiter);
    });
  const exited = new Promise<void>((res) => child.once('close', () => res()));
  const bot: LiveBot = {
    child,
    stderr: () => stderr,
    kill: async () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    },
    // A reply may span several lines: take the first, then whatever follows without a pause.
    say: async (text, timeoutMs = 15_000) => {
      child.stdin.write(`${text}\n`);
      const reply = [
        await next(timeoutMs).catch((err: Error) => {
          throw new Error(`${err.message} to "${text}"; the bot said on stderr: ${stderr}`);
        }),
      ];
      for (;;) {
        const more = await next(300).catch(() => undefined);
        if (more === undefined) return reply.join('\n');
        reply.push(more);
      }
    },
    end: () =>
      new Promise((res) => {
        child.once('close', (code) => res(code));
        child.stdin.end();
      }),
  };
  running.add(bot);
  void exited.then(() => running.delete(bot));
  return bot;
}
