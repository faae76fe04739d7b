/**
 * What no log line may carry: a full phone number, a configured secret, a password in an address,
 * a group's webhook key.
 * Applied to the finished line, because secrets leak through text nobody chose to log (an SDK's
 * error message quoting the request URL with the bot token in it).
 */
import { maskPrivate } from './privacy';

const REDACTED = '[redacted]';
/** The names of settings whose value is a secret: TELEGRAM_BOT_TOKEN, FEISHU_APP_SECRET, … */
const SECRET_SETTING = /(SECRET|TOKEN|PASSWORD|ENCRYPT_KEY)$/;
/** A password in a URL: mongodb://user:password@host. */
const URL_PASSWORD = /([a-z][\w+.-]*:\/\/[^:/@\s"]+):[^@\s"]+@/gi;
/** A Telegram bot token, which telegraf puts in request URLs and so in its error messages. */
const BOT_TOKEN = /(?<!\d)\d{6,12}:[\w-]{30,}/g;
/** Shorter values would blank out ordinary words. */
const MIN_SECRET = 6;

export function secretsOf(env: NodeJS.ProcessEnv): string[] {
  const found = Object.entries(env)
    .filter(([name, value]) => SECRET_SETTING.test(name) && value && value.trim().length > 0)
    .map(([, value]) => value!.trim());
  const uri = env.MONGODB_URI?.trim();
  if (uri) found.push(...passwordOf(uri));
  return found;
}

function passwordOf(uri: string): string[] {
  try {
    const password = new URL(uri).password;
    return password ? [password, decodeURIComponent(password)] : [];
  } catch {
    return [];
  }
}

export function scrubber(secrets: string[]): (line: string) => string {
  // A secret appears in a JSON line escaped; look for both spellings, longest first.
  const values = [...new Set(secrets.flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]))]
    .filter((s) => s.length >= MIN_SECRET)
    .sort((a, b) => b.length - a.length);
  return (line) => {
    // Secrets first: masking a phone inside one would hide it from the exact match.
    let out = line;
    for (const v of values) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return maskPrivate(out.replace(URL_PASSWORD, `$1:${REDACTED}@`).replace(BOT_TOKEN, REDACTED));
  };
}
