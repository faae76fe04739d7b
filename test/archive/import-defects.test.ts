/**
 * Issue 15's import defects, replayed through the whole bot: an admin sends an old sheet, then
 * staff look the customers up, list them, export them and get the morning briefing.
 */
import { join } from 'node:path';
import { openScenario, type Scenario } from '../support/replay';
import { dm, NOW, staff, tick } from '../support/events';
import { tempDir, writeXlsx } from '../import/sheets';

const LATER = '2026-11-22T21:50:00+08:00';

const sendFile = (from: string, path: string, id: string, now = NOW) => ({
  now,
  from,
  id,
  file: { name: '客户档案.xlsx', path },
});

async function importSheet(s: Scenario, header: string[], rows: unknown[][]) {
  const path = await writeXlsx(join(tempDir(), 'sheet.xlsx'), header, rows);
  await s.run(sendFile('admin', path, `f${Math.random()}`));
  return s.say(dm('admin', '确认导入', LATER));
}

describe('imported customers', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(staff('admin', '王经理', 'admin'), staff('wang', '小王'));
    await s.run(staff('boss', '陈店长', 'manager'), { group: { id: 'g1' } });
  });
  afterEach(() => s.close());

  it('without dates have a working card, list, export and briefing', async () => {
    expect(
      await importSheet(
        s,
        ['姓名', '电话', '累计消费', '消费次数', '接待人员'],
        [['司马先生', '13911112222', 36000, 12, '小王']],
      ),
    ).toEqual(['已导入:新建1位,更新0位']);
    const [card] = await s.say(dm('wang', '查 司马先生', LATER));
    expect(card).toMatch(/^司马先生 · C类/);
    expect(card).toContain('来过12次 累计¥36,000 平均¥3,000');
    expect(card).not.toMatch(/出错了|undefined|NaN/);
    const [mine] = await s.say(dm('wang', '我的客户', LATER));
    expect(mine).toContain('司马先生');
    expect(mine).not.toMatch(/出错了|undefined|NaN/);
    const exported = await s.run(dm('boss', '导出 客户', LATER));
    expect(exported.map((o) => o.text).join('\n')).not.toMatch(/出错了/);
    const morning = await s.say(tick('2026-11-23T09:30:00+08:00'));
    expect(morning.join('\n')).not.toMatch(/出错了|undefined|NaN/);
  });

  it('reads 最近一次消费 as the last visit of the opening balance', async () => {
    await importSheet(
      s,
      ['客户姓名', '手机', '累计消费', '消费次数', '最近一次消费'],
      [['上官总', '13911113333', 52000, 10, '2026-11-10']],
    );
    const [card] = await s.say(dm('boss', '查 上官总', LATER));
    expect(card).toContain('上次 11月10日(12天前)');
    expect(card).toContain('近30天 1次');
  });

  it('trims spaces inside names on import and on lookup, keeping one between English words', async () => {
    await importSheet(
      s,
      ['姓名', '电话', '累计消费', '消费次数'],
      [
        [' 欧阳 娜娜 ', '13911114444', 8000, 4],
        ['诸葛\u3000亮', '13911115555', 3000, 2],
        ['Tony   Wang', '13911116666', 2000, 1],
      ],
    );
    const names = (await s.db.models.Customer.find().lean()).map((c) => c.name).sort();
    expect(names).toEqual(['Tony Wang', '欧阳娜娜', '诸葛亮']);
    for (const typed of ['查 欧阳 娜娜', '查 欧阳娜娜', '查 欧阳\u3000娜娜']) {
      const [card] = await s.say(dm('boss', typed, LATER));
      expect(card).toMatch(/^欧阳娜娜 · /);
    }
    expect((await s.say(dm('boss', '查 诸葛 亮', LATER)))[0]).toMatch(/^诸葛亮 · /);
    expect((await s.say(dm('boss', '查 Tony Wang', LATER)))[0]).toMatch(/^Tony Wang · /);
  });
});
