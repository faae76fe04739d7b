/**
 * Drive the bot the way production does (scripts/bench/path.ts: journal, bot, outbox, platform):
 * many chats side by side, each chat's messages in order, seeded mixed traffic from traffic.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createBot, type Bot } from '../../src/bot';
import { loadConfig } from '../../src/config';
import type { Models } from '../../src/model';
import type { StoreDoc } from '../../src/model/store';
import type { IncomingMessage } from '../../src/pipeline/message';
import { ensureStaff, ensureStore } from '../../src/setup';
import type { Path } from './path';
import { prng } from './prng';
import { silentLog } from './setup';
import { randomMessage, recordText, type Rnd } from './traffic';

const SURNAMES = '张李王刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧';
const TITLES = ['总', '姐', '哥', '老板', '先生', '女士', '经理', '董'];
const GIVEN = ['建国', '志强', '海燕', '丽华', '国平', '晓明', '春梅', '振华', '秀英', '卫东'];
/**
 * 540 customers staff keep coming back to, so the archive grows and lookups hit. Too few and every
 * customer collects hundreds of visits in a long run: each record then rewrites a large document.
 */
export const NAMES = [...SURNAMES].flatMap((s) => [
  ...TITLES.map((t) => s + t),
  ...GIVEN.map((g) => s + g),
]);

/** Time between two messages of the traffic: 3,000 messages a business day. */
const MESSAGE_GAP_MS = Math.round(86_400_000 / 3000);

/** Direct chats carry records and commands; team groups mostly chatter. */
const DIRECT_MIX = [0.6, 0.25, 0.05, 0.05, 0.05];
const GROUP_MIX = [0.35, 0.05, 0, 0.55, 0.05];

export interface Chat {
  id: string;
  type: 'direct' | 'group';
  staff: string[];
}

export interface Traffic {
  bot: Bot;
  store: StoreDoc;
  chats: Chat[];
  next(chat: Chat): IncomingMessage;
}

/** A store with `staffCount` staff (direct chats) and `groups` team groups they all talk in. */
export async function openTraffic(
  models: Models,
  staffCount: number,
  groups: number,
  seed = 1,
): Promise<Traffic> {
  const store = await ensureStore(models, loadConfig({}));
  const staff = Array.from({ length: staffCount }, (_, i) => `s${i}`);
  for (const [i, id] of staff.entries())
    await ensureStaff(models, store, {
      platform: 'bench',
      userId: id,
      name: `员工${i}`,
      role: i % 10 === 0 ? 'manager' : 'staff',
    });
  for (let g = 0; g < groups; g++)
    await models.TeamGroup.updateOne(
      { platform: 'bench', chatId: `g${g}` },
      { $set: { storeId: store._id, name: `群${g}` } },
      { upsert: true },
    );
  const chats: Chat[] = [
    ...staff.map((id) => ({ id, type: 'direct' as const, staff: [id] })),
    ...Array.from({ length: groups }, (_, g) => ({ id: `g${g}`, type: 'group' as const, staff })),
  ];
  const rnd = prng(seed);
  let n = 0;
  const start = Date.parse('2026-11-22T18:00:00+08:00');
  return {
    bot: createBot({ models, log: silentLog, journaled: true }),
    store,
    chats,
    next: (chat) => {
      const text = message(rnd, chat);
      return {
        platform: 'bench',
        chatId: chat.id,
        chatType: chat.type,
        senderId: chat.staff[Math.floor(rnd() * chat.staff.length)],
        text,
        mentioned: false,
        // The clock moves with the traffic, a busy store's day (about 1,000 tables) every 3,000
        // messages: a day's books stay the size of a real day's however fast the bench runs.
        time: new Date(start + n * MESSAGE_GAP_MS),
        messageId: `m${n++}`,
      };
    },
  };
}

function message(rnd: Rnd, chat: Chat): string {
  const m = randomMessage(rnd, chat.type === 'direct' ? DIRECT_MIX : GROUP_MIX);
  // Records name the store's regulars rather than the fuzz test's dozen.
  return m.kind === 'record' ? recordText(rnd, NAMES) : m.text;
}

export interface RunResult {
  messages: number;
  seconds: number;
  /** Message arrival (taken by the journal) to its reply sent by the platform, ms. */
  latencies: number[];
}

/**
 * Every chat sends its next message as soon as the previous one is answered (its reply sent), or
 * handled when it gets none.
 */
export async function closedLoop(t: Traffic, path: Path, total: number): Promise<RunResult> {
  const latencies: number[] = [];
  let sent = 0;
  const t0 = performance.now();
  await Promise.all(
    t.chats.map(async (chat) => {
      while (sent < total) {
        sent++;
        const r = await path.send(t.next(chat));
        if (r.replied) latencies.push(r.ms);
      }
    }),
  );
  return { messages: sent, seconds: (performance.now() - t0) / 1000, latencies };
}

/**
 * Messages arrive at `rate` per second spread over the chats, whether or not earlier ones are
 * done: latency then includes waiting behind the chat's earlier messages, as on a platform.
 */
export async function openLoop(
  t: Traffic,
  path: Path,
  rate: number,
  seconds: number,
  onTick?: (elapsed: number) => void,
): Promise<RunResult> {
  const latencies: number[] = [];
  const t0 = performance.now();
  let due = 0;
  let i = 0;
  while (performance.now() - t0 < seconds * 1000) {
    const elapsed = (performance.now() - t0) / 1000;
    onTick?.(elapsed);
    for (; due < elapsed * rate; due++) {
      const chat = t.chats[i++ % t.chats.length];
      void path.send(t.next(chat)).then((r) => r.replied && latencies.push(r.ms));
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await path.idle();
  return { messages: due, seconds: (performance.now() - t0) / 1000, latencies };
}

/** CPU seconds used so far by this process's children (the local FerretDB), from /proc. */
export function childCpuSeconds(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[1]) === process.pid) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks / 100; // USER_HZ
}
