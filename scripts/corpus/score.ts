/**
 * How well a reader recovers the generated corpus, field by field: a field counts as right when
 * the reading holds exactly the value the generator put in the message (or nothing, when it put
 * nothing there).
 */
import type { CorpusRow, Expected } from './generate';
import type { Reading } from '../../src/parser';

export const FIELDS = [
  'intent',
  'customer',
  'amount',
  'partySize',
  'date',
  'room',
  'phone',
] as const;
export type FieldName = (typeof FIELDS)[number];

export interface Miss {
  text: string;
  now: string;
  field: FieldName;
  expected: unknown;
  got: unknown;
}

export interface Score {
  rows: number;
  /** Share of rows with this field right. */
  fields: Record<FieldName, number>;
  /** Share of rows with every field right. */
  exact: number;
  misses: Miss[];
}

function valueOf(r: Reading, f: FieldName): unknown {
  if (f === 'intent') return r.intent;
  return r[f]?.value;
}

/** Fields a profile note never carries: a visit's amount or date in a note is a misreading. */
function expectedOf(e: Expected, f: FieldName): unknown {
  if (e.intent === 'profile' && (f === 'date' || f === 'partySize')) return undefined;
  return e[f];
}

export function score(rows: readonly CorpusRow[], read: (row: CorpusRow) => Reading): Score {
  const right = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<FieldName, number>;
  const misses: Miss[] = [];
  let exact = 0;
  for (const row of rows) {
    const r = read(row);
    let all = true;
    for (const f of FIELDS) {
      const expected = expectedOf(row.expect, f);
      const got = valueOf(r, f);
      // A profile note's date is not checked: a note may carry a birthday.
      const checked = !(row.expect.intent === 'profile' && f === 'date');
      if (!checked || got === expected) right[f]++;
      else {
        all = false;
        misses.push({ text: row.text, now: row.now, field: f, expected, got });
      }
    }
    if (all) exact++;
  }
  const n = rows.length || 1;
  const fields = Object.fromEntries(FIELDS.map((f) => [f, right[f] / n])) as Record<
    FieldName,
    number
  >;
  return { rows: rows.length, fields, exact: exact / n, misses };
}
