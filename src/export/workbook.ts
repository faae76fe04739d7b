/**
 * The export workbook: 客户 (seed 004's archive columns plus tier and figures), 消费记录 and
 * 回访记录 for the period. Chinese headers, dates as the store's calendar days, phones in full
 * only when the reader may see them (privacy.ts masks the rest).
 */
import ExcelJS from 'exceljs';
import { openingOf, summariesOf } from '../archive/refresh';
import { tierOf, type TierSettings } from '../archive/tiers';
import { maskPhone, maskPhones } from '../privacy';
import { isoDay, localParts } from '../time/business-day';
import type { ExportCustomer, ExportData } from './data';
import { actionLabel, followUpLabel } from './labels';

export interface WorkbookOptions {
  today: string;
  timeZone: string;
  tiers: TierSettings;
  period: { from: string; to: string };
  fullPhones: boolean;
  /** Only the 客户 sheet (`导出 客户`). */
  customersOnly: boolean;
}

type Row = (string | number | undefined)[];

const dayIn = (at: Date | null | undefined, timeZone: string) => {
  if (!at) return undefined;
  const p = localParts(at, timeZone);
  return isoDay(p.year, p.month, p.day);
};

function birthdayText(b: ExportCustomer['birthday']): string | undefined {
  if (!b) return undefined;
  const year = b.year ? `${b.year}年` : '';
  return `${b.calendar === 'lunar' ? '农历' : ''}${year}${b.month}月${b.day}日`;
}

const CUSTOMER_HEADER = [
  '姓名',
  '性别',
  '电话',
  'VIP号码',
  '地址',
  '生日',
  '积分',
  '累计消费',
  '消费次数',
  '平均消费',
  '首次到店',
  '最近到店',
  '分级',
  '分级原因',
  '负责人',
  '公司',
  '职位',
  '偏好',
  '存酒',
  '介绍人',
  '不接受消息',
  '备注',
  '建档日期',
];

function customerRow(c: ExportCustomer, d: ExportData, o: WorkbookOptions): Row {
  const tier = tierOf(summariesOf(c), o.today, o.tiers, openingOf(c));
  const s = c.stats;
  const phones = c.phones.map((p) => (o.fullPhones ? p : maskPhone(p))).join(' / ');
  return [
    c.name,
    c.gender ?? undefined,
    phones,
    c.vipNumber ?? undefined,
    c.address ?? undefined,
    birthdayText(c.birthday),
    c.opening?.points ?? undefined,
    s?.totalSpend ?? 0,
    s?.visits ?? 0,
    s?.averageSpend ?? 0,
    s?.firstVisit ?? undefined,
    s?.lastVisit ?? undefined,
    `${tier.tier}类`,
    tier.reason,
    c.ownerId ? d.staffNames.get(String(c.ownerId)) : undefined,
    c.company ?? undefined,
    c.position ?? undefined,
    c.preferences.join('、'),
    c.bottles.join('、'),
    c.referrerName ?? undefined,
    c.optOut ? '是' : '',
    c.notes.join(';'),
    dayIn((c as { createdAt?: Date }).createdAt, o.timeZone),
  ];
}

const VISIT_HEADER = [
  '营业日',
  '时段',
  '客户',
  '人数',
  '金额',
  '包间/桌号',
  '场合',
  '记录人',
  '原话',
];

function visitRows(d: ExportData): Row[] {
  const names = new Map(d.customers.map((c) => [String(c._id), c.name]));
  return d.visits.map((v) => [
    v.businessDate,
    v.mealPeriod ?? undefined,
    names.get(String(v.customerId)),
    v.partySize ?? undefined,
    v.amount,
    v.room ?? undefined,
    v.occasion ?? undefined,
    d.staffNames.get(String(v.recordedBy)),
    v.text ?? undefined,
  ]);
}

const FOLLOW_UP_HEADER = ['日期', '客户', '回访事项', '结果', '改到', '回访内容', '员工'];

function followUpRows(d: ExportData, o: WorkbookOptions): Row[] {
  const rows = d.customers.flatMap((c) =>
    c.followUps
      .filter((f) => f.on >= o.period.from && f.on <= o.period.to)
      .map((f): Row => [
        f.on,
        c.name,
        followUpLabel(f.key),
        actionLabel(f.action),
        f.to ?? undefined,
        f.note ?? undefined,
        f.by ? d.staffNames.get(String(f.by)) : undefined,
      ]),
  );
  return rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

/**
 * A file exported in a group can be forwarded anywhere: every text cell (原话, 备注, 回访内容…)
 * is masked, not only the phone column.
 */
const maskedRow = (r: Row): Row => r.map((v) => (typeof v === 'string' ? maskPhones(v) : v));

function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  header: string[],
  rows: Row[],
  o: WorkbookOptions,
) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(o.fullPhones ? r : maskedRow(r));
  ws.columns.forEach((col, i) => (col.width = Math.max(8, Math.min(30, header[i].length * 2 + 4))));
}

export function buildWorkbook(d: ExportData, o: WorkbookOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '回头客';
  addSheet(
    wb,
    '客户',
    CUSTOMER_HEADER,
    d.customers.map((c) => customerRow(c, d, o)),
    o,
  );
  if (!o.customersOnly) {
    addSheet(wb, '消费记录', VISIT_HEADER, visitRows(d), o);
    addSheet(wb, '回访记录', FOLLOW_UP_HEADER, followUpRows(d, o), o);
  }
  return wb;
}
