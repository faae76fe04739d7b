import { createSequence, enqueue } from '../../src/outbox/queue';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { drainToEmpty, fakePlatform, messages, mostInWindow, senderOf, T0 } from './rig';
import { unsent } from './rig';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('rate limits per platform account', () => {
  let db: TestDatabase;
  let clock: { now: number };
  beforeEach(async () => {
    db = await openTestDatabase();
    clock = { now: T0 };
  });
  afterEach(() => db.drop());

  it('holds personal WeChat to 20 a minute and 100 an hour, and sends everything in order', async () => {
    const wechat = fakePlatform(() => clock.now);
    const items = [
      ...messages('wechaty', 'room1', 90, 'a'),
      ...messages('wechaty', 'room2', 40, 'b'),
    ];
    await enqueue(db.models, items, clock.now, createSequence());

    const sender = senderOf(db.models, (m) => wechat.send(m), clock);
    await drainToEmpty(sender, 'wechaty', clock);

    const times = wechat.accepted.map((a) => a.at);
    expect(times).toHaveLength(130);
    expect(mostInWindow(times, MIN)).toBe(20);
    expect(mostInWindow(times, HOUR)).toBe(100);
    // 100 in the first five minutes, then the hour decides.
    expect(times.filter((t) => t < T0 + HOUR)).toHaveLength(100);
    expect(wechat.accepted.map((a) => a.text)).toEqual(items.map((i) => i.msg.text));
    expect(await unsent(db.models)).toBe(0);
  });

  it('counts Telegram groups separately: a busy group does not hold back another', async () => {
    const telegram = fakePlatform(() => clock.now);
    const busy = messages('telegram', 'g1', 25, 'busy');
    const quiet = messages('telegram', 'g2', 3, 'quiet');
    await enqueue(db.models, [...busy, ...quiet], clock.now, createSequence());

    const sender = senderOf(db.models, (m) => telegram.send(m), clock);
    await drainToEmpty(sender, 'telegram', clock);

    const at = (chat: string) =>
      telegram.accepted.filter((a) => a.chatId === chat).map((a) => a.at);
    expect(mostInWindow(at('g1'), MIN)).toBe(20);
    expect(at('g2')).toEqual([T0, T0, T0]);
    expect(at('g1').filter((t) => t === T0)).toHaveLength(20);
    expect(Math.min(...at('g1').filter((t) => t > T0))).toBe(T0 + MIN);
  });

  it('remembers what was sent across a restart: a new process does not start a fresh hour', async () => {
    const wechat = fakePlatform(() => clock.now);
    const seq = createSequence();
    await enqueue(db.models, messages('wechaty', 'room1', 20, 'a'), clock.now, seq);
    await drainToEmpty(
      senderOf(db.models, (m) => wechat.send(m), clock),
      'wechaty',
      clock,
    );
    expect(wechat.accepted).toHaveLength(20);

    // The process restarts a second later with more to send.
    clock.now = T0 + 1000;
    await enqueue(db.models, messages('wechaty', 'room1', 5, 'b'), clock.now, seq);
    const restarted = fakePlatform(() => clock.now);
    await drainToEmpty(
      senderOf(db.models, (m) => restarted.send(m), clock),
      'wechaty',
      clock,
    );
    expect(restarted.accepted.map((a) => a.at)).toEqual(Array(5).fill(T0 + MIN));
  });
});
