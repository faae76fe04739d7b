/** Follow-up records in the words of the 回访记录 sheet. Pure. */

const ACTIONS: Record<string, string> = {
  done: '已回访',
  skipped: '跳过',
  moved: '改期',
  missed: '未接通',
  sent: '已提醒',
  expired: '过期未回访',
};

export const actionLabel = (action: string) => ACTIONS[action] ?? action;

const OCCASIONS: Record<string, string> = {
  birthday: '生日',
  wedding: '结婚纪念日',
  company: '公司纪念日',
};

/** `visit:2026-11-22:0` → `消费后回访(11-22消费)`, `holiday:中秋:2026:call` → `中秋留位电话`. */
export function followUpLabel(key: string): string {
  const [kind, a, , what] = key.split(':');
  const tail = key.split(':').at(-1);
  if (kind === 'visit') return `消费后回访(${a}消费)`;
  if (kind === 'churn') return '流失提醒';
  if (kind === 'holiday') return `${a}${what === 'call' ? '留位电话' : '祝福'}`;
  if (OCCASIONS[kind]) return `${OCCASIONS[kind]}${tail === 'gift' ? '礼物' : '祝福'}`;
  return key;
}
