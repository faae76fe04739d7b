import {
  BAD_CLEAR,
  BAD_MORE,
  COMPLAINT_HINT,
  COMPLAINT_WORDS,
  GOOD,
} from '../../src/parser/lexicon/complaints';
import { parse } from './helpers';

describe('complaints: structure plus a short lexicon', () => {
  test.each([
    ['张总 投诉 菜太咸', '张总', '菜太咸'],
    ['李姐说服务太慢 很不满意', '李姐', '服务太慢 很不满意'],
    ['投诉 张总 上菜太慢', '张总', '上菜太慢'],
    ['王总 说鱼不新鲜', '王总', '鱼不新鲜'],
    ['陈总觉得汤有点凉', '陈总', '汤有点凉'],
  ])('%s is a case', (text, customer, said) => {
    const r = parse(text);
    expect(r.command?.name).toBe('complaint.record');
    expect(r.customer?.value).toBe(customer);
    expect(r.complaint?.value).toBe(said);
  });

  test.each([
    '张总 没有不满意',
    '张总说不是很慢',
    '张总说菜很好吃 很满意',
    '张总 说鱼很新鲜',
    '张总 3人 2800',
    '张总很久没来了',
  ])('%s is not a complaint', (text) => {
    const r = parse(text);
    expect(r.command?.name).not.toBe('complaint.record');
    expect(r.complaint).toBeUndefined();
  });

  it('carries the complaint on a follow-up result', () => {
    const r = parse('已回访 张总 说上次的鱼不新鲜');
    expect(r.command?.name).toBe('followup.done');
    expect(r.complaint?.value).toBe('上次的鱼不新鲜');
  });

  it('reads closing and the list as commands, not as new complaints', () => {
    expect(parse('投诉处理 张总 已道歉 下次送果盘').command?.name).toBe('complaint.close');
    expect(parse('投诉处理 张总 已道歉 下次送果盘').complaint).toBeUndefined();
    expect(parse('本月投诉').command?.name).toBe('query.complaints');
  });

  it('gates on a character every rule word contains', () => {
    const all = [...COMPLAINT_WORDS, ...BAD_CLEAR, ...BAD_MORE, ...GOOD.map((g) => '不' + g)];
    for (const w of all) expect(COMPLAINT_HINT.test(w)).toBe(true);
  });
});
