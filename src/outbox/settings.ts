/**
 * Delivery settings: how fast each platform account may send, how failed sends are retried and
 * how long a claim is held. Validated with zod at start-up; a bad value stops start-up with one
 * line naming the variable, like src/config.ts.
 */
import { z } from 'zod';
import { ConfigError } from '../config';
import type { Rate } from './window';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** The limits one platform account sends under. */
export interface AccountLimits {
  /** Every message from the account counts. */
  account: Rate[];
  /** Counted per group chat as well (Telegram and Feishu limit each group). */
  group: Rate[];
}

export interface DeliverySettings {
  /** Platform name → limits; a platform not listed (console, replay) is not limited. */
  limits: Record<string, AccountLimits>;
  retryFirstMs: number;
  retryMaxMs: number;
  /** How long a send is claimed before another process may assume its sender died. */
  sendLeaseMs: number;
  /** How long a job run is claimed before another process may take it over. */
  jobLeaseMs: number;
  /** How often this process's own queue is looked at even when nothing woke it. */
  pollMs: number;
  /**
   * How often the whole queue is read (messages of another process, claims of one that died): a
   * scan on the local database, which keeps sent messages as receipts for a few days.
   */
  scanMs: number;
  /** A message still failing this long after its first failure is given up (dead letter). */
  giveUpMs: number;
  /** On SIGTERM/SIGINT, how long the last pass over the queue may take before the bot exits. */
  shutdownFlushMs: number;
}

/** An empty variable (`FOO=` in a .env file) means "not set". */
const count = (fallback: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number({ error: 'must be a whole number' }).int().min(1).default(fallback),
  );

const schema = z.object({
  // Seed 000: personal WeChat accounts were blacklisted after ~100 messages in an hour.
  DELIVERY_WECHAT_PER_MINUTE: count(20),
  DELIVERY_WECHAT_PER_HOUR: count(100),
  // Feishu: 5 messages a second per app; ~50 a minute into one group is a safe reading.
  DELIVERY_FEISHU_PER_SECOND: count(5),
  DELIVERY_FEISHU_GROUP_PER_MINUTE: count(50),
  // Telegram: 30 messages a second per bot, 20 a minute into one group.
  DELIVERY_TELEGRAM_PER_SECOND: count(30),
  DELIVERY_TELEGRAM_GROUP_PER_MINUTE: count(20),
  // WeCom AI bot: 30 messages a minute per chat (replies and pushes together).
  DELIVERY_WECOM_CHAT_PER_MINUTE: count(30),
  // DingTalk robots: 20 messages a minute into one group.
  DELIVERY_DINGTALK_GROUP_PER_MINUTE: count(20),
  DELIVERY_RETRY_FIRST_SECONDS: count(2),
  DELIVERY_RETRY_MAX_SECONDS: count(600),
  DELIVERY_SEND_LEASE_SECONDS: count(600),
  DELIVERY_POLL_SECONDS: count(15),
  DELIVERY_SCAN_SECONDS: count(300),
  // A day of retries: a platform outage passes; a chat that is gone does not.
  DELIVERY_GIVE_UP_HOURS: count(24),
  SHUTDOWN_FLUSH_SECONDS: count(10),
  SCHEDULE_JOB_LEASE_MINUTES: count(10),
});

export function loadDeliverySettings(env: NodeJS.ProcessEnv): DeliverySettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'delivery');
    throw new ConfigError(`${name}: ${issue.message} (got "${env[name] ?? ''}")`);
  }
  const e = parsed.data;
  if (e.DELIVERY_RETRY_MAX_SECONDS < e.DELIVERY_RETRY_FIRST_SECONDS) {
    throw new ConfigError(
      `DELIVERY_RETRY_MAX_SECONDS: must not be less than DELIVERY_RETRY_FIRST_SECONDS (got "${e.DELIVERY_RETRY_MAX_SECONDS}")`,
    );
  }
  return {
    limits: {
      wechaty: {
        account: [
          { max: e.DELIVERY_WECHAT_PER_MINUTE, perMs: MINUTE },
          { max: e.DELIVERY_WECHAT_PER_HOUR, perMs: HOUR },
        ],
        group: [],
      },
      feishu: {
        account: [{ max: e.DELIVERY_FEISHU_PER_SECOND, perMs: SECOND }],
        group: [{ max: e.DELIVERY_FEISHU_GROUP_PER_MINUTE, perMs: MINUTE }],
      },
      telegram: {
        account: [{ max: e.DELIVERY_TELEGRAM_PER_SECOND, perMs: SECOND }],
        group: [{ max: e.DELIVERY_TELEGRAM_GROUP_PER_MINUTE, perMs: MINUTE }],
      },
      wecom: {
        account: [],
        group: [{ max: e.DELIVERY_WECOM_CHAT_PER_MINUTE, perMs: MINUTE }],
      },
      dingtalk: {
        account: [],
        group: [{ max: e.DELIVERY_DINGTALK_GROUP_PER_MINUTE, perMs: MINUTE }],
      },
    },
    retryFirstMs: e.DELIVERY_RETRY_FIRST_SECONDS * SECOND,
    retryMaxMs: e.DELIVERY_RETRY_MAX_SECONDS * SECOND,
    sendLeaseMs: e.DELIVERY_SEND_LEASE_SECONDS * SECOND,
    jobLeaseMs: e.SCHEDULE_JOB_LEASE_MINUTES * MINUTE,
    pollMs: e.DELIVERY_POLL_SECONDS * SECOND,
    scanMs: e.DELIVERY_SCAN_SECONDS * SECOND,
    giveUpMs: e.DELIVERY_GIVE_UP_HOURS * HOUR,
    shutdownFlushMs: e.SHUTDOWN_FLUSH_SECONDS * SECOND,
  };
}

/** The defaults, for the replay runner and tests. */
export const DEFAULT_DELIVERY = loadDeliverySettings({});
