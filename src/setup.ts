/** The records a running bot needs before the first message: its store and the console user. */
import type { Config } from './config';
import type { Models } from './model';
import type { StoreDoc } from './model/store';

export const DEFAULT_STORE_CODE = 'main';

/**
 * The first store of an installation. The environment (STORE_NAME, TZ_STORE, BUSINESS_DAY_CUTOFF,
 * BRIEFING_TIME) only seeds it when it is created: afterwards admins change settings by chat
 * (`设置 早报时间 9:00`), and a restart must not undo what they set.
 */
export async function ensureStore(models: Models, config: Config): Promise<StoreDoc> {
  const store = await models.Store.findOne({ code: DEFAULT_STORE_CODE });
  if (store) return store;
  return models.Store.create({
    code: DEFAULT_STORE_CODE,
    name: config.storeName,
    timeZone: config.timeZone,
    businessDayCutoff: config.businessDayCutoff,
    briefingTime: config.briefingTime,
  });
}

export { ensureStaff, type StaffSpec } from './archive/staff';
