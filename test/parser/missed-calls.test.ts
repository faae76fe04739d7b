/**
 * Issue 15: a call nobody answered is a command (a customer + 没接/没人接/未接/不接/打不通…),
 * read by a rule, not a list of sentences; 接 in other senses (接待, 接受, 接到) stays talk.
 */
import { parse } from './helpers';

describe('missed calls', () => {
  test.each([
    ['张总 没接', '张总'],
    ['张总 电话没人接', '张总'],
    ['打了张总电话 没接', '张总'],
    ['给李姐打电话没接通', '李姐'],
    ['王老板 未接听', '王老板'],
    ['刘总 不接电话', '刘总'],
    ['陈总 打不通', '陈总'],
    ['孙姐 电话没打通', '孙姐'],
    ['赵总 占线', '赵总'],
    ['安姐 明天再打', '安姐'],
    ['文总 没有人接', '文总'],
  ])('%s is a missed call in its own form', (text, customer) => {
    const r = parse(text);
    expect(r.command).toMatchObject({ name: 'followup.missed', standalone: true });
    expect(r.customer?.value).toBe(customer);
  });

  test.each([
    '张总今天不接待',
    '没人接待散客吗',
    '张总没接到通知',
    '客人没接电话',
    '今天电话没人接',
    '张总 不接受消息',
    '李姐 明天再打电话',
  ])('%s is not a missed call', (text) => {
    expect(parse(text).command?.name).not.toBe('followup.missed');
  });

  test('a complete visit beats the words', () => {
    expect(parse('张总 没接 今晚3人 2800').intent).toBe('visit');
  });
});

describe('我的待回访 全部', () => {
  test.each(['我的待回访 全部', '全部待回访', '所有回访任务'])('%s is the whole list', (text) => {
    expect(parse(text).command).toMatchObject({ name: 'followup.mine', standalone: true });
  });
});
