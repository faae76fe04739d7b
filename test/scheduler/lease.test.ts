import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHolder } from '../../src/holder-file';
import type { Connection } from 'mongoose';
import { loadConfig } from '../../src/config';
import { connectDatabase } from '../../src/db/connect';
import { JOBS } from '../../src/jobs';
import { createLogger } from '../../src/log';
import { createModels, type Models } from '../../src/model';
import type { KeyedMessage } from '../../src/outbox/keys';
import { createSequence, enqueue } from '../../src/outbox/queue';
import { DEFAULT_DELIVERY } from '../../src/outbox/settings';
import type { Services } from '../../src/pipeline/context';
import { MAX_JOB_ATTEMPTS } from '../../src/scheduler/claim';
import { runDueJobs, type Job } from '../../src/scheduler/jobs';
import { ensureStore } from '../../src/setup';
import { fakePlatform, openDelivery } from '../outbox/rig';
import { waitUntil } from '../support/wait';
import { openTestDatabase, testServerUri, type TestDatabase } from '../support/db';

const NOW = new Date('2026-11-22T09:30:00+08:00');
const LEASE = DEFAULT_DELIVERY.jobLeaseMs;
const later = (ms: number) => new Date(NOW.getTime() + ms);

/** A job that greets both groups: what a briefing is, minus the content. */
const greeting: Job = {
  name: 'greeting',
  timeOf: () => '09:00',
  run: async () =>
    ['g1', 'g2'].map((chatId) => ({
      platform: 'telegram',
      chatId,
      chatType: 'group' as const,
      to: null,
      text: `早 ${chatId}`,
    })),
};

describe('each job occurrence runs once, across processes and crashes', () => {
  let db: TestDatabase;
  let otherConn: Connection;
  let other: Services;
  beforeEach(async () => {
    db = await openTestDatabase();
    // A second bot process: its own connection to the same database.
    otherConn = await connectDatabase(testServerUri(), db.conn.name);
    other = { models: createModels(otherConn), log: createLogger('silent') };
    const store = await ensureStore(db.models, loadConfig({ STORE_NAME: '海港店' }));
    for (const chatId of ['g1', 'g2']) {
      await db.models.TeamGroup.create({ storeId: store._id, platform: 'telegram', chatId });
    }
  });
  afterEach(async () => {
    await otherConn.close();
    await db.drop();
  });

  const queueOf = (models: Models) => {
    const seq = createSequence();
    return async (items: KeyedMessage[]) => void (await enqueue(models, items, NOW.getTime(), seq));
  };

  it('two schedulers ticking at once send one briefing per group', async () => {
    const tg = fakePlatform(() => NOW.getTime());
    const a = openDelivery(db.models, { telegram: (m) => tg.send(m) }, { now: NOW.getTime() });
    const b = openDelivery(other.models, { telegram: (m) => tg.send(m) }, { now: NOW.getTime() });
    await Promise.all([
      runDueJobs(db.services, JOBS, NOW, { enqueue: a.enqueue }),
      runDueJobs(other, JOBS, NOW, { enqueue: b.enqueue }),
      runDueJobs(other, JOBS, NOW, { enqueue: b.enqueue }),
    ]);
    await Promise.all([a.drain('telegram'), b.drain('telegram')]);
    expect(tg.accepted.map((m) => m.chatId).sort()).toEqual(['g1', 'g2']);
    expect(tg.accepted[0].text).toContain('海港店');
  });

  it('a run that died after queueing is taken over once its lease is out, queueing nothing twice', async () => {
    // The first process queues the greetings and dies before the run is marked finished.
    const dying = queueOf(db.models);
    void runDueJobs(db.services, [greeting], NOW, {
      enqueue: async (items) => {
        await dying(items);
        await new Promise(() => undefined);
      },
    });
    await waitUntil(async () => (await db.models.PendingMessage.countDocuments()) === 2);

    // Within the lease the other process leaves it alone...
    expect(
      await runDueJobs(other, [greeting], later(LEASE - 1), { enqueue: queueOf(other.models) }),
    ).toEqual([]);
    // ...after it, the run is taken over: the job runs again, its messages are already queued.
    const rerun = await runDueJobs(other, [greeting], later(LEASE), {
      enqueue: queueOf(other.models),
    });
    expect(rerun).toHaveLength(2);
    expect(await db.models.PendingMessage.countDocuments()).toBe(2);
    const runs = await db.models.JobRun.find().sort({ _id: 1 }).lean();
    expect(runs.map((r) => [r.attempt, Boolean(r.finishedAt)])).toEqual([
      [0, false],
      [1, true],
    ]);
    // Finished: nobody runs it again today.
    expect(await runDueJobs(db.services, [greeting], later(3 * LEASE))).toEqual([]);

    const tg = fakePlatform(() => NOW.getTime());
    await openDelivery(db.models, { telegram: (m) => tg.send(m) }, { now: NOW.getTime() }).drain(
      'telegram',
    );
    expect(tg.accepted.map((m) => m.text)).toEqual(['早 g1', '早 g2']);
  });

  it("the next start on the same data directory takes over the dead start's run at once", async () => {
    const dirs = [
      mkdtempSync(join(tmpdir(), 'huitouke-holder-')),
      mkdtempSync(join(tmpdir(), 'h-')),
    ];
    try {
      const dying = queueOf(db.models);
      void runDueJobs(db.services, [greeting], NOW, {
        holder: startHolder(dirs[0]),
        enqueue: async (items) => {
          await dying(items);
          await new Promise(() => undefined);
        },
      });
      await waitUntil(async () => (await db.models.PendingMessage.countDocuments()) === 2);
      const minuteLater = later(60_000);
      // A second bot process cannot tell a slow run from a dead one: it waits for the lease...
      const elsewhere = { enqueue: queueOf(other.models), holder: startHolder(dirs[1]) };
      expect(await runDueJobs(other, [greeting], minuteLater, elsewhere)).toEqual([]);
      // ...the killed bot, started again, knows: the morning's run is done a minute later.
      const again = { enqueue: queueOf(db.models), holder: startHolder(dirs[0]) };
      expect(await runDueJobs(db.services, [greeting], minuteLater, again)).toHaveLength(2);
      expect(await db.models.PendingMessage.countDocuments()).toBe(2);
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });

  it('retries a job that throws after the lease, and gives up after a few attempts', async () => {
    let runs = 0;
    const broken: Job = {
      ...greeting,
      run: async () => (++runs, Promise.reject(new Error('boom'))),
    };
    for (let i = 0; i < MAX_JOB_ATTEMPTS + 2; i++) {
      await runDueJobs(db.services, [broken], later(i * LEASE));
      await runDueJobs(db.services, [broken], later(i * LEASE + 1000));
    }
    expect(runs).toBe(MAX_JOB_ATTEMPTS);
    const attempts = await db.models.JobRun.find().lean();
    expect(attempts.every((a) => a.error === 'boom' && !a.finishedAt)).toBe(true);
  });
});
