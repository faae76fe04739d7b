/**
 * One line of a store's sheet → the customer it describes, or the reason it cannot be read. Pure.
 * Historic figures (累计消费, 消费次数, 每次购买的时间, 每次消费明细) become the opening balance.
 */
import type { OpeningBalance } from '../archive/stats';
import type { Birthday } from '../parser';
import {
  readAmounts,
  readBirthday,
  readCount,
  readDay,
  readDays,
  readGender,
  readMoney,
  readPhones,
  textOf,
  type Cell,
  type Read,
} from './cells';
import { tidyName } from '../text/names';
import type { Field } from './headers';

export interface SheetRow {
  /** Line number in the sheet, as the store sees it in Excel. */
  line: number;
  cells: Partial<Record<Field, Cell>>;
}

export interface Opening extends OpeningBalance {
  points?: number;
}

export interface CustomerRow {
  line: number;
  name: string;
  phones: string[];
  gender?: string;
  vipNumber?: string;
  address?: string;
  birthday?: Birthday;
  /** 接待人员 as written; matched to a staff member by name when the sheet is planned. */
  ownerName?: string;
  company?: string;
  position?: string;
  preferences: string[];
  notes: string[];
  opening?: Opening;
}

export type RowReading =
  | { kind: 'row'; row: CustomerRow }
  | { kind: 'error'; line: number; name?: string; error: string }
  | { kind: 'empty'; line: number };

const MAX_NAME = 20;
const LIST = /[,,、;;/|\n]+/;

const words = (c: Cell) =>
  textOf(c)
    .split(LIST)
    .map((w) => w.trim())
    .filter(Boolean);

const text = (c: Cell) => textOf(c).trim() || undefined;

/** Collects readers' errors so the row reports the first. */
class Errors {
  first?: string;
  take<T>(r: Read<T>): T | undefined {
    if (r && 'error' in r) this.first ??= r.error;
    return r && 'value' in r ? r.value : undefined;
  }
}

function openingOf(cells: SheetRow['cells'], errors: Errors): Opening | undefined {
  const total = errors.take(readMoney(cells.totalSpend, '累计消费'));
  const count = errors.take(readCount(cells.visits, '消费次数'));
  const points = errors.take(readCount(cells.points, '积分'));
  const amounts = readAmounts(cells.spendDetails);
  const last = errors.take(readDay(cells.lastVisit));
  const days = [...readDays(cells.visitDates), ...(last ? [last] : [])].sort();
  const spend = total ?? amounts.reduce((n, a) => n + a, 0);
  const seen = Math.max(days.length, amounts.length);
  const visits = count ?? (seen || (spend > 0 ? 1 : 0));
  if (!visits && !spend && points === undefined) return undefined;
  return {
    visits,
    spend,
    firstVisit: days[0],
    lastVisit: days.at(-1),
    // Details are typed oldest first, like the sheet's dates: the last amount is the last visit.
    lastAmount: days.length ? amounts.at(-1) : undefined,
    ...(points !== undefined && { points }),
  };
}

export function readRow(row: SheetRow, lunarBirthday = false): RowReading {
  const { cells, line } = row;
  if (Object.values(cells).every((c) => c === undefined)) return { kind: 'empty', line };
  const name = tidyName(textOf(cells.name));
  if (!name) return { kind: 'error', line, error: '没有姓名' };
  if (name.length > MAX_NAME) return { kind: 'error', line, name, error: '姓名太长' };
  const errors = new Errors();
  const phones = errors.take(readPhones(cells.phone)) ?? [];
  const birthday = errors.take(readBirthday(cells.birthday, lunarBirthday));
  const opening = openingOf(cells, errors);
  if (errors.first) return { kind: 'error', line, name, error: errors.first };
  const labelled = (label: string, c: Cell) => (text(c) ? [`${label}: ${text(c)}`] : []);
  return {
    kind: 'row',
    row: {
      line,
      name,
      phones,
      gender: readGender(cells.gender),
      vipNumber: text(cells.vipNumber),
      address: text(cells.address),
      birthday,
      // 每次的接待人员 lists everyone who served; the latest is who keeps the customer now.
      ownerName: words(cells.owner).at(-1),
      company: text(cells.company),
      position: text(cells.position),
      preferences: words(cells.preferences),
      notes: [
        ...labelled('备注', cells.notes),
        ...labelled('赠送', cells.gifts),
        ...labelled('回访', cells.followUps),
      ],
      opening,
    },
  };
}
