/**
 * Finding lexicon words in a message. A RegExp alternation of 100 words tries every word at every
 * position; indexing the words by their first (or last) character tries only the few that can
 * match there, which is what keeps the parser far below a microsecond per lexicon.
 */

export interface WordHit {
  index: number;
  word: string;
}

export class WordMatcher {
  /** Word lists keyed by the UTF-16 code of their first / last character, longest first. */
  private readonly byFirst = new Map<number, string[]>();
  private readonly byLast = new Map<number, string[]>();
  /**
   * Per code unit, 1 + the index in `starting` of the words that start with it (0: none). One
   * typed-array read rejects most positions and finds the list for the rest, without a Map.
   */
  private readonly firsts = new Uint16Array(65536);
  private readonly starting: string[][] = [];
  readonly words: ReadonlySet<string>;

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) {
      if (!w) continue;
      add(this.byFirst, w.charCodeAt(0), w);
      add(this.byLast, w.charCodeAt(w.length - 1), w);
    }
    for (const list of [...this.byFirst.values(), ...this.byLast.values()])
      list.sort((a, b) => b.length - a.length);
    for (const [code, list] of this.byFirst) this.firsts[code] = this.starting.push(list);
  }

  /** Longest word starting exactly at `i`. */
  startingAt(text: string, i: number): string | undefined {
    const k = this.firsts[text.charCodeAt(i)]; // NaN past the end reads as undefined
    if (!k) return undefined;
    for (const w of this.starting[k - 1]) if (text.startsWith(w, i)) return w;
    return undefined;
  }

  /** Longest word ending exactly at `end` (exclusive). */
  endingAt(text: string, end: number): string | undefined {
    const list = end > 0 ? this.byLast.get(text.charCodeAt(end - 1)) : undefined;
    if (list)
      for (const w of list) if (end >= w.length && text.startsWith(w, end - w.length)) return w;
    return undefined;
  }

  /** Leftmost-longest occurrence at or after `from`. */
  find(text: string, from = 0): WordHit | undefined {
    for (let i = from; i < text.length; i++) {
      const word = this.startingAt(text, i);
      if (word) return { index: i, word };
    }
    return undefined;
  }

  has(text: string): boolean {
    return this.find(text) !== undefined;
  }

  /**
   * Appends every word that starts at `i` (not only the longest). Arrays, not Sets: clearing a
   * Set allocates, and these lists hold a handful of words.
   */
  collectAt(text: string, i: number, into: string[]): void {
    const k = this.firsts[text.charCodeAt(i)];
    if (!k) return;
    for (const w of this.starting[k - 1])
      if (text.startsWith(w, i) && !into.includes(w)) into.push(w);
  }

  /** Appends every word occurring anywhere in `text`, overlaps included (what `includes` says). */
  collect(text: string, into: string[]): void {
    for (let i = 0; i < text.length; i++)
      if (this.firsts[text.charCodeAt(i)]) this.collectAt(text, i, into);
  }

  /** `text` with every leftmost-longest occurrence replaced by a space. */
  strip(text: string): string {
    let out = '';
    for (let i = 0; i < text.length;) {
      const word = this.startingAt(text, i);
      out += word ? ' ' : text[i];
      i += word ? word.length : 1;
    }
    return out;
  }

  /** Every non-overlapping leftmost-longest occurrence. */
  all(text: string): WordHit[] {
    const out: WordHit[] = [];
    for (let i = 0; i < text.length;) {
      const word = this.startingAt(text, i);
      if (word) {
        out.push({ index: i, word });
        i += word.length;
      } else i++;
    }
    return out;
  }
}

function add(map: Map<number, string[]>, key: number, w: string): void {
  const list = map.get(key);
  if (list) list.push(w);
  else map.set(key, [w]);
}

/**
 * Several cue lists answered in one pass: each word carries the bit of every list it belongs to,
 * and `flags(text)` ORs the bits of all words present.
 */
export class CueMatcher {
  private readonly matcher: WordMatcher;
  private readonly bits = new Map<string, number>();
  /** Reused between calls; the parser is synchronous. */
  private readonly seen: string[] = [];

  constructor(lists: readonly (readonly string[])[]) {
    lists.forEach((list, i) => {
      for (const w of list) this.bits.set(w, (this.bits.get(w) ?? 0) | (1 << i));
    });
    this.matcher = new WordMatcher(this.bits.keys());
  }

  flags(text: string): number {
    this.seen.length = 0;
    this.matcher.collect(text, this.seen);
    let f = 0;
    for (const w of this.seen) f |= this.bits.get(w) ?? 0;
    return f;
  }
}
