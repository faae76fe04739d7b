/**
 * A Bot API server on 127.0.0.1, enough for telegraf: getMe, getUpdates (long poll over queued
 * updates), sendMessage, answerCallbackQuery, editMessageText, deleteWebhook and setWebhook.
 * Tests queue updates as Telegram would and read what the bot sent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, sendJson, type Listening } from './http';

export const BOT = { id: 900001, is_bot: true, first_name: '回头客', username: 'huitouke_bot' };

export interface TgUser {
  id: number;
  first_name: string;
}
export interface TgChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
}

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
  at: number;
}

interface Waiter {
  offset: number;
  done(updates: unknown[]): void;
}

export interface FakeTelegram {
  apiRoot: string;
  token: string;
  calls: ApiCall[];
  /** sendMessage calls, in order. */
  sent(): { chatId: string; text: string; replyMarkup?: unknown; at: number }[];
  /** Queue an update; long polls waiting for one get it at once. Returns its update_id. */
  push(update: Record<string, unknown>): number;
  /** An update with a text message from `from` in `chat`. */
  message(
    from: TgUser,
    chat: TgChat,
    text: string,
    extra?: Record<string, unknown>,
  ): Record<string, unknown>;
  /** The next sendMessage answers 429 with retry_after. */
  floodOnce(seconds: number): void;
  confirmedOffset(): number;
  close(): Promise<void>;
}

export async function startFakeTelegram(token = '123456:TEST-token'): Promise<FakeTelegram> {
  const calls: ApiCall[] = [];
  const updates: { update_id: number }[] = [];
  const waiters = new Set<Waiter>();
  const chats = new Map<string, TgChat>();
  let updateId = 1000;
  let messageId = 1;
  let offset = 0;
  let flood: number | undefined;

  const pending = (from: number) => updates.filter((u) => u.update_id >= from);
  const wake = () => {
    for (const w of waiters) {
      const ready = pending(w.offset);
      if (ready.length > 0) w.done(ready);
    }
  };

  const methods: Record<string, (b: Record<string, unknown>, req: IncomingMessage) => unknown> = {
    getMe: () => BOT,
    deleteWebhook: () => true,
    setWebhook: () => true,
    answerCallbackQuery: () => true,
    editMessageText: (b) => ({
      message_id: b.message_id,
      chat: chats.get(String(b.chat_id)),
      date: now(),
      text: b.text,
    }),
    sendMessage: (b) => ({
      message_id: messageId++,
      from: BOT,
      chat: chats.get(String(b.chat_id)) ?? { id: Number(b.chat_id), type: 'private' },
      date: now(),
      text: b.text,
      reply_markup: b.reply_markup,
    }),
  };

  const getUpdates = (b: Record<string, unknown>, req: IncomingMessage, res: ServerResponse) => {
    offset = Math.max(offset, Number(b.offset ?? 0));
    const ready = pending(offset);
    const timeoutMs = Math.min(Number(b.timeout ?? 0), 2) * 1000;
    if (ready.length > 0 || timeoutMs === 0) return sendJson(res, 200, { ok: true, result: ready });
    const waiter: Waiter = {
      offset,
      done: (result) => {
        waiters.delete(waiter);
        clearTimeout(timer);
        sendJson(res, 200, { ok: true, result });
      },
    };
    const timer = setTimeout(() => waiter.done([]), timeoutMs);
    waiters.add(waiter);
    // telegraf aborts the poll on stop(): forget the waiter, never answer a closed socket.
    res.on('close', () => {
      clearTimeout(timer);
      waiters.delete(waiter);
    });
    void req;
  };

  const server: Listening = await listen(async (req, res) => {
    const m = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
    const raw = await readBody(req);
    if (!m) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (m[1] !== token)
      return sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    calls.push({ method: m[2], body, at: Date.now() });
    if (m[2] === 'getUpdates') return getUpdates(body, req, res);
    if (m[2] === 'sendMessage' && flood !== undefined) {
      const retry_after = flood;
      flood = undefined;
      return sendJson(res, 429, {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests',
        parameters: { retry_after },
      });
    }
    const method = methods[m[2]];
    if (!method)
      return sendJson(res, 404, { ok: false, error_code: 404, description: `no ${m[2]}` });
    sendJson(res, 200, { ok: true, result: method(body, req) });
  });

  return {
    apiRoot: server.url,
    token,
    calls,
    sent: () =>
      calls
        .filter((c) => c.method === 'sendMessage')
        .map((c) => ({
          chatId: String(c.body.chat_id),
          text: String(c.body.text),
          replyMarkup: c.body.reply_markup,
          at: c.at,
        })),
    push(update) {
      const u = { update_id: ++updateId, ...update };
      updates.push(u);
      wake();
      return u.update_id;
    },
    message(from, chat, text, extra = {}) {
      chats.set(String(chat.id), chat);
      return {
        message: {
          message_id: messageId++,
          from: { ...from, is_bot: false },
          chat,
          date: now(),
          text,
          ...extra,
        },
      };
    },
    floodOnce(seconds) {
      flood = seconds;
    },
    confirmedOffset: () => offset,
    close: () => server.close(),
  };
}

const now = () => Math.floor(Date.now() / 1000);
