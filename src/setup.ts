/** The records a running bot needs before the first message: its store and the console user. */
import type { Config } from './config';
import type { Models } from './model';
import type { StoreDoc } from './model/store';

export const DEFAULT_STORE_CODE = 'main';

/** The store of a single-store installation; the settings follow the environment. */
export async function ensureStore(models: Models, config: Config): Promise<StoreDoc> {
  const settings = {
    name: config.storeName,
    timeZone: config.timeZone,
    businessDayCutoff: config.businessDayCutoff,
    briefingTime: config.briefingTime,
  };
  const store = await models.Store.findOne({ code: DEFAULT_STORE_CODE });
  if (!store) return models.Store.create({ code: DEFAULT_STORE_CODE, ...settings });
  store.set(settings);
  if (!store.isModified()) return store;
  forgetSenders(models);
  return store.save();
}

export { ensureStaff, type StaffSpec } from './archive/staff';
import { forgetSenders } from './archive/staff';
