/**
 * Issue 16: confirming a colleague's new WeChat id is safe to say twice at once (two admins, a
 * crash handled again): one move, one identity, each forwarded message queued once.
 */
import { offerMove } from '../../src/archive/rebind/offer';
import { confirmContactMove } from '../../src/archive/rebind/moves';
import { staffByIdentity } from '../../src/archive/staff';
import { loadConfig } from '../../src/config';
import { createSequence, enqueue } from '../../src/outbox/queue';
import { ensureStaff, ensureStore } from '../../src/setup';
import { openTestDatabase, type TestDatabase } from '../support/db';

describe('confirming a new WeChat id', () => {
  let db: TestDatabase;
  afterEach(() => db.drop());

  it('moves once when two admins confirm at the same moment', async () => {
    db = await openTestDatabase();
    const { models } = db;
    const store = await ensureStore(models, loadConfig({}));
    const boss = await ensureStaff(models, store, {
      platform: 'wechaty',
      userId: 'boss',
      name: '老板',
      role: 'admin',
    });
    const fang = await ensureStaff(models, store, {
      platform: 'console',
      userId: 'desk',
      name: '王芳',
      role: 'staff',
    });
    // She is on the console too, and on WeChat under her old id, second.
    await models.Staff.updateOne(
      { _id: fang._id },
      { $set: { identities: ['console:desk', 'wechaty:old'] } },
    );
    await models.Lookup.updateOne(
      { _id: 's:wechaty:old' },
      { $set: { ids: [fang._id] } },
      {
        upsert: true,
      },
    );
    const now = new Date();
    await models.SeenContact.create({
      _id: 'wechaty:old',
      staffId: fang._id,
      storeId: store._id,
      name: '芳芳',
      alias: '王芳',
      seenAt: now,
    });
    const msg = {
      platform: 'wechaty',
      chatId: 'new',
      chatType: 'direct' as const,
      senderId: 'new',
      senderName: '芳芳',
      senderAlias: '王芳',
      text: '你好',
      mentioned: false,
      messageId: 'm1',
      time: now,
    };
    // The same message twice at once (a redelivery): one offer.
    const offers = await Promise.all([offerMove(models, msg, 'a'), offerMove(models, msg, 'a')]);
    expect(offers.map((o) => o?.created).sort()).toEqual([false, true]);
    await enqueue(
      models,
      [
        {
          key: 'list',
          msg: { platform: 'wechaty', chatId: 'old', chatType: 'direct', to: 'old', text: '回访' },
        },
      ],
      now.getTime(),
      createSequence(),
    );
    await models.PendingMessage.updateOne(
      { _id: 'list' },
      { $set: { deadAt: now, chatGone: true, failures: 3 } },
    );

    const both = await Promise.all([
      confirmContactMove(models, store, '王芳', boss._id, now),
      confirmContactMove(models, store, '王芳', boss._id, now),
    ]);
    expect(both.map((r) => r.kind).sort()).toEqual(['already', 'moved']);
    const forwards = both.flatMap((r) => ('forwards' in r ? r.forwards : []));
    expect(forwards.map((f) => [f.msg.chatId, f.msg.to])).toEqual([
      ['new', 'new'],
      ['new', 'new'],
    ]);
    expect(new Set(forwards.map((f) => f.key)).size).toBe(1);
    expect(await enqueue(models, forwards, now.getTime(), createSequence())).toHaveLength(1);
    // Replaced in place: her direct messages still go where they went, in the same order.
    expect((await models.Staff.findById(fang._id).lean())?.identities).toEqual([
      'console:desk',
      'wechaty:new',
    ]);
    expect(String((await staffByIdentity(models, 'wechaty', 'new'))?._id)).toBe(String(fang._id));
    expect(await staffByIdentity(models, 'wechaty', 'old')).toBeNull();
  });
});
