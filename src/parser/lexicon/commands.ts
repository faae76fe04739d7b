/**
 * Messages addressed to the bot. Each rule is data: the words that must start the message, or
 * appear in it, optionally together with a second group. Rules are tried in order, so specific
 * ones (撤销, 改成) come before broad ones (查).
 */

import { words } from './data';

export interface CommandRule {
  name: string;
  /** The whole message (trimmed) is one of these. */
  exact?: readonly string[];
  /** The message starts with one of these. */
  starts?: readonly string[];
  /** The message contains one of these… */
  contains?: readonly string[];
  /** …and, when given, also one of these. */
  with?: readonly string[];
  /** Small patterns for shapes words cannot say (A类客户, a类). */
  pattern?: RegExp;
  /** The rule needs a customer name in the message (张总 改天). */
  needsName?: boolean;
  /** The rule is off when the message names a customer (本周生日的客户 vs 张总生日几号). */
  noName?: boolean;
  /** A message made only of period words and one `contains` word also matches (本周营业额). */
  bare?: boolean;
  /** Only the name, the keyword and time words: 张总 改天 (not 张总说改天来吃饭). */
  terse?: boolean;
  /**
   * A question about the customer is no question when the message carries the answer (a phone),
   * unless the command's own word opens the message (查 13800138000 looks the phone up).
   */
  noPhone?: boolean;
  /**
   * The command acts on one customer: a phone, or its last four digits (尾号8000, 张总 8000), may
   * stand for the name or beside it (已回访 13911112222, 把13800138000转给小李), and a phone counts
   * as the name a `needsName` rule wants.
   */
  customer?: boolean;
  /**
   * What the command's own form may hold besides its words, names, phones, figures, dates and
   * period words (see FRAME_WORDS). `result`: a name, then free words (已回访 张总 很满意).
   * `subject`: one more short token, the customer the parser did not recognise (查 张建国).
   * `args`: anything, after the command's word opens the message and a space or colon follows
   * (设置 截止时间 04:00, 绑定本群 万达店; not 设置一下音响).
   * Default: nothing more (撤销 张总, 改成3200, 本周A类客户).
   */
  form?: 'result' | 'subject' | 'args';
}

const WHICH = words('客户 顾客 客人 名单 哪些 哪几个 谁 有谁 列表 多少 几个 有几');
const ASK = words('多少 几 ? ？ 查 怎么样 如何 统计 报表 汇总 看看 看下');

/** 接 as in answering a call: 没接, 没人接, 未接听, 不接电话, 没接通; never 没接待/不接受/没接到. */
const MISSED_CALL =
  /(?:没有?人?|未|不)接(?:听|通|电话)?(?![待受到送收单住手洽见管触])|(?:打不|没打)通|无人接听|关机了?$|占线/;

export const COMMAND_RULES: readonly CommandRule[] = [
  {
    name: 'help',
    exact: words(
      '帮助 help /help ? ？ 菜单 功能 怎么用 使用说明 指令 命令 /start 你能做什么 能做什么 你会什么 有什么功能',
    ),
    starts: ['帮助', '/help'],
  },
  {
    name: 'undo',
    customer: true,
    starts: words('撤销 撤回 /undo undo 删除上一条 删掉上一条 取消上一条'),
    contains: words(
      '刚才那条删 刚才那条撤 刚才那条不算 刚才那条作废 刚才那条记录删 刚才的记录删 上一条删 上一条撤 上一条不算 ' +
        '删掉刚才 删除刚才 撤销刚才 刚刚那条删 那条删掉 那条删除',
    ),
  },
  {
    // 刚才记错了 删掉 (but 记错了 改成3200 is an amendment).
    name: 'undo',
    contains: words('记错了 录错了 写错了 搞错了 弄错了'),
    with: words('删掉 删除 撤销 撤回 作废 不要了 不算'),
  },
  {
    name: 'merge',
    starts: ['合并', '/merge'],
    contains: ['是同一个人', '是同一个客户', '是同一人', '合并客户'],
    form: 'subject',
  },
  {
    name: 'transfer',
    customer: true,
    contains: words('转给 转交给 交接给 移交给 划给 分给 转到'),
    with: words('客户 总 姐 哥 老板 先生 女士 给小 给老'),
  },
  {
    name: 'optout',
    contains: words(
      '不接受消息 不接受信息 不接受推送 不接受短信 不接受回访 不接受 退订 拒收 不要发消息 不要再发 别发消息 别再发 ' +
        '不要打扰 别打扰 勿扰 免打扰 不要联系 不要回访 不想被打扰 取消订阅 拒绝消息',
    ),
  },
  {
    name: 'staff.add',
    contains: words('添加员工 新增员工 加员工 新员工 添加服务员 添加营销 员工入职 添加店员'),
    form: 'args',
  },
  {
    name: 'staff.remove',
    contains: words('删除员工 移除员工 停用员工 删掉员工'),
    form: 'args',
  },
  {
    name: 'staff.list',
    exact: words('员工列表 员工名单 查看员工 所有员工 团队成员 员工有哪些 有哪些员工 /staff'),
  },
  {
    name: 'store.add',
    starts: words('新建门店 添加门店 新增门店 /newstore'),
    form: 'args',
  },
  {
    name: 'store.list',
    exact: words('门店列表 所有门店 查看门店 门店名单 /stores'),
  },
  {
    name: 'store.switch',
    starts: words('切换门店 切换到门店 /store'),
    form: 'args',
  },
  {
    name: 'group.bind',
    starts: ['绑定', '/bind'],
    contains: ['绑定本群', '绑定群', '绑定此群', '本群绑定'],
    form: 'args',
  },
  {
    name: 'settings',
    starts: words('设置 配置 /settings settings 设定'),
    contains: [
      '修改设置',
      '营业日截止',
      '截止时间设为',
      '简报时间',
      '查看设置',
      '当前设置',
      '门店设置',
    ],
    form: 'args',
  },
  {
    name: 'export',
    starts: words('导出 /export export 下载报表 下载数据'),
    contains: ['导出', '导成excel', '导成Excel', '导个表'],
  },
  {
    name: 'booking.cancel',
    contains: words(
      '取消预订 取消预定 取消订位 取消订座 取消订房 预订取消 预定取消 订位取消 不订了 预订不要了',
    ),
    // 李姐取消了今晚的预订, 王总取消明天的订位: the day sits between the verb and the booking.
    pattern: /取消了?[^订定]{0,8}?的(?:预订|预定|订位|订座|订房)/,
    form: 'subject',
  },
  {
    // 王总 已到店 (the booking's 已到店 button): the booked table is seated; the bill comes later.
    // Only the name and the words: 张总已到店 3人 消费2000 is a visit.
    name: 'booking.arrived',
    contains: words('已到店 到店了 已经到店 已经到了'),
    needsName: true,
    terse: true,
    form: 'subject',
  },
  {
    // 王总 改到后天 8人, 王总 改到7点: a booking moved (a visit is changed with 改成).
    name: 'booking.change',
    contains: words('改到 改期到 改期 推到 挪到 提前到 延到 换到'),
    needsName: true,
    form: 'result',
  },
  {
    // 今晚预订, 明天的预订, 本周预订, 王总的预订: a day or a customer, then the word, nothing else.
    name: 'query.bookings',
    pattern:
      /^(?:今晚|今天|今日|明天|明晚|后天|本周|这周|下周|\S{1,8}?的)的?(?:预订|预定|订位|订座)(?:情况|名单|列表|有哪些|有谁)?[??]?$/,
  },
  {
    name: 'amend',
    contains: words(
      '改成 改为 更正为 修改为 更改为 金额改 人数改 日期改 包间改 房间改 名字改 客户改 电话改 消费改 时间改 改一下',
    ),
  },
  {
    // 投诉处理 张总 已道歉 下次送果盘: a complaint case closed, with what was done.
    name: 'complaint.close',
    customer: true,
    starts: words('投诉处理 处理投诉 投诉已处理 已处理投诉'),
    contains: words('投诉处理 处理投诉 投诉已处理 已处理投诉 投诉处理好了'),
    form: 'result',
  },
  {
    // 本月投诉, 投诉, 本周的投诉, 投诉列表: the cases, managers only.
    name: 'query.complaints',
    contains: ['投诉'],
    with: words('列表 名单 哪些 多少 几个 几件 情况 记录 统计 汇总'),
    bare: true,
    noName: true,
  },
  {
    name: 'followup.done',
    customer: true,
    contains: words(
      '已回访 回访了 回访过 回访完 已联系 联系过了 已打电话 打过电话 电话回访了 已致电 已发消息 回访完成 已经回访 已经联系',
    ),
    form: 'result',
  },
  {
    name: 'followup.skip',
    customer: true,
    starts: ['跳过', '忽略', '/skip'],
    contains: words('不用回访 不需要回访 不回访了 暂不回访 跳过回访'),
    form: 'subject',
  },
  {
    // 我的待回访 全部: the whole list, past the cap.
    name: 'followup.mine',
    contains: words('待回访 回访名单 回访列表 回访任务 我的回访'),
    with: words('全部 所有 全部的 完整'),
  },
  {
    name: 'followup.mine',
    contains: words(
      '待回访 要回访谁 回访谁 回访名单 回访列表 回访任务 今日回访 今天联系谁 今天打给谁 给谁打电话 我的回访 该回访 需要回访',
    ),
  },
  {
    name: 'followup.later',
    customer: true,
    contains: words(
      '再联系 再回访 再打电话 晚点联系 晚点回访 稍后联系 稍后回访 过几天联系 推迟回访 回头再联系 之后再联系 下次再联系 延后',
    ),
    form: 'result',
  },
  {
    name: 'followup.later',
    customer: true,
    contains: ['改天', '下次', '过几天', '以后再说'],
    needsName: true,
    terse: true,
    form: 'result',
  },
  {
    // A call nobody answered: a customer + 没接/没人接/未接/不接/打不通/关机/占线. Not 没接待,
    // 不接受 (opt-out, matched before), 没接到通知: 接 here is answering the phone.
    name: 'followup.missed',
    pattern: MISSED_CALL,
    needsName: true,
    form: 'result',
  },
  {
    // 安姐 明天再打: the call is to be tried again, which means this one did not get through.
    name: 'followup.missed',
    contains: ['再打'],
    needsName: true,
    terse: true,
    form: 'result',
  },
  {
    name: 'customers.mine',
    contains: words('我的客户 我的顾客 我的客人 名下客户 名下的客户 我负责的客户'),
  },
  {
    name: 'query.churn',
    contains: words(
      '没来的 没来过的 没有来的 流失 沉睡 好久没来 很久没来 未到店 没到店 没消费 未消费 不来了',
    ),
    with: [...WHICH, '类'],
  },
  {
    name: 'query.birthdays',
    contains: ['生日'],
    with: [...WHICH, '本周', '这周', '下周', '本月', '这个月', '下个月', '今天', '明天', '最近'],
    noName: true,
  },
  {
    name: 'query.holidays',
    contains: words('节日 节假日 过节 什么节 哪些节 假期'),
    with: words('哪些 什么 有 ? ？ 查 列表 最近 下周 本月 下个月 这周 本周 快到'),
  },
  {
    name: 'query.tier',
    pattern: /(?<![A-Za-z])[A-Da-d]\s*[类级](?:客户|顾客|客人)?|VIP客户|大客户有/,
  },
  {
    name: 'query.performance',
    contains: words('业绩 排行 排名 榜单 提成 销售额 龙虎榜 开单'),
  },
  {
    name: 'query.revenue',
    contains: words('营业额 流水 营收 总收入 进账 总消费额'),
    with: ASK,
    bare: true,
  },
  {
    name: 'query.profile',
    customer: true,
    starts: words(
      '帮我查一下 帮我查下 帮我查 帮忙查 查一下 查询 查下 查查 查 搜索 搜 找一下 看一下 看看 /查',
    ),
    contains: words(
      '档案 资料 上次来 最近一次 来过几次 来了几次 消费记录 电话多少 手机多少 电话是多少 手机号多少 号码多少 ' +
        '手机号是多少 生日是哪天 生日几号 生日是几号 什么时候来的 多久没来 的信息 详情 喜欢喝什么 喜欢吃什么 忌口什么 ' +
        '是谁的客户 上次消费多少 上次花了多少 一共消费多少 总共消费多少',
    ),
    noPhone: true,
    form: 'subject',
  },
];

/** Words a `bare` rule may carry besides its keyword: 本周营业额, 昨天的流水. */
export const PERIOD_WORDS: readonly string[] = words(
  '今天 昨天 前天 今日 昨日 本周 这周 上周 这个星期 上个星期 本月 这个月 上个月 上月 今年 去年 本年 本季度 ' +
    '最近 近7天 近30天 的 我的 门店 全店',
);

/**
 * Words that frame a command without saying anything else: 把张总转给小李, 刚才那条删了,
 * 帮我查一下 张总, 我的客户. A command word beside any other word (撤销刚才那个菜, 导出一下菜单)
 * is talk among staff, not a command. Questions are framed by their question words (有哪些,
 * 是什么时候) and the figure they ask about (消费排行).
 */
export const FRAME_WORDS: readonly string[] = words(
  '帮我 帮忙 麻烦 请 把 给 将 刚才 刚刚 那条 这条 上一条 那笔 这笔 记录 客户 的 了 吧 啊 呀 哈 呢 掉 是 尾号 ' +
    '有哪些 哪些 有谁 谁 多少 几个 几位 名单 列表 什么时候 几号 哪天 消费',
);

/** Messages longer than this are conversation, not a command typed to the bot. */
export const MAX_COMMAND_LENGTH = 40;
