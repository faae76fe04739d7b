/**
 * The settings admins change by chat, as data: the words they say, the label the echo shows,
 * where the value lives (a store field, the tier thresholds or the follow-up rules) and its kind.
 */
export type Kind =
  'money' | 'count' | 'weeks' | 'days' | 'time' | 'dayList' | 'text' | 'zone' | 'weekday' | 'brief';

/**
 * A 班前会's time and whether it is sent. Said as a time (`16:00`, which also turns it on) or as
 * on/off (`关闭`, `开启`, which keeps the time): what was not said is the current value's.
 */
export interface BriefTime {
  time: string;
  on: boolean;
}

export interface Setting {
  /** How admins say it, longest first when matched: `A类消费`, `早报时间`. */
  names: string[];
  /** What the echo shows: `A类近30天消费门槛`. */
  label: string;
  kind: Kind;
  /** `store.<field>`, `tiers.<path>` or `followUps.<path>`. */
  path: string;
}

const tierLadder = (t: 'A' | 'B'): Setting[] => [
  {
    names: [`${t}类消费`, `${t}类消费门槛`, `${t}类30天消费`],
    label: `${t}类近30天消费门槛`,
    kind: 'money',
    path: `tiers.${t}.spend30`,
  },
  {
    names: [`${t}类次数`, `${t}类来店次数`, `${t}类30天次数`],
    label: `${t}类近30天来店次数`,
    kind: 'count',
    path: `tiers.${t}.visits30`,
  },
  {
    names: [`${t}类连续周`, `${t}类连续周数`, `${t}类连续`],
    label: `${t}类连续到店周数`,
    kind: 'weeks',
    path: `tiers.${t}.weeksInRow`,
  },
  {
    names: [`${t}类单次`, `${t}类单次消费`],
    label: `${t}类单次消费门槛`,
    kind: 'money',
    path: `tiers.${t}.lastVisit`,
  },
];

const churn = (t: 'A' | 'B' | 'C' | 'D'): Setting => ({
  names: [`${t}类流失`, `${t}类流失天数`, ...(t === 'D' ? ['新客流失'] : [])],
  label: `${t}类几天没来算流失`,
  kind: 'days',
  path: `followUps.churn.${t}`,
});

export const SETTINGS: readonly Setting[] = [
  { names: ['店名', '门店名称', '门店名'], label: '店名', kind: 'text', path: 'store.name' },
  {
    names: ['早报时间', '简报时间', '早报'],
    label: '早报时间',
    kind: 'time',
    path: 'store.briefingTime',
  },
  {
    names: ['营业日截止', '营业日截止时间', '营业日切换', '截止时间', '换日时间'],
    label: '营业日切换时间',
    kind: 'time',
    path: 'store.businessDayCutoff',
  },
  { names: ['时区'], label: '时区', kind: 'zone', path: 'store.timeZone' },
  {
    names: ['周报时间'],
    label: '周报时间',
    kind: 'time',
    path: 'store.weeklyReportTime',
  },
  {
    names: ['周报', '周报日', '周报星期'],
    label: '周报哪天发',
    kind: 'weekday',
    path: 'store.weeklyReportDay',
  },
  {
    names: ['晚市班前', '晚市班前会', '晚班前会', '班前会'],
    label: '晚市班前会',
    kind: 'brief',
    path: 'store.dinnerBrief',
  },
  {
    names: ['午市班前', '午市班前会', '午班前会'],
    label: '午市班前会',
    kind: 'brief',
    path: 'store.lunchBrief',
  },
  ...tierLadder('A'),
  ...tierLadder('B'),
  {
    names: ['新客天数', '新客户天数'],
    label: '首次到店几天内算新客户',
    kind: 'days',
    path: 'tiers.newCustomerDays',
  },
  {
    names: ['回访天数', '回访日程', '回访'],
    label: '消费后回访(第几天)',
    kind: 'dayList',
    path: 'followUps.postVisit.steps',
  },
  {
    names: ['之后每隔', '季度回访', '之后回访'],
    label: '之后每隔几天回访',
    kind: 'days',
    path: 'followUps.postVisit.thenEveryDays',
  },
  churn('A'),
  churn('B'),
  churn('C'),
  churn('D'),
  {
    names: ['生日提前', '生日提醒'],
    label: '生日提前几天提醒',
    kind: 'days',
    path: 'followUps.occasions.listDaysBefore',
  },
  {
    names: ['礼物提前', '生日礼物提前'],
    label: '生日礼物提前几天准备',
    kind: 'days',
    path: 'followUps.occasions.giftDaysBefore',
  },
  {
    names: ['节日提前', '节日提醒'],
    label: '节日提前几天提醒',
    kind: 'days',
    path: 'followUps.holidays.listDaysBefore',
  },
  {
    names: ['留位电话提前', '节日电话提前', '留位提前'],
    label: '节日留位电话提前几天',
    kind: 'days',
    path: 'followUps.holidays.callDaysBefore',
  },
];

/** The setting the words start with (the longest name wins: `A类消费门槛` over `A类消费`). */
export function settingIn(words: string): { setting: Setting; rest: string } | undefined {
  const text = words.replace(/^([a-d])(?=类)/, (c) => c.toUpperCase());
  let best: { setting: Setting; name: string } | undefined;
  for (const setting of SETTINGS)
    for (const name of setting.names)
      if (text.startsWith(name) && name.length > (best?.name.length ?? 0)) best = { setting, name };
  return best && { setting: best.setting, rest: text.slice(best.name.length) };
}

/** Read a value as the setting's kind; undefined when it is not one. */
export function readValue(kind: Kind, raw: string, evaluate: (s: string) => number | undefined) {
  const v = raw.replace(/^[\s:\uFF1A=]*(?:改成|改为|设为|设成|为|是|=)?[\s:\uFF1A]*/, '').trim();
  const number = (s: string) => evaluate(s.replace(/[,\uFF0C\s]/g, ''));
  switch (kind) {
    case 'money':
      return number(v.replace(/^[¥\uFFE5]/, '').replace(/(元|块|rmb)$/i, ''));
    case 'count':
    case 'weeks':
    case 'days':
      return number(v.replace(/(次|周|天|日|个)$/, ''));
    case 'time':
      return timeOf(v);
    case 'dayList': {
      const parts = v
        .split(/[,\uFF0C、\s/]+/)
        .filter(Boolean)
        .map((p) => number(p.replace(/天$/, '')));
      return parts.length && parts.every((n) => n !== undefined) ? parts : undefined;
    }
    case 'zone':
      return isTimeZone(v) ? v : undefined;
    case 'weekday':
      return weekdayNumber(v);
    case 'brief':
      return briefOf(v);
    case 'text':
      return v && v.length <= 30 ? v : undefined;
  }
}

const WEEKDAYS = '一二三四五六日';

/** `周一`, `星期三`, `礼拜天`, `3` → ISO weekday 1–7; `不发`, `关闭` → 0. */
export function weekdayNumber(v: string): number | undefined {
  if (/^(不发|关闭|关|停|不要|0)$/.test(v)) return 0;
  const m = /^(?:每?(?:周|星期|礼拜))?([一二三四五六日天1-7])$/.exec(v);
  if (!m) return undefined;
  const d = m[1] === '天' ? '日' : m[1];
  return /\d/.test(d) ? Number(d) : WEEKDAYS.indexOf(d) + 1;
}

const OFF = /^(不发|关闭|关|停|不要|不开)$/;
const ON = /^(开启|打开|开|发|要)$/;

/** `16:00` → sent at 16:00; `关闭` → not sent; `开启` → sent (each keeps what was not said). */
export function briefOf(v: string): Partial<BriefTime> | undefined {
  if (OFF.test(v)) return { on: false };
  if (ON.test(v)) return { on: true };
  const time = timeOf(v);
  return time ? { time, on: true } : undefined;
}

export const briefWord = (b: BriefTime) => (b.on ? b.time : `不发(${b.time})`);

export const weekdayWord = (n: number) => (n === 0 ? '不发' : `周${WEEKDAYS[n - 1]}`);

/** `9:00`, `09:30`, `9点`, `9点半`, `21:15` → `HH:mm`. */
export function timeOf(v: string): string | undefined {
  const m = /^(\d{1,2})(?:[:\uFF1A点](\d{1,2}|半)?分?)?$/.exec(v);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = m[2] === '半' ? 30 : Number(m[2] ?? 0);
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/');
  } catch {
    return false;
  }
}
