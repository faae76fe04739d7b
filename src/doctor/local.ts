/**
 * What the machine itself must get right: the database (reachable, its version, free disk), the
 * time settings, the last backup.
 */
import { statfsSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { lastBackup } from '../backup/nightly';
import type { Config } from '../config';
import { minutesOf } from '../time/business-day';
import { fail, ok, warn, type Finding } from './finding';

const GB = 1024 ** 3;

export async function checkDatabase(conn: Connection, where: string): Promise<Finding> {
  try {
    const info = (await conn.db!.admin().command({ buildInfo: 1 })) as {
      version?: string;
      ferretdbVersion?: string;
    };
    // FerretDB answers as MongoDB 7 and adds its own field (its version is unknown in our build).
    const kind = info.ferretdbVersion
      ? `FerretDB,兼容 MongoDB ${info.version}`
      : `MongoDB ${info.version}`;
    return ok('数据库', `${where} 可用(${kind})`);
  } catch (err) {
    return fail('数据库', `${where} 不可用: ${(err as Error).message}`);
  }
}

export function checkDisk(dataDir: string): Finding {
  try {
    const s = statfsSync(dataDir);
    const free = s.bavail * s.bsize;
    const shown = `${(free / GB).toFixed(1)} GB`;
    if (free < 0.2 * GB)
      return fail('磁盘', `${dataDir} 只剩 ${shown}:数据库和备份写不下了,请清理磁盘`);
    if (free < 2 * GB) return warn('磁盘', `${dataDir} 只剩 ${shown}`);
    return ok('磁盘', `${dataDir} 剩 ${shown}`);
  } catch (err) {
    return fail('DATA_DIR', `${dataDir} 读不了: ${(err as Error).message}`);
  }
}

/** The briefing reports the business day that ended: it must come after the cut-off. */
export function checkTimes(
  config: Pick<Config, 'briefingTime' | 'businessDayCutoff' | 'timeZone'>,
): Finding {
  const cutoff = minutesOf(config.businessDayCutoff);
  const briefing = minutesOf(config.briefingTime);
  if (briefing <= cutoff)
    return warn(
      'BRIEFING_TIME',
      `早报 ${config.briefingTime} 不在营业日切换 BUSINESS_DAY_CUTOFF ${config.businessDayCutoff} 之后:早报会漏掉昨晚最后几桌`,
    );
  return ok(
    '时间',
    `${config.timeZone},营业日 ${config.businessDayCutoff} 切换,早报 ${config.briefingTime}`,
  );
}

export function checkBackups(dataDir: string, now: Date): Finding {
  const last = lastBackup(join(dataDir, 'backups'));
  if (!last) return warn('备份', '还没有备份(每晚自动做;也可以现在 npm run backup)');
  const days = (now.getTime() - last.at.getTime()) / 86_400_000;
  const when = last.at.toISOString().slice(0, 16).replace('T', ' ');
  if (days > 2)
    return warn('备份', `最近一次是 ${when}(${Math.floor(days)} 天前),请检查机器人每晚是否在运行`);
  return ok('备份', `最近一次 ${when},请定期复制 ${join(dataDir, 'backups')} 到别的地方`);
}
