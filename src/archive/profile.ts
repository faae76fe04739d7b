/**
 * Profile facts (phone, birthday, preferences, company…) from a message go into the archive,
 * whether they came alone (`张总 电话138…`) or inside a visit message.
 */
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import type { Birthday, Reading } from '../parser/reading';
import { addPhone, customersByName } from './customers';
import { keepBirthdayIndex } from './indexes';

/** Plain values, so a fact can wait in a draft (stored as JSON) until the visit is saved. */
export interface ProfileFacts {
  phone?: string;
  birthday?: Birthday;
  company?: string;
  position?: string;
  gender?: string;
  preferences?: string[];
  bottles?: string[];
  referrer?: string;
}

export function factsOf(r: Reading): ProfileFacts {
  return {
    phone: r.phone?.value,
    birthday: r.birthday?.value,
    company: r.company?.value,
    position: r.position?.value,
    gender: r.gender?.value,
    preferences: r.preferences?.map((p) => p.value),
    bottles: r.bottles?.map((b) => b.value),
    referrer: r.referrer?.value,
  };
}

async function linkReferrer(
  models: Models,
  customer: CustomerDoc,
  name: string,
): Promise<Record<string, unknown>> {
  const found = await customersByName(models, customer.storeId, name);
  const referrer = found.length === 1 ? found[0] : undefined;
  if (!referrer || referrer._id.equals(customer._id)) return { referrerName: name };
  await models.Customer.updateOne(
    { _id: referrer._id },
    { $addToSet: { referredIds: customer._id } },
  );
  return { referrerName: name, referrerId: referrer._id };
}

/** Facts that simply replace what the archive had, with the word the reply uses. */
const REPLACED: [keyof ProfileFacts, string | undefined][] = [
  ['birthday', '生日'],
  ['company', '公司'],
  ['position', '职位'],
  ['gender', undefined],
];

/** Save what is new; returns what was learned in words for the reply (`电话、生日`). */
export async function applyProfile(
  models: Models,
  customer: CustomerDoc,
  f: ProfileFacts,
): Promise<string[]> {
  const learned: string[] = [];
  if (f.phone && !customer.phones.includes(f.phone)) {
    await addPhone(models, customer, f.phone);
    learned.push('电话');
  }
  const set: Record<string, unknown> = {};
  for (const [key, word] of REPLACED) {
    if (f[key] === undefined) continue;
    set[key] = f[key];
    if (word) learned.push(word);
  }
  if (f.referrer && !customer.referrerName) {
    Object.assign(set, await linkReferrer(models, customer, f.referrer));
    learned.push('介绍人');
  }
  const add: Record<string, { $each: string[] }> = {};
  const prefs = (f.preferences ?? []).filter((p) => !customer.preferences.includes(p));
  if (prefs.length) {
    add.preferences = { $each: prefs };
    learned.push('偏好');
  }
  if (f.bottles?.length) {
    add.bottles = { $each: f.bottles };
    learned.push('存酒');
  }
  const update: Record<string, unknown> = {};
  if (Object.keys(set).length) update.$set = set;
  if (Object.keys(add).length) update.$addToSet = add;
  if (Object.keys(update).length) {
    if (f.birthday) await keepBirthdayIndex(models, customer, customer.birthday, f.birthday);
    await models.Customer.updateOne({ _id: customer._id }, update);
    customer.set(set);
    customer.preferences.push(...prefs);
  }
  return learned;
}
