import ExcelJS from 'exceljs';
import { openScenario, type Scenario } from '../support/replay';
import { dm, staff, tick } from '../support/events';
import { inGroup } from '../queries/helpers';

/** Every sheet as rows of cell texts, header first. */
async function sheetsOf(path: string): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: Record<string, string[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow((row) =>
      rows.push(
        Array.from(row.values as unknown[])
          .slice(1)
          .map((v) => (v === undefined || v === null ? '' : String(v))),
      ),
    );
    out[ws.name] = rows;
  }
  return out;
}

const column = (rows: string[][], header: string) =>
  rows.slice(1).map((r) => r[rows[0].indexOf(header)]);

describe('导出: a spreadsheet for managers', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), staff('boss', '陈店长', 'manager'), { group: { id: 'g1' } });
    await s.run(
      dm('wang', '张总 11月3日 3人 2800 牡丹厅 电话13800138000', '2026-11-03T22:00:00+08:00'),
      dm('wang', '李姐 10月28日 2人 800', '2026-10-28T21:00:00+08:00'),
      dm('wang', '张总 今晚 4人 6200', '2026-11-20T21:00:00+08:00'),
      tick('2026-11-21T09:30:00+08:00'),
      dm('wang', '已回访 张总 很满意 下周还来', '2026-11-21T11:00:00+08:00'),
    );
  });
  afterAll(() => s.close());

  it('sends managers a workbook of customers, visits and follow-ups with Chinese headers', async () => {
    const [out] = await s.run(dm('boss', '导出 本月'));
    expect(out.text).toMatch(
      /^已导出 本月\(11月1日至22日\):客户2位、消费2条、回访记录\n文件:.*\.xlsx$/,
    );
    const book = await sheetsOf(out.attachment!);
    expect(Object.keys(book)).toEqual(['客户', '消费记录', '回访记录']);
    const customers = book['客户'];
    expect(customers[0].slice(0, 10)).toEqual([
      '姓名',
      '性别',
      '电话',
      'VIP号码',
      '地址',
      '生日',
      '积分',
      '累计消费',
      '消费次数',
      '平均消费',
    ]);
    const zhang = customers.find((r) => r[0] === '张总')!;
    expect(zhang[2]).toBe('13800138000');
    expect(zhang.slice(7, 13)).toEqual(['9000', '2', '4500', '2026-11-03', '2026-11-20', 'A类']);
    expect(zhang[customers[0].indexOf('负责人')]).toBe('小王');
    expect(book['消费记录'].slice(1).map((r) => r.slice(0, 6))).toEqual([
      ['2026-11-03', '', '张总', '3', '2800', '牡丹厅'],
      ['2026-11-20', '晚市', '张总', '4', '6200', ''],
    ]);
    expect(book['回访记录'][1]).toEqual([
      '2026-11-21',
      '张总',
      '消费后回访(2026-11-20消费)',
      '已回访',
      '',
      '很满意 下周还来',
      '小王',
    ]);
  });

  it('masks phones when asked in a group, and exports the archive alone for 导出 客户', async () => {
    const [group] = await s.run(inGroup('boss', '导出 客户'));
    expect(group.text).toMatch(/^已导出 客户档案 2位\(群里导出的电话已打码\)/);
    const book = await sheetsOf(group.attachment!);
    expect(Object.keys(book)).toEqual(['客户']);
    expect(column(book['客户'], '电话')).toContain('138****8000');
  });

  it('masks the phone in every column of every sheet of a group export, and not in a direct one', async () => {
    const [group] = await s.run(inGroup('boss', '导出 本月'));
    const book = await sheetsOf(group.attachment!);
    expect(Object.keys(book)).toEqual(['客户', '消费记录', '回访记录']);
    const cells = Object.values(book).flat(2);
    expect(cells.filter((c) => c.includes('13800138000'))).toEqual([]);
    expect(column(book['消费记录'], '原话')).toContain(
      '张总 11月3日 3人 2800 牡丹厅 电话138****8000',
    );
    const [direct] = await s.run(dm('boss', '导出 本月'));
    const full = await sheetsOf(direct.attachment!);
    expect(column(full['消费记录'], '原话')).toContain(
      '张总 11月3日 3人 2800 牡丹厅 电话13800138000',
    );
  });

  it('is for managers only', async () => {
    expect(await s.say(dm('wang', '导出 本月'))).toEqual(['导出只有店长和管理员能用']);
  });
});
