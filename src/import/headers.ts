/**
 * Which column is which in a store's own customer sheet. Stores keep seed 004's archive
 * (姓名-性别-电话-VIP号码-身份证号码-地址-生日-积分-累计消费-消费次数-每次消费明细-每次购买的时间-
 * 每次的接待人员-赠送详情-回访详情) with their own words and order, so headers are matched by
 * variants as data, after dropping spaces, brackets and units: `联系电话`, `手机号码`, `累计消费(元)`.
 */

export type Field =
  | 'name'
  | 'gender'
  | 'phone'
  | 'vipNumber'
  | 'idNumber'
  | 'address'
  | 'birthday'
  | 'points'
  | 'totalSpend'
  | 'visits'
  | 'spendDetails'
  | 'visitDates'
  | 'lastVisit'
  | 'owner'
  | 'gifts'
  | 'followUps'
  | 'company'
  | 'position'
  | 'preferences'
  | 'notes';

/** Header words per field, compared after `cleanHeader`. First match in this order wins. */
export const HEADER_WORDS: readonly [Field, readonly string[]][] = [
  [
    'name',
    [
      '姓名',
      '客户',
      '客户姓名',
      '客户名称',
      '顾客',
      '顾客姓名',
      '名字',
      '称呼',
      '客人',
      '会员姓名',
    ],
  ],
  ['gender', ['性别']],
  [
    'phone',
    [
      '电话',
      '手机',
      '手机号',
      '手机号码',
      '联系电话',
      '电话号码',
      '联系方式',
      '客户电话',
      '移动电话',
    ],
  ],
  ['vipNumber', ['vip号码', 'vip号', 'vip卡号', '会员号', '会员卡号', '卡号']],
  ['idNumber', ['身份证号码', '身份证号', '身份证']],
  ['address', ['地址', '住址', '家庭住址', '联系地址']],
  ['birthday', ['生日', '出生日期', '生日日期', '农历生日', '阴历生日', '出生年月']],
  ['points', ['积分', '当前积分']],
  ['totalSpend', ['累计消费', '累计消费金额', '消费总额', '总消费', '累计金额', '消费金额']],
  ['visits', ['消费次数', '到店次数', '来店次数', '次数', '累计次数']],
  ['spendDetails', ['每次消费明细', '消费明细', '消费记录']],
  [
    'visitDates',
    ['每次购买的时间', '每次消费时间', '消费时间', '购买时间', '消费日期', '到店日期'],
  ],
  // lastVisit: read by LAST_VISIT below, not by a list.
  [
    'owner',
    [
      '每次的接待人员',
      '接待人员',
      '接待',
      '服务员',
      '负责人',
      '客户经理',
      '营销',
      '所属员工',
      '归属',
    ],
  ],
  ['gifts', ['赠送详情', '赠送', '赠品']],
  ['followUps', ['回访详情', '回访记录', '回访']],
  ['company', ['公司', '单位', '工作单位', '公司名称']],
  ['position', ['职位', '职务']],
  ['preferences', ['喜好', '偏好', '口味', '忌口', '喜好忌口', '饮食偏好']],
  ['notes', ['备注', '说明', '其他']],
];

/** `累计消费(元)` → `累计消费`; `VIP 号码` → `vip号码`; `手机号码:` → `手机号码`. */
export function cleanHeader(raw: string): string {
  return raw
    .replace(/[((【[].*?[))】\]]/g, '')
    .replace(/[\s::*#/\\._-]/g, '')
    .replace(/[((【[)】\]]/g, '')
    .toLowerCase();
}

const BY_WORD = new Map<string, Field>(
  HEADER_WORDS.flatMap(([field, ws]) => ws.map((w) => [w.toLowerCase(), field] as const)),
);

/**
 * The last visit is written in many ways (最近一次消费, 最后一次到店时间, 上次来店日期…): a word for
 * "last", an optional 一次/次, a word for a visit and an optional 日期/时间. Amounts
 * (最近一次消费金额) are not dates and stay unread.
 */
const LAST_VISIT =
  /^(?:最近|最后|上|末)(?:一次|次)?(?:消费|到店|来店|光临|就餐|用餐)(?:日期|时间|日)?$/;

/** The field a header names, if any. */
export function fieldOf(raw: string): Field | undefined {
  const header = cleanHeader(raw);
  return BY_WORD.get(header) ?? (LAST_VISIT.test(header) ? 'lastVisit' : undefined);
}

export interface HeaderMap {
  /** Column number (1-based, as exceljs counts) → field. */
  columns: Map<number, Field>;
  /** Headers nobody reads, for the report: `身份证号码` is left out on purpose. */
  ignored: string[];
  /** The birthday column says 农历生日: its dates are lunar unless a cell says otherwise. */
  lunarBirthday: boolean;
}

/** Map a header row; a field named twice keeps its first column. */
export function mapHeaders(cells: { column: number; text: string }[]): HeaderMap {
  const columns = new Map<number, Field>();
  const taken = new Set<Field>();
  const ignored: string[] = [];
  let lunarBirthday = false;
  for (const { column, text } of cells) {
    const field = fieldOf(text);
    if (!field || taken.has(field) || field === 'idNumber') {
      if (text.trim()) ignored.push(text.trim());
      continue;
    }
    columns.set(column, field);
    taken.add(field);
    if (field === 'birthday') lunarBirthday = /农历|阴历/.test(cleanHeader(text));
  }
  return { columns, ignored, lunarBirthday };
}
