/**
 * Issue 13: the journal never fails quietly. A journal that cannot be read stops the start (it is
 * not taken for empty and overwritten); a message it cannot take is handled without it and never
 * promised for later; and it is rewritten to what is unfinished while the bot runs, so a busy
 * month does not grow it without end.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBot } from '../../src/bot';
import { loadConfig } from '../../src/config';
import { DatabaseUnavailableError } from '../../src/db/connect';
import { createDurableIntake } from '../../src/journal/durable';
import { JournalError, openJournal, type Journal } from '../../src/journal/journal';
import type { IncomingMessage, OutgoingMessage } from '../../src/pipeline/message';
import type { Feature } from '../../src/pipeline/router';
import { REPLY_DB_DOWN, REPLY_KEPT } from '../../src/pipeline/steps';
import { ensureStaff, ensureStore } from '../../src/setup';
import { openTestDatabase } from '../support/db';

const msg = (n: number, text = '张总 今晚 3人 消费2800'): IncomingMessage => ({
  platform: 'j',
  chatId: 'wang',
  chatType: 'direct',
  senderId: 'wang',
  text,
  mentioned: false,
  messageId: `m${n}`,
  time: new Date('2026-11-22T21:00:00+08:00'),
});

describe('the journal', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'huitouke-journal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('that cannot be read stops the start and is left as it was', async () => {
    // Something that is not a readable file where the journal should be.
    mkdirSync(join(dir, 'journal.jsonl'), { recursive: true });
    await expect(openJournal(dir)).rejects.toBeInstanceOf(JournalError);
    expect(statSync(join(dir, 'journal.jsonl')).isDirectory()).toBe(true);
  });

  it('is rewritten to what is unfinished while running, keeping the unfinished', async () => {
    const j = await openJournal(dir, { rotateAfter: 50 });
    for (let i = 0; i < 400; i++) {
      await j.add({ id: `e${i}`, msg: msg(i) });
      if (i % 10 !== 0) await j.done(`e${i}`);
    }
    await j.close();
    const lines = readFileSync(join(dir, 'journal.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThan(150);
    const again = await openJournal(dir);
    expect(again.pending().map((e) => e.id)).toEqual(
      Array.from({ length: 40 }, (_, k) => `e${k * 10}`),
    );
    await again.close();
  });

  it('refusing a message: it is handled, and with the database away too, not promised', async () => {
    const db = await openTestDatabase();
    try {
      const store = await ensureStore(db.models, loadConfig({}));
      await ensureStaff(db.models, store, {
        platform: 'j',
        userId: 'wang',
        name: '小王',
        role: 'staff',
      });
      const away: Feature = {
        name: 'away',
        takes: () => true,
        handle: async () => {
          throw new DatabaseUnavailableError('server selection timed out');
        },
      };
      const broken: Journal = {
        add: async () => {
          throw new Error('ENOSPC: no space left on device');
        },
        ack: async () => undefined,
        done: async () => undefined,
        pending: () => [],
        close: async () => undefined,
      };
      const sent: OutgoingMessage[] = [];
      const durable = createDurableIntake({
        bot: createBot({ ...db.services, journaled: true }, [away]),
        journal: broken,
        log: db.services.log,
        enqueue: async (items) => void sent.push(...items.map((i) => i.msg)),
        sendDirect: async (m) => void sent.push(m),
        timeZone: 'Asia/Shanghai',
      });
      await durable.receive(msg(1));
      await durable.stop();
      expect(sent.map((m) => m.text)).toEqual([REPLY_DB_DOWN]);
      expect(sent.map((m) => m.text)).not.toContain(REPLY_KEPT);
    } finally {
      await db.drop();
    }
  });
});
