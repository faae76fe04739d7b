import { trimmed, waitMs } from '../../src/outbox/window';

const MIN = 60_000;

describe('send windows', () => {
  const rates = [
    { max: 2, perMs: MIN },
    { max: 3, perMs: 60 * MIN },
  ];

  it('lets a send through while every window has room', () => {
    expect(waitMs(rates, [], 0)).toBe(0);
    expect(waitMs(rates, [0], 1000)).toBe(0);
  });

  it('waits until the send that fills a window leaves it, never one more in any window', () => {
    expect(waitMs(rates, [0, 1000], 2000)).toBe(MIN - 2000);
    // A full minute later the first has left: the second still counts.
    expect(waitMs(rates, [0, 1000], MIN)).toBe(0);
    // Three in the hour: the hour decides, not the minute.
    expect(waitMs(rates, [0, 1000, 2 * MIN], 3 * MIN)).toBe(60 * MIN - 3 * MIN);
  });

  it('keeps only what the longest window and the largest count need', () => {
    expect(trimmed(rates, [0, 1, 2, 3, 4], 5)).toEqual([2, 3, 4]);
    expect(trimmed(rates, [0, 61 * MIN], 61 * MIN)).toEqual([61 * MIN]);
    expect(trimmed([], [1, 2], 3)).toEqual([]);
  });
});
