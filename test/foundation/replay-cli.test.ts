import { runScript } from '../support/process';

const NOW = '2026-11-22T21:40:00+08:00';
const scenario = [
  { staff: { id: 'wang', name: '小王', role: 'staff' } },
  { group: { id: 'g1', name: '前厅群' } },
  {
    now: NOW,
    from: 'wang',
    chat: 'g1',
    chatType: 'group',
    id: 'm1',
    mentioned: false,
    text: '张总 今晚 3人 消费2800',
  },
  {
    now: NOW,
    from: 'wang',
    chat: 'g1',
    chatType: 'group',
    id: 'm1',
    mentioned: false,
    text: '张总 今晚 3人 消费2800',
  },
  { now: NOW, from: 'wang', chat: 'g1', chatType: 'group', text: '收到' },
  { now: NOW, from: 'stranger', chat: 'g1', chatType: 'group', text: '李总 今晚 2人 1200' },
  { now: NOW, from: 'wang', text: '李总 今晚 2人 1200' },
  { now: '2026-11-23T09:30:00+08:00', tick: true },
];

describe('npm run replay', () => {
  it('prints one JSON line per message the bot sends, and nothing else', async () => {
    const input = scenario.map((e) => JSON.stringify(e)).join('\n') + '\nnot json\n';
    const run = await runScript('scripts/replay.ts', input);
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map(({ line, chat, to }) => ({ line, chat, to }))).toEqual([
      { line: 3, chat: 'g1', to: null },
      { line: 7, chat: 'wang', to: 'wang' },
      { line: 8, chat: 'g1', to: null },
      { line: 8, chat: 'wang', to: 'wang' },
    ]);
    expect(lines[0]).toEqual({
      line: 3,
      now: NOW,
      chat: 'g1',
      to: null,
      text: expect.stringContaining('已记录 张总'),
    });
    expect(lines[2].text).toContain('2桌 5人 ¥4,000');
    expect(run.stderr).toContain('line 9');
  }, 30_000);

  it('starts from an empty database on every run', async () => {
    const input = JSON.stringify(scenario[0]) + '\n' + JSON.stringify(scenario[6]) + '\n';
    const a = await runScript('scripts/replay.ts', input);
    const b = await runScript('scripts/replay.ts', input);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).text).toContain('新客户');
  }, 30_000);
});
