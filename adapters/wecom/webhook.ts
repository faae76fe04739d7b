/**
 * A team group's 消息推送 webhook (群机器人): how a message reaches a group when the AI bot's push
 * is refused there. `POST {base}/cgi-bin/webhook/send?key=…` with markdown, at most 4,096 bytes a
 * message and 20 messages a minute per webhook. The key is a secret: it goes in the URL and
 * nowhere else, never into an error or a log line.
 */
import { createHash } from 'node:crypto';
import { ChatNotOpen } from '../../src/pipeline/message';
import { maskWebhookKeys } from '../../src/privacy';
import { acquire, keyedBuckets, MINUTE, type Rate } from '../shared/rate-limit';
import { Recent } from '../shared/recent';
import { splitText } from '../shared/split';

export const WEBHOOK_MAX_BYTES = 4096;
/** splitText counts UTF-16 units, and none takes more than 3 bytes in UTF-8 (a pair: 4 for 2). */
const WEBHOOK_CHARS = Math.floor(WEBHOOK_MAX_BYTES / 3);
export const WEBHOOK_RATES: Rate[] = [{ max: 20, perMs: MINUTE }];

interface WebhookAnswer {
  errcode?: number;
  errmsg?: string;
}

/** Still waiting for the chat, now because its webhook failed too: the admins are told that. */
const failed = (why: string) =>
  new ChatNotOpen(`wecom 本群推送 failed: ${maskWebhookKeys(why).slice(0, 80)}`, {
    reason: 'group-push-failed',
  });

export interface GroupWebhook {
  /** Send `text` to the group through its webhook; resolves once every part was taken. */
  send(chatId: string, key: string, text: string): Promise<void>;
}

export function createGroupWebhook(base: string, rates: Rate[] = WEBHOOK_RATES): GroupWebhook {
  const perGroup = keyedBuckets(rates);
  // Parts of a text already taken, so a retry after a failed part sends only the rest.
  const taken = new Recent<number>(2000);

  const post = async (key: string, content: string) => {
    let res: Response;
    try {
      res = await fetch(`${base}/cgi-bin/webhook/send?key=${encodeURIComponent(key)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }),
      });
    } catch (err) {
      // fetch's own words ("fetch failed"); the cause could quote the URL, so it stays out.
      throw failed((err as Error).message);
    }
    const answer = (await res.json().catch(() => ({}))) as WebhookAnswer;
    if (!res.ok) throw failed(`HTTP ${res.status}`);
    if (answer.errcode !== 0)
      throw failed(`errcode ${String(answer.errcode)} ${answer.errmsg ?? ''}`.trim());
  };

  return {
    async send(chatId, key, text) {
      const parts = splitText(text, WEBHOOK_CHARS);
      const id = createHash('sha256').update(`${chatId}\n${text}`).digest('base64');
      for (let i = taken.get(id) ?? 0; i < parts.length; i++) {
        await acquire(perGroup(chatId));
        await post(key, parts[i]);
        taken.set(id, i + 1);
      }
      // Done: the same words sent again later are a new message.
      taken.delete(id);
    },
  };
}
