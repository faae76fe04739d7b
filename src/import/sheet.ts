/**
 * Opening a store's sheet: .xlsx, or .csv as Excel saves it in China (GBK unless it is UTF-8,
 * often with a BOM). The header row is found among the first lines (sheets often start with a
 * title row), on the first worksheet that has one.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { plainCell, textOf } from './cells';
import { mapHeaders, type HeaderMap } from './headers';
import type { SheetRow } from './row';

/** Lines searched for the header row. */
const HEADER_SEARCH = 10;

export interface Sheet extends HeaderMap {
  rows: SheetRow[];
}

export class SheetError extends Error {}

/** UTF-8 when it decodes cleanly, else GB18030 (a superset of GBK). */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function workbookOf(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') {
    await wb.xlsx.readFile(path);
  } else if (ext === '.csv' || ext === '.txt') {
    const text = decodeText(await readFile(path));
    // Values stay text: the readers decide what a phone or a date is, not the CSV parser.
    await wb.csv.read(Readable.from([text]), { map: (v: unknown) => v } as never);
  } else {
    throw new SheetError('只能导入 .xlsx 或 .csv 文件(旧的 .xls 请在 Excel 里另存为 .xlsx)');
  }
  return wb;
}

function headerOf(ws: ExcelJS.Worksheet): { line: number; map: HeaderMap } | undefined {
  for (let line = 1; line <= Math.min(HEADER_SEARCH, ws.rowCount); line++) {
    const cells: { column: number; text: string }[] = [];
    ws.getRow(line).eachCell((cell, column) =>
      cells.push({ column, text: textOf(plainCell(cell.value)) }),
    );
    const map = mapHeaders(cells);
    const fields = new Set(map.columns.values());
    if (fields.has('name') && fields.size >= 2) return { line, map };
  }
  return undefined;
}

export async function readSheet(path: string): Promise<Sheet> {
  const wb = await workbookOf(path);
  for (const ws of wb.worksheets) {
    const header = headerOf(ws);
    if (!header) continue;
    const rows: SheetRow[] = [];
    for (let line = header.line + 1; line <= ws.rowCount; line++) {
      const row = ws.getRow(line);
      const cells: SheetRow['cells'] = {};
      for (const [column, field] of header.map.columns)
        cells[field] = plainCell(row.getCell(column).value);
      rows.push({ line, cells });
    }
    return { ...header.map, rows };
  }
  throw new SheetError(
    '表格里没有找到表头(需要有「姓名」或「客户」一列,和电话、生日、累计消费等列)',
  );
}
