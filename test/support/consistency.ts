/**
 * The tests' oracle: every store's derived records recomputed from its visits (the same check as
 * `npm run verify`), as a list of differences that must be empty.
 */
import { verifyStore } from '../../src/archive/verify';
import type { Models } from '../../src/model';

export async function differences(models: Models, today = '2099-12-31'): Promise<string[]> {
  const out: string[] = [];
  for (const store of await models.Store.find().sort({ _id: 1 }))
    for (const d of await verifyStore(models, store, today))
      out.push(`${store.code} ${d.what} ${d.who}: ${d.detail}`);
  return out;
}
