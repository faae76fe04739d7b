import { readAmount, readCustomer, readPartySize } from '../../src/parser';

describe('readers for follow-up answers', () => {
  test.each([
    ['2800', 2800],
    ['消费了两千八', 2800],
    ['1.2万', 12000],
    ['¥1,580', 1580],
    ['人均300 4位', 1200],
  ])('readAmount(%s)', (text, value) => {
    expect(readAmount(text)?.value).toBe(value);
  });

  test('readAmount keeps the span and ignores a phone', () => {
    expect(readAmount('是 3,680 元')).toEqual({
      value: 3680,
      span: { index: 2, text: '3,680 元' },
      implied: false,
    });
    expect(readAmount('13800138000')).toBeUndefined();
    expect(readAmount('没消费')).toBeUndefined();
  });

  test.each([
    ['3', 3],
    ['3位', 3],
    ['三个人', 3],
    ['一家三口', 3],
    ['6男2女', 8],
  ])('readPartySize(%s)', (text, value) => {
    expect(readPartySize(text)?.value).toBe(value);
  });

  test('readPartySize rejects non-counts', () => {
    expect(readPartySize('2800元')).toBeUndefined();
    expect(readPartySize('0')).toBeUndefined();
  });

  test.each([
    ['张总', '张总'],
    ['是欧阳总', '欧阳总'],
    ['张伟', '张伟'],
    ['Tony', 'Tony'],
    ['老孟', '老孟'],
  ])('readCustomer(%s)', (text, value) => {
    expect(readCustomer(text)?.value).toBe(value);
  });

  test('readCustomer finds nobody in chatter', () => {
    expect(readCustomer('好的')).toBeUndefined();
    expect(readCustomer('明天')).toBeUndefined();
  });
});
