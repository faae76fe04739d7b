/**
 * The dry run: what importing a sheet would do to the archive, row by row, without writing.
 * A row is the customer already kept when a phone matches, else when name and owner match (a
 * namesake with another phone is someone else); re-importing a sheet therefore changes nothing.
 */
import type { Types } from 'mongoose';
import { customersByName, customersByPhone } from '../archive/customers';
import { staffOfStore } from '../archive/staff';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import { changesOf } from './changes';
import { readRow, type CustomerRow, type SheetRow } from './row';

export type Step =
  | { kind: 'create'; row: CustomerRow; ownerId?: Types.ObjectId }
  | {
      kind: 'update';
      row: CustomerRow;
      ownerId?: Types.ObjectId;
      customer: CustomerDoc;
      changes: string[];
    }
  | { kind: 'same'; row: CustomerRow; customer: CustomerDoc }
  | { kind: 'fail'; line: number; name?: string; error: string };

export interface Plan {
  steps: Step[];
  /** 接待人员 names that are no staff member of the store: imported without an owner. */
  unknownOwners: string[];
}

const sameId = (a?: Types.ObjectId | null, b?: Types.ObjectId | null) =>
  (!a && !b) || (!!a && !!b && a.equals(b));

/** The archive a row is, by phone then by name and owner; a string says why it is ambiguous. */
export async function match(
  models: Models,
  storeId: Types.ObjectId,
  row: CustomerRow,
  ownerId: Types.ObjectId | undefined,
): Promise<CustomerDoc[] | string> {
  for (const phone of row.phones) {
    const byPhone = await customersByPhone(models, storeId, phone);
    if (byPhone.length > 1) return `电话${phone}已有${byPhone.length}位客户`;
    if (byPhone.length === 1) return byPhone;
  }
  const byName = (await customersByName(models, storeId, row.name)).filter(
    (c) => sameId(c.ownerId, ownerId) && (row.phones.length === 0 || c.phones.length === 0),
  );
  if (byName.length > 1) return `已有${byName.length}位「${row.name}」,请在表里补上电话`;
  return byName;
}

/** Keys a row is known by within the sheet: the same customer twice in one sheet is an error. */
const sheetKeys = (row: CustomerRow, ownerId?: Types.ObjectId) =>
  row.phones.length ? row.phones.map((p) => `p:${p}`) : [`n:${row.name}:${String(ownerId ?? '')}`];

export async function planImport(
  models: Models,
  storeId: Types.ObjectId,
  rows: SheetRow[],
  lunarBirthday = false,
): Promise<Plan> {
  const staff = new Map((await staffOfStore(models, storeId)).map((s) => [s.name, s._id]));
  const unknownOwners = new Set<string>();
  const seen = new Map<string, number>();
  const steps: Step[] = [];
  for (const sheetRow of rows) {
    const read = readRow(sheetRow, lunarBirthday);
    if (read.kind === 'empty') continue;
    if (read.kind === 'error') {
      steps.push({ kind: 'fail', line: read.line, name: read.name, error: read.error });
      continue;
    }
    const { row } = read;
    const ownerId = row.ownerName ? staff.get(row.ownerName) : undefined;
    if (row.ownerName && !ownerId) unknownOwners.add(row.ownerName);
    const twin = sheetKeys(row, ownerId).find((k) => seen.has(k));
    if (twin) {
      const error = `和第${seen.get(twin)}行是同一位客户`;
      steps.push({ kind: 'fail', line: row.line, name: row.name, error });
      continue;
    }
    for (const k of sheetKeys(row, ownerId)) seen.set(k, row.line);
    const found = await match(models, storeId, row, ownerId);
    if (typeof found === 'string') {
      steps.push({ kind: 'fail', line: row.line, name: row.name, error: found });
    } else if (found.length === 0) {
      steps.push({ kind: 'create', row, ownerId });
    } else {
      const changes = changesOf(found[0], row, ownerId);
      steps.push(
        changes.length
          ? { kind: 'update', row, ownerId, customer: found[0], changes }
          : { kind: 'same', row, customer: found[0] },
      );
    }
  }
  return { steps, unknownOwners: [...unknownOwners] };
}
