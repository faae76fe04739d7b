/**
 * Wall-clock wiring: node-cron wakes the runner every minute. Which occurrences are due is decided
 * from the data and the time, so a process that starts late still sends today's briefing.
 */
import cron from 'node-cron';

export interface RunningSchedule {
  stop(): void;
}

export function startSchedule(tick: () => Promise<void>, timezone: string): RunningSchedule {
  const task = cron.schedule('* * * * *', () => tick(), { timezone, noOverlap: true });
  void tick();
  return { stop: () => void task.stop() };
}
