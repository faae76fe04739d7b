/**
 * Who a message is about: surnames, honorific titles and the words that frame a name. Plain data;
 * the customer extractor (extract/customer.ts) decides how they combine.
 */

import { labelsByWord, words } from './data';

export { COMPOUND_SURNAMES, FUNCTION_SURNAMES, SURNAMES } from './surnames';

/** Honorifics staff put after a surname (张总, 王老板). Longest first is enforced by the matcher. */
export const TITLES: readonly string[] = words(
  '董事长 总经理 老板娘 总 总监 总裁 董 老板 经理 主任 局长 局 处长 科长 部长 厅长 院长 校长 所长 行长 ' +
    '书记 主席 秘书长 会长 老师 教授 博士 医生 大夫 律师 师傅 工 导 警官 队长 团长 先生 女士 小姐 太太 ' +
    '夫人 姐 大姐 姐姐 哥 大哥 哥哥 叔 叔叔 阿姨 姨 伯 大爷 奶奶 爷爷 婶 嫂 少 妹 生 太',
);

/**
 * Cantonese titles (陈生 Mr Chan, 黄太 Mrs Wong): one character that also ends everyday words
 * (学生, 花生, 不太), so they title only a surname from the table, standing as a word of its own.
 */
export const SURNAME_ONLY_TITLES: ReadonlySet<string> = new Set(words('生 太'));

/** Titles after which a full name (surname + given name) is normal: 李娜女士, 王建国先生. */
export const FULL_NAME_TITLES: ReadonlySet<string> = new Set(
  words('先生 女士 小姐 老师 医生 律师 教授 博士 总经理 董事长'),
);

/** Gender a title implies; only these are unambiguous. */
export const TITLE_GENDER: ReadonlyMap<string, '男' | '女'> = new Map<string, '男' | '女'>(
  labelsByWord(
    '先生=男 女士=女 小姐=女 太太=女 夫人=女 姐=女 大姐=女 姐姐=女 哥=男 大哥=男 哥哥=男 叔=男 ' +
      '叔叔=男 阿姨=女 姨=女 伯=男 大爷=男 奶奶=女 爷爷=男 婶=女 嫂=女 老板娘=女 妹=女 生=男 太=女',
  ),
);

/**
 * What may follow a title without it being a title: 消费总额 (费总+额), 买单总共 (单总+共).
 * Keyed by title, value = characters that veto it when they come right after.
 */
export const TITLE_VETO_NEXT: ReadonlyMap<string, string> = new Map(
  labelsByWord(
    '总=共计额价数量账结和 局=面势部 导=致演航游 工=作资人程厂具钱 少=了点数许量 妹=妹子 伯=爵',
  ),
);

/** Characters that sit before a title without naming anyone: 副总, 老总, 各位总监. */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set('副正老小大各众诸某总');

/** Words that introduce a name in labelled messages (客户:张伟) and may sit right before it. */
export const NAME_PREFIXES: readonly string[] = words(
  '客户 客人 顾客 姓名 名字 贵宾 查询 查一下 查下 查 跳过 把 给 和 跟 与 由 是 被 请 找 陪 带 约 合并 已回访 回访',
);

/**
 * Characters that cannot be part of a given name: function words, time and number words. Keeps
 * 辛苦了, 谢谢, 明天 and 张总来了 from being read as full names.
 */
export const NOT_GIVEN: ReadonlySet<string> = new Set(
  '的了是在和跟与把被总姐哥今昨明前后天晚早上下午中周号月日年人位个元块万千百十一二两三四五' +
    '六七八九零来去走吃喝说要订好不也都还就又再很太真啊吗呢吧哦嗯呀啦哈收到辛苦谢叫让给请问点几多' +
    '少刚才已经过没有这那哪谁什么怎样桌厅房包间座号加拿椅子菜',
);

/**
 * Of NOT_GIVEN, the characters that are also common in given names (王明, 李刚, 刘天明, 张中华,
 * 陈月): allowed when the name stands alone as a token (delimited, not claimed by a date), since
 * date words are claimed by the date extractor before names are looked for.
 */
export const GIVEN_WHEN_DELIMITED: ReadonlySet<string> = new Set(
  '明天晚早中月日年一二三四五六七八九刚才后前上下午周子',
);

/** 老/小 + word pairs that are ordinary words, not nicknames (老孟, 小熊 are nicknames). */
export const NOT_NICKNAMES: ReadonlySet<string> = new Set(
  words(
    '老板 老师 老公 老婆 老人 老家 老乡 老客 老总 老样 老地 老位 小时 小费 小姐 小孩 小朋 小菜 小米 小吃 ' +
      '小票 小包 小龙 小黄 小白 小区 小心 小事 小份 小桌 小厅 小房 小卖 小炒 小酒 小锅 老酒 老汤 老鸭 老火',
  ),
);

/** English words that look like names but are not (units, rooms, greetings). Lower case. */
export const NOT_ENGLISH_NAMES: ReadonlySet<string> = new Set(
  words(
    'vip rmb pax ok okay hi hello thanks thank yes no help the ' +
      'boss wifi ktv bar kk tel phone mobile cny usd am pm good ' +
      'sorry bye nice cool emm hmm haha lol plus max mini',
  ),
);

/**
 * Everyday two- and three-character words shaped like a full name (a surname, then characters a
 * given name may hold). A bare word like these is never read as a full name (高兴 is not Mr 高
 * Xing). Words the name rules refuse anyway (时间: 间 is no given name) are not listed; the test
 * test/parser/cue-lists.test.ts checks both.
 */
export const NOT_FULL_NAMES: ReadonlySet<string> = new Set(
  words(
    '高兴 高级 时候 明白 明年 文件 安排 安全 路上 成功 成交 全部 全家 全场 金额 金卡 银卡 银行 ' +
      '包厢 马上 白酒 黄酒 米饭 米酒 牛肉 牛排 牛蛙 羊肉 羊排 龙虾 江团 石斑 方便 方向 程序 卫生 ' +
      '温度 常客 康复 花生 花甲 花雕 毛肚 黄鱼 鲍鱼 甘蔗 祝福 单独 华为 向前 夏天 管理 舒服 纪念 ' +
      '毕竟 季度 解决 阳光 时尚 司机 吉祥 项目 连续 景色 宫保 费用 冷盘 应该 边上 商务 ' +
      '沙发 荣幸 官方 谈话 乐意 储存 燕窝 皮蛋 楼上 楼下 厉害 豆腐 丰富 支付 容易 敬酒 普通 印象 危险 玉米 ' +
      '宾客 茅台 利润 幸福 富贵 龙井 武夷 江湖 黎明 易拉罐 齐全 常规 任何 任务 ' +
      '任意 万一 方式 方面 朱古力 柴火 关门 关系 宁愿 简单 蓝莓 韩国 程度 苏打 ' +
      '熊猫 田螺',
  ),
);
