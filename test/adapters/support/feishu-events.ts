/** Feishu events as Feishu sends them: schema 2.0 JSON, optionally encrypted and signed. */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { BOT_OPEN_ID } from './fake-feishu';

export const VERIFICATION_TOKEN = 'v-token-test';
export const ENCRYPT_KEY = 'encrypt-key-test';

let seq = 0;
const nextId = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${++seq}`;

const header = (eventType: string, eventId: string) => ({
  event_id: eventId,
  token: VERIFICATION_TOKEN,
  create_time: String(Date.now()),
  event_type: eventType,
  tenant_key: 'tenant',
  app_id: 'cli_test_app',
});

export interface MessageSpec {
  from: string;
  chatId: string;
  chatType: 'group' | 'p2p';
  text: string;
  mentionBot?: boolean;
  messageId?: string;
  eventId?: string;
}

export function messageEvent(s: MessageSpec): Record<string, unknown> {
  const mentions = s.mentionBot
    ? [{ key: '@_user_1', id: { open_id: BOT_OPEN_ID }, name: '回头客', tenant_key: 'tenant' }]
    : undefined;
  return {
    schema: '2.0',
    header: header('im.message.receive_v1', s.eventId ?? nextId('ev')),
    event: {
      sender: { sender_id: { open_id: s.from }, sender_type: 'user', tenant_key: 'tenant' },
      message: {
        message_id: s.messageId ?? nextId('om'),
        create_time: String(Date.now()),
        chat_id: s.chatId,
        chat_type: s.chatType,
        message_type: 'text',
        content: JSON.stringify({ text: s.mentionBot ? `@_user_1 ${s.text}` : s.text }),
        mentions,
      },
    },
  };
}

/** A file message (`message_type: file`), as Feishu sends one with a document attached. */
export function fileEvent(s: Omit<MessageSpec, 'text'> & { fileKey: string; fileName: string }) {
  const ev = messageEvent({ ...s, text: '' }) as { event: { message: Record<string, unknown> } };
  ev.event.message.message_type = 'file';
  ev.event.message.content = JSON.stringify({ file_key: s.fileKey, file_name: s.fileName });
  return ev;
}

export function cardActionEvent(s: {
  operator: string;
  messageId: string;
  chatId: string;
  command: string;
}) {
  return {
    schema: '2.0',
    header: header('card.action.trigger', nextId('ev')),
    event: {
      operator: { open_id: s.operator, tenant_key: 'tenant' },
      token: 'c-token',
      action: { tag: 'button', value: { command: s.command } },
      host: 'im_message',
      context: { open_message_id: s.messageId, open_chat_id: s.chatId },
    },
  };
}

export function encrypt(plain: string, key: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', createHash('sha256').update(key).digest(), iv);
  return Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

/** The body and headers of Feishu's POST: encrypted and signed when an Encrypt Key is set. */
export function webhookRequest(
  payload: unknown,
  encryptKey?: string,
): { body: string; headers: Record<string, string> } {
  if (!encryptKey)
    return { body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } };
  const body = JSON.stringify({ encrypt: encrypt(JSON.stringify(payload), encryptKey) });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  const signature = createHash('sha256')
    .update(timestamp + nonce + encryptKey + body)
    .digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': nonce,
      'x-lark-signature': signature,
    },
  };
}

export async function postWebhook(
  port: number,
  payload: unknown,
  encryptKey?: string,
  tamper?: (h: Record<string, string>) => void,
) {
  const { body, headers } = webhookRequest(payload, encryptKey);
  tamper?.(headers);
  return fetch(`http://127.0.0.1:${port}/feishu/events`, { method: 'POST', headers, body });
}
