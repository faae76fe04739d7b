/**
 * A Feishu Open API server on 127.0.0.1, enough for the node SDK's client: the tenant token,
 * bot info, message create and reply, card update (PATCH), image and file uploads (multipart),
 * and downloading a file from a user's message. Calls without the token it issued are refused,
 * as Feishu does.
 */
import type { ServerResponse } from 'node:http';
import { listen, parseMultipart, readBytes, sendJson, type Upload } from './http';

export const BOT_OPEN_ID = 'ou_bot_huitouke';

export interface FeishuSent {
  messageId: string;
  chatId: string;
  msgType: string;
  content: Record<string, unknown>;
  /** The text of a text message, or the body text of a card. */
  text: string;
  at: number;
}

/** An image or file the bot uploaded: its key, form fields (image_type, file_type, file_name) and bytes. */
export interface FeishuUpload extends Upload {
  key: string;
  fields: Record<string, string>;
}

export interface FakeFeishu {
  domain: string;
  appId: string;
  appSecret: string;
  sent(): FeishuSent[];
  patches: { messageId: string; content: Record<string, unknown> }[];
  uploads(): FeishuUpload[];
  /** The next upload is answered with this HTTP status and Feishu error code. */
  refuseUploadOnce(status: number, code: number): void;
  /** A file in a user's message, for the resource download API. */
  hostResource(messageId: string, fileKey: string, bytes: Buffer): void;
  /** Resource downloads: `<message_id>/<file_key>?type=…`. */
  downloads: string[];
  tokenRequests(): number;
  close(): Promise<void>;
}

function textOf(msgType: string, content: Record<string, unknown>): string {
  if (msgType === 'text') return String(content.text);
  const elements = (content.elements ?? []) as { tag: string; text?: { content: string } }[];
  return elements.find((e) => e.tag === 'div')?.text?.content ?? '';
}

export async function startFakeFeishu(
  appId = 'cli_test_app',
  appSecret = 'test-secret',
): Promise<FakeFeishu> {
  const token = `t-${appId}`;
  const sent: FeishuSent[] = [];
  const patches: FakeFeishu['patches'] = [];
  let tokens = 0;
  let n = 0;
  const uploads: FeishuUpload[] = [];
  let refusal: { status: number; code: number } | undefined;
  const resources = new Map<string, Buffer>();
  const downloads: string[] = [];

  const upload = (kind: 'img' | 'file', raw: Buffer, type: string, res: ServerResponse) => {
    if (refusal) {
      const { status, code } = refusal;
      refusal = undefined;
      return sendJson(res, status, { code, msg: 'upload refused' });
    }
    const form = parseMultipart(raw, type);
    const key = `${kind}_v3_${uploads.length + 1}`;
    for (const f of form.files) uploads.push({ ...f, key, fields: form.fields });
    const data = kind === 'img' ? { image_key: key } : { file_key: key };
    sendJson(res, 200, { code: 0, msg: 'success', data });
  };

  const record = (chatId: string, body: Record<string, unknown>) => {
    const content = JSON.parse(String(body.content)) as Record<string, unknown>;
    const msgType = String(body.msg_type);
    const messageId = `om_${++n}`;
    sent.push({
      messageId,
      chatId,
      msgType,
      content,
      text: textOf(msgType, content),
      at: Date.now(),
    });
    return {
      code: 0,
      msg: 'success',
      data: { message_id: messageId, chat_id: chatId, msg_type: msgType },
    };
  };

  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const bytes = await readBytes(req);
    const type = req.headers['content-type'] ?? '';
    const multipart = type.startsWith('multipart/');
    const raw = multipart ? '' : String(bytes);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (url.pathname === '/open-apis/auth/v3/tenant_access_token/internal') {
      tokens += 1;
      if (body.app_id !== appId || body.app_secret !== appSecret) {
        return sendJson(res, 400, { code: 10014, msg: 'app secret invalid' });
      }
      return sendJson(res, 200, { code: 0, msg: 'ok', tenant_access_token: token, expire: 7200 });
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      return sendJson(res, 401, { code: 99991663, msg: 'Invalid access token for authorization' });
    }
    const reply = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(url.pathname);
    const one = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(url.pathname);
    if (url.pathname === '/open-apis/bot/v3/info' && req.method === 'GET') {
      return sendJson(res, 200, {
        code: 0,
        msg: 'ok',
        bot: { open_id: BOT_OPEN_ID, app_name: '回头客' },
      });
    }
    if (url.pathname === '/open-apis/im/v1/images' && req.method === 'POST')
      return upload('img', bytes, type, res);
    if (url.pathname === '/open-apis/im/v1/files' && req.method === 'POST')
      return upload('file', bytes, type, res);
    const resource = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/.exec(
      url.pathname,
    );
    if (resource && req.method === 'GET') {
      const found = resources.get(`${resource[1]}/${resource[2]}`);
      if (!found) return sendJson(res, 400, { code: 234003, msg: 'File not in msg.' });
      downloads.push(`${resource[1]}/${resource[2]}?type=${url.searchParams.get('type')}`);
      return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(found);
    }
    if (url.pathname === '/open-apis/im/v1/messages' && req.method === 'POST') {
      if (url.searchParams.get('receive_id_type') !== 'chat_id')
        return sendJson(res, 400, { code: 230001, msg: 'receive_id_type' });
      return sendJson(res, 200, record(String(body.receive_id), body));
    }
    if (reply && req.method === 'POST') {
      const original = sent.find((m) => m.messageId === reply[1]);
      return sendJson(res, 200, record(original?.chatId ?? `reply:${reply[1]}`, body));
    }
    if (one && req.method === 'PATCH') {
      patches.push({
        messageId: one[1],
        content: JSON.parse(String(body.content)) as Record<string, unknown>,
      });
      return sendJson(res, 200, { code: 0, msg: 'success', data: {} });
    }
    sendJson(res, 404, { code: 404, msg: `no ${req.method} ${url.pathname}` });
  });

  return {
    domain: server.url,
    appId,
    appSecret,
    sent: () => sent,
    patches,
    uploads: () => uploads,
    refuseUploadOnce(status, code) {
      refusal = { status, code };
    },
    hostResource(messageId, fileKey, bytes) {
      resources.set(`${messageId}/${fileKey}`, bytes);
    },
    downloads,
    tokenRequests: () => tokens,
    close: () => server.close(),
  };
}
