/**
 * Every command, sent by each role of 本店 and by a manager and an admin of another store: allowed
 * ones work, refused ones get a short answer and change nothing, and nothing of 本店 ever reaches
 * the other store (in a direct chat they act on their own store; in 本店's group nobody hears them).
 */
import type { Scenario } from '../support/replay';
import {
  dm,
  inGroup,
  LATER,
  MAIN_ONLY,
  openChain,
  otherStoreIds,
  SENDERS,
  type Sender,
} from './chain';
import { fingerprint } from './fingerprint';

interface Command {
  text: string;
  /** Roles of 本店 that may use it; the others must get `refusal`. */
  allowed: Sender[];
  /** What the first allowed sender is told. */
  ok: RegExp;
  refusal?: RegExp;
  /** Sent in a group of 本店 rather than privately. */
  group?: string;
  /** Uses up what it acts on (a task): each allowed role then gets a chain of its own. */
  fresh?: boolean;
  /** What a given sender must not be shown even when allowed (another staff member's customers). */
  hidden?: Partial<Record<Sender, string[]>>;
}

const IN_STORE: Sender[] = ['staff', 'owner', 'manager', 'admin'];
const OTHER_STORE: Sender[] = ['otherManager', 'otherAdmin'];
const ALL = IN_STORE;
const OWNER_OR_MANAGER: Sender[] = ['owner', 'manager', 'admin'];
const MANAGERS: Sender[] = ['manager', 'admin'];
const NOT_YOURS = /只有TA或店长可以改/;
const MANAGERS_ONLY = /需要店长来操作|只有店长和管理员/;
const ADMINS_ONLY = /需要管理员来操作|只有店长和管理员能看/;
const CHAIN_ONLY = /需要总部管理员/;
/** Another staff member's customer has no task of yours: the follow-up commands say so. */

/** Commands that change the archive: each gets a chain of its own. */
const WRITES: Command[] = [
  { text: '赵总 今晚 2人 消费1500', allowed: ALL, ok: /^已记录 赵总/ },
  { text: '张总 不吃香菜', allowed: ALL, ok: /^已更新 张总 的档案/ },
  { text: '撤销 张总', allowed: OWNER_OR_MANAGER, ok: /^已撤销 张总/, refusal: NOT_YOURS },
  { text: '张总 金额改成6200', allowed: OWNER_OR_MANAGER, ok: /^已改 张总/, refusal: NOT_YOURS },
  {
    text: '合并 张总 张建国',
    allowed: OWNER_OR_MANAGER,
    ok: /^已合并: 张建国 并入 张总/,
    refusal: MANAGERS_ONLY,
  },
  { text: '把张总转给小林', allowed: MANAGERS, ok: /^已把张总转给小林/, refusal: MANAGERS_ONLY },
  {
    text: '小吴离职 客户转给小林',
    allowed: MANAGERS,
    ok: /小林/,
    refusal: MANAGERS_ONLY,
  },
  { text: '设置 A类消费 6000', allowed: ['admin'], ok: /¥5,000 → ¥6,000/, refusal: ADMINS_ONLY },
  // Issue 15: a follow-up is closed (or moved) by whoever made the call, for everyone; the owner
  // is told in their direct chat.
  { text: '已回访 张总 很满意', allowed: ALL, ok: /^已记录回访 张总\(致谢回访\):很满意/ },
  { text: '跳过 张总', allowed: ALL, ok: /跳过.*张总|张总.*跳过/, fresh: true },
  { text: '张总 周五再联系', allowed: ALL, ok: /张总.*(周五|11月27日)/, fresh: true },
  // A customer may say so to anyone who serves them: only ever fewer messages.
  { text: '张总 不接受消息', allowed: ALL, ok: /^已记下:张总 不接受消息/ },
  // Issue 17: whoever takes the call records the booking (王总 is 上海二店's guest, new to 本店).
  { text: '王总订了明晚4人 牡丹厅', allowed: ALL, ok: /^已记预订 王总 \| 11月24日 晚市 \| 4人/ },
  { text: '添加员工 小钱 服务员', allowed: ['admin'], ok: /邀请码/, refusal: ADMINS_ONLY },
  { text: '删除员工 小林', allowed: ['admin'], ok: /^已删除小林/, refusal: ADMINS_ONLY },
  {
    text: '绑定本群',
    group: 'g3',
    allowed: ['admin'],
    ok: /^本群已绑定「本店」/,
    refusal: ADMINS_ONLY,
  },
  { text: '新建门店 bj 北京店', allowed: [], ok: /./, refusal: CHAIN_ONLY },
  { text: '切换门店 sh2', allowed: [], ok: /./, refusal: CHAIN_ONLY },
];

const PHONE = '13822223333';
const STAFF_SEES_OWN = { staff: ['张总', '小吴', PHONE] };

/** Questions: asked of one chain, and none may change anything. */
const READS: Command[] = [
  {
    text: '查 张总',
    allowed: ALL,
    ok: /^张总 · A类/,
    hidden: { staff: ['13822223333'] },
  },
  // In a group even the owner and managers see a masked number.
  {
    text: '查 张总',
    group: 'g1',
    allowed: ALL,
    ok: /^张总 · A类[^]*138\*\*\*\*3333/,
    hidden: { staff: [PHONE], owner: [PHONE], manager: [PHONE], admin: [PHONE] },
  },
  { text: '昨天营业额', allowed: MANAGERS, ok: /营业额\n¥6,800/, refusal: MANAGERS_ONLY },
  { text: '本月业绩', allowed: ALL, ok: /业绩/, hidden: STAFF_SEES_OWN },
  { text: '本周A类客户', allowed: ALL, ok: /A类客户/, hidden: STAFF_SEES_OWN },
  { text: '我的客户', allowed: ALL, ok: /客户/, hidden: STAFF_SEES_OWN },
  { text: '我的待回访', allowed: ALL, ok: /回访/, hidden: STAFF_SEES_OWN },
  { text: '流失客户', allowed: ALL, ok: /流失/, hidden: STAFF_SEES_OWN },
  { text: '本周生日', allowed: ALL, ok: /生日/, hidden: STAFF_SEES_OWN },
  { text: '设置', allowed: MANAGERS, ok: /^【本店 设置】/, refusal: ADMINS_ONLY },
  { text: '员工列表', allowed: MANAGERS, ok: /^本店 员工/, refusal: ADMINS_ONLY },
  { text: '门店列表', allowed: ALL, ok: /^你在「本店」/ },
  { text: '明天预订', allowed: ALL, ok: /^明天没有预订$/ },
  { text: '帮助', allowed: ALL, ok: /^我能听懂这些/, hidden: { staff: ['添加员工', '营业额'] } },
];

async function send(s: Scenario, who: Sender, c: Command, chat = c.group): Promise<string[]> {
  const id = SENDERS[who];
  return s.say({ ...(chat ? inGroup(id, c.text, chat) : dm(id, c.text)), now: LATER });
}

/** Another store's manager and admin: no trace of 本店 in what they see, and 本店 untouched. */
async function fromOtherStore(s: Scenario, c: Command): Promise<void> {
  const other = await otherStoreIds(s);
  // What the sender said themselves is no leak when it is echoed (没有找到员工小林).
  const secrets = MAIN_ONLY.filter((m) => !c.text.includes(m));
  for (const who of OTHER_STORE) {
    const before = await fingerprint(s.db.models, other);
    // Privately they speak for their own store; in 本店's group they are not heard at all.
    const own = await send(s, who, c, c.group ? 'g2' : undefined);
    expect(await send(s, who, c, 'g1')).toEqual([]);
    for (const secret of secrets) expect(own.join('\n')).not.toContain(secret);
    expect(await fingerprint(s.db.models, other)).toBe(before);
  }
}

async function refused(s: Scenario, c: Command): Promise<void> {
  for (const who of IN_STORE.filter((r) => !c.allowed.includes(r))) {
    const before = await fingerprint(s.db.models);
    const replies = await send(s, who, c);
    expect({ who, replies }).toEqual({ who, replies: [expect.stringMatching(c.refusal!)] });
    expect(replies[0].length).toBeLessThanOrEqual(40);
    expect(await fingerprint(s.db.models)).toBe(before);
  }
}

async function allowed(
  s: Scenario,
  c: Command,
  changes: boolean,
  senders = c.allowed,
): Promise<void> {
  for (const [i, who] of senders.entries()) {
    const before = await fingerprint(s.db.models);
    const text = (await send(s, who, c)).join('\n');
    if (c.refusal)
      expect({ who, text }).not.toEqual({ who, text: expect.stringMatching(c.refusal) });
    for (const secret of c.hidden?.[who] ?? [])
      expect({ who, text }).not.toEqual({ who, text: expect.stringContaining(secret) });
    if (i > 0) continue;
    expect({ who, text }).toEqual({ who, text: expect.stringMatching(c.ok) });
    if (changes) expect(await fingerprint(s.db.models)).not.toBe(before);
    else expect(await fingerprint(s.db.models)).toBe(before);
  }
}

describe.each(WRITES)('$text', (c) => {
  let s: Scenario;
  beforeAll(async () => (s = await openChain()), 30_000);
  afterAll(() => s.close());

  it('from another store: touches nothing of 本店 and shows nothing of it', () =>
    fromOtherStore(s, c));
  it('refused roles get a short answer and nothing changes', () => refused(s, c));
  it('allowed roles are not refused, and the first one changes the archive', async () => {
    if (!c.fresh) return allowed(s, c, true);
    for (const who of c.allowed) {
      const own = await openChain();
      await allowed(own, c, true, [who]).finally(() => own.close());
    }
  }, 30_000);
});

describe('questions', () => {
  let s: Scenario;
  beforeAll(async () => (s = await openChain()), 30_000);
  afterAll(() => s.close());

  it.each(READS)('$text: by role, from another store, and read-only', async (c) => {
    await fromOtherStore(s, c);
    await refused(s, c);
    await allowed(s, c, false);
  });
});
