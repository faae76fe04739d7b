/**
 * Every setting, read once at start-up and validated. A bad value stops start-up with one line
 * naming the variable, because the person reading it is a restaurant's IT helper, not a developer.
 */
import { z } from 'zod';

const HHMM = /^([01]?\d|2[0-3]):[0-5]\d$/;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const ADAPTER_NAMES = [
  'console',
  'wechaty',
  'feishu',
  'telegram',
  'wecom',
  'dingtalk',
] as const;
export type AdapterName = (typeof ADAPTER_NAMES)[number];

const role = z.enum(['staff', 'manager', 'admin']);
const hhmm = (what: string) => z.string().regex(HHMM, `must be a time of day HH:mm (${what})`);
const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const schema = z.object({
  MONGODB_URI: optional.refine((v) => !v || /^mongodb(\+srv)?:\/\//.test(v), {
    message: 'must start with mongodb:// or mongodb+srv://',
  }),
  DATA_DIR: z.string().min(1).default('./data'),
  TZ_STORE: z
    .string()
    .default('Asia/Shanghai')
    .refine(isTimeZone, { message: 'must be an IANA time zone such as Asia/Shanghai' }),
  BUSINESS_DAY_CUTOFF: hhmm('the hour the business day rolls over').default('05:00'),
  BRIEFING_TIME: hhmm('the morning briefing').default('09:30'),
  STORE_NAME: z.string().min(1).default('本店'),
  ADAPTERS: optional,
  CONSOLE_STAFF_NAME: z.string().min(1).default('店长'),
  CONSOLE_STAFF_ROLE: role.default('manager'),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional(),
  STATUS_PORT: optional.pipe(
    z.coerce
      .number<string | undefined>()
      .int()
      .min(1)
      .max(65535, 'must be a port 1–65535')
      .optional(),
  ),
  STATUS_HOST: z
    .string()
    .regex(/^[\w.:-]+$/, 'must be an address to listen on, such as 127.0.0.1')
    .default('127.0.0.1'),
  // Message logs, receipts, job runs and events older than this are pruned each night; visits,
  // customers and follow-up history are kept forever.
  RETENTION_DAYS: z.coerce.number().int().min(7, 'must be at least 7 days').default(90),
  // Nightly backups in DATA_DIR/backups are kept this many days.
  BACKUP_KEEP_DAYS: z.coerce.number().int().min(1, 'must be at least 1 day').default(14),
  TELEGRAM_BOT_TOKEN: optional,
  FEISHU_APP_ID: optional,
  FEISHU_APP_SECRET: optional,
  WECHATY_PUPPET: optional,
  WECOM_BOT_ID: optional,
  WECOM_BOT_SECRET: optional,
  DINGTALK_CLIENT_ID: optional,
  DINGTALK_CLIENT_SECRET: optional,
});

export interface Config {
  mongodbUri?: string;
  dataDir: string;
  timeZone: string;
  businessDayCutoff: string;
  briefingTime: string;
  storeName: string;
  adapters: AdapterName[];
  consoleStaff: { name: string; role: 'staff' | 'manager' | 'admin' };
  embeddedDbPort: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Days bookkeeping (logs, receipts, job runs, events) is kept. */
  retentionDays: number;
  backupKeepDays: number;
  /** /healthz and /metrics; absent: not served. */
  status?: { host: string; port: number };
  telegramBotToken?: string;
  feishu?: { appId: string; appSecret: string };
  wechatyPuppet?: string;
}

export class ConfigError extends Error {}

/** Platforms whose credentials are present: the default when ADAPTERS is not set. */
function adaptersFromCredentials(env: z.infer<typeof schema>): AdapterName[] {
  const found: AdapterName[] = [];
  if (env.WECHATY_PUPPET) found.push('wechaty');
  if (env.FEISHU_APP_ID && env.FEISHU_APP_SECRET) found.push('feishu');
  if (env.TELEGRAM_BOT_TOKEN) found.push('telegram');
  if (env.WECOM_BOT_ID && env.WECOM_BOT_SECRET) found.push('wecom');
  if (env.DINGTALK_CLIENT_ID && env.DINGTALK_CLIENT_SECRET) found.push('dingtalk');
  return found.length > 0 ? found : ['console'];
}

function parseAdapters(raw: string): AdapterName[] {
  const names = raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((n) => !(ADAPTER_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new ConfigError(
      `ADAPTERS: unknown adapter "${unknown.join(',') || raw}"; use a comma list of ${ADAPTER_NAMES.join(', ')}`,
    );
  }
  return [...new Set(names)] as AdapterName[];
}

/** Validate the environment; throws ConfigError with one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'config');
    throw new ConfigError(`${name}: ${issue.message} (got "${env[name] ?? ''}")`);
  }
  const e = parsed.data;
  const adapters = e.ADAPTERS ? parseAdapters(e.ADAPTERS) : adaptersFromCredentials(e);
  return {
    mongodbUri: e.MONGODB_URI,
    dataDir: e.DATA_DIR,
    timeZone: e.TZ_STORE,
    businessDayCutoff: e.BUSINESS_DAY_CUTOFF,
    briefingTime: e.BRIEFING_TIME,
    storeName: e.STORE_NAME,
    adapters,
    consoleStaff: { name: e.CONSOLE_STAFF_NAME, role: e.CONSOLE_STAFF_ROLE },
    embeddedDbPort: e.EMBEDDED_DB_PORT,
    retentionDays: e.RETENTION_DAYS,
    backupKeepDays: e.BACKUP_KEEP_DAYS,
    // On the console, log lines would drown the replies: only problems are shown there.
    logLevel: e.LOG_LEVEL ?? (adapters.every((a) => a === 'console') ? 'warn' : 'info'),
    status: e.STATUS_PORT === undefined ? undefined : { host: e.STATUS_HOST, port: e.STATUS_PORT },
    telegramBotToken: e.TELEGRAM_BOT_TOKEN,
    feishu:
      e.FEISHU_APP_ID && e.FEISHU_APP_SECRET
        ? { appId: e.FEISHU_APP_ID, appSecret: e.FEISHU_APP_SECRET }
        : undefined,
    wechatyPuppet: e.WECHATY_PUPPET,
  };
}
