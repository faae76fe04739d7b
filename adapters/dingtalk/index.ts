/**
 * DingTalk (钉钉) robots in Stream mode through dingtalk-stream: no public address. Robot messages
 * arrive as callbacks on the long connection and each is acknowledged at once (unacknowledged,
 * DingTalk delivers it again). Answers go through the message's sessionWebhook while it is valid;
 * everything else through the robot OpenAPI (group and direct sends, as markdown).
 */
import { TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';
import type { Logger } from '../../src/log';
import type { ChatAdapter, OutgoingMessage } from '../../src/pipeline/message';
import { createIntake } from '../shared/intake';
import { createOutbox } from '../shared/outbox';
import { bucketsOf, keyedBuckets, MINUTE, type Rate } from '../shared/rate-limit';
import { Recent } from '../shared/recent';
import { createDingtalkApi, type DingtalkApi } from './api';
import { chatIdOf, DINGTALK, fromRobotCallback, type RobotCallback } from './incoming';
import type { DingtalkSettings } from './settings';
import { GatewayClient } from './stream';
import { withActionsAsText } from '../shared/actions-text';

export const DINGTALK_TEXT_LIMIT = 3000;
/** DingTalk holds a robot to 20 messages a minute into one group. */
export const DINGTALK_GROUP_RATES: Rate[] = [{ max: 20, perMs: MINUTE }];
/** A sessionWebhook is used only while it has this long left. */
const WEBHOOK_MARGIN_MS = 30_000;

export interface DingtalkOptions extends DingtalkSettings {
  log: Logger;
  rates?: Rate[];
  groupRates?: Rate[];
}

export function createDingtalkAdapter(opts: DingtalkOptions): ChatAdapter {
  const { log } = opts;
  const api = createDingtalkApi(opts);
  const intake = createIntake(log);
  const seen = new Recent<void>();
  const webhooks = new Recent<{ url: string; until: number }>(5000);
  const account = bucketsOf(opts.rates ?? []);
  const perGroup = keyedBuckets(opts.groupRates ?? DINGTALK_GROUP_RATES);
  const outbox = createOutbox({
    textLimit: DINGTALK_TEXT_LIMIT,
    bucketsFor: (m) => (m.chatType === 'group' ? [...account, ...perGroup(m.chatId)] : account),
    deliver: (m, part) => deliver(api, webhooks, m, part.text),
    log,
  });
  let client: GatewayClient | undefined;

  const onCallback = (c: GatewayClient, down: DWClientDownStream) => {
    // Acknowledge first, always: an unanswered callback is delivered again within a minute.
    c.socketCallBackResponse(down.headers.messageId, {});
    let m: RobotCallback;
    try {
      m = JSON.parse(down.data) as RobotCallback;
    } catch {
      log.warn('dingtalk callback unreadable', { messageId: down.headers.messageId });
      return;
    }
    if (!m.msgId || !seen.firstTime(m.msgId)) return;
    const chatId = chatIdOf(m);
    if (chatId && m.sessionWebhook)
      webhooks.set(chatId, {
        url: m.sessionWebhook,
        until: Number(m.sessionWebhookExpiredTime ?? 0),
      });
    const msg = fromRobotCallback(m);
    if (msg) intake.take(msg);
  };

  return {
    platform: DINGTALK,
    async start(handler) {
      // Proves the credentials: a wrong Client Secret fails start-up here, in one line.
      await api.accessToken();
      intake.open(handler);
      const c = new GatewayClient(opts, api);
      c.registerCallbackListener(TOPIC_ROBOT, (down) => onCallback(c, down));
      client = c;
      // The SDK retries a failed connection by itself, forever, a second apart.
      await c.connect();
      log.info('dingtalk started', { api: opts.apiBase, connected: c.connected });
    },
    send: (msg) => outbox.send({ ...msg, text: withActionsAsText(msg), actions: undefined }),
    async stop() {
      client?.removeAllListeners();
      client?.disconnect();
      client = undefined;
      intake.close();
      await intake.drain();
      await outbox.flush();
    },
  };
}

async function deliver(
  api: DingtalkApi,
  webhooks: Recent<{ url: string; until: number }>,
  msg: OutgoingMessage,
  text: string,
): Promise<void> {
  const hook = webhooks.get(msg.chatId);
  if (hook && hook.until - WEBHOOK_MARGIN_MS > Date.now()) {
    await api.reply(hook.url, text);
    return;
  }
  await (msg.chatType === 'group'
    ? api.sendGroup(msg.chatId, text)
    : api.sendDirect(msg.chatId, text));
}
