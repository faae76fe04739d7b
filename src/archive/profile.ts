/**
 * Profile facts (phone, birthday, preferences, company…) from a message go into the archive,
 * whether they came alone (`张总 电话138…`) or inside a visit message.
 */
import { addToLookup, keys } from '../db/lookup';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import type { Birthday, Reading } from '../parser/reading';
import type { ChangeContext } from './change';
import { updateCustomer } from './customer-writes';
import { customersByName } from './customers';
import { keepBirthdayIndex } from './indexes';
import { noteWork } from './work-list';

/** Plain values, so a fact can wait in a draft (stored as JSON) until the visit is saved. */
export interface ProfileFacts {
  phone?: string;
  birthday?: Birthday;
  company?: string;
  position?: string;
  wechat?: string;
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
    wechat: r.wechat?.value,
    gender: r.gender?.value,
    preferences: r.preferences?.map((p) => p.value),
    bottles: r.bottles?.map((b) => b.value),
    referrer: r.referrer?.value,
  };
}

/** Who writes, on which business day: the change is noted on their work list first. */
export type Work = Pick<ChangeContext, 'by' | 'today' | 'report'>;

async function linkReferrer(
  models: Models,
  customer: CustomerDoc,
  name: string,
  work: Work,
): Promise<Record<string, unknown>> {
  const found = await customersByName(models, customer.storeId, name);
  const referrer = found.length === 1 ? found[0] : undefined;
  if (!referrer || referrer._id.equals(customer._id)) return { referrerName: name };
  await noteWork(models, work.by, work.today, [referrer._id]);
  await updateCustomer(models, referrer._id, { $addToSet: { referredIds: customer._id } });
  return { referrerName: name, referrerId: referrer._id };
}

/** Facts that simply replace what the archive had, with the word the reply uses. */
const REPLACED: [keyof ProfileFacts, string | undefined][] = [
  ['birthday', '生日'],
  ['company', '公司'],
  ['position', '职位'],
  ['wechat', '微信'],
  ['gender', undefined],
];

export interface Learned {
  customer: CustomerDoc;
  /** What was new, in words for the reply (`电话、生日`). */
  learned: string[];
}

/** Plain values compare as such; a birthday by its fields (an archive's may carry more). */
function sameValue(stored: unknown, said: unknown): boolean {
  if (typeof said !== 'object' || said === null) return stored === said;
  if (typeof stored !== 'object' || stored === null) return false;
  const s = stored as Record<string, unknown>;
  return Object.entries(said).every(([k, v]) => s[k] === v);
}

/** What the facts change in the archive: its words for the reply, what is set and added. */
function planOf(customer: CustomerDoc, f: ProfileFacts) {
  const learned: string[] = [];
  const set: Record<string, unknown> = {};
  for (const [key, word] of REPLACED) {
    // Said again as the archive has it (张姐 is 女 every visit): nothing to write.
    if (f[key] === undefined || sameValue(customer[key as keyof CustomerDoc], f[key])) continue;
    set[key] = f[key];
    if (word) learned.push(word);
  }
  const referrer = !!f.referrer && !customer.referrerName;
  if (referrer) learned.push('介绍人');
  const add: Record<string, unknown> = {};
  const phone = f.phone && !customer.phones.includes(f.phone) ? f.phone : undefined;
  if (phone) {
    add.phones = phone;
    learned.unshift('电话');
  }
  const prefs = (f.preferences ?? []).filter((p) => !customer.preferences.includes(p));
  if (prefs.length) {
    add.preferences = { $each: prefs };
    learned.push('偏好');
  }
  if (f.bottles?.length) {
    add.bottles = { $each: f.bottles };
    learned.push('存酒');
  }
  return { learned, set, add, referrer, phone };
}

/** Whether applyProfile would write anything for these facts. */
export function changesProfile(customer: CustomerDoc, f: ProfileFacts): boolean {
  const p = planOf(customer, f);
  return p.learned.length > 0 || Object.keys(p.set).length > 0;
}

/** Save what is new in one write of the archive (its lookups first). */
export async function applyProfile(
  models: Models,
  customer: CustomerDoc,
  f: ProfileFacts,
  work: Work,
): Promise<Learned> {
  const { learned, set, add, referrer, phone } = planOf(customer, f);
  if (learned.length === 0 && Object.keys(set).length === 0) return { customer, learned };
  await noteWork(models, work.by, work.today, [customer._id]);
  if (referrer) Object.assign(set, await linkReferrer(models, customer, f.referrer!, work));
  // Indexes before the archive they point into (db/lookup.ts).
  if (phone) await addToLookup(models, keys.customerPhone(customer.storeId, phone), customer._id);
  if (f.birthday) await keepBirthdayIndex(models, customer, customer.birthday, f.birthday);
  const update: Record<string, unknown> = {};
  if (Object.keys(set).length) update.$set = set;
  if (Object.keys(add).length) update.$addToSet = add;
  const after = await updateCustomer(models, customer._id, update, { report: work.report });
  return { customer: after ?? customer, learned };
}
