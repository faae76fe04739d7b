/**
 * Issue 16: after a WeChat re-login every contact and group has a new id. A new id showing a
 * colleague's WeChat name and 备注 is not taken for them silently (a namesake could): the person
 * hears that an admin must confirm, the admins are asked, and only an admin's or manager's
 * `确认换号` moves the staff identity and the messages that could not reach the old id; a group
 * follows when an admin says `绑定本群` in it. Real wechaty on the mock puppet, real outbox.
 */
import type { mock } from 'wechaty-puppet-mock';
import { forgetSenders } from '../../src/archive/staff';
import { MOVE_OFFER_HOURS } from '../../src/archive/rebind/offer';
import { createBot } from '../../src/bot';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createDelivery, type Delivery } from '../../src/outbox/delivery';
import { replyKeys } from '../../src/outbox/keys';
import { DEFAULT_DELIVERY } from '../../src/outbox/settings';
import {
  directTo,
  type ChatAdapter,
  type IncomingMessage,
  type OutgoingMessage,
} from '../../src/pipeline/message';
import { ensureStaff, ensureStore } from '../../src/setup';
import type { StaffDoc } from '../../src/model/staff';
import { openTestDatabase, testServerUri, type TestDatabase } from '../support/db';
import { runScript } from '../support/process';
import { silentAdapterOn, startFakeWechat, type FakeWechat } from './support/fake-wechat';
import { waitFor } from './support/http';

const MINUTE = 60_000;

describe('a colleague under a new WeChat id after a re-login', () => {
  let w: FakeWechat;
  let db: TestDatabase;
  let adapter: ChatAdapter;
  let delivery: Delivery;
  let fang: StaffDoc;
  let fangOld: mock.ContactMock;
  let li: mock.ContactMock;
  const clock = { now: Date.now() };
  /** Everything the bot sent to one chat. */
  const to = (id: string) => w.sent.filter((m) => m.chatId === id).map((m) => m.text);

  /** Pass after pass over the queue, an hour apart: what keeps failing is given up. */
  const settle = async () => {
    for (let i = 0; i < 8; i++) {
      await delivery.drain('wechaty');
      clock.now += 60 * MINUTE;
    }
  };

  /** A message in a group the fake does not know by default (the new group). */
  const sayIn = (from: mock.ContactMock, room: mock.RoomMock, text: string) =>
    from.say(`@${w.bot.payload.name} ${text}`, [w.bot]).to(room);

  let handle: (msg: IncomingMessage) => Promise<void>;

  /** The queue and the bot of one process, wired as src/main.ts wires them. */
  const startBot = () => {
    delivery = createDelivery({
      models: db.models,
      log: createLogger('silent'),
      settings: DEFAULT_DELIVERY,
      now: () => clock.now,
    });
    delivery.addSender('wechaty', (m) => adapter.send(m));
    const bot = createBot(db.services);
    handle = async (msg) => delivery.deliver(replyKeys(msg, await bot.handle(msg)));
  };

  beforeEach(async () => {
    w = startFakeWechat();
    fangOld = w.mocker.createContact({ id: 'wxid_fang_1', name: '芳芳', alias: '王芳' });
    li = w.mocker.createContact({ id: 'wxid_li', name: '小李', alias: '小李' });
    db = await openTestDatabase();
    const store = await ensureStore(db.models, loadConfig({}));
    const staff = (userId: string, name: string, role: 'staff' | 'admin') =>
      ensureStaff(db.models, store, { platform: 'wechaty', userId, name, role });
    // The admin's id stays the same here, so that somebody is there to ask.
    await staff(w.staff.id, '老板', 'admin');
    fang = await staff(fangOld.id, '王芳', 'staff');
    await staff(li.id, '小李', 'staff');
    await db.models.TeamGroup.create({
      storeId: store._id,
      platform: 'wechaty',
      chatId: w.room.id,
      name: '前厅群',
    });
    adapter = silentAdapterOn(w);
    startBot();
    await adapter.start((msg) => handle(msg));
    await w.login();
    // Before the re-login: 王芳 is heard from once, so her names are known.
    w.say(fangOld, 'direct', '帮助');
    await waitFor(() => to(fangOld.id).length === 1, 'the answer to 王芳');
  });
  afterEach(async () => {
    await adapter.stop();
    await delivery.stop();
    w.close();
    await db.drop();
  });

  it('asks an admin, refuses anyone else, and moves her identity and messages on confirmation', async () => {
    // The re-login: her old id is gone, with a message for her still queued to it.
    await w.forget(fangOld.id);
    const fangNew = w.mocker.createContact({ id: 'wxid_fang_2', name: '芳芳', alias: '王芳' });
    const list: OutgoingMessage = directTo(fang, '今天回访:张总');
    await delivery.enqueue([{ key: 'test:list', msg: list }]);
    await settle();
    expect(to(fangNew.id)).toEqual([]);
    await waitFor(() => to(w.staff.id).some((t) => t.includes('发不出去')), 'the dead letter');

    w.say(fangNew, 'direct', '你好');
    await waitFor(() => to(fangNew.id).length === 1, 'the note to 王芳');
    expect(to(fangNew.id)[0]).toContain('管理员确认');
    await waitFor(() => to(w.staff.id).some((t) => t.includes('确认换号 王芳')), 'the ask');
    // Said again, the admins are not asked again.
    w.say(fangNew, 'direct', '在吗');
    await waitFor(() => to(fangNew.id).length === 2, 'the second note');
    expect(to(w.staff.id).filter((t) => t.includes('确认换号 王芳'))).toHaveLength(1);

    w.say(li, 'direct', '确认换号 王芳');
    await waitFor(() => to(li.id).length === 1, 'the refusal');
    expect(to(li.id)[0]).toContain('店长或管理员');
    expect(await db.models.Staff.findById(fang._id).lean()).toMatchObject({
      identities: [`wechaty:${fangOld.id}`],
    });

    w.say(w.staff, 'direct', '确认换号 王芳');
    await waitFor(() => to(w.staff.id).some((t) => t.startsWith('已确认')), 'the confirmation');
    await waitFor(() => to(fangNew.id).includes('今天回访:张总'), 'the queued list at the new id');

    w.say(fangNew, 'direct', '张总 今晚 3人 消费2800');
    await waitFor(() => to(fangNew.id).length === 4, 'the visit answer');
    const visit = await db.models.Visit.findOne().lean();
    expect(String(visit?.recordedBy)).toBe(String(fang._id));

    // Confirming twice changes nothing: no second copy, one identity.
    w.say(w.staff, 'direct', '确认换号 王芳');
    await waitFor(() => to(w.staff.id).some((t) => t.includes('已经换好')), 'the second answer');
    await settle();
    expect(to(fangNew.id).filter((t) => t === '今天回访:张总')).toHaveLength(1);
    expect((await db.models.Staff.findById(fang._id).lean())?.identities).toEqual([
      `wechaty:${fangNew.id}`,
    ]);
  });

  it('moves the group binding and its queued messages when an admin binds the new group', async () => {
    const oldRoom = w.room.id;
    await w.forget(oldRoom);
    const room = w.mocker.createRoom({
      id: 'front2@chatroom',
      topic: '前厅群',
      memberIdList: [w.bot.id, w.staff.id, li.id],
    });
    await delivery.enqueue([
      {
        key: 'test:briefing',
        msg: { platform: 'wechaty', chatId: oldRoom, chatType: 'group', to: null, text: '早报' },
      },
    ]);
    await settle();
    sayIn(w.staff, room, '绑定本群');
    await waitFor(() => to(room.id).some((t) => t.includes('换了新群号')), 'the binding');
    await waitFor(() => to(room.id).includes('早报'), 'the briefing in the new group');
    const groups = await db.models.TeamGroup.find().lean();
    expect(groups.map((g) => [g.chatId, g.name])).toEqual([[room.id, '前厅群']]);
  });

  it('offers nothing for a namesake whose 备注 is not hers', async () => {
    await w.forget(fangOld.id);
    const namesake = w.mocker.createContact({ id: 'wxid_fang_x', name: '芳芳', alias: '' });
    w.say(namesake, 'direct', '你好');
    await waitFor(() => to(namesake.id).length === 1, 'the answer to the namesake');
    expect(to(namesake.id)[0]).toContain('邀请码');
    await settle();
    expect(to(w.staff.id).filter((t) => t.includes('确认换号'))).toEqual([]);
    expect(await db.models.ChatMove.countDocuments()).toBe(0);
  });

  it('keeps the offer through a restart', async () => {
    await w.forget(fangOld.id);
    const fangNew = w.mocker.createContact({ id: 'wxid_fang_2', name: '芳芳', alias: '王芳' });
    w.say(fangNew, 'direct', '你好');
    await waitFor(() => to(fangNew.id).length === 1, 'the note to 王芳');
    // A new process (the WeChat side stays as it is): nothing of the last one's memory is left.
    await delivery.stop();
    forgetSenders(db.models);
    startBot();
    w.say(w.staff, 'direct', '确认换号 王芳');
    await waitFor(() => to(w.staff.id).some((t) => t.startsWith('已确认')), 'the confirmation');
    expect((await db.models.Staff.findById(fang._id).lean())?.identities).toEqual([
      `wechaty:${fangNew.id}`,
    ]);
  });

  it('confirms nothing once the offer has expired', async () => {
    await w.forget(fangOld.id);
    const fangNew = w.mocker.createContact({ id: 'wxid_fang_2', name: '芳芳', alias: '王芳' });
    w.say(fangNew, 'direct', '你好');
    await waitFor(() => to(fangNew.id).length === 1, 'the note to 王芳');
    const offer = await db.models.ChatMove.findById(`wechaty:${fangNew.id}`).lean();
    expect(offer).toMatchObject({ oldId: fangOld.id, newId: fangNew.id, name: '王芳' });
    expect(offer!.expiresAt.getTime() - offer!.offeredAt.getTime()).toBe(
      MOVE_OFFER_HOURS * 3_600_000,
    );
    await db.models.ChatMove.updateOne(
      { _id: offer!._id },
      { $set: { expiresAt: new Date(Date.now() - MINUTE) } },
    );
    w.say(w.staff, 'direct', '确认换号 王芳');
    await waitFor(() => to(w.staff.id).some((t) => t.includes('过期')), 'the refusal');
    expect((await db.models.Staff.findById(fang._id).lean())?.identities).toEqual([
      `wechaty:${fangOld.id}`,
    ]);
  });

  it('is confirmed from the command line when no admin is left to say it', async () => {
    await w.forget(fangOld.id);
    const fangNew = w.mocker.createContact({ id: 'wxid_fang_2', name: '芳芳', alias: '王芳' });
    w.say(fangNew, 'direct', '你好');
    await waitFor(() => to(fangNew.id).length === 1, 'the note to 王芳');
    const uri = new URL(testServerUri());
    uri.pathname = `/${db.conn.name}`;
    const run = await runScript('scripts/staff.ts', '', { MONGODB_URI: uri.toString() }, [
      'confirm-move',
      '王芳',
    ]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`王芳 → wechaty:${fangNew.id}`);
    expect((await db.models.Staff.findById(fang._id).lean())?.identities).toEqual([
      `wechaty:${fangNew.id}`,
    ]);
  }, 60_000);
});
