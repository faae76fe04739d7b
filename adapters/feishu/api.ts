/** The few Open API calls the bot makes, through the SDK's client (which fetches and caches the tenant token). */
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
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

/** What Feishu calls a file it is given: spreadsheets as `xls` (shown as a sheet), the rest as bytes. */
export const fileTypeOf = (name: string) =>
  ['.xls', '.xlsx', '.csv'].includes(extname(name).toLowerCase()) ? 'xls' : 'stream';

/** An upload Feishu answered without a key: a business error (code ≠ 0) the SDK swallowed. */
export class UploadRefused extends Error {}

export interface FeishuApi {
  botOpenId(): Promise<string>;
  sendText(chatId: string, text: string): Promise<string | undefined>;
  /** Upload a picture for a message; returns its image_key. */
  uploadImage(path: string): Promise<string>;
  /** Upload a file for a message; returns its file_key. */
  uploadFile(path: string, name: string): Promise<string>;
  sendImage(chatId: string, imageKey: string): Promise<string | undefined>;
  /** Download the file of a message someone sent the bot. */
  saveMessageFile(messageId: string, fileKey: string, path: string): Promise<void>;
  sendFile(chatId: string, fileKey: string): Promise<string | undefined>;
  sendCard(chatId: string, card: Record<string, unknown>): Promise<string | undefined>;
  updateCard(messageId: string, card: Record<string, unknown>): Promise<void>;
}

export function createFeishuApi(client: lark.Client): FeishuApi {
  type MsgType = 'text' | 'interactive' | 'image' | 'file';
  const create = async (chatId: string, msgType: MsgType, content: unknown) => {
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
    async uploadImage(path) {
      // A fresh stream per call: an upload that is retried cannot reuse a read one.
      const res = await client.im.image.create({
        data: { image_type: 'message', image: createReadStream(path) },
      });
      if (!res?.image_key) throw new UploadRefused('feishu image upload returned no image_key');
      return res.image_key;
    },
    async uploadFile(path, name) {
      const res = await client.im.file.create({
        data: { file_type: fileTypeOf(name), file_name: name, file: createReadStream(path) },
      });
      if (!res?.file_key) throw new UploadRefused('feishu file upload returned no file_key');
      return res.file_key;
    },
    sendImage: (chatId, imageKey) => create(chatId, 'image', { image_key: imageKey }),
    async saveMessageFile(messageId, fileKey, path) {
      const res = await client.im.messageResource.get({
        params: { type: 'file' },
        path: { message_id: messageId, file_key: fileKey },
      });
      await res.writeFile(path);
    },
    sendFile: (chatId, fileKey) => create(chatId, 'file', { file_key: fileKey }),
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
