/**
 * What a sheet row would change in an archive the bot already keeps. The sheet fills gaps and
 * refreshes its own figures (the opening balance); it never takes a customer from the owner the
 * bot knows, and lists (phones, preferences, notes) only grow.
 */
import type { Types } from 'mongoose';
import type { Customer } from '../model/customer';
import type { CustomerRow } from './row';

export interface Update {
  /** In words for the dry-run report: `电话、生日、期初`. */
  words: string[];
  set: Record<string, unknown>;
  phones: string[];
  preferences: string[];
  notes: string[];
}

type Kept = Pick<
  Customer,
  | 'phones'
  | 'gender'
  | 'vipNumber'
  | 'address'
  | 'birthday'
  | 'company'
  | 'position'
  | 'preferences'
  | 'notes'
  | 'opening'
  | 'ownerId'
>;

const FIELDS = [
  ['gender', '性别'],
  ['vipNumber', 'VIP号码'],
  ['address', '地址'],
  ['company', '公司'],
  ['position', '职位'],
] as const;

type OpeningLike = {
  [k in 'visits' | 'spend' | 'firstVisit' | 'lastVisit' | 'lastAmount' | 'points']?: unknown;
};

/** An opening balance as one comparable string, stored (nulls) or read (undefineds) alike. */
const openingKey = (o: OpeningLike | null | undefined) =>
  o
    ? [o.visits, o.spend, o.firstVisit, o.lastVisit, o.lastAmount, o.points]
        .map((v) => v ?? '')
        .join('|')
    : '';

function sameBirthday(kept: Kept['birthday'], b: CustomerRow['birthday']): boolean {
  if (!b) return true;
  const k = kept as { calendar?: string; month?: number; day?: number; year?: number } | null;
  return (
    !!k &&
    k.calendar === b.calendar &&
    k.month === b.month &&
    k.day === b.day &&
    (k.year ?? undefined) === b.year
  );
}

export function updateOf(c: Kept, row: CustomerRow, ownerId?: Types.ObjectId): Update {
  const u: Update = { words: [], set: {}, phones: [], preferences: [], notes: [] };
  u.phones = row.phones.filter((p) => !c.phones.includes(p));
  if (u.phones.length) u.words.push('电话');
  for (const [field, word] of FIELDS) {
    if (row[field] !== undefined && row[field] !== c[field]) {
      u.set[field] = row[field];
      u.words.push(word);
    }
  }
  if (!sameBirthday(c.birthday, row.birthday)) {
    u.set.birthday = row.birthday;
    u.words.push('生日');
  }
  if (ownerId && !c.ownerId) {
    u.set.ownerId = ownerId;
    u.words.push('负责人');
  }
  if (row.opening && openingKey(row.opening) !== openingKey(c.opening)) {
    u.set.opening = row.opening;
    u.words.push('期初消费');
  }
  u.preferences = row.preferences.filter((p) => !c.preferences.includes(p));
  u.notes = row.notes.filter((n) => !c.notes.includes(n));
  if (u.preferences.length) u.words.push('偏好');
  if (u.notes.length) u.words.push('备注');
  return u;
}

export const changesOf = (c: Kept, row: CustomerRow, ownerId?: Types.ObjectId) =>
  updateOf(c, row, ownerId).words;
