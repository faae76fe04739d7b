/** Cue words the combiner weighs: what makes a message a visit, a booking, a profile or chatter. */

import { labelsByWord, numbersByWord, words } from './data';

import type { MealPeriod } from '../reading';

/** Relative day words → offset from today's business date. Future offsets mark a booking. */
export const RELATIVE_DAYS: ReadonlyMap<string, number> = new Map(
  numbersByWord(
    '大前天=-3 大前晚=-3 前天=-2 前晚=-2 前日=-2 昨天=-1 昨晚=-1 昨日=-1 昨儿=-1 ' +
      '昨夜=-1 昨个=-1 今天=0 今晚=0 今日=0 今儿=0 今夜=0 今早=0 今中午=0 当天=0 当晚=0 ' +
      '刚走=0 刚刚=0 刚才=0 刚结账=0 刚买单=0 明天=1 明晚=1 明日=1 明儿=1 明早=1 明中午=1 ' +
      '后天=2 后晚=2 大后天=3',
  ),
);

/** Weekday characters after 周/星期/礼拜. Sunday is 0 to match Date#getUTCDay. */
export const WEEKDAY_CHARS: ReadonlyMap<string, number> = new Map(
  numbersByWord('一=1 二=2 三=3 四=4 五=5 六=6 日=0 天=0 末=6 1=1 2=2 3=3 4=4 5=5 6=6 7=0'),
);

/** Meal words → period. Checked longest first. */
export const MEAL_WORDS: ReadonlyMap<string, MealPeriod> = new Map<string, MealPeriod>(
  labelsByWord(
    '早茶=早市 早市=早市 早餐=早市 早饭=早市 早上=早市 上午=早市 今早=早市 中午=午市 午市=午市 午饭=午市 ' +
      '午餐=午市 午宴=午市 下午=午市 晚上=晚市 今晚=晚市 昨晚=晚市 前晚=晚市 晚市=晚市 晚饭=晚市 晚餐=晚市 ' +
      '晚宴=晚市 傍晚=晚市 当晚=晚市 夜场=夜场 宵夜=夜场 夜宵=夜场 凌晨=夜场 半夜=夜场 深夜=夜场 今夜=夜场 ' +
      '昨夜=夜场 晚=晚市',
  ),
);

/** Occasions, longest first wins; value is the canonical label stored on the visit. */
export const OCCASIONS: ReadonlyMap<string, string> = new Map(
  labelsByWord(
    '生日宴=生日宴 生日聚会=生日宴 过生日=生日宴 生日派对=生日宴 寿宴=寿宴 祝寿=寿宴 婚宴=婚宴 喜宴=婚宴 ' +
      '订婚宴=订婚宴 满月酒=满月酒 满月宴=满月酒 百日宴=百日宴 商务宴请=商务宴请 商务宴=商务宴请 商务接待=商务宴请 ' +
      '宴请=宴请 请客=宴请 朋友聚餐=朋友聚餐 朋友聚会=朋友聚餐 同学聚会=同学聚会 同学会=同学聚会 战友聚会=朋友聚餐 ' +
      '聚餐=聚餐 家宴=家宴 家庭聚餐=家宴 家庭聚会=家宴 谢师宴=谢师宴 升学宴=升学宴 跨年=跨年 年会=年会 ' +
      '公司聚餐=公司聚餐 团建=团建 接风=接风宴 接风宴=接风宴 送别=送别宴 庆功宴=庆功宴 乔迁宴=乔迁宴 ' +
      '结婚纪念日=纪念日 纪念日=纪念日 求婚=求婚 约会=约会 年夜饭=年夜饭 团圆饭=家宴',
  ),
);

/** A table that happened: these make a name + date message a visit even without an amount. */
export const VISIT_VERBS: readonly string[] = words(
  '来了 来过 消费 花了 买单 埋单 结账 吃了 用餐 就餐 刚走 走了 喝了 开了 点了 签单 付了 到店 光临 来店',
);

/** A table that has not happened yet: a booking, never a visit. */
export const BOOKING_CUES: readonly string[] = [
  '预订',
  '预定',
  '订了',
  '订位',
  '订座',
  '订房',
  '订桌',
  '订包',
  '订个',
  '订一',
  '要订',
  '订 ',
  '留位',
  '留个',
  '留一',
  '留房',
  '约了',
  '要来',
  '会来',
  '准备来',
  '打算来',
  '待会',
  '等会',
  '一会',
  '晚点来',
  '晚点到',
  '马上到',
  '快到了',
  '还没到',
  '没来',
  '预约',
];

/**
 * The booking words that reserve a table (王总要来, 留个包厢, 预订), as opposed to talk of a table
 * arriving now (马上到, 还没到): with a customer and a day, a head count, a room or a time they
 * make a booking to record. 订 itself is read by a rule in combine.ts.
 */
export const RESERVING_CUES: readonly string[] = words(
  '预订 预定 预约 留位 留个 留一 留房 留包 约了 要来 会来 准备来 打算来',
);

/**
 * Verbs that report what a customer said (张总说…, 李姐讲…, 王总表示…). Longer forms end in one of
 * these (打电话说, 发消息说, 微信说, 讲了), so the verb itself is what is looked for.
 */
export const SPEECH_VERBS: readonly string[] = words('说 讲 表示 答应 告诉 提到 回复');

/**
 * Plans in reported speech besides a coming 来 (要来, 过来, 再来, 带客户来): 打算, 准备, 计划.
 * Reported with a speech verb they make the clause a table still to come.
 */
export const PLAN_WORDS: readonly string[] = words('打算 准备 计划');

/**
 * Talk of a later visit (王总说下次带10个人来). Alone it is no record; inside a complete visit
 * message (…消费2800 下次还来) it is a note and the visit stands.
 */
export const LATER_CUES: readonly string[] = ['下次', '下回', '改天来', '过两天', '过几天'];

/**
 * Chatter markers: operational talk that mentions names and numbers but is no record. Grouped by
 * what they talk about; test/parser/cue-lists.test.ts holds each one to its group's rule (with a
 * customer and a head count but no bill, the message is no record; without the word it is).
 * Items added to a table (加三把椅子, 加了两个菜) are read by a rule in combine.ts, not listed.
 */
export const CHATTER_CUES: readonly string[] = words(
  // The day's business and the team's own affairs.
  '营业额 流水 开会 打卡 排班 请假 上班 下班 交班 换班 工资 @所有人 通知 注意 ' +
    // Acknowledgements and moods.
    '收到 辛苦 好多 忙死 ' +
    // Stock and equipment.
    '卖完 沽清 缺货 补货 坏了 维修 打扫 卫生 ' +
    // Operations on a table, not its bill: a complaint, a refund, an invoice, dishes added.
    '投诉 退了 退菜 退酒 退单 退款 发票 开票 加了 加菜 ' +
    // Service at a table still eating: the kitchen's pace, a move, a take-away.
    '上菜 先上 起菜 走菜 催菜 换桌 打包',
);

/** Question endings: a question about a customer is not a fact about them. */
export const QUESTION_CUES: readonly string[] = words(
  '吗 么 呢 ? ？ 几点 什么时候 谁 哪 多少 怎么 是不是 有没有',
);

/** Preference and taboo openers: the clause that follows is stored as said. */
export const PREFERENCE_CUES: readonly string[] = words(
  '喜欢 爱喝 爱吃 偏爱 偏好 不吃 不喝 不能吃 不能喝 忌口 过敏 口味 不要 少放 多放 要求 习惯 只喝 只吃 ' +
    '常点 必点 戒酒 素食 吃素',
);

/** Notes worth keeping with the visit. */
export const NOTE_CUES: readonly string[] = words('点了 开了 带了 送了 赠送 备注 送 加了');

/** Stored bottles at the bar. */
export const BOTTLE_CUES: readonly string[] = words('存酒 寄存 存了 存放 存一瓶 存两瓶');

/** Referral phrasing: <name>介绍的, 由<name>介绍, 经<name>介绍. */
export const REFERRAL_AFTER: readonly string[] = words(
  '介绍的 介绍来的 介绍 推荐的 推荐来的 带来的',
);
export const REFERRAL_BEFORE: readonly string[] = ['由', '经', '介绍人', '推荐人'];

/** Companion phrasing: 和<name>一起. */
export const COMPANION_BEFORE: readonly string[] = words('和 跟 与 陪 同');

/** Profile labels. */
export const COMPANY_LABELS: readonly string[] = ['公司', '单位', '工作单位', '企业'];
export const COMPANY_SUFFIXES: readonly string[] = words('有限公司 公司 集团 银行 医院 事务所');
export const POSITION_LABELS: readonly string[] = ['职位', '职务', '岗位', '头衔'];
export const PHONE_LABELS: readonly string[] = words('电话 手机 手机号 联系方式 号码 tel 微信');
export const BIRTHDAY_WORDS: readonly string[] = ['生日', '生辰'];

/** After 生日 these make a gathering (生日宴, 生日会, 生日聚餐): the date beside it is the visit's. */
export const BIRTHDAY_GATHERING: ReadonlySet<string> = new Set('宴会餐饭趴派聚局');
export const LUNAR_WORDS: readonly string[] = ['农历', '阴历', '旧历'];
