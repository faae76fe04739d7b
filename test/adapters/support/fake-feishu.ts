/**
 * A Feishu Open API server on 127.0.0.1, enough for the node SDK's client: the tenant token,
 * bot info, message create and reply, and card update (PATCH). Calls without the token it issued
 * are refused, as Feishu does.
 */
import { listen, readBody, sendJson } from './http';

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

export interface FakeFeishu {
  domain: string;
  appId: string;
  appSecret: string;
  sent(): FeishuSent[];
  patches: { messageId: string; content: Record<string, unknown> }[];
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
    const raw = await readBody(req);
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
    tokenRequests: () => tokens,
    close: () => server.close(),
  };
}
