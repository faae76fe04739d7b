/**
 * The deterministic scenario runner: feeds events through the real bot and scheduler with the
 * clock taken from each event, and reports every message the bot sends.
 */
import { createBot, type Bot } from '../bot';
import { JOBS } from '../jobs';
import type { StoreDoc } from '../model/store';
import type { Services } from '../pipeline/context';
import type { IncomingMessage, OutgoingMessage } from '../pipeline/message';
import { runDueJobs } from '../scheduler/jobs';
import { ensureStaff } from '../setup';
import { readEvent, type ReplayEvent } from './events';

export const REPLAY_PLATFORM = 'replay';

export interface ReplayOutput {
  line: number;
  now: string | null;
  chat: string;
  to: string | null;
  text: string;
}

export interface Replayer {
  /** Process one input line (already JSON-parsed); returns what the bot sent, in order. */
  feed(raw: unknown, line: number): Promise<ReplayOutput[]>;
}

export function createReplayer(
  services: Services,
  store: StoreDoc,
  bot: Bot = createBot(services),
): Replayer {
  let lastNow: string | null = null;

  const output =
    (line: number, now: string | null) =>
    (o: OutgoingMessage): ReplayOutput => ({
      line,
      now,
      chat: o.chatId,
      to: o.chatType === 'direct' ? o.to : null,
      text: o.text,
    });

  const toIncoming = (
    e: Extract<ReplayEvent, { kind: 'message' }>['message'],
    now: string,
    line: number,
  ): IncomingMessage => ({
    platform: REPLAY_PLATFORM,
    chatId: e.chat ?? (e.chatType === 'direct' ? e.from : 'group'),
    chatType: e.chatType,
    senderId: e.from,
    text: e.text,
    mentioned: e.mentioned,
    // Without a platform id every line is its own message.
    messageId: e.id !== undefined ? String(e.id) : `line-${line}`,
    time: new Date(now),
  });

  return {
    async feed(raw, line) {
      const event = readEvent(raw);
      switch (event.kind) {
        case 'staff':
          await ensureStaff(services.models, store, {
            platform: REPLAY_PLATFORM,
            userId: event.staff.id,
            ...event.staff,
          });
          return [];
        case 'group':
          await services.models.TeamGroup.updateOne(
            { platform: REPLAY_PLATFORM, chatId: event.group.id },
            { $set: { storeId: store._id, name: event.group.name } },
            { upsert: true },
          );
          return [];
        case 'tick': {
          lastNow = event.now;
          const sent = await runDueJobs(services, JOBS, new Date(event.now));
          return sent.map(output(line, event.now));
        }
        case 'message': {
          const now = event.message.now ?? lastNow;
          if (!now) throw new Error('the first message needs a "now"');
          lastNow = now;
          const replies = await bot.handle(toIncoming(event.message, now, line));
          return replies.map(output(line, now));
        }
      }
    },
  };
}
