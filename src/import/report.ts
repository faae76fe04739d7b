/** The dry-run report and the result, in the few lines a manager reads before saying 确认. */
import type { Applied } from './apply';
import type { Plan } from './plan';

/** Failed rows listed one by one, up to this many. */
export const FAILURES_SHOWN = 20;

export interface Counts {
  create: number;
  update: number;
  same: number;
  fail: number;
}

export function countsOf(plan: Plan): Counts {
  const n: Counts = { create: 0, update: 0, same: 0, fail: 0 };
  for (const s of plan.steps) n[s.kind] += 1;
  return n;
}

export function previewText(
  plan: Plan,
  ignored: string[],
  file: string,
  shown = FAILURES_SHOWN,
): string {
  const n = countsOf(plan);
  const lines = [
    `导入预览「${file}」:共${plan.steps.length}行`,
    `将新建${n.create}位 · 更新${n.update}位 · 无变化${n.same}位 · 失败${n.fail}行`,
  ];
  const fails = plan.steps.flatMap((s) => (s.kind === 'fail' ? [s] : []));
  if (fails.length) lines.push('失败的行(不会导入):');
  for (const f of fails.slice(0, shown))
    lines.push(`第${f.line}行${f.name ? ` ${f.name}` : ''}:${f.error}`);
  if (fails.length > shown) lines.push(`…还有${fails.length - shown}行`);
  if (plan.unknownOwners.length)
    lines.push(`接待人员不是本店员工,这些客户先不分负责人:${plan.unknownOwners.join('、')}`);
  if (ignored.length) lines.push(`没有导入的列:${ignored.join('、')}`);
  return lines.join('\n');
}

export function appliedText(done: Applied, plan: Plan): string {
  const n = countsOf(plan);
  const rest = [n.same ? `无变化${n.same}位` : '', n.fail ? `失败${n.fail}行未导入` : '']
    .filter(Boolean)
    .join(',');
  return `已导入:新建${done.created}位,更新${done.updated}位${rest ? `(${rest})` : ''}`;
}
