/**
 * A real call to each configured platform, the cheapest one that proves the credentials: the
 * Telegram bot's getMe, a Feishu tenant token. WeChat (wechaty) logs in by QR code at start, so
 * nothing can be checked before.
 */
import { telegramSettings } from '../../adapters/telegram/settings';
import { feishuSettings } from '../../adapters/feishu/settings';
import { dingtalkSettings } from '../../adapters/dingtalk/settings';
import { wecomSettings } from '../../adapters/wecom/settings';
import type { Config } from '../config';
import { fail, ok, warn, type Finding } from './finding';

const TIMEOUT_MS = 10_000;

async function getJson(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const body = (await res.json().catch(() => undefined)) as unknown;
  return { status: res.status, body };
}

const unreachable = (what: string, where: string, err: unknown): Finding =>
  fail(
    what,
    `连不上 ${new URL(where).host}(${(err as Error).name === 'TimeoutError' ? '超时' : (err as Error).message})`,
  );

async function telegram(env: NodeJS.ProcessEnv): Promise<Finding> {
  const s = telegramSettings(env);
  try {
    const { status, body } = await getJson(`${s.apiRoot}/bot${s.token}/getMe`);
    const me = body as { ok?: boolean; result?: { username?: string }; description?: string };
    if (status === 401 || status === 404)
      return fail('TELEGRAM_BOT_TOKEN', 'Telegram 不认这个 token,请到 @BotFather 重新复制');
    if (!me?.ok) return fail('Telegram', `getMe 失败: ${me?.description ?? status}`);
    return ok('Telegram', `机器人 @${me.result?.username ?? '?'} 可用`);
  } catch (err) {
    return unreachable('Telegram', s.apiRoot, err);
  }
}

async function feishu(env: NodeJS.ProcessEnv): Promise<Finding> {
  const s = feishuSettings(env);
  const url = `${s.domain}/open-apis/auth/v3/tenant_access_token/internal`;
  try {
    const { body } = await getJson(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ app_id: s.appId, app_secret: s.appSecret }),
    });
    const r = body as { code?: number; msg?: string };
    if (r?.code === 0) return ok('飞书', `应用 ${s.appId} 凭据有效`);
    return fail('FEISHU_APP_ID / FEISHU_APP_SECRET', `飞书拒绝了凭据: ${r?.msg ?? '无回应'}`);
  } catch (err) {
    return unreachable('飞书', s.domain, err);
  }
}

async function dingtalk(env: NodeJS.ProcessEnv): Promise<Finding> {
  const s = dingtalkSettings(env);
  try {
    const { body } = await getJson(`${s.apiBase}/v1.0/oauth2/accessToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appKey: s.clientId, appSecret: s.clientSecret }),
    });
    const r = body as { accessToken?: string; message?: string };
    if (r?.accessToken) return ok('钉钉', `应用 ${s.clientId} 凭据有效`);
    return fail(
      'DINGTALK_CLIENT_ID / DINGTALK_CLIENT_SECRET',
      `钉钉拒绝了凭据: ${r?.message ?? '无回应'}`,
    );
  } catch (err) {
    return unreachable('钉钉', s.apiBase, err);
  }
}

/** WeCom's AI bot authenticates on its long connection only: the settings are checked, not sent. */
function wecom(env: NodeJS.ProcessEnv): Finding {
  const s = wecomSettings(env);
  return warn('企业微信', `机器人 ${s.botId} 的密钥在启动连接时才校验(${new URL(s.wsUrl).host})`);
}

/** One finding per configured platform; a settings error is a finding too, never a throw. */
export async function checkPlatforms(config: Config, env: NodeJS.ProcessEnv): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const name of config.adapters) {
    try {
      if (name === 'telegram') out.push(await telegram(env));
      else if (name === 'feishu') out.push(await feishu(env));
      else if (name === 'dingtalk') out.push(await dingtalk(env));
      else if (name === 'wecom') out.push(wecom(env));
      else if (name === 'wechaty')
        out.push(
          warn(
            '微信(wechaty)',
            '启动时扫码登录,无法预先检查;网页协议多数账号已登录不了,建议用企业微信',
          ),
        );
      else out.push(ok('控制台', '键盘输入即消息'));
    } catch (err) {
      out.push(fail(name, (err as Error).message));
    }
  }
  return out;
}
