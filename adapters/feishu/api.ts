/** The few Open API calls the bot makes, through the SDK's client (which fetches and caches the tenant token). */
import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../../src/log';

interface ApiResult {
  code?: number;
  msg?: string;
  data?: { message_id?: string };
}

/** The SDK resolves on a business error (code ≠ 0); a failed send must fail loudly. */
function checked<T extends ApiResult>(what: string, res: T): T {
  if (res.code !== 0) throw new Error(`feishu ${what} failed: ${res.code} ${res.msg ?? ''}`.trim());
  return res;
}

/** The SDK's log lines go to ours, at warn and above. */
export function sdkLogger(log: Logger): lark.Logger {
  const line = (...parts: unknown[]) =>
    parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  return {
    error: (...m) => log.error('feishu sdk', { detail: line(...m) }),
    warn: (...m) => log.warn('feishu sdk', { detail: line(...m) }),
    info: () => undefined,
    debug: () => undefined,
    trace: () => undefined,
  };
}

export interface FeishuApi {
  botOpenId(): Promise<string>;
  sendText(chatId: string, text: string): Promise<string | undefined>;
  sendCard(chatId: string, card: Record<string, unknown>): Promise<string | undefined>;
  updateCard(messageId: string, card: Record<string, unknown>): Promise<void>;
}

export function createFeishuApi(client: lark.Client): FeishuApi {
  const create = async (chatId: string, msgType: 'text' | 'interactive', content: unknown) => {
    const res = await client.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: chatId, msg_type: msgType, content: JSON.stringify(content) },
    });
    return checked('message create', res).data?.message_id;
  };
  return {
    async botOpenId() {
      const res = await client.request<ApiResult & { bot?: { open_id?: string } }>({
        method: 'GET',
        url: '/open-apis/bot/v3/info',
      });
      const openId = checked('bot info', res).bot?.open_id;
      if (!openId)
        throw new Error('feishu bot info has no open_id: is the bot capability enabled?');
      return openId;
    },
    sendText: (chatId, text) => create(chatId, 'text', { text }),
    sendCard: (chatId, card) => create(chatId, 'interactive', card),
    async updateCard(messageId, card) {
      const res = await client.im.message.patch({
        path: { message_id: messageId },
        data: { content: JSON.stringify(card) },
      });
      checked('card update', res);
    },
  };
}
