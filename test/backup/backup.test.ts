/**
 * Issue 18: a backup taken while the bot runs restores, into an empty database, the same archive
 * (every collection's documents, and derived records that agree with the visits).
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dumpDatabase } from '../../src/backup/dump';
import { backupFile, lastBackup, nightlyBackup } from '../../src/backup/nightly';
import { RestoreError, restoreDatabase } from '../../src/backup/restore';
import { verifyStore } from '../../src/archive/verify';
import { openTestDatabase } from '../support/db';
import { dm, staff } from '../support/events';
import { openScenario, type Scenario } from '../support/replay';
import { scratchDir } from '../support/scratch';

async function counts(conn: Scenario['db']['conn']): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of await conn.db!.listCollections({}, { nameOnly: true }).toArray())
    out[c.name] = await conn.db!.collection(c.name).countDocuments();
  return out;
}

describe('backup and restore', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario({ STORE_NAME: '海港店' });
    await s.run(
      staff('wang', '小王'),
      staff('boss', '陈店长', 'manager'),
      dm('wang', '张总 昨晚 2人 消费1800 电话13800138000', '2026-11-21T21:00:00+08:00'),
      dm('wang', '张总 今晚 3人 消费2800 牡丹厅'),
      dm('wang', '李总 今晚 4人 消费3600'),
      dm('wang', '陈总 不吃香菜'),
      dm('wang', '改成3800'),
    );
  });
  afterEach(() => s.close());

  it('gives back every document, and the restored archive agrees with its visits', async () => {
    const file = join(scratchDir('huitouke-backup-'), 'b.jsonl.gz');
    const documents = await dumpDatabase(s.db.conn, file);
    const before = await counts(s.db.conn);
    expect(documents).toBe(Object.values(before).reduce((a, b) => a + b, 0));

    const target = await openTestDatabase();
    try {
      await restoreDatabase(
        target.conn,
        target.models,
        file,
        new Date('2026-11-22T22:00:00+08:00'),
      );
      expect(await counts(target.conn)).toEqual(before);
      const store = (await target.models.Store.findOne())!;
      expect(await verifyStore(target.models, store, '2026-11-22')).toEqual([]);
      const zhang = await target.models.Customer.findOne({ name: '张总' }).lean();
      const original = await s.db.models.Customer.findOne({ name: '张总' }).lean();
      expect(zhang).toEqual(original);
      const visits = await target.models.Visit.find().sort({ amount: 1 }).lean();
      // 改成3800 amended 李总's table: the restored visit carries the amendment and its history.
      expect(visits.map((v) => v.amount)).toEqual([1800, 2800, 3800]);
      expect(visits[2].changes).toMatchObject([{ kind: 'amend', before: 3600, after: 3800 }]);
    } finally {
      await target.drop();
    }
  });

  it('never restores over an archive that has data', async () => {
    const file = join(scratchDir('huitouke-backup-'), 'b.jsonl.gz');
    await dumpDatabase(s.db.conn, file);
    await expect(restoreDatabase(s.db.conn, s.db.models, file, new Date())).rejects.toThrow(
      RestoreError,
    );
  });

  it('takes one backup a night and keeps BACKUP_KEEP_DAYS of them', async () => {
    const dir = scratchDir('huitouke-backups-');
    for (const day of ['2026-11-01', '2026-11-08', '2026-11-09'])
      writeFileSync(backupFile(dir, day), 'old');
    const made = await nightlyBackup(s.db.conn, dir, '2026-11-22', 14);
    expect(made?.file).toBe(backupFile(dir, '2026-11-22'));
    expect(await nightlyBackup(s.db.conn, dir, '2026-11-22', 14)).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual([
      'huitouke-2026-11-09.jsonl.gz',
      'huitouke-2026-11-22.jsonl.gz',
    ]);
    expect(lastBackup(dir)?.file).toBe(backupFile(dir, '2026-11-22'));
    expect(existsSync(`${backupFile(dir, '2026-11-22')}.partial`)).toBe(false);
  });
});
