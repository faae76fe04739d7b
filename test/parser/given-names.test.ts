import { parse } from './helpers';

describe('full names whose given name uses a character that is also a time word', () => {
  it.each(['李刚', '王明', '刘天明', '张中华', '陈月', '杨明建', '赵一鸣'])(
    'reads %s as the customer',
    (name) => {
      const r = parse(`${name} 今晚 3人 消费2800`);
      expect(r.intent).toBe('visit');
      expect(r.customer?.value).toBe(name);
      expect(r.customer?.span).toEqual({ index: 0, text: name });
    },
  );

  it('still reads the time words as dates, not names', () => {
    expect(parse('周五 一行7人 消费3680 吴总').customer?.value).toBe('吴总');
    expect(parse('周五 一行7人 消费3680 吴总').date?.value).toBe('2026-11-20');
    expect(parse('明天几点开会').intent).toBe('none');
    expect(parse('王总订了明晚6人').intent).toBe('none');
  });
});
