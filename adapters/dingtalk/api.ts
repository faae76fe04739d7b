/**
 * The DingTalk OpenAPI calls the bot makes, all against DINGTALK_API_BASE: the access token
 * (cached until shortly before it expires), group and direct robot sends, and replies through a
 * message's sessionWebhook.
 */
import type { DingtalkSettings } from './settings';

/** The platform said no for good (a 4xx other than 429); the delivery queue retries anything else. */
export class DingtalkError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // Not JSON: the status says what happened.
  }
  // The path only: a sessionWebhook's query holds its session token.
  const where = new URL(url).pathname;
  if (!res.ok) {
    const why = String(json.code ?? json.message ?? '').slice(0, 80);
    throw new DingtalkError(`dingtalk ${where}: HTTP ${res.status} ${why}`.trim(), res.status);
  }
  if (typeof json.errcode === 'number' && json.errcode !== 0)
    throw new DingtalkError(`dingtalk ${where}: errcode ${json.errcode}`, 400);
  return json;
}

export interface Markdown {
  title: string;
  text: string;
}

/** DingTalk's markdown joins single line breaks: each becomes a hard break. */
export function markdownOf(text: string): Markdown {
  const first = text.split('\n')[0].trim() || '回头客';
  return { title: first.slice(0, 20), text: text.split('\n').join('  \n') };
}

export function createDingtalkApi(s: DingtalkSettings) {
  let token: { value: string; until: number } | undefined;
  const accessToken = async (): Promise<string> => {
    if (token && Date.now() < token.until) return token.value;
    const res = await postJson(`${s.apiBase}/v1.0/oauth2/accessToken`, {
      appKey: s.clientId,
      appSecret: s.clientSecret,
    });
    const value = String(res.accessToken ?? '');
    if (!value) throw new Error('dingtalk accessToken: no token in the answer');
    const seconds = Number(res.expireIn ?? 7200);
    token = { value, until: Date.now() + Math.max(60, seconds - 300) * 1000 };
    return value;
  };
  const robot = async (path: string, body: Record<string, unknown>) =>
    postJson(
      `${s.apiBase}${path}`,
      { robotCode: s.robotCode, ...body },
      {
        'x-acs-dingtalk-access-token': await accessToken(),
      },
    );
  const param = (text: string) => ({
    msgKey: 'sampleMarkdown',
    msgParam: JSON.stringify(markdownOf(text)),
  });
  return {
    accessToken,
    /** The gateway ticket for the Stream connection. */
    openConnection: (subscriptions: unknown, ua: string) =>
      postJson(`${s.apiBase}/v1.0/gateway/connections/open`, {
        clientId: s.clientId,
        clientSecret: s.clientSecret,
        ua,
        subscriptions,
      }),
    sendGroup: (openConversationId: string, text: string) =>
      robot('/v1.0/robot/groupMessages/send', { openConversationId, ...param(text) }),
    sendDirect: (staffId: string, text: string) =>
      robot('/v1.0/robot/oToMessages/batchSend', { userIds: [staffId], ...param(text) }),
    reply: (sessionWebhook: string, text: string) =>
      postJson(sessionWebhook, { msgtype: 'markdown', markdown: markdownOf(text) }),
  };
}

export type DingtalkApi = ReturnType<typeof createDingtalkApi>;
