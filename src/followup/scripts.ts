/**
 * 话术: suggested wording per task, in the owner's voice, for staff to send or say from their own
 * phone (the bot never messages customers). Data only; wording.ts fills and picks. A template is
 * used only when the archive knows every {slot} it names, so nothing reads "喜欢{liked}".
 *
 * Greetings never sell (seed 004: "以祝福为主,不牵涉到商品推销"): no offers, no rooms, no
 * invitations. test/followup/scripts.test.ts checks every greeting against SELLING_WORDS.
 */

export type ScriptKind =
  | 'thanks'
  | 'revisit'
  | 'quarterly'
  | 'gift'
  | 'birthdayGreeting'
  | 'weddingGreeting'
  | 'companyGreeting'
  | 'holidayCall'
  | 'holidayGreeting'
  | 'churn';

export const SCRIPTS: Record<ScriptKind, readonly string[]> = {
  // The day after: ask how it was (seed 002 "入住后征询意见").
  thanks: [
    '{name}您好,{intro}{when}招待不周,菜品和服务您还满意吗?有什么意见尽管提,我们好改进。',
    '{name},{when}谢谢您赏光!{intro}那天吃得怎么样?有不合口味的地方请一定告诉我。',
    '{name}您好,{intro}{when}在{room}用餐感觉怎么样?菜品、上菜速度有哪里需要改进的吗?',
    '{name}您好,{intro}{when}照顾得还周到吗?记得您喜欢{liked},下次我提前给您安排好。',
  ],
  revisit: [
    '{name}您好,{intro}好久没见您了,最近忙吧?上次{last}您来,那天吃得还满意吗?有空常来坐坐。',
    '{name},{intro}最近还好吗?记得您喜欢{liked},哪天有空过来,我提前给您准备。',
    '{name}您好,{intro}有阵子没见您了。最近有聚会的话跟我说一声,{room}我先给您看着。',
    '{name}您好,{intro}上次{last}您{party}过来,招待得还好吗?朋友聚会需要的话提前告诉我。',
  ],
  // Seed 004: weather changes are a reason to call that is not a sales call.
  quarterly: [
    '{name}您好,{intro}好久不见,最近一切都好吧?天气多变,注意身体。有需要随时找我。',
    '{name},{intro}挺久没联系了,给您问个好。店里最近上了几道新菜,有空过来尝尝。',
    '{name}您好,{intro}一直记得您喜欢{liked},想着问候您一声。最近忙不忙?有空过来坐坐。',
  ],
  // For the staff member, not the customer: what to get ready.
  gift: [
    '{date}是{name}的{occasion},提前备好{gift},当天连同祝福一起送上。',
    '{name}{date}{occasion}:{gift}今天就订好,别等到当天。',
    '{name}{date}{occasion},客人喜欢{liked},{gift}可以往这方面挑。',
  ],
  birthdayGreeting: [
    '{name},{intro}祝您生日快乐!身体健康,万事顺意!',
    '{name}您好,{intro}今天是您的{occasion},祝您生日快乐,天天开心!',
    '{name},生日快乐!{intro}祝您新的一岁事业顺利、阖家幸福。',
  ],
  weddingGreeting: [
    '{name},{intro}今天是您和爱人的结婚纪念日,祝您二位幸福美满,甜甜蜜蜜!',
    '{name}您好,{intro}祝您和爱人结婚{years}纪念日快乐,相伴到老!',
    '{name},结婚纪念日快乐!{intro}祝您一家幸福安康。',
  ],
  companyGreeting: [
    '{name},{intro}今天是贵公司的周年庆,祝贵公司生意兴隆、蒸蒸日上!',
    '{name}您好,{intro}恭贺贵公司成立{years}!祝事业红火,大展宏图!',
    '{name},{intro}祝贵公司周年庆快乐,越办越好!',
  ],
  // Seed: "过节时提前打电话预知顾客是否需要留位".
  holidayCall: [
    '{name}您好,{intro}{holiday}快到了,今年的{meal}定好地方了吗?需要的话我先给您留个位置。',
    '{name}您好,{intro}{holiday}临近,包间比较紧张,要不要照旧给您留{room}?',
    '{name},{intro}{holiday}快到了,提前问您一声:今年还是{party}左右吗?需要的话我先把位置留好。',
  ],
  holidayGreeting: [
    '{name},{intro}祝您{wish}!',
    '{name}您好,{intro}{soon},祝您{wish}!',
    '{name},{intro}{soon},给您和家人问个好,祝{wish}!',
  ],
  churn: [
    '{name}您好,{intro}好久没见您了,最近还好吗?上次{last}来的时候招待得还周到吗?有不满意的地方您一定告诉我。',
    '{name},{intro}有段时间没见您了,挺惦记的。哪天有空过来坐坐,{room}我提前给您安排。',
    '{name}您好,{intro}好久不见!记得您喜欢{liked},最近店里有新做法,想请您有空来尝尝,给提提意见。',
  ],
};

/** Words that make a greeting a sales message. */
export const SELLING_WORDS: readonly string[] = [
  '优惠',
  '活动',
  '订位',
  '留位',
  '预订',
  '订座',
  '打折',
  '折扣',
  '套餐',
  '促销',
  '新菜',
  '包间',
  '位置',
  '坐坐',
  '尝尝',
  '光临',
];

/** What each holiday's greeting wishes. 端午 is 安康, not 快乐. */
export const HOLIDAY_WISHES: Record<string, string> = {
  元旦: '元旦快乐,新年顺意',
  春节: '新春快乐,阖家幸福',
  元宵: '元宵节快乐,团团圆圆',
  妇女节: '节日快乐,越来越美',
  劳动节: '劳动节快乐,假期愉快',
  端午: '端午安康',
  七夕: '七夕快乐,甜甜蜜蜜',
  中秋: '中秋快乐,月圆人团圆',
  国庆: '国庆快乐,假期愉快',
  冬至: '冬至安康,多添衣保暖',
  圣诞: '圣诞快乐,平安喜乐',
};

/** What the room is wanted for, by holiday: 年夜饭 on 除夕, 团圆饭 at 中秋. */
export const HOLIDAY_MEALS: Record<string, string> = {
  春节: '年夜饭',
  中秋: '团圆饭',
};

/** What to prepare for each occasion. */
export const OCCASION_GIFTS: Record<'birthday' | 'wedding' | 'company', string> = {
  birthday: '生日蛋糕或小礼物',
  wedding: '鲜花或纪念小礼物',
  company: '祝贺花篮',
};
