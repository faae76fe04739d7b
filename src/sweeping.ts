/**
 * The sweeper's schedule (archive/sweeper.ts): once at start-up, right after the journal's
 * unfinished messages, then every few minutes. What it repairs is logged and counted.
 */
import { createSweeper, sweepAll } from './archive/sweeper';
import type { Logger } from './log';
import type { Models } from './model';

/** Often enough that a half-applied change is whole again before anyone asks about it. */
export const SWEEP_EVERY_MS = 5 * 60_000;

export function startSweeping(
  models: Models,
  log: Logger,
  metrics: { repaired(n: number): void },
  everyMs = SWEEP_EVERY_MS,
): { stop(): Promise<void> } {
  const sweeper = createSweeper(models);
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const pass = () =>
    (running = sweepAll(models, sweeper, new Date(), (store, r) => {
      if (r instanceof Error) log.warn('sweep failed', { store: store.code, error: r.message });
      else if (r.fixed > 0) {
        log.warn('sweeper repaired derived records', { store: store.code, ...r });
        metrics.repaired(r.fixed);
      }
    }).catch((err: Error) => log.warn('sweep failed', { error: err.message })));
  const tick = () => {
    if (stopped) return;
    void pass().then(() => {
      if (stopped) return;
      timer = setTimeout(tick, everyMs);
      timer.unref();
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
