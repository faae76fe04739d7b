/** One line of `npm run doctor`: fine, worth a look, or stopping the bot from running. */
export type Level = 'ok' | 'warn' | 'fail';

export interface Finding {
  level: Level;
  /** The setting or component: `TELEGRAM_BOT_TOKEN`, `数据库`, `备份`. */
  what: string;
  detail: string;
}

const MARK: Record<Level, string> = { ok: '✓', warn: '!', fail: '✗' };

export function line(f: Finding): string {
  return `${MARK[f.level]} ${f.what}: ${f.detail}`;
}

export const ok = (what: string, detail: string): Finding => ({ level: 'ok', what, detail });
export const warn = (what: string, detail: string): Finding => ({ level: 'warn', what, detail });
export const fail = (what: string, detail: string): Finding => ({ level: 'fail', what, detail });
