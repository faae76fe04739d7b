import { parse, values } from './helpers';

describe('visits: who, how many, how much, where', () => {
  test.each([
    // [message, customer, partySize, amount, room]
    ['明总 今晚 4人 3000', '明总', 4, 3000, undefined],
    ['时总 昨天 5位 消费4500', '时总', 5, 4500, undefined],
    ['文总 前天 2人 860元', '文总', 2, 860, undefined],
    ['安姐 今晚 3人 1200', '安姐', 3, 1200, undefined],
    ['向总 今天中午 6人 2600', '向总', 6, 2600, undefined],
    ['路总 今晚 8人 8000', '路总', 8, 8000, undefined],
    ['成总 今晚 4人 两千八', '成总', 4, 2800, undefined],
    ['全总 今晚 5人 3600', '全总', 5, 3600, undefined],
    ['上官总 今晚 3人 2000', '上官总', 3, 2000, undefined],
    ['诸葛先生 昨晚 2人 760', '诸葛先生', 2, 760, undefined],
    ['张建国先生 今晚 4人 2400', '张建国先生', 4, 2400, undefined],
    ['俞处长 今晚 6人 4200', '俞处长', 6, 4200, undefined],
    ['雷工 今晚 3人 900', '雷工', 3, 900, undefined],
    ['Jack 今晚 4人 3200', 'Jack', 4, 3200, undefined],
    ['Lisa张 昨晚 2人 1100', 'Lisa张', 2, 1100, undefined],
    ['老王 今晚 6人 2600', '老王', 6, 2600, undefined],
    ['今晚 张伟 3人 1800', '张伟', 3, 1800, undefined],
    ['今晚3人消费2800张总', '张总', 3, 2800, undefined],
    ['3人 2800 今晚 王总', '王总', 3, 2800, undefined],
    ['王总/今晚/3人/2800', '王总', 3, 2800, undefined],
    ['朱总今晚8位12800元VIP3', '朱总', 8, 12800, 'VIP3'],
  ])('%s', (text, customer, partySize, amount, room) => {
    expect(values(parse(text))).toMatchObject({
      intent: 'visit',
      customer,
      partySize,
      amount,
      room,
    });
  });

  test.each([
    ['消费：3680', 3680],
    ['3680块钱', 3680],
    ['RMB2800', 2800],
    ['2800RMB', 2800],
    ['实收2680', 2680],
    ['结账 3,200', 3200],
    ['合计¥2600', 2600],
    ['花了一万二', 12000],
    ['1.8w', 18000],
    ['3.5k', 3500],
    ['12k', 12000],
    ['五千', 5000],
    ['一千五', 1500],
    ['九百九十九', 999],
    ['一万零五百', 10500],
    ['1万零800', 10800],
    ['3千零8', 3008],
    ['８８８元', 888],
    ['￥３，２８０', 3280],
    ['原价4200 打折后3780', 3780],
    ['消费2800 原价3000', 2800],
    ['人均150', 450],
  ])('amount %s', (written, amount) => {
    expect(parse(`韦总 今晚 3人 ${written}`).amount?.value).toBe(amount);
  });

  test.each([
    ['6男2女', 8],
    ['2大2小', 4],
    ['一家三口', 3],
    ['夫妻俩', 2],
    ['哥仨', 3],
    ['4pax', 4],
    ['人数:5', 5],
    ['十二位', 12],
    ['15个人', 15],
    ['两桌20人', 20],
    ['20人两桌', 20],
    ['三个客户', 3],
    ['两位领导', 2],
    ['五名同事', 5],
    ['两个大人一个小孩', 3],
    ['2位大人和1个孩子', 3],
    ['两个大人 两个小朋友', 4],
    // A rough count (two neighbouring numerals) is read at its upper end.
    ['五六个人', 6],
    ['八九位', 9],
    ['三五个人', 5],
    ['二三十个人', 30],
    ['十五六个人', 16],
  ])('party %s', (written, partySize) => {
    expect(parse(`童总 今晚 ${written} 消费3000`).partySize?.value).toBe(partySize);
  });

  test.each([
    ['国宾厅', '国宾厅'],
    ['5号桌', '5号桌'],
    ['B区12号', 'B区12号'],
    ['卡座K3', '卡座K3'],
    ['K3卡座', 'K3卡座'],
    ['V12', 'V12'],
    ['房间:听雨', '听雨'],
    ['2号房', '2号房'],
    ['3号包', '3号包'],
    ['二号包厢', '二号包厢'],
    ['十二号桌', '十二号桌'],
    ['3楼菊花厅', '菊花厅'],
    ['6号包房', '6号包房'],
    ['包厢8', '包厢8'],
    ['包间 12', '包间 12'],
    ['包间竹韵', '竹韵'],
    ['包厢 兰亭', '兰亭'],
    ['二楼兰亭阁', '兰亭阁'],
  ])('room %s', (written, room) => {
    expect(parse(`易总 今晚 4人 2600 ${written}`).room?.value).toBe(room);
  });

  test('a rough bill (花了七八千) is not recorded as paid, so the bot asks', () => {
    const r = parse('童总 今晚 6人 花了七八千');
    expect(r.amount).toBeUndefined();
    expect(r.missing).toContain('amount');
  });

  test('a bill followed by a spaced room word stays the bill (消费4,680 包厢, 2800 卡里)', () => {
    expect(values(parse('唐总 今晚 6人 消费4,680 包厢'))).toMatchObject({
      amount: 4680,
      room: undefined,
    });
    expect(parse('唐总 今晚 6人 消费2800 卡里还有3000').amount?.value).toBe(2800);
    expect(parse('唐总 今晚 6人 消费2800,5号桌').room?.value).toBe('5号桌');
    expect(parse('唐总 今晚 6人 888包厢').room?.value).toBe('888包厢');
    expect(parse('唐总 今晚 6人 4680 包厢').amount?.value).toBe(4680);
  });

  test.each(['包厢满了', '包间很好', '包厢太吵', '包间不错'])(
    'talk about the room (%s) names no room and keeps the bill',
    (talk) => {
      expect(values(parse(`易总 今晚 4人 2600 ${talk}`))).toMatchObject({
        amount: 2600,
        room: undefined,
      });
    },
  );

  test('a bill before 点了 (what was ordered) stays the bill; 11点了 stays the time', () => {
    expect(parse('聂总 今晚 4人 2600 点了佛跳墙').amount?.value).toBe(2600);
    expect(parse('聂总 今晚 4人 2600点的菜').amount?.value).toBe(2600);
    expect(parse('王总那桌 4人 11点了还没走').amount).toBeUndefined();
  });

  test('the digit after 2万 is part of the bill, not a room number (2万6 卡座V5)', () => {
    expect(values(parse('乐总 今晚 8个人 2万6 卡座V5'))).toMatchObject({ amount: 26000 });
  });

  test('a room word before a head count is no room number (包厢8人 is eight people)', () => {
    expect(values(parse('易总 今晚 包厢8人 2600'))).toMatchObject({
      partySize: 8,
      room: undefined,
    });
  });

  test('two tables in one message: the reading shows the first, `several` holds both', () => {
    const r = parse('张总今晚3人2800,李总今晚4人3600');
    expect(values(r)).toMatchObject({ customer: '张总', partySize: 3, amount: 2800 });
    expect(r.several?.map((v) => [v.customer?.value, v.amount?.value])).toEqual([
      ['张总', 2800],
      ['李总', 3600],
    ]);
  });

  test('a clipped room word needs its 号: 买了3包烟 counts packets, no room', () => {
    expect(parse('易总 今晚 4人 2600 买了3包烟').room).toBeUndefined();
  });

  test('a booth code after a spaced figure is a room, not a magnitude (2万2 K8卡座)', () => {
    expect(values(parse('刘哥 今晚 5个人 一共2万2 K8卡座'))).toMatchObject({
      amount: 22000,
      room: 'K8卡座',
    });
    expect(parse('刘哥 今晚 5个人 一共2 k').amount?.value).toBe(2000);
  });

  test('every field keeps the span it was read from', () => {
    const text = '【钟总】昨晚 6位 消费¥3,680 牡丹厅';
    const r = parse(text);
    for (const f of [r.customer, r.date, r.partySize, r.amount, r.room]) {
      expect(f).toBeDefined();
      expect(text.slice(f!.span.index, f!.span.index + f!.span.text.length)).toBe(f!.span.text);
    }
    expect(r.customer!.span).toEqual({ index: 1, text: '钟总' });
    expect(r.partySize!.span).toEqual({ index: 7, text: '6位' });
    expect(r.amount!.span).toEqual({ index: 12, text: '¥3,680' });
    expect(r.room!.span).toEqual({ index: 19, text: '牡丹厅' });
  });

  test('spans index the original text even when it was full-width', () => {
    const text = '冯总 今晚 ３人 消费２８００';
    const r = parse(text);
    expect(r.amount).toMatchObject({
      value: 2800,
      span: { index: 11, text: '２８００' },
      implied: false,
    });
  });

  test('a visit without a date is dated today, marked implied', () => {
    const r = parse('赵姐 生日宴 12人 消费三千五');
    expect(r.date).toEqual({ value: '2026-11-22', span: { index: 0, text: '' }, implied: true });
    expect(r.occasion?.value).toBe('生日宴');
  });

  test('half-finished visits say what is missing', () => {
    expect(parse('张总 今晚 3人')).toMatchObject({ intent: 'visit', missing: ['amount'] });
    expect(parse('今晚 3人 消费2800')).toMatchObject({ intent: 'visit', missing: ['customer'] });
    expect(parse('张总 今晚 3人 消费2800').missing).toEqual([]);
  });

  test('profile facts ride along on a visit', () => {
    const r = parse(
      '彭总 今晚 4人 消费2800 喜欢喝茅台 不吃辣 电话138-0013-8000 生日5月6号 张总介绍的 和马总一起',
    );
    expect(r.intent).toBe('visit');
    expect(r.phone?.value).toBe('13800138000');
    expect(r.preferences?.map((p) => p.value)).toEqual(['喜欢喝茅台', '不吃辣']);
    expect(r.birthday?.value).toEqual({ calendar: 'solar', month: 5, day: 6 });
    expect(r.referrer?.value).toBe('张总');
    expect(r.companions?.map((c) => c.value)).toEqual(['马总']);
    expect(r.date?.value).toBe('2026-11-22');
  });

  test('notes and bottles', () => {
    const r = parse('刘哥 今天 4人 开了两瓶黑桃A 存酒一瓶 消费16800');
    expect(r.notes?.map((n) => n.value)).toEqual(['开了两瓶黑桃A']);
    expect(r.bottles?.map((n) => n.value)).toEqual(['存酒一瓶']);
    expect(r.amount?.value).toBe(16800);
  });

  test('confidence is higher for a complete visit than a half one', () => {
    expect(parse('张总 今晚 3人 消费2800').confidence).toBeGreaterThan(
      parse('张总 今晚 3人').confidence,
    );
  });
});
