import { at, parse } from './helpers';

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

describe('head counts written as words', () => {
  it('reads a standalone 仨 / 俩 as the party, and 人均 multiplies by it', () => {
    const r = parse('老郑 今晚 仨 人均200');
    expect(r.intent).toBe('visit');
    expect(r.partySize?.value).toBe(3);
    expect(r.amount?.value).toBe(600);
    expect(parse('小李 俩 今晚 600').partySize?.value).toBe(2);
  });

  it('counts 带了N个朋友 as the table', () => {
    expect(parse('罗总带了6个朋友 今晚 消费5200').partySize?.value).toBe(6);
  });
});

describe('talk of a later visit', () => {
  it('is no record on its own', () => {
    expect(parse('王总说下次带10个人来').intent).toBe('none');
    expect(parse('李总 下回 6人').intent).toBe('none');
  });

  it('does not spoil a complete visit that mentions it', () => {
    const r = parse('张总 今晚 3人 消费2800 下次还来');
    expect(r.intent).toBe('visit');
    expect(r.amount?.value).toBe(2800);
  });

  it('reads 帮我查下 and 上次消费多少 as questions about the customer', () => {
    expect(parse('帮我查下赵总').command?.name).toBe('query.profile');
    expect(parse('孙总上次消费多少').command?.name).toBe('query.profile');
  });
});

describe('booking words inside a visit', () => {
  it('keeps a visit whose 订 orders something else', () => {
    expect(parse('吴总 今晚 4人 3888 生日宴 订了蛋糕').intent).toBe('visit');
  });

  it('still refuses a table that is only booked', () => {
    expect(parse('赵总 订了6人 3800').intent).toBe('none');
    expect(parse('王总 订了 今晚 6人').intent).toBe('none');
  });

  it('keeps money next to a referrer and a room after 元', () => {
    const r = parse('褚总 今晚 3人 2800 张总介绍');
    expect(r.amount?.value).toBe(2800);
    expect(r.referrer?.value).toBe('张总');
    expect(parse('陈总 今晚3人2800元牡丹厅').room?.value).toBe('牡丹厅');
  });
});

describe('more ways staff write', () => {
  it('reads 阿杰 / 阿强 as customers', () => {
    expect(parse('阿杰 今晚 3人 900').customer?.value).toBe('阿杰');
    expect(parse('阿强 昨晚 2人 500').customer?.value).toBe('阿强');
  });

  it('reads 张总和夫人 as 张总 with his wife, while 消费总和 stays a sum', () => {
    expect(parse('张总和夫人 今晚 2人 1280').customer?.value).toBe('张总');
    expect(parse('王总和太太 今晚 2人 1280').customer?.value).toBe('王总');
    expect(parse('消费总和 2800 张总 3人').customer?.value).toBe('张总');
  });

  it('keeps the stated total when a rounded per-head figure follows it', () => {
    expect(parse('张总 今晚 3人 2800 人均933').amount?.value).toBe(2800);
    expect(parse('曹总 今晚3位 人均300').amount?.value).toBe(900);
  });
});

describe('a bill in parts', () => {
  it('adds up the parts joined by + or 加', () => {
    expect(parse('陈总 今晚 3人 消费1200+酒水800').amount?.value).toBe(2000);
    expect(parse('赵总 今晚 3人 菜金2000加酒水1000').amount?.value).toBe(3000);
  });

  it('takes the stated total over its parts', () => {
    expect(parse('赵总 今晚 3人 菜金2000 酒水1000 合计3000').amount?.value).toBe(3000);
  });
});

describe('New Year and corrections in words', () => {
  it('dates 跨年夜 to the 31st of December, also said in January', () => {
    expect(parse('李总 跨年夜 10人 12000', at('2027-01-02T12:00:00+08:00')).date?.value).toBe(
      '2026-12-31',
    );
  });

  it('undoes on 记错了 删掉 and amends on 记错了 改成…', () => {
    expect(parse('刚才记错了 删掉').command?.name).toBe('undo');
    expect(parse('张总 记错了 改成3200').command?.name).toBe('amend');
  });
});

describe('operations on a table are not its bill', () => {
  it.each([
    '张总那桌加了两个菜 288',
    '赵总退了一瓶酒 480',
    '郑总的发票开了 5600',
    '王总刚打电话说晚点到 6个人',
  ])('%s is no record', (text) => expect(parse(text).intent).toBe('none'));

  it('keeps a whole bill that mentions them', () => {
    expect(parse('李总 今晚 4人 3000 加了两个菜').intent).toBe('visit');
    expect(parse('张总 今晚 3人 消费2800 开了发票').amount?.value).toBe(2800);
  });
});
