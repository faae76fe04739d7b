/**
 * The real bot behind an adapter under test: a fresh database, the store, one staff member (or
 * admin) on the platform, and the same wiring as src/main.ts (handle, then send every reply through the adapter).
 */
import { createBot } from '../../../src/bot';
import { loadConfig } from '../../../src/config';
import { groupPushKeyOf } from '../../../src/archive/stores';
import type { AdapterLookups, ChatAdapter, IncomingMessage } from '../../../src/pipeline/message';
import { ensureStaff, ensureStore } from '../../../src/setup';
import { openTestDatabase, type TestDatabase } from '../../support/db';

export interface BotRig {
  db: TestDatabase;
  store: Awaited<ReturnType<typeof ensureStore>>;
  /** What main.ts passes to adapter.start(). */
  handlerFor(adapter: ChatAdapter): (msg: IncomingMessage) => Promise<void>;
  /** What main.ts passes to adapter.start() besides the handler. */
  lookups: AdapterLookups;
  close(): Promise<void>;
}

export async function openBotRig(
  platform: string,
  staffUserId: string,
  role: 'staff' | 'admin' = 'staff',
): Promise<BotRig> {
  const db = await openTestDatabase();
  const store = await ensureStore(db.models, loadConfig({}));
  await ensureStaff(db.models, store, {
    platform,
    userId: staffUserId,
    name: '小王',
    role,
  });
  const bot = createBot(db.services);
  return {
    db,
    store,
    handlerFor: (adapter) => async (msg) => {
      for (const reply of await bot.handle(msg)) await adapter.send(reply);
    },
    lookups: { groupPushKey: (platform, chatId) => groupPushKeyOf(db.models, platform, chatId) },
    close: () => db.drop(),
  };
}
