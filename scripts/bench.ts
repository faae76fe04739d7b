/**
 * npm run bench [-- --quick] [-- --soak SECONDS] [-- --messages N] [-- --db URI]
 *   [-- --pipeline-only] [-- --probes-only]
 * --probes-only runs just the one-message probes (PROBE_TRACE, PROBE_PROFILE: scripts/bench/probes.ts;
 *   PROBE_ONLY=<name prefix> picks some).
 * One table, one run, this machine: pipeline throughput and latency through the whole bot with
 * the real local database, memory after N messages, a bounded soak, and the parser, archive and
 * briefing figures of the earlier benches (run as child processes, their lines collected).
 * --quick scales every seed down for a run of a few minutes.
 */
import { execFileSync } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { arg, commandTimes, openBenchDatabase, percentiles } from './bench/setup';
import { verifyStore } from '../src/archive/verify';
import type { IncomingMessage } from '../src/pipeline/message';
import { openPath } from './bench/path';
import {
  childCpuSeconds,
  closedLoop,
  NAMES,
  openLoop,
  openTraffic,
  type Chat,
  type RunResult,
  type Traffic,
} from './bench/pipeline';
import { driverFloor, probe, type ProbeKind, type ProbeResult } from './bench/probes';
import { customerName } from './bench/seed';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const quick = process.argv.includes('--quick');
const log = (s: string) => process.stderr.write(`${s}\n`);
const rows: [string, string][] = [];
const row = (what: string, result: string) => {
  rows.push([what, result]);
  log(`  ${what}: ${result}`);
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
const f1 = (n: number) => n.toFixed(1);

function latency(r: RunResult): string {
  const p = percentiles(r.latencies);
  return `${Math.round(r.messages / r.seconds)} msg/s, p50 ${f1(p.p50)} ms, p99 ${f1(p.p99)} ms (${r.messages} msgs)`;
}

/** Commands per message by kind, and database time per message against its latency. */
function dbShare(
  times: Map<string, { n: number; ms: number }>,
  r: RunResult,
): { writes: number; reads: number; dbMs: number } {
  let writes = 0;
  let reads = 0;
  let dbMs = 0;
  for (const [k, t] of times) {
    dbMs += t.ms;
    if (/^(insert|update|delete|findAndModify)/.test(k)) writes += t.n;
    else reads += t.n;
  }
  return { writes: writes / r.messages, reads: reads / r.messages, dbMs: dbMs / r.messages };
}

/** Probe messages: each kind through the production path, alone. */
function probeKinds(t: Traffic): ProbeKind[] {
  const staff = t.chats.find((c) => c.id === 's1')!;
  const manager = t.chats.find((c) => c.id === 's0')!;
  const group = t.chats.find((c) => c.type === 'group')!;
  const at = (chat: Chat, text: string, id: string): IncomingMessage => ({
    ...t.next(chat),
    senderId: chat.staff[0] === chat.id ? chat.id : chat.staff[1],
    text,
    messageId: id,
    mentioned: false,
  });
  return [
    {
      name: 'visit, known customer',
      before: (n) => at(staff, `${NAMES[n % NAMES.length]} 昨晚 2人 消费900`, `pb-k-${n}`),
      message: (n) => at(staff, `${NAMES[n % NAMES.length]} 今晚 3人 消费1800`, `p-k-${n}`),
    },
    {
      name: 'visit, new customer',
      message: (n) => at(staff, `${customerName(300_000 + n)} 今晚 2人 消费1200`, `p-n-${n}`),
    },
    {
      name: 'amendment (改成…)',
      before: (n) => at(staff, `${NAMES[(n + 7) % NAMES.length]} 今晚 4人 消费2000`, `pb-a-${n}`),
      message: (n) => at(staff, `改成${2100 + n}`, `p-a-${n}`),
    },
    { name: 'question (今天营业额)', message: (n) => at(manager, '今天营业额', `p-q-${n}`) },
    { name: 'group chatter', message: (n) => at(group, '收到', `p-c-${n}`) },
  ];
}

function probeRow(r: ProbeResult): string {
  const top = [...r.byCollection]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${f1(n)}`)
    .join(', ');
  return (
    `${r.handling} round trips to the reply + ${r.after} after it + ${r.reply} sending it; bot CPU ${f1(r.cpuMs)} ms (${f1(r.sysMs)} in the kernel), ` +
    `reply in ${f1(r.ms)} ms (medians); FerretDB CPU ${f1(r.dbCpuMs)} ms (mean); per message: ${top}`
  );
}

async function pipeline(): Promise<void> {
  const db = await openBenchDatabase();
  try {
    const t = await openTraffic(db.models, 40, 8);
    const path = await openPath(db.models, t.bot);
    log(`pipeline on ${db.where}: ${t.chats.length} chats (40 direct, 8 groups), load ${load()}`);
    log('  through journal (fsync), durable intake, bot, delivery queue, stand-in platform');
    await closedLoop(t, path, quick ? 300 : 1000); // warm-up: JIT, connection pool, first customers

    const floor = await driverFloor(db.conn, quick ? 500 : 2000);
    row('one round trip alone (findOne by _id)', `bot CPU ${floor.toFixed(2)} ms (mean)`);
    // PROBE_ONLY=<probe name prefix>: just those probes (a before/after comparison of one kind).
    const only = process.env.PROBE_ONLY ?? '';
    for (const kind of probeKinds(t).filter((k) => k.name.startsWith(only)))
      row(
        `one message: ${kind.name}`,
        probeRow(await probe(db.conn, path, kind, quick ? 30 : 100)),
      );
    if (process.argv.includes('--probes-only')) return await path.close();

    const cpu0 = process.cpuUsage();
    const child0 = childCpuSeconds();
    let closed!: RunResult;
    const times = await commandTimes(db.conn, async () => {
      closed = await closedLoop(t, path, quick ? 3000 : 10_000);
    });
    const cpu = process.cpuUsage(cpu0);
    const nodeCpu = (cpu.user + cpu.system) / 1e6 / closed.seconds;
    const dbCpu = (childCpuSeconds() - child0) / closed.seconds;
    const share = dbShare(times, closed);
    const mean = percentiles(closed.latencies).mean;
    row('pipeline, 48 chats flat out', latency(closed));
    row(
      'per message: database',
      `${f1(share.writes)} writes + ${f1(share.reads)} reads, ${f1(share.dbMs)} ms of ${f1(mean)} ms latency (${Math.round((100 * share.dbMs) / mean)}%)`,
    );
    row(
      'CPU while flat out',
      `bot (Node) ${Math.round(nodeCpu * 100)}% of a core (${f1((nodeCpu * 1000 * closed.seconds) / closed.messages)} ms a message), FerretDB ${Math.round(dbCpu * 100)}% (${f1((dbCpu * 1000 * closed.seconds) / closed.messages)} ms a message), of ${cpus().length} cores`,
    );

    // Offered below and near what it just sustained, then the goal: a platform does not wait.
    const capacity = closed.messages / closed.seconds;
    for (const [rate, secs] of [
      [Math.round(capacity * 0.5), quick ? 5 : 15],
      [Math.round(capacity * 0.9), quick ? 5 : 15],
      [500, 2],
    ]) {
      const r = await openLoop(t, path, rate, secs);
      row(`pipeline at ${rate} msg/s offered for ${secs} s`, latency(r));
    }

    const target = arg('messages', quick ? 10_000 : 100_000);
    log(`memory: ${target} more messages…`);
    const before = process.memoryUsage();
    const heavy = await closedLoop(t, path, target);
    gc();
    const after = process.memoryUsage();
    row(
      `memory after ${target.toLocaleString('en-US')} more messages`,
      `RSS ${mb(after.rss)} (before ${mb(before.rss)}), heapUsed ${mb(after.heapUsed)} (before ${mb(before.heapUsed)})`,
    );

    row(`pipeline over those ${target.toLocaleString('en-US')} messages`, latency(heavy));
    // The archive has grown (the regulars have many visits each): the soak is offered half of what
    // the bot sustains now, not at the start, so it measures memory under load, not a backlog.
    const now = await closedLoop(t, path, quick ? 300 : 1000);
    const soak = arg('soak', quick ? 30 : 150);
    const every = Math.max(5, Math.round(soak / 10));
    const samples: string[] = [];
    let nextSample = 0;
    const soakRate = Math.max(1, Math.round((now.messages / now.seconds) * 0.5));
    log(`soak: ${soak} s of mixed traffic at ${soakRate} msg/s, RSS every ${every} s…`);
    const s = await openLoop(t, path, soakRate, soak, (elapsed) => {
      if (elapsed < nextSample) return;
      nextSample += every;
      samples.push(mb(process.memoryUsage().rss).replace(' MB', ''));
    });
    gc();
    const end = process.memoryUsage();
    row(
      `soak ${soak} s at ${soakRate} msg/s`,
      `${latency(s)}; RSS MB every ${every} s: ${samples.join(' ')} → ${mb(end.rss)} after GC, heapUsed ${mb(end.heapUsed)}`,
    );
    await path.close();
    // Everything the run derived (figures, tiers, cards, day books) against its visits.
    const v0 = performance.now();
    const diffs = await verifyStore(db.models, t.store, '2099-12-31');
    const verifyMs = performance.now() - v0;
    const visits = await db.models.Visit.countDocuments({ status: 'active' });
    row(
      'consistency after the run (npm run verify)',
      diffs.length === 0
        ? `0 differences over ${visits.toLocaleString('en-US')} visits (${(verifyMs / 1000).toFixed(1)} s)`
        : `${diffs.length} DIFFERENCES, e.g. ${diffs
            .slice(0, 3)
            .map((d) => `${d.what} ${d.who}: ${d.detail}`)
            .join('; ')}`,
    );
    if (diffs.length) process.exitCode = 1;
  } finally {
    await db.close();
  }
}

/** The earlier benches, each in its own process so their databases and heaps stay apart. */
function earlier(): void {
  const size = quick
    ? ['--customers', '10000', '--visits', '100000']
    : ['--customers', '100000', '--visits', '1000000'];
  const runs: [string, string[]][] = [
    ['bench-parse.ts', []],
    ['bench-archive.ts', [...size, '--runs', quick ? '100' : '300']],
    ['bench-briefing.ts', [...size, '--stores', quick ? '5' : '50']],
  ];
  for (const [script, args] of runs) {
    log(`${script} ${args.join(' ')}…`);
    const out = execFileSync('npx', ['tsx', `scripts/${script}`, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    });
    const lines = out.trim().split('\n');
    // The header line says what was seeded; the rest are figures (per-command detail left out).
    for (const line of lines.filter((l) => !l.startsWith('  ') && !l.startsWith('database time')))
      row(script.replace('.ts', ''), line.trim());
  }
}

async function main(): Promise<void> {
  const machine = `${cpus().length} cores (${cpus()[0]?.model}), ${mb(totalmem())} RAM (${mb(freemem())} free), Node ${process.version}`;
  const loadBefore = load();
  const t0 = performance.now();
  await pipeline();
  const loadMid = load();
  // The probes alone (a minute, not the pipeline runs and the earlier benches): for profiling.
  if (!['--pipeline-only', '--probes-only'].some((f) => process.argv.includes(f))) earlier();
  console.log(`npm run bench${quick ? ' --quick' : ''} on ${machine}`);
  console.log(
    `load average (1/5/15 min): ${loadBefore} at start, ${loadMid} after the pipeline, ${load()} at end; ${Math.round((performance.now() - t0) / 1000)} s in all`,
  );
  console.log('');
  console.log('| what | result |');
  console.log('| --- | --- |');
  for (const [what, result] of rows) console.log(`| ${what} | ${result.replace(/\|/g, '\\|')} |`);
}

main().catch((err: Error) => {
  process.stderr.write(`bench: ${err.stack}\n`);
  process.exit(1);
});
