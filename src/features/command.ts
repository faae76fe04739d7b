/** Commands are features too: one file each, taking the command names the parser gives. */
import type { BotContext } from '../pipeline/context';
import type { Feature } from '../pipeline/router';
import type { Role } from '../model/staff';

export function commandFeature(
  names: string[],
  handle: (ctx: BotContext) => Promise<void>,
  name = names[0],
): Feature {
  return {
    name,
    takes: (ctx) =>
      ctx.reading?.intent === 'command' && names.includes(ctx.reading.command?.name ?? ''),
    handle,
  };
}

export const canManage = (role: Role | string) => role === 'manager' || role === 'admin';

/** Managers act on anyone's records in their store; staff only on their own. */
export function mayCorrect(ctx: BotContext, recordedBy: { equals(id: unknown): boolean }): boolean {
  return !!ctx.staff && (canManage(ctx.staff.role) || recordedBy.equals(ctx.staff._id));
}

/**
 * The customer a command is about when the parser found no name (full names without a title:
 * `查 张建国`, `张建国档案`): the words around the command, stripped.
 */
export function subjectOf(text: string): string | undefined {
  const rest = text
    .replace(/^@\S+\s*/, '')
    .replace(/^(?:帮我)?(?:查询|查一下|查查|查|看看|看一下|搜一下|搜)\s*/, '')
    .replace(/(?:的)?(?:档案|资料|信息|情况|上次.*|最近.*|什么时候.*)$/, '')
    .replace(/[\s,,。.??!!]+$/, '')
    .trim();
  return rest && rest.length <= 12 && !/\s/.test(rest) ? rest : undefined;
}
