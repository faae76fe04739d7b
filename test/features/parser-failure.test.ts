/**
 * A parser bug must not become a silently lost record: the exception is logged (the message's
 * phone numbers masked), counted in /metrics, and a direct chat gets a short apology.
 */
import { createBot, FEATURES } from '../../src/bot';
import { loadConfig } from '../../src/config';
import { createMetrics } from '../../src/observe/metrics';
import { REPLY_PARSE_FAILED } from '../../src/pipeline/steps';
import { createReplayer } from '../../src/replay/replayer';
import { ensureStore } from '../../src/setup';
import { openTestDatabase, type TestDatabase } from '../support/db';

// Fault injection: the real parser, except that one marked message makes it throw.
jest.mock('../../src/parser', () => {
  const actual = jest.requireActual('../../src/parser');
  return {
    ...actual,
    readMessage: (text: string, opts: unknown) => {
      if (text.includes('触发解析错误')) throw new TypeError('parser bug');
      return actual.readMessage(text, opts);
    },
  };
});

describe('when the parser throws', () => {
  let db: TestDatabase;
  beforeEach(async () => (db = await openTestDatabase()));
  afterEach(() => db.drop());

  it('logs without the phone, counts it, apologises in a direct chat and stays silent in a group', async () => {
    const logged: { msg: string; fields?: Record<string, unknown> }[] = [];
    const metrics = createMetrics();
    const services = {
      ...db.services,
      metrics,
      log: {
        ...db.services.log,
        error: (msg: string, fields?: Record<string, unknown>) => void logged.push({ msg, fields }),
      },
    };
    const store = await ensureStore(db.models, loadConfig({}));
    const replay = createReplayer(services, store, createBot(services, FEATURES));
    await replay.feed({ staff: { id: 'wang', name: '小王' } }, 1);
    await replay.feed({ group: { id: 'g1' } }, 2);
    const now = '2026-11-22T21:40:00+08:00';
    const text = '张总 今晚 3人 消费2800 13912345678 触发解析错误';

    const direct = await replay.feed({ now, from: 'wang', text }, 3);
    expect(direct.map((o) => o.text)).toEqual([REPLY_PARSE_FAILED]);
    const group = await replay.feed({ now, from: 'wang', chat: 'g1', chatType: 'group', text }, 4);
    expect(group).toEqual([]);

    expect(logged.map((l) => l.msg)).toEqual(['parser failed', 'parser failed']);
    expect(JSON.stringify(logged)).not.toContain('13912345678');
    const exposed = await metrics.registry.metrics();
    expect(exposed).toMatch(/huitouke_parse_failures_total 2/);
    expect(await db.models.Visit.countDocuments()).toBe(0);

    const next = await replay.feed({ now, from: 'wang', text: '张总 今晚 3人 消费2800' }, 5);
    expect(next[0].text).toContain('已记录 张总');
  });
});
