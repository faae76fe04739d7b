/** Whether a process id still names a running process (for files that say which process holds what). */
import { readFileSync } from 'node:fs';

/**
 * A killed process whose parent is gone stays a zombie until something reaps it (a container
 * without an init): it answers signal 0 but holds nothing. Linux says so in /proc; elsewhere, no zombie.
 */
function zombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !zombie(pid);
}
