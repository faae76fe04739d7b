/**
 * 设置: managers see the store's settings; admins change one at a time (`设置 A类消费 6000`), checked
 * by the same schemas the rules use, and the old and new value are echoed:
 * `A类近30天消费门槛: ¥5,000 → ¥6,000`.
 */
import type { ZodError } from 'zod';
import { forgetSenders } from '../archive/staff';
import { tierSettingsOf } from '../archive/refresh';
import { followUpSettingsOf } from '../archive/stores';
import { tierSettingsSchema } from '../archive/tiers';
import { followUpSettingsSchema } from '../followup/settings';
import { yuan } from '../format/text';
import type { StoreDoc } from '../model/store';
import { evaluate } from '../parser/numerals';
import { staffOf } from '../pipeline/context';
import { preShiftOf } from './bookings/pre-shift';
import { canManage, commandFeature } from './command';
import {
  briefWord,
  readValue,
  settingIn,
  weekdayWord,
  type BriefTime,
  type Kind,
  type Setting,
} from './settings-table';

const OPENER =
  /^(?:@\S+\s*)?(?:修改设置|查看设置|当前设置|门店设置|设置|配置|设定|\/settings|settings)[\s:\uFF1A]*/i;

type Tree = Record<string, unknown>;

function getPath(tree: unknown, path: string[]): unknown {
  return path.reduce<unknown>((t, k) => (t as Tree | undefined)?.[k], tree);
}

function setPath(tree: Tree, path: string[], value: unknown): Tree {
  const [head, ...rest] = path;
  const child = (tree[head] ?? {}) as Tree;
  return { ...tree, [head]: rest.length ? setPath(child, rest, value) : value };
}

/** The setting's current value, defaults included. */
export function currentValue(store: StoreDoc, s: Setting): unknown {
  const [where, ...path] = s.path.split('.');
  if (where === 'store') return getPath(store.toObject(), path);
  return getPath(where === 'tiers' ? tierSettingsOf(store) : followUpSettingsOf(store), path);
}

export function shown(kind: Kind, v: unknown): string {
  if (kind === 'money') return yuan(Number(v));
  if (kind === 'count') return `${String(v)}次`;
  if (kind === 'weeks') return `${String(v)}周`;
  if (kind === 'days') return `${String(v)}天`;
  if (kind === 'dayList') return `第${(v as number[]).join('、')}天`;
  if (kind === 'weekday') return weekdayWord(Number(v));
  if (kind === 'brief') return briefWord(v as BriefTime);
  return String(v);
}

const REASONS: Record<string, string> = {
  'A thresholds must not be below B thresholds': 'A类门槛不能低于B类',
  'A must lapse no later than B, B than C': 'A类流失天数不能多于B类,B类不能多于C类',
  'follow-up days must increase': '回访天数要从小到大',
};

function reasonOf(err: ZodError): string {
  const issue = err.issues[0];
  if (!issue) return '不合要求';
  if (REASONS[issue.message]) return REASONS[issue.message];
  if (issue.code === 'too_small') return `不能小于${String(issue.minimum)}`;
  if (issue.code === 'too_big') return `不能大于${String(issue.maximum)}`;
  if (issue.code === 'invalid_type') return '需要整数';
  return '不合要求';
}

/** The `$set` for a new value, or the reason it cannot be. */
export function patchFor(store: StoreDoc, s: Setting, value: unknown): Tree | string {
  const [where, ...path] = s.path.split('.');
  if (where === 'store') return { [path[0]]: value };
  if (where === 'tiers') {
    const next = setPath(tierSettingsOf(store) as unknown as Tree, path, value);
    const ok = tierSettingsSchema.safeParse(next);
    return ok.success ? { tiers: ok.data } : reasonOf(ok.error);
  }
  // Follow-up rules keep only what the store changed, so later default changes still reach it.
  const next = setPath((store.followUps ?? {}) as Tree, path, value);
  const ok = followUpSettingsSchema.safeParse(next);
  return ok.success ? { followUps: next } : reasonOf(ok.error);
}

export function settingsText(store: StoreDoc): string {
  const t = tierSettingsOf(store);
  const f = followUpSettingsOf(store);
  const ladder = (l: typeof t.A) =>
    `近30天消费≥${yuan(l.spend30)} 或 来${l.visits30}次 或 连续${l.weeksInRow}周 或 单次≥${yuan(l.lastVisit)}`;
  return [
    `【${store.name} 设置】`,
    `早报 ${store.briefingTime} · 营业日切换 ${store.businessDayCutoff} · ${store.timeZone}`,
    `周报 ${weekdayWord(store.weeklyReportDay ?? 1)} ${store.weeklyReportTime ?? '10:00'}`,
    `班前会 晚市 ${briefWord(preShiftOf(store, 'dinner'))} · 午市 ${briefWord(preShiftOf(store, 'lunch'))}`,
    `A类:${ladder(t.A)}`,
    `B类:${ladder(t.B)}`,
    `新客户:首次到店${t.newCustomerDays}天内`,
    `回访:消费后第${f.postVisit.steps.join('、')}天,之后每${f.postVisit.thenEveryDays}天`,
    `流失:A类${f.churn.A}天 B类${f.churn.B}天 C类${f.churn.C}天 新客${f.churn.D}天没来`,
    `提醒:生日提前${f.occasions.listDaysBefore}天 礼物提前${f.occasions.giftDaysBefore}天 节日提前${f.holidays.listDaysBefore}天 留位电话提前${f.holidays.callDaysBefore}天`,
    '管理员修改:设置 A类消费 6000 / 设置 早报时间 9:00 / 设置 A类流失 30 / 设置 午市班前 10:30 / 设置 午市班前 关闭',
  ].join('\n');
}

export const settings = commandFeature(['settings'], async (ctx) => {
  const { staff, store } = staffOf(ctx);
  if (!canManage(staff.role)) {
    ctx.reply('设置只有店长和管理员能看');
    return;
  }
  const words = ctx.msg.text.trim().replace(OPENER, '');
  if (!words) {
    ctx.reply(settingsText(store));
    return;
  }
  if (staff.role !== 'admin') {
    ctx.reply('修改设置需要管理员来操作');
    return;
  }
  const found = settingIn(words);
  if (!found) {
    ctx.reply('没有这项设置。发「设置」看全部可以改的项目');
    return;
  }
  const { setting, rest } = found;
  const before = currentValue(store, setting);
  const said = readValue(setting.kind, rest, evaluate);
  // A brief said only 关闭 keeps its time; one said only a time is turned on.
  const value =
    setting.kind === 'brief' && said !== undefined
      ? { ...(before as BriefTime), ...(said as Partial<BriefTime>) }
      : said;
  if (value === undefined) {
    ctx.reply(
      `${setting.label}没有改:「${rest.trim()}」看不懂。例如:设置 ${setting.names[0]} ${example(setting.kind)}`,
    );
    return;
  }
  if (JSON.stringify(before) === JSON.stringify(value)) {
    ctx.reply(`${setting.label} 已经是 ${shown(setting.kind, value)}`);
    return;
  }
  const patch = patchFor(store, setting, value);
  if (typeof patch === 'string') {
    ctx.reply(`${setting.label}没有改:${patch}`);
    return;
  }
  await ctx.services.models.Store.updateOne({ _id: store._id }, { $set: patch });
  forgetSenders(ctx.services.models);
  ctx.services.settingsChanged?.();
  ctx.reply(`${setting.label}: ${shown(setting.kind, before)} → ${shown(setting.kind, value)}`);
});

function example(kind: Kind): string {
  return {
    money: '6000',
    count: '4',
    weeks: '3',
    days: '30',
    time: '9:30',
    dayList: '1,30,120',
    text: '上海二店',
    zone: 'Asia/Shanghai',
    weekday: '周一',
    brief: '16:30',
  }[kind];
}
