/**
 * A stand-in for DingTalk on 127.0.0.1: the OpenAPI (access token, Stream gateway ticket, robot
 * group and direct sends), the Stream WebSocket that pushes robot callbacks and takes their
 * acknowledgements, and the sessionWebhook each message carries for its answer.
 */
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { listen, readBody, sendJson } from './http';

export const CLIENT_ID = 'dingtest_client';
export const CLIENT_SECRET = 'dingtalk-secret';

export interface DingSent {
  chatId: string;
  via: 'webhook' | 'group' | 'direct';
  text: string;
  title: string;
  at: number;
}

export interface FakeDingtalk {
  apiBase: string;
  clientId: string;
  clientSecret: string;
  /** Deliver a robot message; returns the callback, to deliver again. */
  message(m: {
    from: string;
    chat: 'direct' | 'group';
    conversationId?: string;
    text: string;
    msgId?: string;
    webhookValidMs?: number;
  }): Record<string, unknown>;
  deliver(callback: Record<string, unknown>): void;
  sent(): DingSent[];
  /** messageIds the bot acknowledged. */
  acks(): string[];
  connections(): number;
  drop(): void;
  close(): Promise<void>;
}

export async function startFakeDingtalk(): Promise<FakeDingtalk> {
  const sent: DingSent[] = [];
  const acks: string[] = [];
  const tokens = new Set<string>();
  let socket: WebSocket | undefined;
  let connections = 0;
  let seq = 0;

  const record = (chatId: string, via: DingSent['via'], md: { title?: string; text?: string }) =>
    sent.push({
      chatId,
      via,
      // The markdown's hard breaks are the line breaks the bot meant.
      text: String(md.text ?? '')
        .split('  \n')
        .join('\n'),
      title: String(md.title ?? ''),
      at: Date.now(),
    });

  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
    if (url.pathname === '/v1.0/oauth2/accessToken') {
      if (body.appKey !== CLIENT_ID || body.appSecret !== CLIENT_SECRET)
        return sendJson(res, 400, {
          code: 'invalidClientIdOrSecret',
          message: '无效的clientId或clientSecret',
        });
      const token = `tok_${randomBytes(4).toString('hex')}`;
      tokens.add(token);
      return sendJson(res, 200, { accessToken: token, expireIn: 7200 });
    }
    if (url.pathname === '/v1.0/gateway/connections/open') {
      if (body.clientId !== CLIENT_ID || body.clientSecret !== CLIENT_SECRET)
        return sendJson(res, 401, { code: 'unauthorized' });
      return sendJson(res, 200, {
        endpoint: `ws://127.0.0.1:${server.port}/connect`,
        ticket: 't1',
      });
    }
    if (url.pathname.startsWith('/session/')) {
      const chatId = decodeURIComponent(url.pathname.slice('/session/'.length));
      if (Number(url.searchParams.get('until')) < Date.now())
        return sendJson(res, 200, { errcode: 300001, errmsg: 'session expired' });
      record(chatId, 'webhook', body.markdown as Record<string, string>);
      return sendJson(res, 200, { errcode: 0, errmsg: 'ok' });
    }
    const token = String(req.headers['x-acs-dingtalk-access-token'] ?? '');
    if (!tokens.has(token)) return sendJson(res, 401, { code: 'InvalidAuthentication' });
    if (body.robotCode !== CLIENT_ID) return sendJson(res, 400, { code: 'robot.notexist' });
    const md = JSON.parse(String(body.msgParam)) as Record<string, string>;
    if (body.msgKey !== 'sampleMarkdown') return sendJson(res, 400, { code: 'msgKey' });
    if (url.pathname === '/v1.0/robot/groupMessages/send') {
      record(String(body.openConversationId), 'group', md);
      return sendJson(res, 200, { processQueryKey: `q${seq++}` });
    }
    if (url.pathname === '/v1.0/robot/oToMessages/batchSend') {
      for (const u of body.userIds as string[]) record(u, 'direct', md);
      return sendJson(res, 200, { processQueryKey: `q${seq++}` });
    }
    sendJson(res, 404, { code: 'notFound' });
  });

  const wss = new WebSocketServer({ server: server.server, path: '/connect' });
  wss.on('connection', (ws) => {
    socket = ws;
    connections++;
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { headers?: { messageId?: string } };
      if (m.headers?.messageId) acks.push(m.headers.messageId);
    });
  });

  const fake: FakeDingtalk = {
    apiBase: server.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    message({ from, chat, conversationId, text, msgId, webhookValidMs = 3_600_000 }) {
      const chatId = chat === 'group' ? conversationId! : from;
      const until = Date.now() + webhookValidMs;
      const callback = {
        conversationId: conversationId ?? `cid_p2p_${from}`,
        chatbotCorpId: 'ding_corp',
        chatbotUserId: 'bot_user',
        msgId: msgId ?? `msg${seq++}`,
        senderNick: '小王',
        isAdmin: false,
        senderStaffId: from,
        sessionWebhookExpiredTime: until,
        createAt: Date.now(),
        senderCorpId: 'ding_corp',
        conversationType: chat === 'group' ? '2' : '1',
        senderId: `$:LWCP_v1:$${from}`,
        sessionWebhook: `${server.url}/session/${encodeURIComponent(chatId)}?until=${until}`,
        robotCode: CLIENT_ID,
        msgtype: 'text',
        text: { content: ` ${text} ` },
      };
      fake.deliver(callback);
      return callback;
    },
    deliver(callback) {
      if (!socket) throw new Error('the bot is not connected');
      socket.send(
        JSON.stringify({
          specVersion: '1.0',
          type: 'CALLBACK',
          headers: {
            appId: 'app',
            connectionId: 'c1',
            contentType: 'application/json',
            messageId: `stream_${seq++}`,
            time: String(Date.now()),
            topic: '/v1.0/im/bot/messages/get',
          },
          data: JSON.stringify(callback),
        }),
      );
    },
    sent: () => [...sent],
    acks: () => [...acks],
    connections: () => connections,
    drop() {
      socket?.terminate();
      socket = undefined;
    },
    async close() {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((res) => wss.close(() => res()));
      await server.close();
    },
  };
  return fake;
}
