/**
 * 撤销 of a new customer's only visit (issue 15): the archive that visit made goes with it, from
 * every list, export and transfer, while the undone visit and an event keep the record. An archive
 * with facts typed in another message stays.
 */
import ExcelJS from 'exceljs';
import { differences } from '../support/consistency';
import { openScenario, type Scenario } from '../support/replay';
import { dm, staff, tick } from '../support/events';

const NIGHT = '2026-11-22T21:00:00+08:00';
const LATER = '2026-11-22T21:05:00+08:00';
const MORNING = '2026-11-23T09:30:00+08:00';

async function exportedNames(s: Scenario): Promise<string[]> {
  const [out] = await s.run(dm('boss', '导出 客户', LATER));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out.attachment!);
  const names: string[] = [];
  wb.getWorksheet('客户')!.eachRow((r, i) => i > 1 && names.push(String(r.getCell(1).value)));
  return names;
}

describe('撤销 a new customer’s only visit', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), staff('li', '小李'), staff('boss', '陈店长', 'manager'));
    await s.run({ group: { id: 'g1' } }, dm('wang', '张总 今晚 3人 消费2800', NIGHT));
  });
  afterEach(() => s.close());

  it('removes the empty archive everywhere and keeps the record', async () => {
    await s.run(dm('wang', '上官总 今晚 2人 1600 电话13911117777', NIGHT));
    expect(await s.say(dm('wang', '撤销', LATER))).toEqual([
      '已撤销 上官总 11月22日 ¥1,600\n上官总的档案是这条新建的,已一并删除',
    ]);
    expect(await s.say(dm('wang', '查 上官总', LATER))).toEqual(['还没有上官总的档案']);
    const [mine] = await s.say(dm('wang', '我的客户', LATER));
    expect(mine).not.toContain('上官总');
    expect(mine).toContain('张总');
    expect(await exportedNames(s)).toEqual(['张总']);
    expect(await s.say(dm('boss', '把上官总转给小李', LATER))).toEqual(['没有找到上官总']);
    expect(await s.say(dm('boss', '小王离职 客户转给小李', LATER))).toEqual([
      '小王的1位客户已转给小李',
      '陈店长把张总转给了你,以后由你跟进',
    ]);
    expect((await s.say(tick(MORNING))).join('\n')).not.toContain('上官总');
    // Kept for the record: the undone visit with its correction, and an event on the archive.
    const visit = await s.db.models.Visit.findOne({ text: /上官总/ }).lean();
    expect(visit).toMatchObject({ status: 'undone', changes: [{ kind: 'undo' }] });
    const events = await s.db.models.CustomerEvent.find({ customerId: visit!.customerId }).lean();
    expect(events.map((e) => e.kind)).toEqual(['removed']);
    expect(await differences(s.db.models)).toEqual([]);
    // The name is free: the next visit makes a new archive.
    expect((await s.say(dm('wang', '上官总 今晚 2人 1800', LATER)))[0]).toMatch(/^已记录 上官总/);
    expect((await s.say(dm('wang', '查 上官总', LATER)))[0]).toMatch(/来过1次 累计¥1,800/);
  });

  it('keeps an archive with facts typed in another message', async () => {
    await s.run(dm('wang', '上官总 爱喝茅台', '2026-11-22T20:00:00+08:00'));
    await s.run(dm('wang', '上官总 今晚 2人 1600', NIGHT));
    expect(await s.say(dm('wang', '撤销', LATER))).toEqual(['已撤销 上官总 11月22日 ¥1,600']);
    const [card] = await s.say(dm('wang', '查 上官总', LATER));
    expect(card).toMatch(/^上官总 /);
    expect(card).toContain('茅台');
    expect(await differences(s.db.models)).toEqual([]);
  });

  it('keeps an archive whose earlier visits remain', async () => {
    await s.run(dm('wang', '张总 今晚 2人 900', LATER));
    expect(await s.say(dm('wang', '撤销', LATER))).toEqual(['已撤销 张总 11月22日 ¥900']);
    expect((await s.say(dm('wang', '查 张总', LATER)))[0]).toContain('来过1次 累计¥2,800');
  });
});
