/**
 * A stand-in for WeCom's AI-bot long connection on 127.0.0.1, speaking the SDK's frames: the
 * login (aibot_subscribe), heartbeats, message and event callbacks, replies on a callback's
 * req_id, pushes (aibot_send_msg, refused into a chat that has not messaged the bot), card
 * redraws and the three-step media upload.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const BOT_ID = 'aib_test_bot';
export const BOT_SECRET = 'wecom-secret';
/** What the stand-in answers a push into a chat nobody there has spoken to the bot from. */
export const PUSH_REFUSED = 846_609;

export interface WecomSent {
  chatId: string;
  /** 'reply' on a callback's frame, 'push' by aibot_send_msg. */
  via: 'reply' | 'push';
  msgtype: string;
  text: string;
  card?: Record<string, unknown>;
  mediaId?: string;
  at: number;
}

interface Frame {
  cmd?: string;
  headers: { req_id: string };
  body?: Record<string, unknown>;
}

export interface FakeWecom {
  url: string;
  botId: string;
  secret: string;
  /** Connections the bot has opened (each login counts). */
  logins(): number;
  /** Deliver a message callback; returns the frame, to deliver again. */
  message(m: {
    from: string;
    chat: 'single' | 'group';
    chatId?: string;
    text: string;
    msgid?: string;
  }): Frame;
  cardClick(c: {
    from: string;
    chat: 'single' | 'group';
    chatId?: string;
    key: string;
    taskId: string;
    where?: 'event' | 'template_card_event';
    /** When it was pressed (ms); now by default. */
    at?: number;
  }): Frame;
  deliver(frame: Frame): void;
  /** The chat has spoken to the bot before (pushes into it are taken). */
  allow(chatId: string): void;
  /** The chat's permission lapsed: pushes into it are refused until it speaks again. */
  lapse(chatId: string): void;
  sent(): WecomSent[];
  updates(): Record<string, unknown>[];
  uploads(): { mediaId: string; filename: string; bytes: Buffer }[];
  /** Drop the connection, as a network failure does; the SDK reconnects. */
  drop(): void;
  /** Another process took the bot's connection. */
  takeOver(): void;
  connected(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeWecom(): Promise<FakeWecom> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((res) => wss.once('listening', () => res()));
  const { port } = wss.address() as AddressInfo;
  let socket: WebSocket | undefined;
  let logins = 0;
  const allowed = new Set<string>();
  const chatOfReq = new Map<string, string>();
  const sent: WecomSent[] = [];
  const updates: Record<string, unknown>[] = [];
  const uploads: { mediaId: string; filename: string; bytes: Buffer }[] = [];
  const pending = new Map<string, { filename: string; chunks: Buffer[] }>();
  let waiters: (() => void)[] = [];

  const ack = (ws: WebSocket, reqId: string, errcode = 0, body?: unknown) =>
    ws.send(
      JSON.stringify({
        headers: { req_id: reqId },
        errcode,
        errmsg: errcode ? 'refused' : 'ok',
        body,
      }),
    );

  const textOf = (b: Record<string, unknown>): string => {
    const stream = b.stream as { content?: string } | undefined;
    const md = b.markdown as { content?: string } | undefined;
    return stream?.content ?? md?.content ?? '';
  };

  const record = (chatId: string, via: WecomSent['via'], b: Record<string, unknown>) => {
    const msgtype = String(b.msgtype);
    const media = (b[msgtype] as { media_id?: string } | undefined)?.media_id;
    sent.push({
      chatId,
      via,
      msgtype,
      text: textOf(b),
      card: b.template_card as Record<string, unknown> | undefined,
      mediaId: media,
      at: Date.now(),
    });
  };

  const onFrame = (ws: WebSocket, f: Frame) => {
    const id = f.headers.req_id;
    const b = f.body ?? {};
    switch (f.cmd) {
      case 'aibot_subscribe':
        if (b.bot_id !== BOT_ID || b.secret !== BOT_SECRET) return ack(ws, id, 40_001);
        logins++;
        ack(ws, id);
        for (const w of waiters) w();
        waiters = [];
        return;
      case 'ping':
        return ack(ws, id);
      case 'aibot_respond_msg': {
        const chatId = chatOfReq.get(id);
        if (!chatId) return ack(ws, id, 40_008);
        record(chatId, 'reply', b);
        return ack(ws, id);
      }
      case 'aibot_respond_update_msg':
        updates.push(b);
        return ack(ws, id);
      case 'aibot_send_msg': {
        const chatId = String(b.chatid);
        if (!allowed.has(chatId)) return ack(ws, id, PUSH_REFUSED);
        record(chatId, 'push', b);
        return ack(ws, id);
      }
      case 'aibot_upload_media_init': {
        const uploadId = `up_${randomBytes(4).toString('hex')}`;
        pending.set(uploadId, { filename: String(b.filename), chunks: [] });
        return ack(ws, id, 0, { upload_id: uploadId });
      }
      case 'aibot_upload_media_chunk': {
        const up = pending.get(String(b.upload_id))!;
        up.chunks[Number(b.chunk_index)] = Buffer.from(String(b.base64_data), 'base64');
        return ack(ws, id);
      }
      case 'aibot_upload_media_finish': {
        const up = pending.get(String(b.upload_id))!;
        const mediaId = `media_${uploads.length + 1}`;
        uploads.push({ mediaId, filename: up.filename, bytes: Buffer.concat(up.chunks) });
        return ack(ws, id, 0, { media_id: mediaId, type: 'file' });
      }
    }
  };

  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => onFrame(ws, JSON.parse(String(data)) as Frame));
  });

  let seq = 0;
  const reqId = (cmd: string) => `${cmd}_${Date.now()}_${seq++}`;
  const chatKey = (from: string, chat: 'single' | 'group', chatId?: string) =>
    chat === 'group' ? chatId! : from;

  const fake: FakeWecom = {
    url: `ws://127.0.0.1:${port}`,
    botId: BOT_ID,
    secret: BOT_SECRET,
    logins: () => logins,
    message({ from, chat, chatId, text, msgid }) {
      const frame = {
        cmd: 'aibot_msg_callback',
        headers: { req_id: reqId('callback') },
        body: {
          msgid: msgid ?? `msg_${seq++}`,
          aibotid: BOT_ID,
          ...(chat === 'group' ? { chatid: chatId } : {}),
          chattype: chat,
          from: { userid: from },
          create_time: Date.now(),
          msgtype: 'text',
          text: { content: text },
        },
      };
      fake.deliver(frame);
      return frame;
    },
    cardClick({ from, chat, chatId, key, taskId, where = 'template_card_event', at }) {
      const click = { event_key: key, task_id: taskId, card_type: 'button_interaction' };
      const frame = {
        cmd: 'aibot_event_callback',
        headers: { req_id: reqId('event') },
        body: {
          msgid: `ev_${seq++}`,
          aibotid: BOT_ID,
          ...(chat === 'group' ? { chatid: chatId } : {}),
          chattype: chat,
          from: { userid: from },
          create_time: at ?? Date.now(),
          msgtype: 'event',
          event:
            where === 'event'
              ? { eventtype: 'template_card_event', ...click }
              : { eventtype: 'template_card_event', template_card_event: click },
        },
      };
      fake.deliver(frame);
      return frame;
    },
    deliver(frame) {
      const b = frame.body as {
        chattype: 'single' | 'group';
        chatid?: string;
        from: { userid: string };
      };
      const chat = chatKey(b.from.userid, b.chattype, b.chatid);
      // Speaking to the bot opens the chat to its pushes, and the frame to a reply.
      allowed.add(chat);
      chatOfReq.set(frame.headers.req_id, chat);
      if (!socket) throw new Error('the bot is not connected');
      socket.send(JSON.stringify(frame));
    },
    allow: (chatId) => void allowed.add(chatId),
    lapse: (chatId) => void allowed.delete(chatId),
    sent: () => [...sent],
    updates: () => [...updates],
    uploads: () => [...uploads],
    drop() {
      socket?.terminate();
      socket = undefined;
    },
    takeOver() {
      socket?.send(
        JSON.stringify({
          cmd: 'aibot_event_callback',
          headers: { req_id: reqId('event') },
          body: {
            msgid: `ev_${seq++}`,
            aibotid: BOT_ID,
            from: { userid: '' },
            create_time: Date.now(),
            msgtype: 'event',
            event: { eventtype: 'disconnected_event' },
          },
        }),
      );
    },
    connected: () =>
      new Promise<void>((res) => {
        if (socket && socket.readyState === socket.OPEN && logins > 0) res();
        else waiters.push(res);
      }),
    close: () =>
      new Promise<void>((res) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => res());
      }),
  };
  return fake;
}
