/** A running `npm start` (console adapter) whose every output line is kept, for accounting tests. */
import { connectDatabase } from '../../src/db/connect';
import { createModels, type Models } from '../../src/model';
import { startBot, type LiveBot } from './process';

export interface Watched {
  bot: LiveBot;
  lines: string[];
  write(text: string): void;
  /** Resolves once `done(lines)` holds, or rejects after `ms`. */
  until(done: (lines: string[]) => boolean, ms: number): Promise<void>;
}

export function watchBot(env: NodeJS.ProcessEnv): Watched {
  const bot = startBot(env);
  const lines: string[] = [];
  let rest = '';
  // A line written as the process is being killed goes nowhere, as on a real crash.
  bot.child.stdin.on('error', () => undefined);
  bot.child.stdout.on('data', (d: Buffer) => {
    const parts = (rest + d.toString()).split('\n');
    rest = parts.pop() ?? '';
    lines.push(...parts);
  });
  return {
    bot,
    lines,
    write: (text) => {
      if (!bot.child.stdin.destroyed) bot.child.stdin.write(`${text}\n`);
    },
    until: async (done, ms) => {
      const end = Date.now() + ms;
      while (!done(lines)) {
        if (Date.now() > end)
          throw new Error(
            `gave up waiting after ${ms} ms; the bot said:\n${lines.join('\n')}\n` +
              `and on stderr:\n${bot.stderr()}`,
          );
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/** Each customer's active visits, read straight from the database the bot wrote. */
export async function visitsByCustomer(
  uri: string,
  dbName: string,
): Promise<{
  models: Models;
  counts: Map<string, number>;
  close(): Promise<void>;
}> {
  const conn = await connectDatabase(uri, dbName);
  const models = createModels(conn);
  const customers = await models.Customer.find({}).lean();
  const visits = await models.Visit.find({ status: 'active' }).lean();
  const names = new Map(customers.map((c) => [String(c._id), c.name]));
  const counts = new Map<string, number>();
  for (const v of visits) {
    const name = names.get(String(v.customerId)) ?? '?';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return { models, counts, close: () => conn.close() };
}

/** Names staff write, each different, so every message is one customer's one visit. */
export const GUESTS = [
  ...'张李王赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
].map((s) => `${s}总`);
