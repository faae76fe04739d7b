/**
 * Two stores for the permission tests. 本店 (main, group g1): 小吴 (staff, owns 张总 and 张建国),
 * 小林 (staff, owns 李姐), 陈店长 (manager), 老板 (admin). 上海二店 (sh2): 小赵 (manager) and
 * 小孙 (admin), with a customer 王总 of their own. 张总 came on Sunday 22 Nov 2026; the commands
 * are sent the next morning (LATER), when his thank-you call is due.
 */
import { chainAdmin, codeIn, dm, inGroup, staff } from '../queries/helpers';
import { openScenario, type Scenario } from '../support/replay';

export { dm, inGroup };

export const LATER = '2026-11-23T10:00:00+08:00';

/** Who sends a command: a role in 本店, or a role in the other store. */
export const SENDERS = {
  staff: 'li',
  owner: 'wang',
  manager: 'boss',
  admin: 'root',
  otherManager: 'zhao',
  otherAdmin: 'sun',
} as const;
export type Sender = keyof typeof SENDERS;

/** What of 本店 must never reach someone of 上海二店. */
export const MAIN_ONLY = [
  '13822223333',
  '138****3333',
  '13900001111',
  '张建国',
  '李姐',
  '小吴',
  '小林',
  '6,800',
  '2,600',
];

async function invite(s: Scenario, by: string, words: string, who: string): Promise<void> {
  const code = codeIn((await s.say(dm(by, `添加员工 ${words}`)))[0]);
  const welcome = (await s.say(dm(who, code)))[0];
  if (!welcome.startsWith('欢迎')) throw new Error(`${who} could not join: ${welcome}`);
}

export async function openChain(): Promise<Scenario> {
  const s = await openScenario();
  await s.run(
    staff('wang', '小吴'),
    staff('li', '小林'),
    staff('boss', '陈店长', 'manager'),
    staff('root', '老板', 'admin'),
    { group: { id: 'g1' } },
  );
  await chainAdmin(s, 'hq', '总部');
  await s.run(dm('hq', '新建门店 sh2 上海二店'), inGroup('hq', '绑定本群 sh2', 'g2'));
  await invite(s, 'hq', '小赵 店长 sh2', 'zhao');
  await invite(s, 'hq', '小孙 管理员 sh2', 'sun');
  await s.run(
    dm('wang', '张总 13822223333 今晚 3人 消费6800'),
    dm('wang', '张建国 11月19日 2人 消费800'),
    dm('li', '李姐 13900001111 11月20日 2人 消费2600'),
    dm('zhao', '王总 13511112222 11月20日 4人 消费9000'),
  );
  return s;
}

/** 上海二店 and its people: whatever mentions them is theirs to change. */
export async function otherStoreIds(s: Scenario): Promise<string[]> {
  const { Store, Staff, Customer } = s.db.models;
  const sh2 = (await Store.findOne({ code: 'sh2' }))!._id;
  const people = await Staff.find({ storeId: sh2 });
  // Its customers too: a customer's own lookups (their bookings) name the customer, not the store.
  const guests = await Customer.find({ storeId: sh2 });
  return [String(sh2), ...[...people, ...guests].map((p) => String(p._id))];
}
