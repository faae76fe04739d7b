/**
 * What marks a complaint (投诉与意见), as a few rules over a short general lexicon rather than a
 * list of sentences: an intensifier before a bad quality (太咸, 很慢, 有点贵), 不 before a good one
 * (不新鲜, 不满意, 不够热), a complaint word (投诉, 差评), or something found in the food (有头发).
 * A negator before the hit cancels it (没有不满意, 不是很慢, 不太咸); a compliment matches nothing.
 */
import { words } from './data';

/**
 * One of these is in every word the rules below can match (test/parser/complaint.test.ts checks
 * it): a message with none of them, most visits, pays nothing more than this test.
 */
export const COMPLAINT_HINT =
  /[诉满怨评意咸淡油腻腥硬慢贵差脏吵辣甜酸苦凉冷乱挤糊烂敷失鲜热净卫及味礼宗舒不头虫蝇异肚坏错久熟难夹]/;

/** Said of a complaint as such. */
export const COMPLAINT_WORDS: readonly string[] = words(
  '投诉 不满 抱怨 差评 有意见 意见很大 吃坏 拉肚子 头发 虫子 苍蝇 异物 上错菜 等太久 等了很久 等很久 上菜慢 出菜慢 ' +
    '服务差 态度差 服务不好 态度不好 味道不好 口味不好 没熟 夹生',
);

/** Strong intensifiers: anything bad after them is a complaint (太辣, 超贵, 有点凉). */
export const STRONG: readonly string[] = words('太 超 特别 非常 有点 有些 偏 巨 实在 真是');

/** Mild ones are everyday words too (很少来, 很久没来): only the clearest qualities follow. */
export const MILD: readonly string[] = words('很 真 比较 挺 好');

/** Bad qualities after a mild intensifier. */
export const BAD_CLEAR: readonly string[] = words(
  '咸 淡 油 腻 腥 硬 慢 贵 差 脏 吵 难吃 难喝 敷衍 失望 冷淡',
);

/** Bad qualities only a strong intensifier makes a complaint (很辣 may be liked). */
export const BAD_MORE: readonly string[] = words('辣 甜 酸 苦 凉 冷 乱 挤 糊 烂');

/** Good qualities: 不 (不太, 不够, 不怎么, 不是很) before one is a complaint (不新鲜, 不满意). */
export const GOOD: readonly string[] = words(
  '新鲜 满意 热乎 热 好吃 好喝 干净 卫生 热情 及时 入味 礼貌 正宗 舒服',
);

/** Between 不 and the good quality. */
export const NOT_QUITE: readonly string[] = words('太 够 怎么 是很 是太 大 很');

/** Before a hit, these say it did not happen: 没有不满意, 不是很慢, 一点也不咸, 没那么贵. */
export const NEGATORS: readonly string[] = words(
  '没有 没 不是 并不 不算 也不 都不 不会 并没有 并非 从不 不 无',
);

/** Words a hit may stand behind that only open what was said: 说, 投诉, 觉得, 嫌. */
export const LEAD_WORDS: readonly string[] = words(
  '投诉说 投诉了 投诉 反映说 反映 反馈说 反馈 觉得 感觉 嫌 说了 说 表示 抱怨说 抱怨',
);
