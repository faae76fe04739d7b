import { join } from 'node:path';
import { verifyStore } from '../../src/archive/verify';
import { previewImport, runImport } from '../../src/import';
import type { StoreDoc } from '../../src/model/store';
import { openScenario, type Scenario } from '../support/replay';
import { dm, staff } from '../support/events';
import { MESSY_HEADER, MESSY_ROWS, tempDir, writeGbkCsv, writeXlsx } from './sheets';

const TODAY = '2026-11-22';

describe('importing a store’s own customer sheet', () => {
  let s: Scenario;
  let store: StoreDoc;
  let file: string;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(staff('wang', '小王'), staff('li', '小李'), staff('boss', '陈店长', 'manager'));
    await s.run(dm('wang', '李姐 11月20日 2人 800 电话13912345678'));
    store = (await s.db.models.Store.findOne({ code: 'main' }))!;
    file = await writeXlsx(join(tempDir(), '客户档案.xlsx'), MESSY_HEADER, MESSY_ROWS);
  });
  afterEach(() => s.close());

  it('shows what would happen first, with a reason for every row it cannot take', async () => {
    const { text } = await previewImport(s.db.models, store, file);
    expect(text.split('\n')).toEqual([
      '导入预览「客户档案.xlsx」:共8行',
      '将新建3位 · 更新1位 · 无变化0位 · 失败4行',
      '失败的行(不会导入):',
      '第8行:没有姓名',
      '第9行 赵总:电话「1380013」不是手机号',
      '第10行 钱总:生日「下个月吧」看不懂',
      '第11行 张建国:和第3行是同一位客户',
      '接待人员不是本店员工,这些客户先不分负责人:小赵',
      '没有导入的列:身份证号码、飞信开启状态',
    ]);
    expect(await s.db.models.Customer.countDocuments()).toBe(1);
  });

  it('imports, reading messy phones, dates and lunar birthdays', async () => {
    const { text } = await runImport(s.db.models, store, file, TODAY);
    expect(text).toBe('已导入:新建3位,更新1位(失败4行未导入)');
    const byName = async (name: string) => (await s.db.models.Customer.findOne({ name }).lean())!;
    const zhang = await byName('张总');
    expect(zhang.phones).toEqual(['13800138000']);
    expect(zhang.birthday).toEqual({ calendar: 'solar', month: 3, day: 8, year: 1980 });
    expect(zhang.vipNumber).toBe('V001');
    expect(zhang.notes).toEqual(['赠送: 生日送红酒', '回访: 11/19 已回访 很满意']);
    expect(zhang.opening).toEqual({
      visits: 24,
      spend: 128000,
      firstVisit: '2026-10-02',
      lastVisit: '2026-11-18',
      lastAmount: 3500,
    });
    const wangId = (await s.db.models.Staff.findOne({ name: '小王' }))!._id;
    expect(String(zhang.ownerId)).toBe(String(wangId));
    expect((await byName('李姐')).birthday).toEqual({ calendar: 'lunar', month: 8, day: 15 });
    const boss = await byName('王老板');
    expect(boss.phones).toEqual(['13700001111']);
    expect(boss.birthday).toEqual({ calendar: 'lunar', month: 9, day: 9, year: 1975 });
    expect(boss.opening?.spend).toBe(12000);
    expect(boss.ownerId).toBeUndefined();
    expect((await byName('陈先生')).birthday).toEqual({
      calendar: 'solar',
      month: 1,
      day: 1,
      year: 1985,
    });
    // Found by every name, phone, owner, birthday and opening day the archives now hold.
    expect(await verifyStore(s.db.models, store, TODAY)).toEqual([]);
  });

  it('counts historic totals in stats and tiers, and finds imported customers by phone', async () => {
    await runImport(s.db.models, store, file, TODAY);
    const [card] = await s.say(dm('boss', '查 张总'));
    expect(card).toContain('张总 · A类(最近一次消费¥3,500)');
    expect(card).toContain('来过24次 累计¥128,000 平均¥5,333');
    // 李姐 came once since the bot started, and eight times before: no longer a new customer.
    const [li] = await s.say(dm('boss', '查 李姐'));
    expect(li).toContain('李姐 · C类');
    expect(li).toContain('来过9次 累计¥13,600');
    expect(li).toMatch(/首次 2025年12月24日|首次 12月24日/);
    const [tiers] = await s.say(dm('boss', '全店A类客户'));
    expect(tiers).toContain('全店A类客户共1位');
  });

  it('creates no duplicates when the same sheet comes again', async () => {
    await runImport(s.db.models, store, file, TODAY);
    const again = await previewImport(s.db.models, store, file);
    expect(again.text.split('\n')[1]).toBe('将新建0位 · 更新0位 · 无变化4位 · 失败4行');
    const second = await runImport(s.db.models, store, file, TODAY);
    expect(second.done).toEqual({ created: 0, updated: 0 });
    expect(await s.db.models.Customer.countDocuments()).toBe(4);
  });

  it('updates what changed in a later version of the sheet, matching by name and owner', async () => {
    await runImport(s.db.models, store, file, TODAY);
    const later = MESSY_ROWS.slice(0, 4).map((r) => [...r]);
    later[3][6] = 3000; // 陈先生 spent since
    later[3][7] = 2;
    const next = await writeXlsx(join(tempDir(), 'v2.xlsx'), MESSY_HEADER, later, false);
    const { text } = await previewImport(s.db.models, store, next);
    expect(text.split('\n')[1]).toBe('将新建0位 · 更新1位 · 无变化3位 · 失败0行');
    await runImport(s.db.models, store, next, TODAY);
    const chen = await s.db.models.Customer.findOne({ name: '陈先生' }).lean();
    expect(chen?.stats).toMatchObject({ visits: 2, totalSpend: 3000 });
    expect(await s.db.models.Customer.countDocuments()).toBe(4);
  });

  it('reads a GBK-encoded CSV with its own header words', async () => {
    const csv = writeGbkCsv(join(tempDir(), '客户.csv'), [
      '姓名,手机,生日,消费金额,到店次数,服务员',
      '孙总,139 0000 3333,1982年6月1日,"6,800",3,小李',
      '周姐,0571-88886666,农历正月初八,800,1,',
    ]);
    const { text } = await runImport(s.db.models, store, csv, TODAY);
    expect(text).toBe('已导入:新建2位,更新0位');
    const sun = await s.db.models.Customer.findOne({ name: '孙总' }).lean();
    expect(sun?.phones).toEqual(['13900003333']);
    expect(sun?.stats).toMatchObject({ visits: 3, totalSpend: 6800 });
    const zhou = await s.db.models.Customer.findOne({ name: '周姐' }).lean();
    expect(zhou?.phones).toEqual(['057188886666']);
    expect(zhou?.birthday).toEqual({ calendar: 'lunar', month: 1, day: 8 });
  });
});
