/**
 * Structured logs (pino, one JSON object a line) on stderr: stdout belongs to the console adapter
 * and the replay runner. Phone numbers are customers' personal data and secrets are the shop's
 * keys, so every finished line is scrubbed before it is written, whatever produced it (a field, a
 * message, an SDK's error text).
 */
import pino from 'pino';
import { scrubber, secretsOf } from './log-scrub';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
}

/** Keys that hold a secret wherever they appear in a logged object, one level deep or at the top. */
const SECRET_KEYS = [
  'appSecret',
  'secret',
  'token',
  'password',
  'encryptKey',
  'verificationToken',
  'authorization',
  'mongodbUri',
];
const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`]);

/**
 * `secrets` are values to blank out wherever they show up in a line; by default the values of
 * every setting whose name says it holds one (tokens, app secrets, keys, the database address).
 */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stderr.write(l),
  secrets: string[] = secretsOf(process.env),
): Logger {
  const scrub = scrubber(secrets);
  const p = pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    { write: (line: string) => write(scrub(line)) },
  );
  return fromPino(p);
}

function fromPino(p: pino.Logger): Logger {
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, fields?: Fields) =>
    fields ? p[lvl](fields, msg) : p[lvl](msg);
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * The same log with `fields` on every line, e.g. the message id while the pipeline handles one
 * message. Works on any Logger, so tests and call sites may pass their own.
 */
export function withFields(log: Logger, fields: Fields): Logger {
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, more?: Fields) =>
    log[lvl](msg, { ...fields, ...more });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
