/**
 * Feishu's webhook mode: an HTTP endpoint Feishu posts events to. Every request is checked (the
 * signature when an Encrypt Key is set, always the Verification Token), answered at once — Feishu
 * wants an answer within 3 s and retries otherwise — and only then handed on.
 */
import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Logger } from '../../src/log';

export interface WebhookKeys {
  verificationToken: string;
  encryptKey?: string;
}

export type Envelope =
  { ok: true; payload: Record<string, unknown> } | { ok: false; status: 401 | 403; reason: string };

const MAX_BODY = 1024 * 1024;

export function decrypt(encrypted: string, encryptKey: string): string {
  const key = createHash('sha256').update(encryptKey).digest();
  const data = Buffer.from(encrypted, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', key, data.subarray(0, 16));
  return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]).toString('utf8');
}

/** sha256(timestamp + nonce + encryptKey + raw body), as Feishu signs a pushed event. */
function signatureValid(raw: string, headers: IncomingHttpHeaders, encryptKey: string): boolean {
  const [ts, nonce, sig] = [
    'x-lark-request-timestamp',
    'x-lark-request-nonce',
    'x-lark-signature',
  ].map((h) => String(headers[h] ?? ''));
  if (!ts || !nonce || !sig) return false;
  const expected = createHash('sha256')
    .update(ts + nonce + encryptKey + raw)
    .digest('hex');
  return expected.length === sig.length && timingSafeEqual(Buffer.from(expected), Buffer.from(sig));
}

/** Check and open one request body. Pure, so every rejection is easy to test. */
export function openEnvelope(
  raw: string,
  headers: IncomingHttpHeaders,
  keys: WebhookKeys,
): Envelope {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return { ok: false, status: 401, reason: 'not JSON' };
  }
  let payload = body;
  if (keys.encryptKey) {
    if (typeof body.encrypt !== 'string')
      return { ok: false, status: 401, reason: 'not encrypted' };
    try {
      payload = JSON.parse(decrypt(body.encrypt, keys.encryptKey)) as Record<string, unknown>;
    } catch {
      return { ok: false, status: 401, reason: 'cannot decrypt' };
    }
    // Feishu does not sign the one-off URL check; everything else must carry a valid signature.
    if (payload.type !== 'url_verification' && !signatureValid(raw, headers, keys.encryptKey)) {
      return { ok: false, status: 401, reason: 'bad signature' };
    }
  } else if ('encrypt' in body) {
    return { ok: false, status: 401, reason: 'encrypted, but FEISHU_ENCRYPT_KEY is not set' };
  }
  const header = payload.header as { token?: unknown } | undefined;
  const token = header?.token ?? payload.token;
  if (token !== keys.verificationToken)
    return { ok: false, status: 403, reason: 'bad verification token' };
  return { ok: true, payload };
}

/** The body, or undefined past MAX_BODY bytes (counted in bytes: Chinese text is 3 a character). */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += b.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface WebhookOptions {
  port: number;
  path: string;
  keys: WebhookKeys;
  log: Logger;
  /** Called after the request was answered; never awaited by the server. */
  onEvent(payload: Record<string, unknown>): void;
}

/** Who and why, never the body: it may hold a customer's details. Logged once per request. */
function reject(
  res: ServerResponse,
  opts: WebhookOptions,
  from: string | undefined,
  status: number,
  reason: string,
): void {
  opts.log.warn('feishu webhook request rejected', { reason, status, from });
  // Closing also ends a connection whose oversize body was left unread.
  res.writeHead(status, { connection: 'close' }).end();
}

async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  opts: WebhookOptions,
): Promise<void> {
  // Read now: a body cut off for its size takes the socket with it.
  const from = req.socket.remoteAddress;
  if (req.method !== 'POST' || req.url?.split('?')[0] !== opts.path) {
    reject(res, opts, from, 404, 'unknown path or method');
    return;
  }
  const raw = await readBody(req);
  if (raw === undefined) {
    reject(res, opts, from, 413, 'body over 1 MB');
    return;
  }
  const env = openEnvelope(raw, req.headers, opts.keys);
  if (!env.ok) {
    reject(res, opts, from, env.status, env.reason);
    return;
  }
  const json = { 'content-type': 'application/json' };
  if (env.payload.type === 'url_verification') {
    res.writeHead(200, json).end(JSON.stringify({ challenge: env.payload.challenge }));
    return;
  }
  res.writeHead(200, json).end('{}');
  setImmediate(() => opts.onEvent(env.payload));
}

export async function startWebhook(opts: WebhookOptions): Promise<{ close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    respond(req, res, opts).catch((err: Error) => {
      opts.log.error('feishu webhook failed', { error: err.message });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(opts.port, () => res());
  });
  return {
    close: () =>
      new Promise<void>((res) => {
        server.closeIdleConnections();
        server.close(() => res());
      }),
  };
}
