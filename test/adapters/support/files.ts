/** A picture and a spreadsheet on disk, as the weekly chart and an export leave them, to send. */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Attachment } from '../../../src/pipeline/message';
import { scratchDir } from '../../support/scratch';

export interface SampleFiles {
  dir: string;
  chart: Attachment;
  sheet: Attachment;
  bytes(a: Attachment): Buffer;
}

export async function sampleFiles(): Promise<SampleFiles> {
  const dir = scratchDir('huitouke-send-');
  const png = join(dir, 'store1_周报_2026-11-16.png');
  copyFileSync(join(__dirname, '../../../docs/weekly-chart-sample.png'), png);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('客户').addRows([
    ['姓名', '电话'],
    ['张总', '13800138000'],
  ]);
  const xlsx = join(dir, '导出_2026-11.xlsx');
  await wb.xlsx.writeFile(xlsx);
  return {
    dir,
    chart: {
      kind: 'image',
      path: png,
      name: '周报_2026-11-16.png',
      caption: '上周(11月16日至22日)\n营业额¥38,200,比前一周+12%',
    },
    sheet: { kind: 'file', path: xlsx, name: '客户_2026-11.xlsx', caption: '已导出 客户档案 1位' },
    bytes: (a) => readFileSync(a.path),
  };
}
