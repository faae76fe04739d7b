/**
 * One line per customer per day. A customer with a birthday, a lapse and a day-30 follow-up gets
 * one call, not three: the most important reason leads, the others ride along as a note, and
 * whatever staff do with the line (done, skipped, moved, not answered) applies to all of them.
 */
import { missedCalls } from './records';
import type { FollowUpRecord, Task } from './types';

/** After this many unanswered calls the line suggests a WeChat message instead. */
export const CALLS_BEFORE_MESSAGE = 3;

const OCCASION = new Set<Task['kind']>(['gift', 'greeting', 'holidayCall']);

/**
 * Lower leads: an A customer's birthday or holiday call (the date will not wait), then a lapse,
 * then the post-visit step, other tiers' occasions, and last the quarterly check.
 */
export function reasonRank(t: Task): number {
  if (OCCASION.has(t.kind)) return t.tier === 'A' ? 0 : 3;
  if (t.kind === 'churn') return 1;
  if (t.kind === 'thanks' || t.kind === 'revisit') return 2;
  return 4;
}

/** Every task key the line stands for: what a done or skip records. */
export const keysOf = (t: Task): string[] => [t.key, ...(t.also ?? []).map((x) => x.key)];

/** `另:流失预警·35天未到店、回访·第30天` */
export function alsoNote(t: Task): string | undefined {
  if (!t.also?.length) return undefined;
  return `另:${t.also.map((x) => x.title).join('、')}`;
}

function asMessage(t: Task, missed: number): Task {
  if (missed < CALLS_BEFORE_MESSAGE || t.channel !== 'call') return { ...t, missedCalls: missed };
  return {
    ...t,
    missedCalls: missed,
    channel: 'message',
    title: `${t.title}·改发微信`,
    script: t.script && `(打了${missed}次没接通,改发微信)${t.script}`,
  };
}

/** The customer's one line today, from every task `tasksFor` found for them. */
export function dayTaskOf(tasks: Task[], log: FollowUpRecord[]): Task | undefined {
  if (tasks.length === 0) return undefined;
  // Within a rank, what is due today leads: a greeting is worth nothing tomorrow, a gift
  // reminder three days old is not the point on the birthday itself.
  const [lead, ...rest] = [...tasks].sort(
    (a, b) =>
      reasonRank(a) - reasonRank(b) ||
      Number(a.overdue) - Number(b.overdue) ||
      b.priority - a.priority,
  );
  const line: Task = {
    ...lead,
    // A lapse folded under a birthday still reaches the managers.
    notifyManagers: tasks.some((t) => t.notifyManagers),
    also: rest.length ? rest : undefined,
  };
  const missed = Math.max(...keysOf(line).map((k) => missedCalls(log, k)));
  return asMessage(line, missed);
}
