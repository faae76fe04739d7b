/**
 * What /healthz reports: whether the database answers a ping now, and the state of each platform
 * adapter as far as the bot knows (started and not stopped). Healthy only when all are.
 */
import type { Connection } from 'mongoose';
import type { ChatAdapter } from '../pipeline/message';
import type { Metrics } from './metrics';

export type AdapterState = 'starting' | 'connected' | 'failed' | 'stopped';

export interface Health {
  healthy: boolean;
  db: 'ok' | 'unreachable';
  adapters: Record<string, AdapterState>;
}

/** A ping slower than this counts as unreachable: the driver itself would wait 3 s. */
const PING_TIMEOUT_MS = 1000;

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_res, rej) => {
    timer = setTimeout(() => rej(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export async function pingDatabase(conn: Connection): Promise<boolean> {
  try {
    const db = conn.db;
    if (!db) return false;
    await withTimeout(db.command({ ping: 1 }), PING_TIMEOUT_MS);
    return true;
  } catch {
    return false;
  }
}

export class AdapterStates {
  private readonly states = new Map<string, AdapterState>();
  constructor(private readonly metrics: Metrics) {}

  set(platform: string, state: AdapterState): void {
    this.states.set(platform, state);
    this.metrics.adapterConnected(platform, state === 'connected');
  }

  all(): Record<string, AdapterState> {
    return Object.fromEntries(this.states);
  }

  /** The same adapter, reporting its state here and counting what it sends. */
  watch(adapter: ChatAdapter): ChatAdapter {
    const { platform } = adapter;
    this.set(platform, 'starting');
    return {
      platform,
      finished: adapter.finished,
      start: async (onMessage, lookups) => {
        try {
          await adapter.start(onMessage, lookups);
          this.set(platform, 'connected');
        } catch (err) {
          this.set(platform, 'failed');
          throw err;
        }
      },
      send: async (msg) => {
        await adapter.send(msg);
        this.metrics.messageSent(platform);
      },
      stop: async () => {
        this.set(platform, 'stopped');
        await adapter.stop();
      },
    };
  }
}

export async function healthOf(conn: Connection, adapters: AdapterStates): Promise<Health> {
  const db = (await pingDatabase(conn)) ? 'ok' : 'unreachable';
  const states = adapters.all();
  const healthy = db === 'ok' && Object.values(states).every((s) => s === 'connected');
  return { healthy, db, adapters: states };
}

/** A count asked for on every scrape, run at most every `ttlMs`; -1 when it cannot be had. */
export function cachedCount(count: () => Promise<number>, ttlMs = 5000): () => Promise<number> {
  let last = { at: -Infinity, value: -1 };
  return async () => {
    const now = Date.now();
    if (now - last.at < ttlMs) return last.value;
    const value = await withTimeout(count(), PING_TIMEOUT_MS).catch(() => -1);
    last = { at: now, value };
    return value;
  };
}
