/**
 * WeCom (企业微信) 智能机器人 through @wecom/aibot-node-sdk's long connection: no public address
 * and no message encryption. Messages and card clicks arrive as callback frames; answers go back
 * on the frame, everything else is pushed (send.ts). The connection is retried forever; when the
 * platform says another process took it over (disconnected_event), this one stops and says so.
 */
import { WSClient, type Logger as SdkLogger } from '@wecom/aibot-node-sdk';
import type { Logger } from '../../src/log';
import type { AdapterLookups, ChatAdapter } from '../../src/pipeline/message';
import { createIntake } from '../shared/intake';
import { createOutbox } from '../shared/outbox';
import { bucketsOf, HOUR, keyedBuckets, MINUTE, type Rate } from '../shared/rate-limit';
import { Recent } from '../shared/recent';
import { actionCard, CardKeys, labelOf, newTaskId, pressedCard, type SentCard } from './card';
import {
  cardClickOf,
  chatIdOf,
  fromCardClick,
  fromMessageFrame,
  WECOM,
  type Frame,
} from './incoming';
import { Chats, createSend } from './send';
import type { WecomSettings } from './settings';
import { createGroupWebhook, WEBHOOK_RATES } from './webhook';

export const WECOM_TEXT_LIMIT = 4000;
/** Per chat, replies and pushes together: 30 a minute and 1,000 an hour. */
export const WECOM_CHAT_RATES: Rate[] = [
  { max: 30, perMs: MINUTE },
  { max: 1000, perMs: HOUR },
];
/** How long start() waits for the first login before going on (the SDK keeps trying). */
const START_WAIT_MS = 30_000;

export interface WecomOptions extends WecomSettings {
  log: Logger;
  /** Limits on the whole bot (tests); the platform's are per chat. */
  rates?: Rate[];
  chatRates?: Rate[];
  /** First reconnect delay; the SDK doubles it up to 30 s. */
  reconnectMs?: number;
  /** Per group push webhook (tests); the platform's is 20 a minute. */
  webhookRates?: Rate[];
}

function sdkLogger(log: Logger): SdkLogger {
  const line = (m: string, args: unknown[]) =>
    [m, ...args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))].join(' ');
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (m, ...a) => log.warn('wecom sdk', { detail: line(m, a) }),
    error: (m, ...a) => log.error('wecom sdk', { detail: line(m, a) }),
  };
}

export function createWecomAdapter(opts: WecomOptions): ChatAdapter {
  const { log } = opts;
  const intake = createIntake(log);
  const seen = new Recent<void>();
  const chats = new Chats();
  const keys = new CardKeys();
  const cards = new Recent<SentCard>(2000);
  let client: WSClient | undefined;
  let lookups: AdapterLookups | undefined;
  let takenOver = false;
  const live = () => {
    if (takenOver) throw new Error('wecom: another process holds this bot’s connection');
    if (!client) throw new Error('wecom: not started');
    return client;
  };
  const send = createSend(live, chats, {
    webhook: createGroupWebhook(opts.webhookBase, opts.webhookRates ?? WEBHOOK_RATES),
    lookups: () => lookups,
  });
  const account = bucketsOf(opts.rates ?? []);
  const perChat = keyedBuckets(opts.chatRates ?? WECOM_CHAT_RATES);
  const outbox = createOutbox({
    textLimit: WECOM_TEXT_LIMIT,
    bucketsFor: (m) => [...account, ...perChat(m.chatId)],
    deliver: async (m, part) => {
      if (!part.actions?.length) return send.text(m, part.text);
      const taskId = newTaskId();
      const shown = { text: part.text, actions: part.actions };
      cards.set(taskId, shown);
      await send.card(m, actionCard(part.text, part.actions, keys, taskId), shown);
    },
    deliverFile: (m, file, take) => send.file(m, file, take),
    log,
  });

  // msgid is the dedupe key: the platform may deliver one message twice.
  const firstTime = (f: Frame) => !f.body?.msgid || seen.firstTime(f.body.msgid);

  const onMessage = (f: Frame) => {
    if (!firstTime(f)) return;
    const chatId = f.body && chatIdOf(f.body);
    if (chatId) chats.spoke(chatId, f, Date.now());
    const msg = fromMessageFrame(f);
    if (msg) intake.take(msg);
  };

  const onCardClick = (f: Frame) => {
    if (!firstTime(f) || !f.body) return;
    const click = cardClickOf(f.body);
    const command = click && keys.commandOf(click.key);
    const msg = command === undefined ? undefined : fromCardClick(f, command);
    if (!click || !msg) return;
    // Clicking is speaking to the bot: the chat may be pushed to again.
    chats.spoke(msg.chatId, f, Date.now());
    const card = click.taskId ? cards.get(click.taskId) : undefined;
    if (click.taskId) {
      // The redraw must go within 5 s of the click, on the click's own frame.
      const done = pressedCard(card?.text ?? '', labelOf(card, msg.text), click.taskId);
      void live()
        .updateTemplateCard(f, done)
        .catch((err: unknown) =>
          log.warn('wecom card update failed', { error: JSON.stringify(err) }),
        );
    }
    intake.take(msg);
  };

  const connect = () =>
    new Promise<WSClient>((resolve, reject) => {
      const c = new WSClient({
        botId: opts.botId,
        secret: opts.secret,
        wsUrl: opts.wsUrl,
        maxReconnectAttempts: -1,
        reconnectInterval: opts.reconnectMs ?? 1000,
        logger: sdkLogger(log),
      });
      const timer = setTimeout(() => {
        log.warn('wecom not connected yet, still trying', { url: opts.wsUrl });
        resolve(c);
      }, START_WAIT_MS);
      c.on('authenticated', () => {
        clearTimeout(timer);
        log.info('wecom connected', { url: opts.wsUrl });
        resolve(c);
      });
      c.on('error', (err) => {
        // A wrong id or secret fails start-up in one line; later errors are the SDK's to retry.
        if (!/Authentication failed/.test(err.message)) return;
        clearTimeout(timer);
        c.disconnect();
        reject(
          new Error(
            `wecom login refused: check WECOM_BOT_ID and WECOM_BOT_SECRET (${err.message})`,
          ),
        );
      });
      c.on('message', (f) => onMessage(f as Frame));
      c.on('event.template_card_event', (f) => onCardClick(f as Frame));
      c.on('event.disconnected_event', () => {
        takenOver = true;
        log.error(
          'wecom connection taken over: another process connected with this WECOM_BOT_ID, so this one stops receiving. Run one process per bot id.',
        );
      });
      c.connect();
    });

  return {
    platform: WECOM,
    async start(handler, found) {
      intake.open(handler);
      lookups = found;
      takenOver = false;
      client = await connect();
    },
    send: (msg) => outbox.send(msg),
    async stop() {
      intake.close();
      await intake.drain();
      await outbox.flush();
      client?.removeAllListeners();
      if (client?.isConnected) client.disconnect();
      client = undefined;
    },
  };
}
