/**
 * The nightly backup (backup/nightly.ts), half an hour after the bookkeeping is pruned: the
 * quietest time of the night, after the business day has rolled over.
 */
import { nightlyBackup } from '../backup/nightly';
import type { Job } from '../scheduler/jobs';
import { businessDate } from '../time/business-day';

/** `05:00` → `06:30`. */
const ninetyMinutesAfter = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  const total = (h * 60 + m + 90) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

export const nightlyBackupJob: Job = {
  name: 'backup',
  timeOf: (store) => ninetyMinutesAfter(store.businessDayCutoff),
  async run(store, _occ, now, services) {
    if (!services.backups) return [];
    const day = businessDate({
      now,
      timeZone: store.timeZone,
      businessDayCutoff: store.businessDayCutoff,
    });
    const conn = services.models.Store.db;
    const made = await nightlyBackup(conn, services.backups.dir, day, services.backups.keepDays);
    if (made) services.log.info('backup written', { file: made.file, documents: made.documents });
    return [];
  },
};
