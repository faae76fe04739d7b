import { at, parse } from './helpers';

describe('profiles: facts about a customer, no table', () => {
  test.each([
    ['张总 电话13800138000', '张总', { phone: '13800138000' }],
    ['李姐的手机 139-0000-1111', '李姐', { phone: '13900001111' }],
    ['王总手机号:+86 139-1234-5678', '王总', { phone: '13912345678' }],
    ['欧阳女士 8613700001111', '欧阳女士', { phone: '13700001111' }],
    ['陈总 不吃香菜 喜欢靠窗的位置', '陈总', { preferences: ['不吃香菜', '喜欢靠窗的位置'] }],
    ['陈总 海鲜过敏', '陈总', { preferences: ['海鲜过敏'] }],
    ['赵总 存酒两瓶茅台', '赵总', { bottles: ['存酒两瓶茅台'] }],
    ['李总 公司:华为 职位:采购总监', '李总', { company: '华为', position: '采购总监' }],
  ])('%s', (text, customer, facts) => {
    const r = parse(text);
    expect(r.intent).toBe('profile');
    expect(r.customer?.value).toBe(customer);
    const flat = Object.fromEntries(
      Object.keys(facts).map((k) => {
        const f = r[k as keyof typeof r] as { value: unknown } | { value: unknown }[] | undefined;
        return [k, Array.isArray(f) ? f.map((x) => x.value) : f?.value];
      }),
    );
    expect(flat).toEqual(facts);
  });

  test('a title implies gender', () => {
    expect(parse('夏小姐 电话13800138000').gender).toMatchObject({ value: '女', implied: true });
    expect(parse('司马先生 电话13800138000').gender?.value).toBe('男');
    expect(parse('张总 电话13800138000').gender).toBeUndefined();
  });
});

describe('commands: addressed to the bot', () => {
  test.each([
    ['帮助', 'help', undefined],
    ['撤销', 'undo', undefined],
    ['撤回', 'undo', undefined],
    ['刚才那条删掉', 'undo', undefined],
    ['改成3200', 'amend', undefined],
    ['金额改为3880', 'amend', undefined],
    ['人数改5', 'amend', undefined],
    ['日期改昨天', 'amend', undefined],
    ['已回访 张总 满意', 'followup.done', '张总'],
    ['跳过 张总', 'followup.skip', '张总'],
    ['张总 改天', 'followup.later', '张总'],
    ['张总 周五再联系', 'followup.later', '张总'],
    ['我的待回访', 'followup.mine', undefined],
    ['今天要回访谁', 'followup.mine', undefined],
    ['我的客户', 'customers.mine', undefined],
    ['本周A类客户', 'query.tier', undefined],
    ['这周的A类客户', 'query.tier', undefined],
    ['A类客户本周', 'query.tier', undefined],
    ['本周a类', 'query.tier', undefined],
    ['上个月A类客户有哪些', 'query.tier', undefined],
    ['查 张总', 'query.profile', '张总'],
    ['查一下刘总', 'query.profile', '刘总'],
    ['张总档案', 'query.profile', '张总'],
    ['张总上次来是什么时候', 'query.profile', '张总'],
    ['张总的电话多少', 'query.profile', '张总'],
    ['本月业绩', 'query.performance', undefined],
    ['本月消费排行', 'query.performance', undefined],
    ['昨天营业额多少', 'query.revenue', undefined],
    ['本周营业额', 'query.revenue', undefined],
    ['最近没来的客户', 'query.churn', undefined],
    ['流失客户名单', 'query.churn', undefined],
    ['30天没来的A类客户', 'query.churn', undefined],
    ['本周生日的客户', 'query.birthdays', undefined],
    ['下周有哪些节日', 'query.holidays', undefined],
    ['合并 张总 张建国', 'merge', '张总'],
    ['把张总转给小李', 'transfer', '张总'],
    ['小王离职 客户转给小李', 'transfer', undefined],
    ['张总 不接受消息', 'optout', '张总'],
    ['添加员工 小王 服务员', 'staff.add', undefined],
    ['绑定本群 万达店', 'group.bind', undefined],
    ['设置 截止时间 04:00', 'settings', undefined],
    ['导出 本月', 'export', undefined],
    ['@回头客 本月业绩', 'query.performance', undefined],
  ])('%s → %s', (text, name, customer) => {
    const r = parse(text);
    expect(r.intent).toBe('command');
    expect(r.command).toMatchObject({ name, text });
    expect(r.customer?.value).toBe(customer);
  });
});

describe('chatter is never a record', () => {
  test.each([
    '收到',
    '好的,马上',
    '好的👌',
    '辛苦了大家',
    '今天客人好多啊',
    '3号桌加两把椅子',
    '今天营业额破2万了',
    '客人投诉菜太咸',
    '谁把充电器拿走了',
    '今晚的鲈鱼卖完了',
    '@所有人 今晚8点开会',
    '张总来了吗',
    '明天几点开会',
    '2800',
    '王总的车停哪了',
    '李姐今天请假',
    '刘总打电话说晚点到',
    '王总今天来了',
    '陈总那桌再加两个菜',
    '8号包厢空调坏了',
    '周五晚上有个婚宴 30桌',
    '时间到了 开会',
    '明白',
    '高兴',
    '谢谢',
    '张总说改天来吃饭',
    '李总 明晚要来 6位',
    '文件放前台了',
  ])('%s', (text) => {
    const r = parse(text);
    expect(r.intent === 'visit' || r.intent === 'profile').toBe(false);
    expect(r.intent).not.toBe('command');
  });

  test('lookalike names are people, not days or words', () => {
    expect(parse('明总 今晚 3人 2800').date?.value).toBe('2026-11-22');
    expect(parse('明总 今晚 3人 2800').customer?.value).toBe('明总');
    expect(parse('时总 3人 消费2800').customer?.value).toBe('时总');
    expect(parse('文总 电话13800138000').intent).toBe('profile');
  });
});

describe('commands in a group: only their own form runs without @', () => {
  // The rule: a command word inside a sentence about dishes, tables or plans is talk among staff.
  test.each([
    ['撤销刚才那个菜', 'undo'],
    ['菜单改成800的套餐', 'amend'],
    ['8号桌改成12人', 'amend'],
    ['老板说这个月业绩要冲', 'query.performance'],
    ['导出一下菜单', 'export'],
    ['把3号桌转给小李', 'transfer'],
    ['设置一下音响', 'settings'],
    ['跳过这个步骤', 'followup.skip'],
    ['帮助一下', 'help'],
  ])('%s is talk (its word reads as %s)', (text, name) => {
    const r = parse(text);
    expect(r.command?.name ?? name).toBe(name);
    expect(r.command?.standalone ?? false).toBe(false);
  });

  test.each([
    '撤销',
    '撤销 张总',
    '刚才那条删掉',
    '改成3200',
    '人数改5',
    '包间改成牡丹厅',
    '已回访 张总 很满意',
    '张总 周五再联系',
    '本周A类客户',
    '上个月A类客户有哪些',
    '30天没来的A类客户',
    '查 张总',
    '查 张建国',
    '合并 张总 张建国',
    '把张总转给小李',
    '导出 本月',
    '设置 截止时间 04:00',
    '绑定本群 万达店',
    '本月业绩',
  ])('%s is a command in its own form', (text) => {
    expect(parse(text).command?.standalone).toBe(true);
  });

  test('a complete visit beats any command word inside it', () => {
    const r = parse('王总 今晚 4人 3000 下次再联系');
    expect(r.intent).toBe('visit');
    expect(r.amount?.value).toBe(3000);
  });
});

describe('a table on a day still to come is never a visit', () => {
  const on21st = at('2026-11-21T20:00:00+08:00');
  test('a date alone makes it ahead: meant as a record, the bot says nothing was saved', () => {
    const r = parse('褚总 11月25日 3人 消费1800', on21st);
    expect({ intent: r.intent, ahead: r.ahead, date: r.date?.value }).toEqual({
      intent: 'none',
      ahead: 'dated',
      date: '2026-11-25',
    });
  });
  test('booking words make it a booking: team talk', () => {
    expect(parse('王总订了明晚6人 牡丹厅').ahead).toBe('booked');
  });
  test('a past date is a visit, not ahead', () => {
    expect(parse('褚总 11月20日 3人 消费1800', on21st)).toMatchObject({ intent: 'visit' });
    expect(parse('褚总 11月20日 3人 消费1800', on21st).ahead).toBeUndefined();
  });
});

describe('a booked table seated', () => {
  test.each(['王总 已到店', '王总到店了', '王总 已经到了'])('%s is the arrival command', (text) => {
    const r = parse(text);
    expect({ intent: r.intent, command: r.command?.name, customer: r.customer?.value }).toEqual({
      intent: 'command',
      command: 'booking.arrived',
      customer: '王总',
    });
  });
  test.each(['张总已到店 3人 消费2000', '张总说下周已经到店了几次'])('%s is not', (text) => {
    expect(parse(text).command?.name).not.toBe('booking.arrived');
  });
});

describe('a booking cancelled', () => {
  test.each([
    ['李姐取消了今晚的预订', '李姐'],
    ['王总取消明天的订位', '王总'],
  ])('%s cancels the booking, it asks for no list', (text, customer) => {
    const r = parse(text);
    expect({ command: r.command?.name, customer: r.customer?.value }).toEqual({
      command: 'booking.cancel',
      customer,
    });
  });
  test('王总的预订 still asks for the list', () => {
    expect(parse('王总的预订').command?.name).toBe('query.bookings');
  });
});
