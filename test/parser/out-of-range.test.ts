import { parse, values } from './helpers';

/** Impossible values are kept apart with their span, never used as the visit's figures. */
describe('values stated but impossible', () => {
  test.each([
    ['张总 今晚 3人 消费0', 'amount', 0, '0'],
    ['张总 今晚 3人 消费-2800', 'amount', -2800, '-2800'],
    ['张总 今晚 3人 ¥-2800', 'amount', -2800, '-2800'],
    ['张总 今晚 3人 -2800元', 'amount', -2800, '-2800元'],
    ['张总 消费2000万', 'amount', 20_000_000, '2000万'],
    ['张总 今晚 0人 消费2800', 'partySize', 0, '0人'],
    ['张总 今晚 600人 消费2800', 'partySize', 600, '600人'],
    ['张总 电话12345', 'phone', '12345', '12345'],
    ['周老板 电话12345 4人 前天 消费2850', 'phone', '12345', '12345'],
    ['张总 今晚 3人 2800 手机号: 0755-1234567', 'phone', '0755-1234567', '0755-1234567'],
  ])('%s → %s %p', (text, field, value, span) => {
    const r = parse(text);
    const f = r.outOfRange?.[field as 'amount'];
    expect(f?.value).toBe(value);
    expect(f?.span.text).toBe(span);
    expect(r[field as 'amount']).toBeUndefined();
  });

  test.each([
    // A dash between words separates them; it is no minus sign.
    ['张总-3人-2800', { intent: 'visit', partySize: 3, amount: 2800 }],
    ['张总 消费1000人民币 3人', { intent: 'visit', partySize: 3, amount: 1000 }],
    ['张总 电话 138-0013-8000', { intent: 'profile', phone: '13800138000' }],
  ])('%s is read as before', (text, expected) => {
    const r = parse(text);
    expect(values(r)).toMatchObject(expected);
    expect(r.outOfRange).toBeUndefined();
  });

  test('an impossible amount still makes a visit to question, even in a group', () => {
    const r = parse('张总 今晚 3人 消费0');
    expect(r).toMatchObject({ intent: 'visit', missing: ['amount'] });
    expect(r.confidence).toBeGreaterThanOrEqual(0.8);
  });
});
