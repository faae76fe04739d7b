/**
 * Platforms cap the length of one message. A long reply (a briefing, a customer list) is cut into
 * several messages, at line breaks where possible so a line about one customer stays whole.
 */

/** Split `text` into chunks of at most `limit` UTF-16 units, preferring line breaks. */
export function splitText(text: string, limit: number): string[] {
  if (limit < 2) throw new RangeError('limit must be at least 2');
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    chunks.push(rest.slice(0, cut.end));
    rest = rest.slice(cut.next);
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/** Where to end this chunk and where the next one starts (a break used as a cut is dropped). */
function cutPoint(text: string, limit: number): { end: number; next: number } {
  const newline = text.lastIndexOf('\n', limit);
  if (newline > 0) return { end: newline, next: newline + 1 };
  // One line longer than the limit: cut inside it, but never between a surrogate pair (emoji).
  const code = text.charCodeAt(limit - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
  return { end, next: end };
}
