/**
 * Drive the bot the way acceptance does: replay events in, sent messages out, against a real
 * database. Feature tests read like the scenario files staff behaviour is specified with.
 */
import { loadConfig } from '../../src/config';
import { createReplayer, type ReplayOutput } from '../../src/replay/replayer';
import { ensureStore } from '../../src/setup';
import { dm, staff } from './events';
import { openTestDatabase, type TestDatabase } from './db';

export interface Scenario {
  db: TestDatabase;
  /** Feed events; returns everything the bot sent while processing them. */
  run(...events: unknown[]): Promise<ReplayOutput[]>;
  /** Texts only, for terse assertions. */
  say(...events: unknown[]): Promise<string[]>;
  close(): Promise<void>;
}

export async function openScenario(env: NodeJS.ProcessEnv = {}): Promise<Scenario> {
  const db = await openTestDatabase();
  const store = await ensureStore(db.models, loadConfig(env));
  const replayer = createReplayer(db.services, store);
  let line = 0;
  const run = async (...events: unknown[]) => {
    const out: ReplayOutput[] = [];
    for (const e of events) out.push(...(await replayer.feed(e, ++line)));
    return out;
  };
  return {
    db,
    run,
    say: async (...events) => (await run(...events)).map((o) => o.text),
    close: () => db.drop(),
  };
}

/** 海港店 with 小王 (staff), 陈店长 (manager), team group g1, and 张总's first visit last night. */
export async function openStoreAfterFirstVisit(): Promise<Scenario> {
  const s = await openScenario({ STORE_NAME: '海港店' });
  await s.run(staff('wang', '小王'), staff('boss', '陈店长', 'manager'), { group: { id: 'g1' } });
  await s.run(dm('wang', '张总 今晚 3人 消费2800 牡丹厅', '2026-11-22T21:00:00+08:00'));
  return s;
}
