/**
 * Chinese surnames, complete rather than tuned: the whole 百家姓 and the common modern surnames it
 * lacks. The customer extractor reads full names (张建国), nicknames (老洪, 小萧) and loose names
 * with this table; a name before a title (洪总, 庹姐) needs no table at all (extract/customer.ts).
 *
 * Sources: 《百家姓》 (北宋), all of its single and compound surnames in its traditional order;
 * common surnames outside it from 公安部户政管理研究中心《二〇二〇年全国姓名报告》 (the hundred most
 * common, all of which appear here) and regional surnames of Guangdong, Hong Kong and the north-east
 * that staff meet daily (区 冼 邝 麦, 代 初 矫 庹 门).
 */
import { words } from './data';

/** 《百家姓》's single surnames, in its order (繁体 forms simplified). */
const BAIJIAXING_SINGLE =
  '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎' +
  '鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄' +
  '和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭' +
  '梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚' +
  '程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫' +
  '宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴郁胥能苍双' +
  '闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容' +
  '向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空' +
  '曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公' +
  // The compound section ends with lines that pair single surnames (晋楚 闫法 汝鄢 …).
  '晋楚闫法汝鄢涂钦岳帅缑亢况有琴佘佴墨哈谯笪年爱阳佟言福';

/** 《百家姓》's compound surnames. */
const BAIJIAXING_COMPOUND =
  '万俟 司马 上官 欧阳 夏侯 诸葛 闻人 东方 赫连 皇甫 尉迟 公羊 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 ' +
  '公孙 仲孙 轩辕 令狐 钟离 宇文 长孙 慕容 鲜于 闾丘 司徒 司空 亓官 司寇 仉督 子车 颛孙 端木 巫马 公西 ' +
  '漆雕 乐正 壤驷 公良 拓跋 夹谷 宰父 谷梁 段干 百里 东郭 南门 呼延 归海 羊舌 微生 梁丘 左丘 东门 西门 ' +
  '商牟 伯赏 南宫 第五';

/** Common modern surnames 《百家姓》 lacks (肖 and 付 beside 萧 and 傅, regional ones). */
const MODERN_SINGLE =
  '肖付覃代初区门庹矫冼邝麦佟仝亓禚郇谌粟练揭旷展玄苑迟鲜银母植冶兰芦卿栗楼蒿操战衣佴靖' +
  '牟苟隋商丛官南豆朴漆敬普鹿邸辜修赫玉宾尉斯檀智奉尧闭';

/**
 * Surnames that are everyday function words. They are never read as a name, with or without a
 * title: 和总经理一起来 is "with the general manager", 那个 is "that one", 都来了 is "all came".
 */
export const FUNCTION_SURNAMES: ReadonlySet<string> = new Set(
  '和那有都从能通别充终相后公国东广步居养须家空来才原香这是个一不没也就还又在给把被让叫跟与同及对到去说要会可请很太最更再',
);

const SINGLE = new Set([...BAIJIAXING_SINGLE, ...MODERN_SINGLE]);

/** Single-character surnames that can start a name. */
export const SURNAMES: ReadonlySet<string> = new Set(
  [...SINGLE].filter((c) => !FUNCTION_SURNAMES.has(c)),
);

/** Two-character surnames; checked before single ones so 欧阳总 is not 阳总, 单于总 not 于总. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(words(BAIJIAXING_COMPOUND));
