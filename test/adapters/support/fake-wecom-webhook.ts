/**
 * A stand-in for WeCom's group 消息推送 webhook on 127.0.0.1: `POST /cgi-bin/webhook/send?key=…`
 * with markdown. Like the platform it answers 93000 for a key no group has, 40058 for content
 * over 4,096 bytes and 45009 past 20 messages a minute per key.
 */
import { listen, readBody, sendJson } from './http';

export interface WebhookPost {
  key: string;
  msgtype: string;
  content: string;
  at: number;
}

export interface FakeWebhook {
  base: string;
  /** A key the platform knows (a group added this webhook). */
  add(key: string): void;
  /** Accepted posts, in order. */
  posts(): WebhookPost[];
  /** Refused posts (errcode ≠ 0), by errcode. */
  refused(): number[];
  close(): Promise<void>;
}

const MAX_BYTES = 4096;
const PER_MINUTE = 20;

export async function startFakeWebhook(): Promise<FakeWebhook> {
  const keys = new Set<string>();
  const posts: WebhookPost[] = [];
  const refused: number[] = [];
  const answer = (errcode: number, errmsg: string) => {
    if (errcode) refused.push(errcode);
    return { errcode, errmsg };
  };
  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'POST' || url.pathname !== '/cgi-bin/webhook/send')
      return sendJson(res, 404, {});
    const key = url.searchParams.get('key') ?? '';
    const body = JSON.parse(await readBody(req)) as {
      msgtype: string;
      markdown?: { content?: string };
    };
    const content = body.markdown?.content ?? '';
    const now = Date.now();
    if (!keys.has(key)) return sendJson(res, 200, answer(93000, 'invalid webhook url'));
    if (Buffer.byteLength(content) > MAX_BYTES)
      return sendJson(res, 200, answer(40058, 'markdown.content exceed max length 4096'));
    const lastMinute = posts.filter((p) => p.key === key && now - p.at < 60_000);
    if (lastMinute.length >= PER_MINUTE)
      return sendJson(res, 200, answer(45009, 'api freq out of limit'));
    posts.push({ key, msgtype: body.msgtype, content, at: now });
    sendJson(res, 200, answer(0, 'ok'));
  });
  return {
    base: server.url,
    add: (key) => void keys.add(key),
    posts: () => [...posts],
    refused: () => [...refused],
    close: () => server.close(),
  };
}
