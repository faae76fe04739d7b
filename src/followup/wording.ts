/**
 * Filling a 话术 template with what the archive knows, and choosing among the templates that can
 * be filled. The choice hashes customer, day and task, so the same list read twice says the same
 * thing, and tomorrow's list does not repeat today's wording word for word.
 */
import { shortDate } from '../format/text';
import { addDays } from '../time/business-day';
import { SCRIPTS, type ScriptKind } from './scripts';
import type { FollowUpCustomer, ScriptContext } from './types';

export type Slots = Partial<Record<string, string>>;

const SLOT = /\{(\w+)\}/g;

/** FNV-1a: tiny, stable across runs and platforms (unlike anything seeded by the clock). */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Templates whose every slot has a value (an empty string counts: `intro` may be empty). */
export function usableTemplates(templates: readonly string[], slots: Slots): string[] {
  return templates.filter((t) => [...t.matchAll(SLOT)].every((m) => slots[m[1]] !== undefined));
}

export function fill(template: string, slots: Slots): string {
  return template.replace(SLOT, (_m, slot: string) => slots[slot] ?? '');
}

/** The wording for `kind`, chosen by `seed` among the templates the slots can fill. */
export function scriptFor(kind: ScriptKind, slots: Slots, seed: string): string {
  const usable = usableTemplates(SCRIPTS[kind], slots);
  if (usable.length === 0) return '';
  return fill(usable[stableHash(`${seed}|${kind}`) % usable.length], slots);
}

// Taboos and allergies are preferences too, but "记得您喜欢海鲜过敏" is not a compliment.
const NOT_A_LIKING = /^(不|别|忌|少)|过敏|忌口/;
const LIKING_PREFIX = /^(喜欢|爱吃|爱喝|爱)/;

/** What the customer likes, as a noun phrase for "记得您喜欢…": `茅台`, `靠窗`, `松鼠鳜鱼`. */
export function likedThing(preferences: string[]): string | undefined {
  const p = preferences.map((x) => x.trim()).find((x) => x && !NOT_A_LIKING.test(x));
  return p?.replace(LIKING_PREFIX, '') || undefined;
}

/** `我是海天阁的小王,` — empty when the owner's name is unknown (the customer knows the voice). */
function introOf(ownerName: string | undefined, ctx: ScriptContext): string {
  if (!ownerName) return '';
  return ctx.storeName ? `我是${ctx.storeName}的${ownerName},` : `我是${ownerName},`;
}

/** The slots every task of this customer can use. */
export function customerSlots(c: FollowUpCustomer, today: string, ctx: ScriptContext): Slots {
  const slots: Slots = { name: c.name, intro: introOf(c.ownerName, ctx) };
  if (c.lastVisit) {
    slots.last = shortDate(c.lastVisit, today);
    // 昨天 and 前天 only when they are true: a late thank-you names the date.
    slots.when =
      addDays(c.lastVisit, 1) === today
        ? '昨天'
        : addDays(c.lastVisit, 2) === today
          ? '前天'
          : `${slots.last}那次`;
  }
  const liked = likedThing(c.preferences);
  if (liked) slots.liked = liked;
  if (c.usualRoom) slots.room = c.usualRoom;
  if (c.usualPartySize) slots.party = `${c.usualPartySize}位`;
  return slots;
}
