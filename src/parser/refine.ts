/**
 * Refiners: choices made once every extractor has spoken. Which of several numbers was paid
 * (折后 beats 原价, 人均 × people), and which name is the customer.
 */
import type { AmountHit, Draft, NameHit } from './draft';

export interface ChosenAmount extends AmountHit {
  /** Said as money (cue, unit, ¥, 2.8k) rather than a bare number. */
  strong: boolean;
}

const STRONG_ORDER: readonly AmountHit['kind'][] = ['cued', 'currency', 'scaled'];

export function chooseAmount(draft: Draft): ChosenAmount | undefined {
  const hits = draft.amounts;
  if (!hits.length) return undefined;
  let paid: AmountHit | undefined;
  let strong: AmountHit | undefined;
  let per: AmountHit | undefined;
  let bare: AmountHit | undefined;
  let original: AmountHit | undefined;
  for (const h of hits) {
    if (h.kind === 'paid')
      paid = h; // the last paid figure is the final one
    else if (h.kind === 'perPerson') per ??= h;
    else if (h.kind === 'original') original ??= h;
    else if (h.kind === 'bare') bare = !bare || h.value > bare.value ? h : bare;
    else if (!strong || STRONG_ORDER.indexOf(h.kind) < STRONG_ORDER.indexOf(strong.kind))
      strong = h;
  }
  if (paid ?? strong) return chosen((paid ?? strong) as AmountHit, true);
  if (per && draft.partySize) {
    const n = draft.partySize.value;
    // 2800 人均933: the stated total wins over the rounded per-head figure it agrees with.
    if (bare && Math.abs(bare.value - per.value * n) <= n) return chosen(bare, true);
    return { ...per, value: per.value * n, strong: true };
  }
  if (bare) return chosen(bare, false);
  return original ? chosen(original, true) : undefined;
}

function chosen(h: AmountHit, strong: boolean): ChosenAmount {
  return { start: h.start, end: h.end, value: h.value, kind: h.kind, strong };
}

/** The first name in a customer role; a loose guess only when nothing better was found. */
export function chooseCustomer(draft: Draft): NameHit | undefined {
  const candidates = draft.names.filter((n) => n.role === 'customer');
  return candidates.find((n) => n.kind !== 'loose') ?? candidates[0];
}
