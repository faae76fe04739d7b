/**
 * 导入客户表 in chat: an admin sends the store's sheet (.xlsx or .csv) to the bot in a direct chat
 * and gets the dry run (new / updated / unchanged / failed rows, the first failures with their
 * reasons); `确认导入` within 30 minutes imports it. The sheet waits in the files folder and the
 * database, so a restart in between loses nothing; the confirmation claims it once, so a second
 * 确认导入 cannot import it twice (and importing is idempotent anyway: matched by phone, then
 * name and owner).
 */
import { mkdir, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { previewImport, runImport, SheetError } from '../import';
import { countsOf } from '../import/report';
import { filesDirOf, staffOf, type BotContext } from '../pipeline/context';
import type { IncomingFile } from '../pipeline/message';
import type { Feature } from '../pipeline/router';
import { todayOf } from './queries/shared';

export const CONFIRM_IMPORT = '确认导入';
/** How long a preview waits for 确认导入. */
export const IMPORT_WAIT_MINUTES = 30;
/** Failed rows listed in the chat preview: a phone screen, not the command line's full list. */
const FAILURES_IN_CHAT = 5;
/** Far above any store's customer sheet; stops a stray video from being downloaded. */
const MAX_SHEET_BYTES = 10 * 1024 * 1024;
/** .xls is taken too, so its sender hears how to save it as .xlsx (readSheet says so). */
const SHEET = /\.(xlsx|xls|csv)$/i;

export const ADMINS_ONLY = '导入客户表只有管理员能用';
export const NOT_A_SHEET = '只能导入 .xlsx 或 .csv 客户表,别的文件我看不了';
export const NOTHING_PENDING = '没有待确认的导入,请先把客户表(.xlsx 或 .csv)发给我';

const isAdmin = (ctx: BotContext) => staffOf(ctx).staff.role === 'admin';
const keyOf = (ctx: BotContext) => String(staffOf(ctx).staff._id);

async function preview(ctx: BotContext, file: IncomingFile): Promise<void> {
  const { store } = staffOf(ctx);
  const { models } = ctx.services;
  if (!SHEET.test(file.name)) return ctx.reply(NOT_A_SHEET);
  // Taken up again from the journal after a restart: the platform's download link did not survive.
  if (typeof file.saveTo !== 'function') return ctx.reply('这个文件没收到,请再发一次');
  if ((file.size ?? 0) > MAX_SHEET_BYTES) return ctx.reply('文件太大了(超过10MB),请只留客户表');
  const dir = join(filesDirOf(ctx.services), 'imports');
  await mkdir(dir, { recursive: true });
  // One waiting sheet per admin: a new one replaces the last, whose preview is then stale.
  const path = join(dir, `${keyOf(ctx)}${extname(file.name).toLowerCase()}`);
  const before = await models.PendingImport.findByIdAndDelete(keyOf(ctx)).lean();
  if (before && before.path !== path) await rm(before.path, { force: true });
  await file.saveTo(path);
  let text: string;
  let counts: ReturnType<typeof countsOf>;
  try {
    const p = await previewImport(models, store, path, file.name, FAILURES_IN_CHAT);
    ({ text } = p);
    counts = countsOf(p.plan);
  } catch (err) {
    await rm(path, { force: true });
    if (err instanceof SheetError) return ctx.reply(err.message);
    throw err;
  }
  if (counts.create + counts.update === 0) {
    await rm(path, { force: true });
    return ctx.reply(`${text}\n没有要导入的新内容`);
  }
  await models.PendingImport.create({
    _id: keyOf(ctx),
    storeId: store._id,
    path,
    name: file.name,
    createdAt: ctx.msg.time,
  });
  ctx.reply(`${text}\n确认无误请回复「${CONFIRM_IMPORT}」(${IMPORT_WAIT_MINUTES}分钟内有效)`);
}

async function confirm(ctx: BotContext): Promise<void> {
  const { store } = staffOf(ctx);
  const { models } = ctx.services;
  // Taking it out is the claim: a second 确认导入 finds nothing to import.
  const pending = await models.PendingImport.findByIdAndDelete(keyOf(ctx)).lean();
  if (!pending) return ctx.reply(NOTHING_PENDING);
  try {
    const ageMs = ctx.msg.time.getTime() - pending.createdAt.getTime();
    if (ageMs > IMPORT_WAIT_MINUTES * 60_000)
      return ctx.reply(`预览已超过${IMPORT_WAIT_MINUTES}分钟,请重新发送客户表`);
    if (!pending.storeId.equals(store._id))
      return ctx.reply('预览时看的是另一家门店,请切换回去或重新发送客户表');
    const { text } = await runImport(models, store, pending.path, todayOf(ctx), pending.name);
    ctx.reply(text);
  } finally {
    await rm(pending.path, { force: true });
  }
}

export const importSheet: Feature = {
  name: 'import-sheet',
  takes: (ctx) =>
    ctx.msg.chatType === 'direct' &&
    (ctx.msg.file !== undefined || ctx.msg.text.trim() === CONFIRM_IMPORT),
  async handle(ctx) {
    if (!isAdmin(ctx)) return ctx.reply(ADMINS_ONLY);
    return ctx.msg.file ? preview(ctx, ctx.msg.file) : confirm(ctx);
  },
  writesInSteps: true,
};
