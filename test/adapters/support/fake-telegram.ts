/**
 * A Bot API server on 127.0.0.1, enough for telegraf: getMe, getUpdates (long poll over queued
 * updates), sendMessage, sendPhoto and sendDocument (multipart uploads), getFile and the file
 * download path, answerCallbackQuery, editMessageText, deleteWebhook and setWebhook.
 * Tests queue updates as Telegram would and read what the bot sent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, parseMultipart, readBytes, sendJson, type Listening, type Upload } from './http';

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

/** A photo or document the bot uploaded. */
export interface TgUpload extends Upload {
  method: 'sendPhoto' | 'sendDocument';
  chatId: string;
  caption?: string;
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
  /** Photos and documents the bot sent, with their bytes. */
  uploads(): TgUpload[];
  /** A file a user sent: getFile finds it by the returned file_id and the download path serves it. */
  hostFile(bytes: Buffer): string;
  /** Downloads of hosted files, by file_id. */
  downloads: string[];
  /** The next sendMessage answers 429 with retry_after. */
  floodOnce(seconds: number): void;
  /** The next call of `method` answers with this error status (400: Telegram refused it). */
  refuseOnce(method: string, status: number, description: string): void;
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
  const refusals = new Map<string, { status: number; description: string }>();
  const uploads: TgUpload[] = [];
  const hosted = new Map<string, { bytes: Buffer; path: string }>();
  const downloads: string[] = [];

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
    sendPhoto: (b) => ({ ...sentMedia(b), photo: [{ file_id: 'p', width: 1, height: 1 }] }),
    sendDocument: (b) => ({ ...sentMedia(b), document: { file_id: 'd', file_unique_id: 'd' } }),
    getFile: (b) => {
      const file = hosted.get(String(b.file_id));
      if (!file) throw new Refusal(400, 'Bad Request: invalid file_id');
      const size = file.bytes.length;
      return {
        file_id: b.file_id,
        file_unique_id: b.file_id,
        file_size: size,
        file_path: file.path,
      };
    },
  };

  const sentMedia = (b: Record<string, unknown>) => ({
    message_id: messageId++,
    from: BOT,
    chat: chats.get(String(b.chat_id)) ?? { id: Number(b.chat_id), type: 'private' },
    date: now(),
    caption: b.caption,
  });

  /** A multipart upload's fields become the call's body; its file is kept with the call. */
  const bodyOf = (method: string, raw: Buffer, type: string): Record<string, unknown> => {
    if (!type.startsWith('multipart/')) return raw.length ? (JSON.parse(String(raw)) as never) : {};
    const form = parseMultipart(raw, type);
    for (const f of form.files) {
      uploads.push({
        ...f,
        method: method as TgUpload['method'],
        chatId: form.fields.chat_id,
        caption: form.fields.caption,
      });
    }
    return form.fields;
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

  const download = (path: string, res: ServerResponse) => {
    const found = [...hosted].find(([, f]) => f.path === path);
    if (!found) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    downloads.push(found[0]);
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(found[1].bytes);
  };

  const server: Listening = await listen(async (req, res) => {
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url ?? '');
    if (file && file[1] === token) return download(decodeURIComponent(file[2]), res);
    const m = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
    const raw = await readBytes(req);
    if (!m) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (m[1] !== token)
      return sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const body = bodyOf(m[2], raw, req.headers['content-type'] ?? '');
    calls.push({ method: m[2], body, at: Date.now() });
    const refusal = refusals.get(m[2]);
    if (refusal) {
      refusals.delete(m[2]);
      const { status, description } = refusal;
      return sendJson(res, status, { ok: false, error_code: status, description });
    }
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
    try {
      sendJson(res, 200, { ok: true, result: method(body, req) });
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      sendJson(res, err.status, { ok: false, error_code: err.status, description: err.message });
    }
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
    uploads: () => uploads,
    hostFile(bytes) {
      const id = `file-${hosted.size + 1}`;
      hosted.set(id, { bytes, path: `documents/${id}` });
      return id;
    },
    downloads,
    floodOnce(seconds) {
      flood = seconds;
    },
    refuseOnce(method, status, description) {
      refusals.set(method, { status, description });
    },
    confirmedOffset: () => offset,
    close: () => server.close(),
  };
}

const now = () => Math.floor(Date.now() / 1000);

class Refusal extends Error {
  constructor(
    readonly status: number,
    description: string,
  ) {
    super(description);
  }
}
