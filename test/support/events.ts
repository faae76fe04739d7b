/** Replay events as tests write them: the clock defaults to Sunday 22 Nov 2026, 21:40. */
import type { Role } from '../../src/model/staff';

export const NOW = '2026-11-22T21:40:00+08:00';

export const staff = (id: string, name: string, role: Role = 'staff') => ({
  staff: { id, name, role },
});

/** A direct message to the bot. */
export const dm = (from: string, text: string, now = NOW) => ({ now, from, text });

/** The scheduler wakes at `now`. */
export const tick = (now: string) => ({ now, tick: true });

/** A message in team group `chat`, unaddressed, at `now`. */
export const inGroupAt = (from: string, text: string, now: string, chat = 'g1') => ({
  now,
  from,
  chat,
  chatType: 'group',
  text,
});
