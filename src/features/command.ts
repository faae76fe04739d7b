/** Commands are features too: one file each, taking the command names the parser gives. */
import { addressed, type BotContext } from '../pipeline/context';
import type { Feature } from '../pipeline/router';
import type { Types } from 'mongoose';
import type { Models } from '../model';
import type { Role, StaffDoc } from '../model/staff';
import { tidyName } from '../text/names';

export function commandFeature(
  names: string[],
  handle: (ctx: BotContext) => Promise<void>,
  opts: Pick<Feature, 'readOnly' | 'repeatable'> = {},
): Feature {
  return {
    name: names[0],
    // In a group the bot was not @-mentioned in, only the command's own form runs it: 撤销 or
    // 改成3200 is meant for the bot, 撤销刚才那个菜 is talk in the kitchen.
    takes: (ctx) =>
      ctx.reading?.intent === 'command' &&
      names.includes(ctx.reading.command?.name ?? '') &&
      (addressed(ctx) || ctx.reading.command?.standalone === true),
    handle,
    ...opts,
  };
}

/** A question: it reads the archive and answers, so it need not wait for the store's writes. */
export const READ_ONLY = { readOnly: true } as const;
/** Its writes are keyed by the message, so a crash-interrupted one is taken up again. */
export const REPEATABLE = { repeatable: true } as const;

export const canManage = (role: Role | string) => role === 'manager' || role === 'admin';

/** The store's active managers and admins, in a stable order (a small collection: scanning is fine). */
export async function managersOf(models: Models, storeId: Types.ObjectId): Promise<StaffDoc[]> {
  const staff = await models.Staff.find({ storeId, active: true }).sort({ _id: 1 });
  return staff.filter((s) => canManage(s.role));
}

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
    .replace(/[\s,,。.??!!]+$/, '');
  // 欧阳 娜娜 is 欧阳娜娜; Tony Wang keeps its space, but no other words may follow a name.
  const name = tidyName(rest);
  const oneName = !/\s/.test(name) || /^[A-Za-z][A-Za-z ]*$/.test(name);
  return name && name.length <= 12 && oneName ? name : undefined;
}
