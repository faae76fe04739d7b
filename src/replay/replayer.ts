/**
 * The deterministic scenario runner: feeds events through the real bot and scheduler with the
 * clock taken from each event, and reports every message the bot sends. Messages go through the
 * real delivery queue, drained before feed() returns with the event's time as the clock, so what
 * a line prints is what was sent while handling it (a message a rate limit holds back would be
 * printed on the first later line whose time lets it go; the replay platform has no limits).
 */
import { copyFile } from 'node:fs/promises';
import { createBot, type Bot } from '../bot';
import { JOBS } from '../jobs';
import type { StoreDoc } from '../model/store';
import type { Services } from '../pipeline/context';
import type { IncomingFile, IncomingMessage, OutgoingMessage } from '../pipeline/message';
import { createDelivery } from '../outbox/delivery';
import { replyKeys } from '../outbox/keys';
import { DEFAULT_DELIVERY } from '../outbox/settings';
import { runDueJobs } from '../scheduler/jobs';
import { ensureStaff } from '../setup';
import { readEvent, type ReplayEvent } from './events';

export const REPLAY_PLATFORM = 'replay';

/** A scenario's file is already on this machine: "downloading" it is a copy. */
const localFile = (f: { name: string; path: string }): IncomingFile => ({
  name: f.name,
  saveTo: (dest) => copyFile(f.path, dest),
});

export interface ReplayOutput {
  line: number;
  now: string | null;
  chat: string;
  to: string | null;
  text: string;
  /** Path of a file or picture sent with the message. */
  attachment?: string;
  /** The buttons sent with it, where a platform shows them (their commands, as typed). */
  actions?: OutgoingMessage['actions'];
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
  let clock = 0;
  let sent: OutgoingMessage[] = [];
  const delivery = createDelivery({
    models: services.models,
    log: services.log,
    settings: DEFAULT_DELIVERY,
    now: () => clock,
  });
  delivery.addSender(REPLAY_PLATFORM, async (m) => void sent.push(m));
  /** Send what is queued at `now`; every pass started before this one has finished too. */
  const sentAt = async (line: number, now: string) => {
    clock = Date.parse(now);
    await delivery.drain(REPLAY_PLATFORM);
    return sent.map(output(line, now));
  };

  const output =
    (line: number, now: string | null) =>
    (o: OutgoingMessage): ReplayOutput => ({
      line,
      now,
      chat: o.chatId,
      to: o.chatType === 'direct' ? o.to : null,
      text: o.text,
      ...(o.attachment && { attachment: o.attachment.path }),
      ...(o.actions?.length && { actions: o.actions }),
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
    ...(e.file && { file: localFile(e.file) }),
  });

  return {
    async feed(raw, line) {
      const event = readEvent(raw);
      sent = [];
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
          clock = Date.parse(event.now);
          await runDueJobs(services, JOBS, new Date(event.now), { enqueue: delivery.enqueue });
          return sentAt(line, event.now);
        }
        case 'message': {
          const now = event.message.now ?? lastNow;
          if (!now) throw new Error('the first message needs a "now"');
          lastNow = now;
          clock = Date.parse(now);
          const incoming = toIncoming(event.message, now, line);
          await delivery.enqueue(replyKeys(incoming, await bot.handle(incoming)));
          return sentAt(line, now);
        }
      }
    },
  };
}
