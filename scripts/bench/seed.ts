/**
 * Seeds one store the way the bot would have written it: customers with their visit summaries,
 * stats and tier, visits, day books and the hand-kept lookups. Written in bulk, straight to the
 * collections, because going through the bot a million times would take hours.
 */
import { Types } from 'mongoose';
import { statsOf, type VisitSummary } from '../../src/archive/stats';
import { tierOf } from '../../src/archive/tiers';
import { keys, lookupDocuments } from '../../src/db/lookup';
import type { Models } from '../../src/model';
import { cardRow } from '../../src/archive/customer-writes';
import { entryOf } from '../../src/archive/day-book';
import { chronological } from '../../src/archive/stats';
import type { CustomerDoc } from '../../src/model/customer';
import { dayShardId } from '../../src/model/day-book';
import { identityKey } from '../../src/model/staff';
import { addDays } from '../../src/time/business-day';
import { prng } from './prng';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const TITLES = ['总', '姐', '哥', '老板', '先生', '女士', '经理', '董'];
const ROOMS = ['牡丹厅', '芙蓉厅', '兰亭', '3号包厢', 'V8', '12号桌', '卡座K3'];
const BATCH = 5000;

export interface Seeded {
  storeId: Types.ObjectId;
  staff: { id: Types.ObjectId; userId: string }[];
  names: string[];
  today: string;
}

const GIVEN =
  '建国伟芳敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅林志文斌辉鹏飞宇浩凯晨欣怡佳琪';

/** Unique names as staff write them: surname + title first, then full names (王建国). */
export function customerName(i: number): string {
  const titled = SURNAMES.length * TITLES.length;
  if (i < titled)
    return `${SURNAMES[i % SURNAMES.length]}${TITLES[Math.floor(i / SURNAMES.length)]}`;
  const j = i - titled;
  const s = SURNAMES[j % SURNAMES.length];
  const a = GIVEN[Math.floor(j / SURNAMES.length) % GIVEN.length];
  const b = GIVEN[Math.floor(j / (SURNAMES.length * GIVEN.length)) % GIVEN.length];
  return `${s}${a}${b}`;
}

/** Customers and their follow-up cards, as archive/customer-writes.ts keeps them. */
async function insertCustomers(models: Models, docs: object[]): Promise<void> {
  await models.Customer.collection.insertMany(docs as never[]);
  await models.FollowUpCard.collection.insertMany(docs.map((d) => cardRow(d as CustomerDoc)));
}

async function flush<T>(insert: (docs: T[]) => Promise<unknown>, docs: T[]): Promise<void> {
  if (docs.length) await insert(docs.splice(0, docs.length));
}

export async function seedStore(
  models: Models,
  customers: number,
  visits: number,
  today: string,
  log: (s: string) => void,
  code = 'bench',
): Promise<Seeded> {
  const rand = prng(42 + code.length + code.charCodeAt(code.length - 1));
  const storeId = new Types.ObjectId();
  await models.Store.create({ _id: storeId, code, name: `压测店${code}` });
  const staff = Array.from({ length: 10 }, (_, i) => ({
    id: new Types.ObjectId(),
    userId: `${code}-s${i}`,
  }));
  for (const [i, s] of staff.entries()) {
    await models.Staff.create({
      _id: s.id,
      storeId,
      name: `员工${i}`,
      role: i === 0 ? 'manager' : 'staff',
      identities: [identityKey('bench', s.userId)],
    });
    await models.Lookup.create({
      _id: keys.staffIdentity(identityKey('bench', s.userId)),
      ids: [s.id],
    });
  }
  /** Day book shards (model/day-book.ts): shard id → visit id → entry. */
  const shards = new Map<string, Record<string, unknown>>();
  const owned = new Map<string, Types.ObjectId[]>();
  /** Lookups with many ids (birthdays by day, tiers), written once at the end. */
  const grouped = new Map<string, Types.ObjectId[]>();
  const visitDocs: object[] = [];
  const customerDocs: object[] = [];
  const lookupDocs: object[] = [];
  const perCustomer = visits / customers;
  let made = 0;
  const names: string[] = [];
  for (let c = 0; c < customers; c++) {
    const _id = new Types.ObjectId();
    const name = customerName(c);
    names.push(name);
    const owner = staff[c % staff.length].id;
    const n =
      c === customers - 1
        ? visits - made
        : Math.max(1, Math.round(perCustomer * (0.2 + rand() * 1.6)));
    const history: VisitSummary[] = [];
    for (let k = 0; k < n && made < visits; k++, made++) {
      const visitId = new Types.ObjectId();
      const date = addDays(today, -Math.floor(rand() * 1000));
      const amount = Math.round(200 + rand() * 6000);
      const partySize = 1 + Math.floor(rand() * 12);
      const room = ROOMS[Math.floor(rand() * ROOMS.length)];
      history.push({ visitId: String(visitId), date, amount, partySize, room });
      visitDocs.push({
        _id: visitId,
        storeId,
        customerId: _id,
        businessDate: date,
        amount,
        partySize,
        room,
        recordedBy: owner,
        ownerId: owner,
        sourceKey: `seed:${visitId}`,
        status: 'active',
        changes: [],
        companions: [],
        notes: [],
      });
      if (visitDocs.length >= BATCH)
        await flush((d) => models.Visit.collection.insertMany(d as never[]), visitDocs);
    }
    const first = chronological(history)[0]?.visitId;
    for (const h of history) {
      const id = dayShardId(storeId, h.date, h.visitId);
      const entries = shards.get(id) ?? {};
      entries[h.visitId] = entryOf(
        {
          _id: new Types.ObjectId(h.visitId),
          storeId,
          customerId: _id,
          businessDate: h.date,
          amount: h.amount,
          partySize: h.partySize,
          recordedBy: owner,
          ownerId: owner,
        },
        h.visitId === first,
      );
      shards.set(id, entries);
    }
    const verdict = tierOf(history, today);
    const phone = `139${String(c).padStart(8, '0')}`;
    // A third of customers told staff their birthday, one in four of those the lunar one.
    const birthday =
      rand() < 0.33
        ? {
            calendar: rand() < 0.25 ? 'lunar' : 'solar',
            month: 1 + Math.floor(rand() * 12),
            day: 1 + Math.floor(rand() * 28),
          }
        : undefined;
    if (birthday) {
      const key =
        birthday.calendar === 'lunar'
          ? keys.lunarBirthday(storeId, birthday.month, birthday.day)
          : keys.solarBirthday(storeId, birthday.month, birthday.day);
      grouped.set(key, [...(grouped.get(key) ?? []), _id]);
    }
    const tierKey = keys.tier(storeId, verdict.tier);
    grouped.set(tierKey, [...(grouped.get(tierKey) ?? []), _id]);
    customerDocs.push({
      _id,
      storeId,
      name,
      phones: [phone],
      ownerId: owner,
      aliases: [],
      preferences: [],
      bottles: [],
      notes: [],
      referredIds: [],
      optOut: false,
      birthday,
      followUps: [],
      tier: verdict.tier,
      tierReason: verdict.reason,
      tierAsOf: today,
      stats: statsOf(history),
      history: history.map((h) => ({ ...h, visitId: new Types.ObjectId(h.visitId) })),
      rev: 0,
    });
    lookupDocs.push(
      { _id: keys.customerName(storeId, name), ids: [_id] },
      { _id: keys.customerPhone(storeId, phone), ids: [_id] },
    );
    owned.set(String(owner), [...(owned.get(String(owner)) ?? []), _id]);
    if (customerDocs.length >= BATCH) {
      await flush((d) => insertCustomers(models, d), customerDocs);
      await flush((d) => models.Lookup.collection.insertMany(d as never[]), lookupDocs);
      log(`  customers ${c + 1}/${customers}, visits ${made}/${visits}`);
    }
  }
  await flush((d) => models.Visit.collection.insertMany(d as never[]), visitDocs);
  await flush((d) => insertCustomers(models, d), customerDocs);
  await flush((d) => models.Lookup.collection.insertMany(d as never[]), lookupDocs);
  const books = [...shards].map(([_id, entries]) => ({ _id, entries }));
  for (let i = 0; i < books.length; i += 100)
    await models.DayBook.collection.insertMany(books.slice(i, i + 100) as never[]);
  for (const [owner, ids] of owned) grouped.set(keys.ownedBy(new Types.ObjectId(owner)), ids);
  const groupedDocs = [...grouped].flatMap(([key, ids]) => lookupDocuments(key, ids));
  for (let i = 0; i < groupedDocs.length; i += 100)
    await models.Lookup.collection.insertMany(groupedDocs.slice(i, i + 100) as never[]);
  return { storeId, staff, names, today };
}
