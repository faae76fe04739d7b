import { openScenario, type Scenario } from '../support/replay';

const wang = { staff: { id: 'wang', name: '小王', role: 'staff' } };
const group = { group: { id: 'g1', name: '前厅群' } };
const visit = (now: string, text: string) => ({ now, from: 'wang', text });

describe('the morning briefing', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario({ STORE_NAME: '海港店' });
    await s.run(wang, group);
  });
  afterEach(() => s.close());

  it('sends yesterday in numbers to the team group once, at or after the time', async () => {
    await s.run(
      visit('2026-11-21T20:00:00+08:00', '张总 今晚 3人 消费2800'),
      visit('2026-11-21T21:00:00+08:00', '李姐 今晚 2人 1200'),
    );
    expect(await s.run({ now: '2026-11-22T09:29:00+08:00', tick: true })).toEqual([]);
    const sent = await s.run({ now: '2026-11-22T09:30:00+08:00', tick: true });
    expect(sent.map((o) => [o.chat, o.to])).toEqual([
      ['g1', null],
      ['wang', 'wang'],
    ]);
    expect(sent[0].text).toContain('【海港店 早报】11月22日');
    expect(sent[0].text).toContain('2桌 5人 ¥4,000');
    expect(sent[0].text).toContain('新客 2位');
    expect(sent[0].text).toContain('小王 2位: 张总、李姐');
    expect(sent[1].text).toMatch(/^小王 11月22日 待回访 2位/);
    expect(await s.run({ now: '2026-11-22T12:00:00+08:00', tick: true })).toEqual([]);
  });

  it('sends a missed briefing when the bot comes back the same day, never for a past day', async () => {
    const late = await s.run({ now: '2026-11-22T15:00:00+08:00', tick: true });
    expect(late.map((o) => o.chat)).toEqual(['g1']);
    expect(await s.run({ now: '2026-11-24T08:00:00+08:00', tick: true })).toEqual([]);
    const today = await s.run({ now: '2026-11-24T09:31:00+08:00', tick: true });
    expect(today.map((o) => o.chat)).toEqual(['g1']);
    expect(today[0].text).toContain('【海港店 早报】11月24日');
  });
});
