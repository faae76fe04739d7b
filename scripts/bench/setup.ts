/** Shared by the benchmarks: a scratch local database (or --db), models, a store and its staff. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase } from '../../src/db/connect';
import { startEmbeddedDatabase } from '../../src/db/embedded';
import { createLogger } from '../../src/log';
import { createModels, ensureIndexes, type Models } from '../../src/model';
import type { Connection } from 'mongoose';

export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

export interface BenchDatabase {
  models: Models;
  conn: Connection;
  where: string;
  close(): Promise<void>;
}

export async function openBenchDatabase(): Promise<BenchDatabase> {
  const i = process.argv.indexOf('--db');
  if (i >= 0) {
    const conn = await connectDatabase(process.argv[i + 1], `bench_${Date.now()}`, {
      monitorCommands: true,
    });
    const models = createModels(conn);
    await ensureIndexes(models);
    return {
      models,
      conn,
      where: 'MongoDB (--db)',
      close: async () => (await conn.dropDatabase(), await conn.close()),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'huitouke-bench-'));
  const db = await startEmbeddedDatabase({ dataDir: dir });
  const conn = await connectDatabase(db.uri, 'bench', { monitorCommands: true });
  const models = createModels(conn);
  await ensureIndexes(models);
  return {
    models,
    conn,
    where: 'local FerretDB v1 (SQLite)',
    close: async () => {
      await conn.close();
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const silentLog = createLogger('silent');

export function percentiles(samples: number[]): {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
} {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Time spent per database command while `during` runs: where a slow operation goes. */
export async function commandTimes(
  conn: Connection,
  during: () => Promise<void>,
): Promise<Map<string, { n: number; ms: number }>> {
  const client = conn.getClient();
  const names = new Map<number, string>();
  const totals = new Map<string, { n: number; ms: number }>();
  const started = (e: {
    requestId: number;
    commandName: string;
    command: Record<string, unknown>;
  }) => names.set(e.requestId, `${e.commandName} ${String(e.command[e.commandName])}`);
  const succeeded = (e: { requestId: number; duration: number }) => {
    const k = names.get(e.requestId) ?? '?';
    const t = totals.get(k) ?? { n: 0, ms: 0 };
    totals.set(k, { n: t.n + 1, ms: t.ms + e.duration });
  };
  client.on('commandStarted', started);
  client.on('commandSucceeded', succeeded);
  try {
    await during();
  } finally {
    client.off('commandStarted', started);
    client.off('commandSucceeded', succeeded);
  }
  return totals;
}
