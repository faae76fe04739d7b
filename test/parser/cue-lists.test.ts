/**
 * The word lists hold words of the language, each there for a rule: these tests hold every entry
 * to its rule, so an entry no rule needs fails here and an entry a rule needs cannot be deleted
 * without a test failing.
 */
import { CHATTER_CUES } from '../../src/parser/lexicon/words';
import { NOT_BILL_CUES, PARTY_WORDS } from '../../src/parser/lexicon/numbers';
import { NOT_FULL_NAMES, NOT_GIVEN, GIVEN_WHEN_DELIMITED } from '../../src/parser/lexicon/names';
import { COMPOUND_SURNAMES, SURNAMES } from '../../src/parser/lexicon/surnames';
import { parse } from './helpers';

describe('CHATTER_CUES: operational talk is no record, even with a customer and a head count', () => {
  test('without a cue, 王总那桌 4人 is a table (the bot asks for the amount)', () => {
    expect(parse('王总那桌 4人').intent).toBe('visit');
  });

  test.each(CHATTER_CUES.filter((w) => !w.startsWith('@')))(
    '王总那桌 4人 %s is talk, and the same with a bill is a visit',
    (word) => {
      expect(parse(`王总那桌 4人 ${word}`).intent).toBe('none');
      expect(parse(`王总 今晚 4人 消费2800 ${word}`).intent).toBe('visit');
    },
  );

  test('@所有人 opens a notice to the team', () => {
    expect(parse('@所有人 王总那桌 4人').intent).toBe('none');
  });
});

describe('NOT_FULL_NAMES: an everyday word that starts with a surname is not a full name', () => {
  const surnameOf = (w: string) =>
    COMPOUND_SURNAMES.has(w.slice(0, 2)) ? w.slice(0, 2) : SURNAMES.has(w[0]) ? w[0] : '';
  const givenAllowed = (c: string) => !NOT_GIVEN.has(c) || GIVEN_WHEN_DELIMITED.has(c);

  test.each([...NOT_FULL_NAMES])('%s: shaped like a name, read as a word', (word) => {
    // Shaped like a name: a surname of the table, then characters a given name may hold. A word
    // that fails this needs no entry (the name rules already refuse it).
    const surname = surnameOf(word);
    expect(surname).not.toBe('');
    expect([...word.slice(surname.length)].every(givenAllowed)).toBe(true);
    expect(parse(`${word} 3人 2800`).customer?.value).not.toBe(word);
  });
});

describe('PARTY_WORDS: a word that counts the table (老两口, 一家三口) is its head count', () => {
  test.each([...PARTY_WORDS])('%s is %i people', (word, people) => {
    expect(parse(`童总 今晚 ${word} 消费3000`).partySize?.value).toBe(people);
  });
});

describe('NOT_BILL_CUES: a balance, top-up, deposit, debt or refund is never the bill', () => {
  test.each(NOT_BILL_CUES)('%s 3000 is no amount; the bill beside it still is', (word) => {
    expect(parse(`王总 ${word}3000`).intent).toBe('none');
    expect(parse(`王总 今晚 4人 消费2800 ${word}3000`).amount?.value).toBe(2800);
  });
});
