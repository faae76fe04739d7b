/**
 * One message at a time through the production path, nothing else running: the database commands
 * it takes, by collection, split into handling it (up to queueing its replies) and sending the
 * reply, and the bot's CPU for it. Medians over many messages of each kind.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import type { IncomingMessage } from '../../src/pipeline/message';
import type { Path } from './path';
import { childCpuSeconds } from './pipeline';
import { percentiles } from './setup';

export interface ProbeKind {
  name: string;
  /** The n-th message of this kind (each a message of its own). */
  message(n: number): IncomingMessage;
  /** Sent before each probe and not counted (a record before 改成…). */
  before?(n: number): IncomingMessage;
}

export interface ProbeResult {
  name: string;
  /**
   * Median round trips handling it up to queueing its reply, then the derived work left for
   * after the reply (pipeline/after-reply.ts), then queueing and sending the reply (the outbox).
   */
  handling: number;
  after: number;
  reply: number;
  /** Mean round trips per collection (handling and reply together). */
  byCollection: Map<string, number>;
  cpuMs: number;
  /** Of which in the kernel (socket writes, the journal's fsync). */
  sysMs: number;
  /** CPU of the local database's process, mean per message (/proc counts in 10 ms ticks). */
  dbCpuMs: number;
  ms: number;
}

function collectionOf(command: Record<string, unknown>, name: string): string {
  const c = command[name];
  return typeof c === 'string' ? c : name;
}

/**
 * PROBE_PROFILE=<folder>: a CPU profile of each probe alone (open it in Chrome's DevTools), so
 * the seeding and warm-up are not in it as they are with `node --cpu-prof`.
 */
async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
  const dir = process.env.PROBE_PROFILE;
  if (!dir) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    const file = `${name.replace(/[^\w]+/g, '-')}.cpuprofile`;
    writeFileSync(join(dir, file), JSON.stringify(profile));
    session.disconnect();
  }
}

export function probe(
  conn: Connection,
  path: Path,
  kind: ProbeKind,
  count: number,
): Promise<ProbeResult> {
  return profiled(kind.name, () => measure(conn, path, kind, count));
}

async function measure(
  conn: Connection,
  path: Path,
  kind: ProbeKind,
  count: number,
): Promise<ProbeResult> {
  const client = conn.getClient();
  let phase: 'off' | 'handling' | 'reply' = 'off';
  let counts = { handling: 0, after: 0, reply: 0 };
  const totals = new Map<string, number>();
  const started = (e: { commandName: string; command: Record<string, unknown> }) => {
    if (phase === 'off') return;
    // Once the reply is queued, the outbox's commands send it; any other is work after it.
    const outbox = collectionOf(e.command, e.commandName) === 'pendingmessages';
    const bucket = phase === 'reply' && !outbox ? 'after' : phase;
    counts[bucket] += 1;
    if (process.env.PROBE_TRACE && kind.name.startsWith(process.env.PROBE_TRACE))
      process.stderr.write(
        `TRACE ${bucket} ${e.commandName} ${collectionOf(e.command, e.commandName)} ${JSON.stringify(e.command.filter ?? e.command.query ?? e.command.updates ?? e.command.documents ?? '').slice(0, 300)}\n`,
      );
    const k = `${e.commandName} ${collectionOf(e.command, e.commandName)}`;
    totals.set(k, (totals.get(k) ?? 0) + 1);
  };
  client.on('commandStarted', started);
  path.onEnqueue = () => {
    if (phase === 'handling') phase = 'reply';
  };
  const handling: number[] = [];
  const after: number[] = [];
  const reply: number[] = [];
  const cpu: number[] = [];
  const sys: number[] = [];
  const d0 = childCpuSeconds();
  const ms: number[] = [];
  try {
    for (let n = 0; n < count; n++) {
      if (kind.before) await path.send(kind.before(n));
      await new Promise((r) => setTimeout(r, 20));
      counts = { handling: 0, after: 0, reply: 0 };
      phase = 'handling';
      const c0 = process.cpuUsage();
      const r = await path.send(kind.message(n));
      // The reply's "sent" mark follows the platform's acceptance: wait for it to be written.
      await new Promise((res) => setTimeout(res, 20));
      const c = process.cpuUsage(c0);
      phase = 'off';
      handling.push(counts.handling);
      after.push(counts.after);
      reply.push(counts.reply);
      // The 40 ms of waiting cost no CPU; what was used is the message's.
      cpu.push((c.user + c.system) / 1000);
      sys.push(c.system / 1000);
      ms.push(r.ms);
    }
  } finally {
    client.off('commandStarted', started);
    path.onEnqueue = undefined;
  }
  return {
    name: kind.name,
    handling: percentiles(handling).p50,
    after: percentiles(after).p50,
    reply: percentiles(reply).p50,
    byCollection: new Map([...totals].map(([k, n]) => [k, n / count])),
    cpuMs: percentiles(cpu).p50,
    sysMs: percentiles(sys).p50,
    dbCpuMs: ((childCpuSeconds() - d0) * 1000) / count,
    ms: percentiles(ms).p50,
  };
}

/**
 * What one round trip costs the bot with no bot code around it: a `findOne` by `_id` through the
 * same driver and connection, after a warm-up. The probes above cannot go below their round trips
 * times this.
 */
export async function driverFloor(conn: Connection, count: number): Promise<number> {
  const col = conn.getClient().db(conn.name).collection<{ _id: string }>('benchfloor');
  await col.updateOne({ _id: 'floor' }, { $set: { at: new Date() } }, { upsert: true });
  for (let i = 0; i < count; i++) await col.findOne({ _id: 'floor' });
  const c0 = process.cpuUsage();
  for (let i = 0; i < count; i++) await col.findOne({ _id: 'floor' });
  const c = process.cpuUsage(c0);
  await col.drop();
  return (c.user + c.system) / 1000 / count;
}
