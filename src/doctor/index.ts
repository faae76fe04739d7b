/**
 * `npm run doctor`: the configuration, the database, each configured platform, the time settings
 * and the last backup, one line per finding. Any `fail` means the bot cannot run as set up.
 */
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../database';
import { createLogger } from '../log';
import { fail, ok, type Finding } from './finding';
import { checkBackups, checkDatabase, checkDisk, checkTimes } from './local';
import { checkPlatforms } from './platforms';

export async function runDoctor(env: NodeJS.ProcessEnv, now: Date): Promise<Finding[]> {
  let config;
  try {
    config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
  } catch (err) {
    if (err instanceof ConfigError) return [fail('配置', err.message)];
    throw err;
  }
  const out: Finding[] = [ok('配置', `平台 ${config.adapters.join(', ')}`)];
  out.push(checkDisk(config.dataDir));
  try {
    const db = await openDatabase(config, createLogger('silent'));
    try {
      out.push(await checkDatabase(db.conn, db.where));
    } finally {
      await db.close();
    }
  } catch (err) {
    out.push(fail('数据库', (err as Error).message));
  }
  out.push(...(await checkPlatforms(config, env)));
  out.push(checkTimes(config));
  out.push(checkBackups(config.dataDir, now));
  return out;
}
