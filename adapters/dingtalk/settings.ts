/** DINGTALK_* variables: the app's Client ID and Secret, the robot's code, and the OpenAPI address. */
import { z } from 'zod';
import { httpUrl, parseSettings, required, setting } from '../shared/settings';

export const DINGTALK_API = 'https://api.dingtalk.com';

const schema = z.object({
  DINGTALK_CLIENT_ID: setting(
    required('the Client ID (AppKey) from 钉钉开放平台 > 凭证与基础信息'),
  ),
  DINGTALK_CLIENT_SECRET: setting(required('the Client Secret (AppSecret) on the same page')),
  DINGTALK_ROBOT_CODE: setting(z.string().optional()),
  DINGTALK_API_BASE: setting(httpUrl().default(DINGTALK_API)),
});

export interface DingtalkSettings {
  clientId: string;
  clientSecret: string;
  /** The robot that sends; an app's robot code is its Client ID unless the console says otherwise. */
  robotCode: string;
  apiBase: string;
}

export function dingtalkSettings(env: NodeJS.ProcessEnv): DingtalkSettings {
  const e = parseSettings(schema, env);
  return {
    clientId: e.DINGTALK_CLIENT_ID,
    clientSecret: e.DINGTALK_CLIENT_SECRET,
    robotCode: e.DINGTALK_ROBOT_CODE ?? e.DINGTALK_CLIENT_ID,
    apiBase: e.DINGTALK_API_BASE.replace(/\/+$/, ''),
  };
}
