import { withActionsAsText } from '../../adapters/shared/actions-text';
import { partsOf } from '../../adapters/shared/outbox';
import { createLanes } from '../../adapters/shared/lanes';
import { acquire, TokenBucket, type Clock } from '../../adapters/shared/rate-limit';
import { splitText } from '../../adapters/shared/split';

/** Time that only moves when a send waits: what the limiter decides, without wall-clock flakiness. */
function fakeClock(): Clock & { t: number } {
  const c = {
    t: 0,
    now: () => c.t,
    sleep: async (ms: number) => void (c.t += ms),
  };
  return c;
}

describe('splitText', () => {
  it('keeps a short text whole', () => {
    expect(splitText('张总 今晚 3人', 10)).toEqual(['张总 今晚 3人']);
    expect(splitText('', 10)).toEqual(['']);
  });

  it('cuts at the last line break that fits, dropping that break', () => {
    expect(splitText('aaaa\nbbbb\ncccc', 10)).toEqual(['aaaa\nbbbb', 'cccc']);
  });

  it('cuts inside a line only when one line is longer than the limit, never inside an emoji', () => {
    expect(splitText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(splitText('abc😀de', 4)).toEqual(['abc', '😀de']);
  });
});

describe('rate limit', () => {
  it('lets max sends through per window and makes the next wait for the oldest to age out', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ max: 3, perMs: 1000 });
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      await acquire([bucket], clock);
      times.push(clock.t);
      clock.t += 10; // each send takes a little time
    }
    expect(times).toEqual([0, 10, 20, 1000, 1010, 1020, 2000]);
  });

  it('honours every bucket at once (per minute and per hour)', async () => {
    const clock = fakeClock();
    const buckets = [
      new TokenBucket({ max: 2, perMs: 60_000 }),
      new TokenBucket({ max: 3, perMs: 3_600_000 }),
    ];
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      await acquire(buckets, clock);
      times.push(clock.t);
    }
    expect(times).toEqual([0, 0, 60_000, 3_600_000]);
  });
});

describe('lanes', () => {
  it('runs one key in order, other keys alongside, and goes on after a failure', async () => {
    const lanes = createLanes();
    const log: string[] = [];
    const step =
      (name: string, ms: number, fail = false) =>
      async () => {
        await new Promise((res) => setTimeout(res, ms));
        log.push(name);
        if (fail) throw new Error(name);
      };
    const a1 = lanes.run('a', step('a1', 30, true));
    void lanes.run('a', step('a2', 0));
    void lanes.run('b', step('b1', 5));
    await expect(a1).rejects.toThrow('a1');
    await lanes.idle();
    expect(log).toEqual(['b1', 'a1', 'a2']);
    expect(lanes.pending).toBe(0);
  });
});

describe('buttons for the lines of a list', () => {
  const group = (n: string) => `1. ${n}(A) 回访·第1天`;
  const msg = {
    platform: 'x',
    chatId: 'c',
    chatType: 'direct' as const,
    to: 'c',
    text: '小王 11月22日 待回访 2位 2项',
    actions: [
      { label: '已回访', command: '已回访 张总', group: group('张总') },
      { label: '跳过', command: '跳过 张总', group: group('张总') },
      { label: '已回访', command: '已回访 李姐', group: group('李姐') },
    ],
  };

  it('go out as one part per customer after the text, where there are buttons', () => {
    expect(partsOf(msg, 4000)).toEqual([
      { text: msg.text },
      { text: group('张总'), actions: msg.actions.slice(0, 2) },
      { text: group('李姐'), actions: msg.actions.slice(2) },
    ]);
  });

  it('become one example line where there are none', () => {
    expect(withActionsAsText(msg)).toBe(
      `${msg.text}\n· 回复「已回访 张总」「跳过 张总」,其他客人一样`,
    );
  });
});
