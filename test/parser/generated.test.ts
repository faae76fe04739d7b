/**
 * The generated corpus (scripts/corpus): messages built from the full surname table, titles,
 * field orders, amount/party/date forms, punctuation, full-width digits, emoji and traditional
 * script, each with the reading the generator put in. npm test reads a sample; npm run bench:parse
 * reads 20,000 and prints the accuracy per field (README, 准确率).
 */
import { parseMessage } from '../../src/parser';
import { generateCorpus, type CorpusRow } from '../../scripts/corpus/generate';
import { FIELDS, score } from '../../scripts/corpus/score';
import { COMPOUND_SURNAMES, SURNAMES } from '../../src/parser/lexicon/surnames';

const ZONE = { timeZone: 'Asia/Shanghai', businessDayCutoff: '05:00' } as const;
const read = (r: CorpusRow) => parseMessage(r.text, { now: new Date(r.now), ...ZONE });

describe('generated corpus (a seeded sample of 3,000)', () => {
  // A different seed from the bench's, so the sample is not the set the rules were tuned on.
  const rows = generateCorpus(3000, 7_2026);
  const s = score(rows, read);

  test.each(FIELDS)('%s is read right in at least 99.5% of messages', (field) => {
    const good = s.fields[field] >= 0.995;
    // On failure the first misses are shown, with what was expected and what was read.
    const misses = good ? [] : s.misses.filter((m) => m.field === field).slice(0, 8);
    expect({ field, good, misses }).toEqual({ field, good: true, misses: [] });
  });

  test('at least 99% of messages are read exactly (every field)', () => {
    expect(s.exact).toBeGreaterThanOrEqual(0.99);
  });

  test('the sample covers the surname table, traditional script and full-width digits', () => {
    const traditional = rows.filter((r) => /[總經張陳劉東費買結實錢個號週禮]/.test(r.text));
    const wide = rows.filter((r) => /[０-９]/.test(r.text));
    const surnames = new Set([...SURNAMES, ...COMPOUND_SURNAMES]);
    const named = new Set(rows.map((r) => r.expect.customer.slice(0, 2)));
    const seen = [...surnames].filter((s) => named.has(s) || [...named].some((n) => n[0] === s));
    expect(traditional.length).toBeGreaterThan(150);
    expect(wide.length).toBeGreaterThan(150);
    expect(seen.length).toBeGreaterThan(surnames.size * 0.9);
  });

  test('no message of the corpus is recorded as something it is not', () => {
    const wrongIntent = rows.filter((r) => read(r).intent === 'command');
    expect(wrongIntent.map((r) => r.text)).toEqual([]);
  });
});
