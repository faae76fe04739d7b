/** Chinese numerals and the units that follow an amount or a head count. */

import { numbersByWord, words } from './data';

/** Digit characters, including the colloquial 两/俩/仨 and the capital forms on receipts. */
export const CN_DIGITS: ReadonlyMap<string, number> = new Map(
  numbersByWord(
    '零=0 〇=0 一=1 二=2 两=2 三=3 四=4 五=5 六=6 七=7 八=8 九=9 壹=1 贰=2 叁=3 ' +
      '肆=4 伍=5 陆=6 柒=7 捌=8 玖=9',
  ),
);

/** Multipliers inside a number. Latin k/w are how staff type 千/万 on a phone keyboard. */
export const CN_UNITS: ReadonlyMap<string, number> = new Map(
  numbersByWord(
    '十=10 拾=10 百=100 佰=100 千=1000 仟=1000 万=10000 k=1000 K=1000 ' + 'w=10000 W=10000',
  ),
);

/**
 * Two neighbouring numerals said together give a rough count, not a two-digit number: 五六个人 is
 * five or six people, 七八千 seven or eight thousand (三五 is three to five).
 */
export const APPROXIMATE_PAIRS: ReadonlySet<string> = new Set(
  words('一两 一二 两三 二三 三四 四五 五六 六七 七八 八九 三五'),
);

/** Words right after a number that make it money. */
export const CURRENCY_SUFFIXES: readonly string[] = words('元整 块钱 元 块 圆 RMB rmb Rmb CNY cny');

/** Words right before a number that make it the amount paid (longest first in matching). */
export const AMOUNT_CUES: readonly string[] = words(
  '一共消费了 一共消费 总共消费 共消费 消费了 消费 花了 花费 花 金额 一共 总共 合计 总计 共计 共 买单 埋单 ' +
    '结账 结了 账单 签单 刷了 付了 付款 收款 收了 支付 实付 实收 实付款 实收款 到账 打折后 折后 优惠后 ' +
    '抹零后 最后 总额 总价 总消费 消费额 RMB rmb CNY 人民币',
);

/** Cues meaning the paid figure: when present they win over any other amount (原价 vs 折后). */
export const PAID_CUES: ReadonlySet<string> = new Set(
  words('实付 实收 实付款 实收款 打折后 折后 优惠后 抹零后 最后 到账'),
);

/** Cues meaning a price before discount: never the amount when a paid figure exists. */
export const ORIGINAL_CUES: readonly string[] = words('原价 原来 标价 折前 打折前 应收 应付');

/**
 * Money that moved without paying for a meal: a card balance or top-up, a deposit, a debt, a
 * refund, change. The figure after them is never the bill (刘总充值5000, 张总 押金500).
 */
export const NOT_BILL_CUES: readonly string[] = words(
  '余额 卡里还有 还剩 剩余 剩下 充值 充了 储值 押金 定金 订金 预付 欠 欠了 欠的 欠款 ' +
    '还差 未付 挂的账 退 退了 退款 退还 找零 找了 小费 红包',
);

/** Per-person price; multiplied by the party size. */
export const PER_PERSON_CUES: readonly string[] = ['人均', '每人', '每位'];

/** The people a head count may name: 三个客户, 两位朋友, 五名同事. */
const PEOPLE = words('客人 客户 朋友 同事 老板 领导 大人 家人 亲戚 同学 哥们 兄弟 姐妹');

/** Words after a number that make it a head count: 3人, 4位, 6pax, and a counter with PEOPLE. */
export const PARTY_SUFFIXES: readonly string[] = [
  ...words('个人 位 人 名 口人 pax Pax PAX'),
  ...words('个 位 名').flatMap((counter) => PEOPLE.map((who) => counter + who)),
];

/** Labels before a number that make it a head count (人数3, 人数:6). */
export const PARTY_LABELS: readonly string[] = ['就餐人数', '用餐人数', '人数为', '人数'];

/** Words that open a head count (一行20人, 一桌12位, 同行5人). */
export const PARTY_OPENERS: readonly string[] = ['一行', '一桌', '同行', '共计'];

/**
 * Whole words that are a head count on their own. Value = people.
 */
export const PARTY_WORDS: ReadonlyMap<string, number> = new Map(
  numbersByWord(
    '一家三口=3 一家四口=4 一家五口=5 一家六口=6 三口之家=3 夫妻俩=2 夫妻两个=2 两口子=2 小两口=2 老两口=2 ' +
      '夫妻二人=2 母女俩=2 父子俩=2 母子俩=2 父女俩=2 兄弟俩=2 姐妹俩=2 哥俩=2 姐俩=2 两人=2 ' +
      '俩人=2 仨人=3 我们俩=2 他们俩=2 他们仨=3 姐妹仨=3 兄弟仨=3 一个人=1 独自=1 单人=1 情侣=2',
  ),
);

/** Verbs that open with a counter's character: 2600 点了佛跳墙 is a bill, then what was ordered. */
export const COUNTER_LIKE_VERBS: readonly string[] =
  words('点了 点菜 点的 点单 点过 分了 分给 分开');

/** After a number, these mean it counts something else (8点, 2瓶, 30天, 5折): not money, not people. */
export const OTHER_COUNTERS: readonly string[] = words(
  '点 点钟 分钟 分 小时 岁 天 年 月 周 号 日 % 瓶 杯 把 张 道 份 斤 两 只 条 次 期 楼 层 折 度 ' +
    '箱 盒 支 根 碗 盘 扎 听 罐 桶 壶 类 星 倍 米 公里 km cm ml',
);
