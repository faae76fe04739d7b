/** Customer sheets the way stores really keep them, written with exceljs for the import tests. */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { scratchDir } from '../support/scratch';

export const tempDir = () => scratchDir('huitouke-import-');

/** Seed 004's archive with a title row, its own header words and messy cells. */
export const MESSY_HEADER = [
  '客户姓名',
  '联系电话',
  '性别',
  'VIP 号码',
  '身份证号码',
  '生日(农历请注明)',
  '累计消费(元)',
  '消费次数',
  '每次购买的时间',
  '每次消费明细',
  '每次的接待人员',
  '赠送详情',
  '回访详情',
  '飞信开启状态',
];

export const MESSY_ROWS: unknown[][] = [
  // Phone with spaces and +86, a real Excel date, a number total: an old A customer.
  [
    '张总',
    '+86 138 0013 8000',
    '男',
    'V001',
    '110101198001010011',
    new Date(Date.UTC(1980, 2, 8)),
    128000,
    24,
    '2026-10-02;2026-11-18',
    '5200, 3,500',
    '小李、小王',
    '生日送红酒',
    '11/19 已回访 很满意',
    '是',
  ],
  // Phone typed as a number, lunar birthday in words, money with ¥ and commas, count with 次.
  [
    '李姐',
    13912345678,
    '女',
    '',
    '',
    '农历八月十五',
    '¥12,800',
    '8次',
    '2025/12/24',
    '',
    '小王',
    '',
    '',
    '',
  ],
  // Dashes in the phone, 1.2万, a lunar birthday written with digits and a mark.
  [
    '王老板',
    '137-0000-1111',
    '',
    '',
    '',
    '1975.9.9(农历)',
    '1.2万',
    '',
    '',
    '',
    '小赵',
    '',
    '',
    '',
  ],
  // No phone, an Excel serial date birthday, nothing spent yet.
  ['陈先生', '', '男', '', '', 31048, '', '', '', '', '', '', '', ''],
  // Blank line in the middle of the sheet.
  ['', '', '', '', '', '', '', '', '', '', '', '', '', ''],
  // Failures: no name; a phone too short; a birthday nobody can read; the same phone twice.
  ['', '13800001111', '', '', '', '', 500, 1, '', '', '', '', '', ''],
  ['赵总', '1380013', '', '', '', '', 800, 1, '', '', '', '', '', ''],
  ['钱总', '13600002222', '', '', '', '下个月吧', '', '', '', '', '', '', '', ''],
  ['张建国', '13800138000', '', '', '', '', '', '', '', '', '', '', '', ''],
];

export async function writeXlsx(path: string, header: string[], rows: unknown[][], title = true) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('C类客户');
  if (title) ws.addRow(['海港店客户档案 2026年']);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
  return path;
}

/** A CSV saved by Excel in China: GBK-encoded. Only characters GBK has, encoded by hand. */
export function writeGbkCsv(path: string, lines: string[]): string {
  const text = lines.join('\r\n');
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...gbk(ch));
  }
  writeFileSync(path, Buffer.from(bytes));
  return path;
}

/** GBK bytes of one character, found by decoding the two-byte range once. */
let table: Map<string, number[]> | undefined;
function gbk(ch: string): number[] {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        const s = dec.decode(Buffer.from([a, b]));
        if (!table.has(s)) table.set(s, [a, b]);
      }
  }
  const found = table.get(ch);
  if (!found) throw new Error(`no GBK code for ${ch}`);
  return found;
}
