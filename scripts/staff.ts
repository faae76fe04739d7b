/**
 * npm run staff -- add <platform>:<userId> <name> <role> [--store <code>] [--chain]
 * npm run staff -- remove <platform>:<userId>
 * npm run staff -- list [--store <code>]
 * npm run staff -- store add <code> <name>
 * npm run staff -- store list
 * npm run staff -- reindex [--store <code>]
 * npm run staff -- confirm-move <name> [--store <code>]
 * Registers staff and stores from the command line: the first admin, the chain's stores, and
 * scripts. Removing keeps records. `reindex` rebuilds the tier and birthday indexes of a store's
 * archive (needed once for archives recorded before those indexes existed). `confirm-move` is
 * `确认换号 <name>` for a store with nobody left to say it (its only admin changed id too).
 */
import { ConfigError } from '../src/config';
import type { Models } from '../src/model';
import { ROLES, type Role } from '../src/model/staff';
import type { StoreDoc } from '../src/model/store';
import { ensureStaff } from '../src/setup';
import { runCli } from './cli';
import { confirmContactMove } from '../src/archive/rebind/moves';
import { createSequence, enqueue } from '../src/outbox/queue';
import {
  ROLE_WORDS,
  deactivateStaff,
  freeStaffName,
  staffByIdentity,
  staffNameTaken,
  staffOfStore,
} from '../src/archive/staff';
import { allStores, createStore, storeByCode } from '../src/archive/stores';
import { birthdayKey, openingDays } from '../src/archive/indexes';
import { documentKeys, keys, lookupDocuments } from '../src/db/lookup';
import { Types } from 'mongoose';

const USAGE = [
  '用法: npm run staff -- add <平台>:<用户ID> <名字> <staff|manager|admin> [--store 门店编号] [--chain]',
  '      npm run staff -- remove <平台>:<用户ID> | list [--store 门店编号]',
  '      npm run staff -- store add <门店编号> <店名> | store list | reindex [--store 门店编号]',
  '      npm run staff -- confirm-move <名字> [--store 门店编号]   (微信重新登录后确认换号)',
].join('\n');

function identity(arg: string | undefined): { platform: string; userId: string } {
  const m = /^([a-z0-9]+):(.+)$/i.exec(arg ?? '');
  if (!m) throw new ConfigError(`身份应写成 平台:用户ID,例如 telegram:123456 (got "${arg ?? ''}")`);
  return { platform: m[1].toLowerCase(), userId: m[2] };
}

interface Options {
  args: string[];
  store?: string;
  chain: boolean;
}

function options(argv: string[]): Options {
  const out: Options = { args: [], chain: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--store') out.store = argv[++i];
    else if (argv[i] === '--chain') out.chain = true;
    else out.args.push(argv[i]);
  }
  return out;
}

async function storeOf(models: Models, fallback: StoreDoc, code?: string): Promise<StoreDoc> {
  if (!code) return fallback;
  const store = await storeByCode(models, code);
  if (!store)
    throw new ConfigError(`没有编号为 ${code} 的门店,先 npm run staff -- store add ${code} 店名`);
  return store;
}

async function stores(models: Models, args: string[], like: StoreDoc): Promise<string> {
  const [verb, code, ...name] = args;
  if (verb === 'add') {
    const made = await createStore(models, { code: code ?? '', name: name.join(' '), like });
    if (typeof made === 'string') throw new ConfigError(made);
    return `已新建门店 ${made.code} ${made.name}`;
  }
  if (verb === 'list')
    return (await allStores(models)).map((s) => `${s.code}\t${s.name}`).join('\n');
  throw new ConfigError(USAGE);
}

/** Rebuild the tier, birthday and opening-day lookups of one store from its archive (an offline scan). */
async function reindex(models: Models, store: StoreDoc): Promise<string> {
  const members = new Map<string, Set<string>>();
  const add = (key: string, id: string) =>
    members.set(key, (members.get(key) ?? new Set()).add(id));
  const customers = await models.Customer.find({ storeId: store._id, mergedInto: null }).lean();
  for (const c of customers) {
    if (c.tierAsOf && (c.history.length || c.opening?.visits))
      add(keys.tier(store._id, c.tier), String(c._id));
    if (c.birthday) add(birthdayKey(store._id, c.birthday), String(c._id));
    // Sheets imported before the opening-day index existed: their tiers age from here on.
    for (const day of openingDays(c.opening)) add(keys.openingDay(store._id, day), String(c._id));
  }
  for (const tier of ['A', 'B', 'C', 'D'])
    members.set(keys.tier(store._id, tier), members.get(keys.tier(store._id, tier)) ?? new Set());
  for (const [key, ids] of members) {
    const objectIds = [...ids].map((id) => new Types.ObjectId(id));
    // Every document of the key is rewritten, emptied ones included, so stale ids go.
    const docs = new Map(documentKeys(key).map((k) => [k, [] as Types.ObjectId[]]));
    for (const d of lookupDocuments(key, objectIds)) docs.set(d._id, d.ids);
    for (const [_id, list] of docs)
      await models.Lookup.updateOne({ _id }, { $set: { ids: list } }, { upsert: true });
  }
  return `${store.code}: ${customers.length}位客户,${members.size}个索引已重建`;
}

/** 确认换号 from the command line; the messages it forwards go out at the bot's next queue scan. */
async function confirmMove(models: Models, store: StoreDoc, name?: string): Promise<string> {
  if (!name) throw new ConfigError(USAGE);
  const now = new Date();
  const r = await confirmContactMove(models, store, name, store._id, now);
  if (r.kind !== 'moved' && r.kind !== 'already') return `没有换:${r.kind}`;
  await enqueue(models, r.forwards, now.getTime(), createSequence());
  const moved = `${name} → ${r.move.platform}:${r.move.newId}`;
  return `${r.kind === 'moved' ? '已换号' : '早已换号'} ${moved},转发 ${r.forwards.length} 条消息`;
}

async function command(models: Models, home: StoreDoc, argv: string[]): Promise<string> {
  const { args, store: code, chain } = options(argv);
  const [verb, who, name, roleArg = 'staff'] = args;
  if (verb === 'store') return stores(models, args.slice(1), home);
  const store = await storeOf(models, home, code);
  if (verb === 'add') {
    const role = ROLE_WORDS[roleArg] ?? roleArg;
    if (!name || !(ROLES as readonly string[]).includes(role)) throw new ConfigError(USAGE);
    const spec = { ...identity(who), name, role: role as Role, ...(chain ? { chain } : {}) };
    const same = await staffByIdentity(models, spec.platform, spec.userId);
    if (await staffNameTaken(models, store._id, name, new Date(), same?._id))
      throw new ConfigError(
        `已经有一位${name}了,换个名字,比如「${await freeStaffName(models, store._id, name, new Date())}」或全名`,
      );
    const staff = await ensureStaff(models, store, spec);
    return `已添加 ${staff.name} (${staff.role}${staff.chain ? ', 总部' : ''}) ${who} → ${store.code}`;
  }
  if (verb === 'remove') {
    const { platform, userId } = identity(who);
    const staff = await staffByIdentity(models, platform, userId);
    if (staff) await deactivateStaff(models, staff);
    return staff ? `已停用 ${who},TA 记录的客户和消费都保留` : `没有找到 ${who}`;
  }
  if (verb === 'list') {
    const all = await staffOfStore(models, store._id);
    return (
      all
        .map(
          (s) =>
            `${s.active ? '' : '(已停用) '}${s.name}\t${s.role}${s.chain ? '\t总部' : ''}\t${s.identities.join(' ')}`,
        )
        .join('\n') || '还没有员工'
    );
  }
  if (verb === 'reindex') return reindex(models, store);
  if (verb === 'confirm-move') return confirmMove(models, store, who);
  throw new ConfigError(USAGE);
}

runCli(async ({ models, home }) => {
  process.stdout.write(`${await command(models, home, process.argv.slice(2))}\n`);
});
