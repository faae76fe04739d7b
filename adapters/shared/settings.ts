/**
 * Each adapter validates its own variables. A wrong one stops start-up with one line naming it,
 * like the global settings in src/config.ts.
 */
import { z } from 'zod';
import { ConfigError } from '../../src/config';

/** An empty variable (`FOO=` in a .env file) means "not set". */
const blankToUnset = (v: unknown) =>
  typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v;

export const setting = <S extends z.ZodType>(schema: S) => z.preprocess(blankToUnset, schema);

export const required = (what: string) => z.string({ error: `is required (${what})` });

export const port = (fallback: number) =>
  setting(
    z.coerce.number({ error: 'must be a port number' }).int().min(1).max(65535).default(fallback),
  );

export const httpUrl = () =>
  z.url({ protocol: /^https?$/, error: 'must be a URL starting with http:// or https://' });

/** Secrets are never echoed back, even in an error. */
const SECRET = /SECRET|TOKEN|KEY/;

export function parseSettings<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue.path[0] ?? 'settings');
  const shown = SECRET.test(name) ? '***' : (env[name] ?? '');
  throw new ConfigError(`${name}: ${issue.message} (got "${shown}")`);
}
