/** 导出: one .xlsx of a store's archive and a period's visits and follow-ups, written to disk. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tierSettingsOf } from '../archive/refresh';
import type { Models } from '../model';
import type { StoreDoc } from '../model/store';
import { exportData } from './data';
import { buildWorkbook } from './workbook';

export interface ExportRequest {
  from: string;
  to: string;
  today: string;
  fullPhones: boolean;
  customersOnly: boolean;
}

export interface Exported {
  path: string;
  /** The name the recipient sees: `客户导出_2026-11-01至2026-11-22.xlsx`. */
  name: string;
  customers: number;
  visits: number;
}

export async function exportWorkbook(
  models: Models,
  store: StoreDoc,
  req: ExportRequest,
  dir: string,
): Promise<Exported> {
  const data = await exportData(models, store._id, req);
  const wb = buildWorkbook(data, {
    today: req.today,
    timeZone: store.timeZone,
    tiers: tierSettingsOf(store),
    period: req,
    fullPhones: req.fullPhones,
    customersOnly: req.customersOnly,
  });
  const name = req.customersOnly
    ? `${store.name}_客户_${req.today}.xlsx`
    : `${store.name}_导出_${req.from}至${req.to}.xlsx`;
  await mkdir(dir, { recursive: true });
  // A stamp keeps two exports of the same period (one masked, one not) from overwriting.
  const path = join(dir, `${Date.now()}_${name}`);
  await wb.xlsx.writeFile(path);
  return { path, name, customers: data.customers.length, visits: data.visits.length };
}
