/**
 * Each night, an hour after the business day rolls over (the quietest hour), bookkeeping older
 * than RETENTION_DAYS goes (upkeep/prune.ts). It runs with every store's schedule; the first run
 * of the night does the work and the others find nothing left.
 */
import type { Job } from '../scheduler/jobs';
import { pruneBookkeeping } from '../upkeep/prune';

export const DEFAULT_RETENTION_DAYS = 90;

/** `05:00` → `06:00`. */
const hourAfter = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return `${String((h + 1) % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
};

export const nightlyPrune: Job = {
  name: 'prune',
  timeOf: (store) => hourAfter(store.businessDayCutoff),
  async run(store, _occ, now, services) {
    const days = services.retentionDays ?? DEFAULT_RETENTION_DAYS;
    const pruned = await pruneBookkeeping(services.models, now, days);
    if (Object.values(pruned).some((n) => n > 0))
      services.log.info('old bookkeeping pruned', { store: store.code, days, ...pruned });
    return [];
  },
};
