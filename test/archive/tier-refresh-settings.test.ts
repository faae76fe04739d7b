/**
 * Tier refresh follows the store's own rules (issue 15): with 连续6周 and 新客90天 a tier changes
 * with time on the day the rule says, and an imported customer's dated opening balance ages too.
 * Daily mornings through the whole bot; the owner's 客户分级变化 message says when.
 */
import { join } from 'node:path';
import { openScenario, type Scenario } from '../support/replay';
import { addDays } from '../../src/time/business-day';
import { dm, staff, tick } from '../support/events';
import { tempDir, writeXlsx } from '../import/sheets';

const START = '2026-10-01';
const at = (day: string, time: string) => `${day}T${time}:00+08:00`;

/** 孔总 comes weekly, 褚总 once; the days they come (offsets from START). */
const KONG_DAYS = [0, 8, 15, 22, 29, 36];

describe('tier refresh with the store’s own windows', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await openScenario();
    await s.run(staff('root', '老板', 'admin'), staff('wang', '小王'), { group: { id: 'g1' } });
    for (const setting of [
      '设置 A类连续 6',
      '设置 A类次数 10',
      '设置 A类单次 10000',
      '设置 B类单次 8000',
      '设置 新客天数 90',
    ])
      expect((await s.say(dm('root', setting, at(START, '08:00'))))[0]).toMatch(/→/);
  }, 60_000);
  afterAll(() => s.close());

  it('changes each tier on the day its rule says, and only then', async () => {
    const sheet = await writeXlsx(
      join(tempDir(), 'sheet.xlsx'),
      ['姓名', '电话', '累计消费', '消费次数', '最近一次消费', '每次消费明细', '接待人员'],
      [['欧阳总', '13911118888', 6000, 1, START, '6000', '小王']],
    );
    await s.run({
      now: at(START, '10:00'),
      from: 'root',
      id: 'f1',
      file: { name: 'a.xlsx', path: sheet },
    });
    await s.run(dm('root', '确认导入', at(START, '10:05')));
    const changes = new Map<string, string[]>();
    for (let d = 0; d <= 92; d++) {
      const day = addDays(START, d);
      if (d > 0)
        for (const o of await s.run(tick(at(day, '09:30'))))
          if (o.to === 'wang' && o.text.startsWith('客户分级变化'))
            for (const line of o.text.split('\n').slice(1))
              changes.set(line.split(' ')[0], [
                ...(changes.get(line.split(' ')[0]) ?? []),
                `${d} ${line}`,
              ]);
      if (KONG_DAYS.includes(d)) await s.run(dm('wang', '孔总 今晚 2人 300', at(day, '21:00')));
      if (d === 0) await s.run(dm('wang', '褚总 今晚 2人 500', at(day, '21:00')));
    }
    // The oldest visit leaves the sixth week at 42 days: the streak is gone (no edge of 7/14/21/30).
    expect(changes.get('孔总')?.[0]).toBe('42 孔总 降为B类: 近30天来了4次');
    // New for 90 days, then an ordinary customer.
    expect(changes.get('褚总')).toEqual(['90 褚总 降为C类: 近30天消费¥0、来了0次,未达B类']);
    // The sheet's last visit leaves the 30-day window, then the 90 new-customer days end.
    expect(changes.get('欧阳总')).toEqual([
      '30 欧阳总 降为D类: 新客户,90天内首次到店',
      '90 欧阳总 降为C类: 近30天消费¥0、来了0次,未达B类',
    ]);
  }, 300_000);
});
