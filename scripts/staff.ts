/**
 * npm run staff -- add <platform>:<userId> <name> <role>
 * npm run staff -- remove <platform>:<userId>
 * npm run staff -- list
 * Registers staff from the command line: the first admin, and scripts. Removing keeps records.
 */
import { ConfigError, loadConfig } from '../src/config';
import { openDatabase } from '../src/database';
import { createLogger } from '../src/log';
import { createModels, ensureIndexes, type Models } from '../src/model';
import { ROLES, type Role } from '../src/model/staff';
import type { StoreDoc } from '../src/model/store';
import { ensureStaff, ensureStore } from '../src/setup';
import { staffByIdentity } from '../src/archive/staff';

const USAGE =
  '用法: npm run staff -- add <平台>:<用户ID> <名字> <staff|manager|admin> | remove <平台>:<用户ID> | list';
const ROLE_WORDS: Record<string, Role> = {
  员工: 'staff',
  服务员: 'staff',
  店长: 'manager',
  经理: 'manager',
  管理员: 'admin',
};

function identity(arg: string | undefined): { platform: string; userId: string } {
  const m = /^([a-z0-9]+):(.+)$/i.exec(arg ?? '');
  if (!m) throw new ConfigError(`身份应写成 平台:用户ID,例如 telegram:123456 (got "${arg ?? ''}")`);
  return { platform: m[1].toLowerCase(), userId: m[2] };
}

async function command(models: Models, store: StoreDoc, args: string[]): Promise<string> {
  const [verb, who, name, roleArg = 'staff'] = args;
  if (verb === 'add') {
    const role = ROLE_WORDS[roleArg] ?? roleArg;
    if (!name || !(ROLES as readonly string[]).includes(role)) throw new ConfigError(USAGE);
    const staff = await ensureStaff(models, store, { ...identity(who), name, role: role as Role });
    return `已添加 ${staff.name} (${staff.role}) ${who}`;
  }
  if (verb === 'remove') {
    const { platform, userId } = identity(who);
    const staff = await staffByIdentity(models, platform, userId);
    if (staff) await models.Staff.updateOne({ _id: staff._id }, { $set: { active: false } });
    return staff ? `已停用 ${who},TA 记录的客户和消费都保留` : `没有找到 ${who}`;
  }
  if (verb === 'list') {
    const all = await models.Staff.find({ storeId: store._id }).sort({ _id: 1 }).lean();
    return (
      all
        .map((s) => `${s.active ? '' : '(已停用) '}${s.name}\t${s.role}\t${s.identities.join(' ')}`)
        .join('\n') || '还没有员工'
    );
  }
  throw new ConfigError(USAGE);
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });
  const db = await openDatabase(config, createLogger(config.logLevel));
  try {
    const models = createModels(db.conn);
    await ensureIndexes(models);
    const store = await ensureStore(models, config);
    process.stdout.write(`${await command(models, store, process.argv.slice(2))}\n`);
  } finally {
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(err instanceof ConfigError ? 2 : 1);
  },
);
