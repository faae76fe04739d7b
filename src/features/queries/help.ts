/**
 * 帮助: what the bot understands, one example each, fitted to the asker's role: staff are not
 * shown what only managers or admins may ask.
 */
import type { Role } from '../../model/staff';
import { staffOf } from '../../pipeline/context';
import { commandFeature, READ_ONLY } from '../command';

type Level = Role | 'chain';

interface Topic {
  level: Level;
  what: string;
  example: string;
}

export const TOPICS: readonly Topic[] = [
  { level: 'staff', what: '记消费', example: '张总 今晚 3人 消费2800' },
  { level: 'staff', what: '补资料', example: '张总 电话13812345678 农历八月十五生日 不吃辣' },
  { level: 'staff', what: '查客户', example: '查 张总 / 张总上次来是什么时候' },
  { level: 'staff', what: '改错', example: '撤销 / 张总 金额改成2600' },
  { level: 'staff', what: '我的客户', example: '我的客户' },
  { level: 'staff', what: '回访', example: '我的待回访 / 张总 已回访 / 张总 周五再联系' },
  { level: 'staff', what: '预订', example: '王总订了明晚6人 牡丹厅 / 今晚预订 / 王总 已到店' },
  { level: 'staff', what: '投诉', example: '张总 投诉 菜太咸' },
  { level: 'staff', what: '分级客户', example: '本周A类客户' },
  { level: 'staff', what: '我的业绩', example: '本月业绩' },
  { level: 'staff', what: '流失客户', example: '最近没来的客户' },
  { level: 'staff', what: '生日', example: '本周生日的客户' },
  { level: 'staff', what: '节日', example: '下周有哪些节日' },
  { level: 'manager', what: '处理投诉', example: '投诉处理 张总 已道歉 / 本月投诉' },
  { level: 'manager', what: '营业额', example: '本周营业额 / 昨天营业额' },
  { level: 'manager', what: '转客户', example: '把张总转给小李' },
  { level: 'manager', what: '员工名单', example: '员工列表' },
  { level: 'manager', what: '看设置', example: '设置' },
  { level: 'manager', what: '导出表格', example: '导出 本月 / 导出 客户' },
  { level: 'admin', what: '添加员工', example: '添加员工 小王 服务员' },
  { level: 'admin', what: '删除员工', example: '删除员工 小王' },
  { level: 'admin', what: '绑定群', example: '绑定本群(在群里发)' },
  { level: 'admin', what: '改设置', example: '设置 A类消费 6000' },
  { level: 'admin', what: '导入客户表', example: '确认导入(先私聊把 .xlsx 或 .csv 客户表发给我)' },
  { level: 'chain', what: '新建门店', example: '新建门店 sh2 上海二店' },
  { level: 'chain', what: '门店', example: '门店列表 / 切换门店 sh2' },
];

const RANK: Record<Level, number> = { staff: 0, manager: 1, admin: 2, chain: 3 };

export function helpText(role: Role, chain: boolean): string {
  const rank = chain ? RANK.chain : RANK[role];
  const lines = TOPICS.filter((t) => RANK[t.level] <= rank).map((t) => `${t.what}:${t.example}`);
  const scope = RANK[role] >= RANK.manager ? '' : '(查询只显示你自己的客户)';
  return ['我能听懂这些,照着发就行' + scope, ...lines].join('\n');
}

export const help = commandFeature(
  ['help'],
  async (ctx) => {
    const { staff } = staffOf(ctx);
    ctx.reply(helpText(staff.role as Role, staff.chain === true));
  },
  READ_ONLY,
);
