/** Scenario builders shared by the question tests: the clock is Sunday 22 Nov 2026, 21:40. */
import { ensureStaff } from '../../src/archive/staff';
import { REPLAY_PLATFORM } from '../../src/replay/replayer';
import type { Scenario } from '../support/replay';
import { NOW } from '../support/events';

export { dm, NOW, staff } from '../support/events';

export const inGroup = (from: string, text: string, chat = 'g1', now = NOW) => ({
  now,
  from,
  chat,
  chatType: 'group',
  mentioned: true,
  text,
});

/** The one reply a question gets, split into lines. */
export async function answer(s: Scenario, event: unknown): Promise<string[]> {
  const texts = await s.say(event);
  expect(texts).toHaveLength(1);
  return texts[0].split('\n');
}

/** A chain-level admin, registered the way `npm run staff -- add … admin --chain` does. */
export async function chainAdmin(s: Scenario, id: string, name: string): Promise<void> {
  const store = await s.db.models.Store.findOne({ code: 'main' });
  await ensureStaff(s.db.models, store!, {
    platform: REPLAY_PLATFORM,
    userId: id,
    name,
    role: 'admin',
    chain: true,
  });
}

/** The eight-digit code in an invitation reply. */
export const codeIn = (text: string) => /\d{8}/.exec(text)?.[0] ?? '';
