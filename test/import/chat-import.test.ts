import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createReplayer } from '../../src/replay/replayer';
import { openScenario, type Scenario } from '../support/replay';
import { dm, NOW, staff } from '../support/events';
import { MESSY_HEADER, MESSY_ROWS, tempDir, writeXlsx } from './sheets';

/** A direct message carrying a file, as an adapter hands it over. */
const sendFile = (from: string, path: string, name: string, id: string, now = NOW) => ({
  now,
  from,
  id,
  file: { name, path },
});

const LATER = '2026-11-22T21:50:00+08:00';
const TOO_LATE = '2026-11-22T22:20:00+08:00';

describe('导入: an admin sends the customer sheet to the bot', () => {
  let s: Scenario;
  let sheet: string;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(staff('admin', '王经理', 'admin'), staff('wang', '小王'), staff('li', '小李'));
    await s.run(staff('boss', '陈店长', 'manager'));
    await s.run(dm('wang', '李姐 11月20日 2人 800 电话13912345678'));
    sheet = await writeXlsx(join(tempDir(), 'upload-1'), MESSY_HEADER, MESSY_ROWS);
  });
  afterEach(() => s.close());

  const customers = async () =>
    (await s.db.models.Customer.find().sort({ name: 1 }).lean()).map((c) => c.name);

  it('previews the sheet, and imports it on 确认导入 only once', async () => {
    const [preview] = await s.say(sendFile('admin', sheet, '客户档案.xlsx', 'f1'));
    // The dry run of `npm run import` (import.test.ts reads it line by line), then the question.
    const lines = preview.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '导入预览「客户档案.xlsx」:共8行',
      '将新建3位 · 更新1位 · 无变化0位 · 失败4行',
      '失败的行(不会导入):',
    ]);
    expect(lines).toContain('第9行 赵总:电话「1380013」不是手机号');
    expect(lines.at(-1)).toBe('确认无误请回复「确认导入」(30分钟内有效)');
    expect(await customers()).toEqual(['李姐']);

    // The platform delivers the confirmation twice (same id), and the admin says it again.
    const confirm = { ...dm('admin', '确认导入', LATER), id: 'c1' };
    expect(await s.say(confirm)).toEqual(['已导入:新建3位,更新1位(失败4行未导入)']);
    expect(await s.say(confirm)).toEqual([]);
    expect(await s.say(dm('admin', '确认导入', LATER))).toEqual([
      '没有待确认的导入,请先把客户表(.xlsx 或 .csv)发给我',
    ]);
    expect(await customers()).toEqual(['张总', '李姐', '王老板', '陈先生']);
    const li = await s.db.models.Customer.findOne({ name: '李姐' }).lean();
    expect(li?.phones).toEqual(['13912345678']);
  });

  it('takes the same sheet delivered twice as one message, and a second sending as no news', async () => {
    await s.run(sendFile('admin', sheet, '客户档案.xlsx', 'f1'));
    expect(await s.say(sendFile('admin', sheet, '客户档案.xlsx', 'f1'))).toEqual([]);
    await s.run(dm('admin', '确认导入', LATER));
    const [again] = await s.say(sendFile('admin', sheet, '客户档案.xlsx', 'f2', LATER));
    expect(again.split('\n')[1]).toBe('将新建0位 · 更新0位 · 无变化4位 · 失败4行');
    expect(again).toMatch(/没有要导入的新内容$/);
    expect(await s.say(dm('admin', '确认导入', LATER))).toEqual([
      '没有待确认的导入,请先把客户表(.xlsx 或 .csv)发给我',
    ]);
    expect(await s.db.models.Customer.countDocuments()).toBe(4);
  });

  it('keeps the preview across a restart of the bot', async () => {
    await s.run(sendFile('admin', sheet, '客户档案.xlsx', 'f1'));
    const store = (await s.db.models.Store.findOne({ code: 'main' }))!;
    const restarted = createReplayer(s.db.services, store);
    const out = await restarted.feed(dm('admin', '确认导入', LATER), 1);
    expect(out.map((o) => o.text)).toEqual(['已导入:新建3位,更新1位(失败4行未导入)']);
  });

  it('lets the preview expire after 30 minutes', async () => {
    await s.run(sendFile('admin', sheet, '客户档案.xlsx', 'f1'));
    expect(await s.say(dm('admin', '确认导入', TOO_LATE))).toEqual([
      '预览已超过30分钟,请重新发送客户表',
    ]);
    expect(await customers()).toEqual(['李姐']);
  });

  it('refuses staff and managers, and answers a file that is not a sheet', async () => {
    expect(await s.say(sendFile('wang', sheet, '客户档案.xlsx', 'f1'))).toEqual([
      '导入客户表只有管理员能用',
    ]);
    expect(await s.say(sendFile('boss', sheet, '客户档案.xlsx', 'f2'))).toEqual([
      '导入客户表只有管理员能用',
    ]);
    expect(await s.say(dm('wang', '确认导入'))).toEqual(['导入客户表只有管理员能用']);
    const photo = join(tempDir(), 'photo');
    writeFileSync(photo, 'not a sheet');
    expect(await s.say(sendFile('admin', photo, '菜单.jpg', 'f3'))).toEqual([
      '只能导入 .xlsx 或 .csv 客户表,别的文件我看不了',
    ]);
    expect(await s.say(sendFile('admin', photo, '旧表.xls', 'f4'))).toEqual([
      '只能导入 .xlsx 或 .csv 文件(旧的 .xls 请在 Excel 里另存为 .xlsx)',
    ]);
    expect(await customers()).toEqual(['李姐']);
  });

  it('ignores a sheet dropped into a group', async () => {
    const inGroup = {
      ...sendFile('admin', sheet, '客户档案.xlsx', 'f1'),
      chatType: 'group',
      chat: 'g1',
    };
    expect(await s.say(inGroup)).toEqual([]);
  });
});
