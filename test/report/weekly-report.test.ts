import { copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { ReplayOutput } from '../../src/replay/replayer';
import { addDays } from '../../src/time/business-day';
import { openScenario, type Scenario } from '../support/replay';
import { dm, staff, tick } from '../support/events';

/** Where the last rendered chart is copied, to be looked at: README and the closing note name it. */
export const SAMPLE = join(tmpdir(), 'huitouke-weekly-chart.png');

const at = (day: string, time: string) => `${day}T${time}:00+08:00`;
const NAMES = ['张总', '李姐', '王老板', '陈先生', '赵总', '钱总', '孙总', '周姐', '吴总', '郑总'];

/** A month of a small restaurant: two tables a night, follow-ups done most mornings. */
async function replayMonth(s: Scenario): Promise<void> {
  let day = '2026-10-26';
  for (let i = 0; day <= '2026-11-22'; i++, day = addDays(day, 1)) {
    const a = NAMES[i % NAMES.length];
    const b = NAMES[(i * 3 + 1) % NAMES.length];
    await s.run(
      tick(at(day, '09:30')),
      dm('wang', `${a} 今晚 ${2 + (i % 5)}人 ${1800 + ((i * 733) % 4000)}`, at(day, '21:00')),
      dm('li', `${b} 今晚 ${3 + (i % 4)}人 ${900 + ((i * 411) % 2600)}`, at(day, '21:30')),
    );
    if (i % 3 !== 2)
      await s.run(dm('wang', `已回访 ${NAMES[(i + 9) % NAMES.length]}`, at(day, '11:00')));
  }
}

/** The PNG decoded back (resvg draws it into a canvas of its own size): RGBA bytes. */
function pixelsOf(png: Buffer, width: number, height: number): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image href="data:image/png;base64,${png.toString('base64')}" width="${width}" height="${height}"/></svg>`;
  return new Resvg(svg).render().pixels;
}

describe('周报: the week as a picture', () => {
  let s: Scenario;
  let report: ReplayOutput[];
  beforeAll(async () => {
    s = await openScenario({ STORE_NAME: '海港店' });
    await s.run(
      staff('wang', '小王'),
      staff('li', '小李'),
      staff('boss', '陈店长', 'manager'),
      staff('owner', '老板', 'admin'),
      {
        group: { id: 'g1', name: '前厅群' },
      },
    );
    await replayMonth(s);
    report = (await s.run(tick('2026-11-23T10:00:00+08:00'))).filter((o) => o.attachment);
  }, 120000);
  afterAll(() => s.close());

  it('sends the team group last week as a PNG on Monday morning', async () => {
    expect(report).toHaveLength(1);
    expect(report[0].chat).toBe('g1');
    const png = readFileSync(report[0].attachment!);
    copyFileSync(report[0].attachment!, SAMPLE);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect([width, height]).toEqual([1000, 1010 + 2 * 44 + 40]);
    expect(png.length).toBeGreaterThan(30_000);
    expect(png.length).toBeLessThan(500_000);
    const px = pixelsOf(png, width, height);
    let ink = 0;
    let orange = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200) ink++;
      if (
        Math.abs(px[i] - 0xe8) < 8 &&
        Math.abs(px[i + 1] - 0x74) < 8 &&
        Math.abs(px[i + 2] - 0x3b) < 8
      )
        orange++;
    }
    // Not blank: text and bars cover a good share, and this week's bars are drawn.
    expect(ink / (width * height)).toBeGreaterThan(0.05);
    expect(orange).toBeGreaterThan(10_000);
  });

  it('carries the same numbers as text for platforms without pictures', () => {
    const lines = report[0].text.split('\n');
    expect(lines[0]).toBe('【海港店 周报】11月16日至11月22日');
    expect(lines[1]).toMatch(/^营业额¥[\d,]+\(14桌\),比前一周[+-]\d+%|持平$/);
    expect(lines).toContain('每天营业额:');
    expect(lines.filter((l) => /^周[一二三四五六日] ¥/.test(l))).toHaveLength(7);
    expect(lines.at(-2)).toMatch(/^到店\(按分级\):A类\d+次 B类\d+次 C类\d+次 D类\d+次$/);
    expect(lines.at(-1)).toMatch(/^回访完成\(完成\/结束的回访,含跳过和过期\):小王 \d+\/\d+/);
  });

  it('comes on the day the store set, and only once', async () => {
    expect((await s.run(tick('2026-11-23T18:00:00+08:00'))).filter((o) => o.attachment)).toEqual(
      [],
    );
    expect(await s.say(dm('owner', '设置 周报 周三', '2026-11-24T09:00:00+08:00'))).toEqual([
      '周报哪天发: 周一 → 周三',
    ]);
    expect((await s.run(tick('2026-11-30T10:00:00+08:00'))).filter((o) => o.attachment)).toEqual(
      [],
    );
    const wed = (await s.run(tick('2026-12-02T10:00:00+08:00'))).filter((o) => o.attachment);
    expect(wed.map((o) => o.text.split('\n')[0])).toEqual(['【海港店 周报】11月23日至11月29日']);
  });
});
