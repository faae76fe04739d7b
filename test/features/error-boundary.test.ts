import { createBot, FEATURES } from '../../src/bot';
import type { Feature } from '../../src/pipeline/router';
import { REPLY_ERROR } from '../../src/pipeline/steps';
import { createReplayer } from '../../src/replay/replayer';
import { loadConfig } from '../../src/config';
import { ensureStore } from '../../src/setup';
import { openTestDatabase, type TestDatabase } from '../support/db';

describe('a failing feature', () => {
  let db: TestDatabase;
  beforeEach(async () => (db = await openTestDatabase()));
  afterEach(() => db.drop());

  it('answers 出错了 (send again), logs it, and the next message still works', async () => {
    const logged: string[] = [];
    const services = {
      ...db.services,
      log: { ...db.services.log, error: (msg: string) => void logged.push(msg) },
    };
    const broken: Feature = {
      name: 'broken',
      takes: (ctx) => ctx.msg.text === '坏了',
      handle: async () => {
        throw new Error('boom');
      },
    };
    const store = await ensureStore(db.models, loadConfig({}));
    const replay = createReplayer(services, store, createBot(services, [broken, ...FEATURES]));
    await replay.feed({ staff: { id: 'wang', name: '小王' } }, 1);
    const now = '2026-11-22T21:40:00+08:00';
    const failed = await replay.feed({ now, from: 'wang', text: '坏了' }, 2);
    expect(failed.map((o) => o.text)).toEqual([REPLY_ERROR]);
    expect(logged).toEqual(['feature failed']);
    const next = await replay.feed({ now, from: 'wang', text: '张总 今晚 3人 消费2800' }, 3);
    expect(next[0].text).toContain('已记录 张总');
  });
});
