/**
 * Feishu / Lark through @larksuiteoapi/node-sdk. Events arrive over the SDK's long connection
 * (FEISHU_MODE=ws, no public address needed) or on our webhook; both go through one
 * EventDispatcher. Replies are sent with the message API; `actions` become an interactive card;
 * pictures and files are uploaded first and sent as image / file messages, the caption after them.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../../src/log';
import type {
  Attachment,
  ChatAdapter,
  ChatType,
  OutgoingMessage,
} from '../../src/pipeline/message';
import { createIntake } from '../shared/intake';
import { createOutbox, FileRefused, type Part } from '../shared/outbox';
import { bucketsOf, SECOND, type Rate } from '../shared/rate-limit';
import { Recent } from '../shared/recent';
import { createFeishuApi, sdkLogger, UploadRefused, type FeishuApi } from './api';
import { actionCard, labelOf, type SentCard } from './card';
import {
  chatTypeOf,
  FEISHU,
  fromCardAction,
  fromMessageEvent,
  type CardActionEvent,
  type MessageEvent,
} from './incoming';
import { WEBHOOK_PATH, type FeishuSettings } from './settings';
import { startWebhook } from './webhook';

export const FEISHU_TEXT_LIMIT = 4000;
/** Feishu allows a bot about 5 messages a second per app (50/s per tenant): stay at the lower one. */
export const FEISHU_RATES: Rate[] = [{ max: 5, perMs: SECOND }];

/** Opens the long connection; tests replace it, since a real one needs Feishu's servers. */
export type ConnectWs = (dispatcher: lark.EventDispatcher) => Promise<{ close(): void }>;

export interface FeishuOptions extends FeishuSettings {
  log: Logger;
  rates?: Rate[];
  connectWs?: ConnectWs;
}

export function createFeishuAdapter(opts: FeishuOptions): ChatAdapter {
  const { log } = opts;
  const logger = sdkLogger(log);
  const client = new lark.Client({
    appId: opts.appId,
    appSecret: opts.appSecret,
    domain: opts.domain,
    logger,
    // Its own token cache: the SDK's default is shared by every client in the process.
    cache: new lark.DefaultCache(),
  });
  const api = createFeishuApi(client);
  const intake = createIntake(log);
  const seenEvents = new Recent<void>();
  const chatTypes = new Recent<ChatType>();
  const cards = new Recent<SentCard>(2000);
  const buckets = bucketsOf(opts.rates ?? FEISHU_RATES);
  const outbox = createOutbox({
    textLimit: FEISHU_TEXT_LIMIT,
    bucketsFor: () => buckets,
    deliver: (m, part) => deliver(api, cards, m, part),
    deliverFile: (m, file, take) => deliverFile(api, m, file, take),
    log,
  });
  let botOpenId = '';
  let disconnect: (() => Promise<void>) | undefined;

  // The SDK may deliver one event twice (and Feishu retries an unanswered webhook).
  const firstDelivery = (eventId: string | undefined) => !eventId || seenEvents.firstTime(eventId);

  const onMessage = (ev: MessageEvent) => {
    if (!firstDelivery(ev.event_id)) return;
    chatTypes.set(ev.message.chat_id, chatTypeOf(ev.message.chat_type));
    const msg = fromMessageEvent(ev, botOpenId, api.saveMessageFile);
    if (msg) intake.take(msg);
  };

  const onCardAction = (ev: CardActionEvent) => {
    if (!firstDelivery(ev.event_id)) return {};
    const messageId = ev.context?.open_message_id ?? '';
    const card = cards.get(messageId);
    const chatType = card?.chatType ?? chatTypes.get(ev.context?.open_chat_id ?? '') ?? 'group';
    const msg = fromCardAction(ev, chatType);
    if (!msg) return {};
    if (card) {
      const done = actionCard(card.text, card.actions, labelOf(card, msg.text));
      void api
        .updateCard(messageId, done)
        .catch((err: Error) => log.warn('feishu card update failed', { error: err.message }));
    }
    intake.take(msg);
    return { toast: { type: 'success', content: '已收到' } };
  };

  const dispatcher = new lark.EventDispatcher({
    logger,
    loggerLevel: lark.LoggerLevel.warn,
  }).register<{
    'card.action.trigger': (ev: CardActionEvent) => unknown;
  }>({
    'im.message.receive_v1': (ev) => onMessage(ev as MessageEvent),
    'card.action.trigger': onCardAction,
  });

  const connect = async (): Promise<() => Promise<void>> => {
    if (opts.mode === 'webhook') {
      const server = await startWebhook({
        port: opts.webhook.port,
        path: WEBHOOK_PATH,
        keys: opts.webhook,
        log,
        onEvent: (payload) =>
          void dispatcher
            .invoke(payload, { needCheck: false })
            .catch((err: Error) => log.error('feishu event failed', { error: err.message })),
      });
      return server.close;
    }
    const ws = await (opts.connectWs ?? defaultWs(opts, logger))(dispatcher);
    return async () => ws.close();
  };

  return {
    platform: FEISHU,
    async start(handler) {
      // Also proves the credentials: a wrong App Secret fails start-up here, in one line.
      botOpenId ||= await api.botOpenId();
      intake.open(handler);
      disconnect = await connect();
      log.info('feishu connected', { mode: opts.mode, domain: opts.domain });
    },
    send: (msg) => outbox.send(msg),
    async stop() {
      await disconnect?.();
      disconnect = undefined;
      intake.close();
      await intake.drain();
      await outbox.flush();
    },
  };
}

function defaultWs(opts: FeishuOptions, logger: lark.Logger): ConnectWs {
  return async (eventDispatcher) => {
    const ws = new lark.WSClient({
      appId: opts.appId,
      appSecret: opts.appSecret,
      domain: opts.domain,
      logger,
      loggerLevel: lark.LoggerLevel.warn,
      autoReconnect: true,
    });
    await ws.start({ eventDispatcher });
    return ws;
  };
}

async function deliver(api: FeishuApi, cards: Recent<SentCard>, msg: OutgoingMessage, part: Part) {
  if (!part.actions?.length) {
    await api.sendText(msg.chatId, part.text);
    return;
  }
  const id = await api.sendCard(msg.chatId, actionCard(part.text, part.actions));
  if (id) cards.set(id, { text: part.text, actions: part.actions, chatType: msg.chatType });
}

/**
 * Upload errors Feishu answers with 4xx (too large, wrong type, the app lacks im:resource) will
 * not change on a retry: the text goes instead. 429 and 5xx are retried by the delivery queue.
 */
function refusesFile(err: unknown): boolean {
  if (err instanceof UploadRefused) return true;
  const status = (err as { response?: { status?: number } }).response?.status;
  return status !== undefined && status >= 400 && status < 500 && status !== 429;
}

/** Feishu has no captions: the file, then the caption as a text message under it. */
async function deliverFile(
  api: FeishuApi,
  msg: OutgoingMessage,
  file: Attachment,
  take: () => Promise<void>,
) {
  let key: string;
  try {
    key =
      file.kind === 'image'
        ? await api.uploadImage(file.path)
        : await api.uploadFile(file.path, file.name);
  } catch (err) {
    if (refusesFile(err)) throw new FileRefused((err as Error).message);
    throw err;
  }
  await take();
  await (file.kind === 'image' ? api.sendImage(msg.chatId, key) : api.sendFile(msg.chatId, key));
  if (!file.caption) return;
  await take();
  await api.sendText(msg.chatId, file.caption);
}
