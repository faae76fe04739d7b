/**
 * 导入客户表: read the sheet, plan (the dry run), and on confirmation apply. The same steps serve
 * `npm run import` and a file sent to the bot by an admin.
 */
import { basename } from 'node:path';
import { tierSettingsOf } from '../archive/refresh';
import type { Models } from '../model';
import type { StoreDoc } from '../model/store';
import { applyImport, type Applied } from './apply';
import { planImport, type Plan } from './plan';
import { appliedText, previewText } from './report';
import { readSheet } from './sheet';

export { SheetError } from './sheet';

export interface Preview {
  plan: Plan;
  text: string;
}

export async function previewImport(
  models: Models,
  store: StoreDoc,
  path: string,
  name = basename(path),
  failuresShown?: number,
): Promise<Preview> {
  const sheet = await readSheet(path);
  const plan = await planImport(models, store._id, sheet.rows, sheet.lunarBirthday);
  return { plan, text: previewText(plan, sheet.ignored, name, failuresShown) };
}

/** Plans again right before writing: the archive may have changed since the preview. */
export async function runImport(
  models: Models,
  store: StoreDoc,
  path: string,
  today: string,
  name = basename(path),
): Promise<Preview & { done: Applied }> {
  const preview = await previewImport(models, store, path, name);
  const done = await applyImport(models, store._id, preview.plan, today, tierSettingsOf(store));
  return { ...preview, done, text: appliedText(done, preview.plan) };
}
