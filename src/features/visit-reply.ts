/** The confirmation shows everything understood, so staff see a misreading at once. */
import type { SavedVisit } from '../archive/visits';
import { shortDate, yuan } from '../format/text';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import { maskPhone } from '../privacy';

/** `张总 | 11月22日 晚市 | 3人 | ¥2,800 | 牡丹厅` */
export function visitLine(
  name: string,
  v: {
    businessDate: string;
    mealPeriod?: string | null;
    partySize?: number | null;
    amount: number;
    room?: string | null;
  },
): string {
  const when = [shortDate(v.businessDate), v.mealPeriod].filter(Boolean).join(' ');
  const parts = [name, when];
  if (v.partySize) parts.push(`${v.partySize}人`);
  parts.push(yuan(v.amount));
  if (v.room) parts.push(v.room);
  return parts.join(' | ');
}

export function confirmation(saved: SavedVisit, learned: string[] = []): string {
  const head = `已记录 ${visitLine(saved.customer.name, saved.visit)}`;
  if (saved.duplicate) return head;
  const visits = saved.customer.stats?.visits ?? 1;
  const lines = [head];
  if (saved.newCustomer) lines.push(`新客户,已建档 · ${saved.customer.tier}类`);
  else
    lines.push(
      `第${visits}次来${saved.previousVisit ? `,上次 ${shortDate(saved.previousVisit, saved.visit.businessDate)}` : ''}`,
    );
  if (learned.length) lines.push(`已存入档案: ${learned.join('、')}`);
  return lines.join('\n');
}

const QUESTIONS: Record<string, string> = {
  amount: '金额是多少?',
  customer: '是哪位客人?',
};

export function question(missing: string[]): string {
  if (missing.length === 1) return QUESTIONS[missing[0]] ?? '还缺信息';
  return '是哪位客人,消费多少?';
}

/**
 * `有2位张总,是哪位?` with one short line each; when recording, the last choice is a new archive
 * (a command acts on an archive that exists, so it has none).
 */
export async function choiceList(
  models: Models,
  name: string,
  found: CustomerDoc[],
  opts: { newOption?: boolean } = {},
): Promise<string> {
  const lines = [`有${found.length}位${name},是哪位?回复数字`];
  for (const [i, c] of found.entries()) {
    const owner = c.ownerId ? await models.Staff.findById(c.ownerId).lean() : null;
    const bits = [c.name];
    if (c.phones[0]) bits.push(maskPhone(c.phones[0]));
    if (owner) bits.push(`${owner.name}的客户`);
    if (c.stats?.lastVisit) bits.push(`上次${shortDate(c.stats.lastVisit)}`);
    lines.push(`${i + 1}. ${bits.join(' · ')}`);
  }
  if (opts.newOption !== false) lines.push(`${found.length + 1}. 都不是,新建一位${name}`);
  return lines.join('\n');
}

/** `已更新 张总 的档案: 电话 138****8000、生日 农历8月15日` (phones masked in groups). */
export function profileReply(customer: CustomerDoc, learned: string[], inGroup: boolean): string {
  if (learned.length === 0) return `${customer.name} 的档案里已经有这些信息了`;
  const details = learned.map((what) => {
    if (what === '电话') {
      const phone = customer.phones.at(-1) ?? '';
      return `电话 ${inGroup ? maskPhone(phone) : phone}`;
    }
    if (what === '生日' && customer.birthday) {
      const b = customer.birthday;
      return `生日 ${b.calendar === 'lunar' ? '农历' : ''}${b.month}月${b.day}日`;
    }
    if (what === '微信' && customer.wechat) return `微信 ${customer.wechat}`;
    if (what === '偏好') return `偏好 ${customer.preferences.join('、')}`;
    // What was stored, not only that something was: 存酒 两瓶茅台 (the last ones noted).
    if (what === '存酒' && customer.bottles.length) return `存酒 ${customer.bottles.at(-1)}`;
    return what;
  });
  return `已更新 ${customer.name} 的档案: ${details.join(',')}`;
}
