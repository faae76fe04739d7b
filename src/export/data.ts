/**
 * What an export reads: the store's archive, its visits and follow-ups in a period. Exports are
 * rare and offline, so they may scan a store's collections (FerretDB filters in Go); the bot's
 * hot paths never do.
 */
import type { Types } from 'mongoose';
import type { Models } from '../model';
import type { Customer } from '../model/customer';
import type { Visit } from '../model/visit';

export type ExportCustomer = Customer & { _id: Types.ObjectId };
export type ExportVisit = Visit & { _id: Types.ObjectId };

export interface ExportData {
  customers: ExportCustomer[];
  visits: ExportVisit[];
  /** Staff id → name, for owners, recorders and who followed up. */
  staffNames: Map<string, string>;
}

export async function exportData(
  models: Models,
  storeId: Types.ObjectId,
  period: { from: string; to: string },
): Promise<ExportData> {
  const customers = (await models.Customer.find({ storeId }).lean()) as ExportCustomer[];
  const visits = (await models.Visit.find({
    storeId,
    businessDate: { $gte: period.from, $lte: period.to },
  }).lean()) as ExportVisit[];
  const staff = await models.Staff.find({ storeId }).lean();
  return {
    customers: customers
      .filter((c) => !c.mergedInto && !c.removedAt)
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    visits: visits
      .filter((v) => v.status !== 'undone')
      .sort(
        (a, b) =>
          a.businessDate.localeCompare(b.businessDate) ||
          String(a._id).localeCompare(String(b._id)),
      ),
    staffNames: new Map(staff.map((s) => [String(s._id), s.name])),
  };
}
