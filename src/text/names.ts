/**
 * Names as typed in sheets and chats: `欧阳 娜娜`, `欧阳娜娜` typed with a full-width space and `欧阳娜娜`
 * are one person, while `Tony  Wang` is `Tony Wang`. A space stays only between two Latin
 * letters or digits, where it separates words; beside a Chinese character it is only padding.
 */
const LATIN = /[A-Za-z0-9]/;

export function tidyName(raw: string): string {
  const words = raw.trim().split(/\s+/).filter(Boolean);
  let out = words[0] ?? '';
  for (const w of words.slice(1)) out += LATIN.test(out.at(-1)!) && LATIN.test(w[0]) ? ` ${w}` : w;
  return out;
}
