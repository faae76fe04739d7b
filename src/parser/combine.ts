/**
 * The combiner: from everything extracted, decide what the message is. A visit needs a customer
 * and money (or a name with a head count/date, or money with a head count/date, and the bot will
 * ask for the rest); a booking, a question or operational chatter is never a record.
 */
import type { ParseContext } from './context';
import type { Draft, NameHit } from './draft';
import { reportedSpans, TABLE_BOOKED } from './future-clause';
import {
  BOOKING_CUES,
  CHATTER_CUES,
  LATER_CUES,
  QUESTION_CUES,
  RESERVING_CUES,
  VISIT_VERBS,
} from './lexicon/words';
import type { Essential, Intent, Reading } from './reading';
import { chooseAmount, chooseCustomer, type ChosenAmount } from './refine';
import { CueMatcher } from './words';

/** 订 is a booking unless it is 订单 (an order). */
const BOOKING_CHAR = /订(?!单)/;
const [BOOKING, QUESTION, CHATTER, VERB, LATER, RESERVING] = [1, 2, 4, 8, 16, 32];
const CUES = new CueMatcher([
  BOOKING_CUES,
  QUESTION_CUES,
  CHATTER_CUES,
  VISIT_VERBS,
  LATER_CUES,
  RESERVING_CUES,
]);
/**
 * Something added to a table (加三把椅子, 加了两个菜, 加个菜, 再加一张桌子): an operation on the
 * table, whatever the count and the thing. People (加2人, 加两位) are not counted here.
 */
const ADDED_TO_TABLE =
  /加(?:了|上|个)?\s?(?:[\d一二两三四五六七八九十几半]+\s?)?[把张个份瓶碗盘双套道壶杯][\u3400-\u9fff]/;
/** Commands that still win over a complete visit: they act on the previous record. */
const OVERRIDING = new Set(['undo', 'amend']);

interface Signals {
  customer?: NameHit;
  amount?: ChosenAmount;
  dated: boolean;
  booking: boolean;
  /** 订, 预订, 要来, 张总说周六过来 …: the message talks of a booking (a future date alone does not). */
  bookingWords: boolean;
  /** 订, 预订, 要来, 留个包厢: a table is reserved (马上到 is a table arriving now). */
  reserving: boolean;
  later: boolean;
  tableBooked: boolean;
  question: boolean;
  chatter: boolean;
  verb: boolean;
}

export function combine(ctx: ParseContext, draft: Draft): Reading {
  // 张总 3人 消费2800 说周六再来: the day is the customer's next visit, not this table's.
  if (draft.date?.reported && chooseAmount(draft)?.strong) draft.date = undefined;
  const s = signals(ctx, draft);
  let intent = decide(draft, s);
  if (intent === 'none' && isComplaint(draft, s)) {
    // A complaint is a record: answered in a group too, like a visit.
    draft.command = { name: 'complaint.record', text: ctx.original.trim(), standalone: true };
    intent = 'command';
  }
  const reading: Reading = { intent, missing: [], confidence: 0 };
  fill(ctx, draft, s, reading);
  if (intent === 'visit') {
    if (!s.customer) reading.missing.push('customer');
    if (!s.amount) reading.missing.push('amount');
  }
  if (intent === 'none') reading.ahead = aheadOf(draft, s, ctx.clock.today);
  const { amount, partySize, phone } = draft.outOfRange;
  if (amount || partySize || phone) reading.outOfRange = { ...draft.outOfRange };
  reading.confidence = confidence(intent, draft, s, reading.missing);
  return reading;
}

/**
 * A table still to come: a future day with a bill or a head count, or a table reserved for a
 * named customer with anything that says which table (a day, people, a room, a time) and no past
 * day (张总订了今晚6人, said at noon, is tonight's). A question about it (王总明天要来吗) is talk.
 */
function aheadOf(draft: Draft, s: Signals, today: string): Reading['ahead'] {
  if (draft.date?.future && s.customer && (s.amount || draft.partySize))
    return s.bookingWords ? 'booked' : 'dated';
  const past = !!draft.date && draft.date.iso < today;
  if (!s.reserving || s.question || past || !s.customer || s.customer.kind === 'loose') return;
  const which = draft.date || draft.partySize || draft.room || draft.tables || draft.time;
  return which ? 'booked' : undefined;
}

function signals(ctx: ParseContext, draft: Draft): Signals {
  const t = ctx.text;
  const cues = CUES.flags(t);
  // 张总说周六过来: what a customer said he will do is a table still to come.
  const reported = reportedSpans(t).length > 0;
  const bookingWords = (cues & BOOKING) !== 0 || BOOKING_CHAR.test(t) || reported;
  return {
    customer: chooseCustomer(draft),
    amount: chooseAmount(draft),
    dated: Boolean(draft.date && !draft.date.future),
    booking: Boolean(draft.date?.future) || bookingWords,
    bookingWords,
    reserving: (cues & RESERVING) !== 0 || BOOKING_CHAR.test(t) || reported,
    later: (cues & LATER) !== 0,
    tableBooked: TABLE_BOOKED.test(t),
    question: (cues & QUESTION) !== 0,
    chatter: (cues & CHATTER) !== 0 || ADDED_TO_TABLE.test(t),
    verb: (cues & VERB) !== 0,
  };
}

function decide(draft: Draft, s: Signals): Intent {
  // A whole table (customer, a bill, people or a day) is a visit whatever command word it holds.
  const complete = Boolean(
    s.customer &&
    s.customer.kind !== 'loose' &&
    (s.amount?.strong || (s.amount && draft.partySize)) &&
    (draft.partySize || s.dated) &&
    !s.booking,
  );
  if (draft.command && (!complete || OVERRIDING.has(draft.command.name))) return 'command';
  // A table with customer, money and people or a day already happened: 订了蛋糕 / 下次还来 are notes.
  const happened = Boolean(
    s.customer && s.amount && (draft.partySize || s.dated) && !draft.date?.future,
  );
  if (s.tableBooked || ((s.booking || s.later) && !happened)) return 'none';
  // Talk about a table (退了一瓶酒 480) is no record unless it carries a whole bill: money said as
  // money, or a bare figure with the head count (李总 今晚 4人 3000 加了两个菜).
  const bill = Boolean(s.amount?.strong || (s.amount && draft.partySize));
  if (s.chatter && !(s.customer && bill)) return 'none';
  if (s.question && !s.amount?.strong) return 'none';
  if (isVisit(draft, s)) return 'visit';
  // 张总 消费2000万: a bill was stated, an impossible one; the record flow questions it.
  if (s.customer && s.customer.kind !== 'loose' && draft.outOfRange.amount) return 'visit';
  return isProfile(draft, s) ? 'profile' : 'none';
}

/**
 * 张总 投诉 菜太咸: a named customer and what they complained of, not a question about it
 * (张总投诉了吗) nor a table being booked (订了明晚6人, 上次说菜太咸 is the booking's).
 */
function isComplaint(draft: Draft, s: Signals): boolean {
  return Boolean(
    draft.complaint && s.customer && s.customer.kind !== 'loose' && !s.question && !s.bookingWords,
  );
}

function isVisit(draft: Draft, s: Signals): boolean {
  const { customer, amount } = s;
  const party = Boolean(draft.partySize);
  if (customer && customer.kind === 'loose') return Boolean(amount && (party || s.dated));
  if (customer && amount) {
    if (amount.strong || party || s.dated || draft.room || s.verb || draft.mealPeriod) return true;
    return amount.value >= 100;
  }
  // No money yet: a head count, or a room/occasion on a stated day, says a table happened.
  if (customer) return party || (s.dated && Boolean(draft.room || draft.occasion));
  if (!amount) return false;
  return amount.strong ? party || s.dated : party && s.dated;
}

function isProfile(draft: Draft, s: Signals): boolean {
  if (!s.customer) return false;
  // 张总 电话12345: a phone was given, wrong or not; the profile flow questions it.
  const phone = draft.phone || draft.outOfRange.phone;
  if (s.customer.kind === 'loose') return Boolean(phone);
  return Boolean(
    phone ||
    draft.birthday ||
    draft.preferences.length ||
    draft.bottles.length ||
    draft.company ||
    draft.position ||
    draft.wechat ||
    draft.names.some((n) => n.role === 'referrer'),
  );
}

function fill(ctx: ParseContext, draft: Draft, s: Signals, r: Reading): void {
  if (s.customer && (r.intent !== 'command' || commandNamesCustomer(draft, s.customer))) {
    r.customer = ctx.field(s.customer.name, s.customer.start, s.customer.end);
  }
  // Only beside a record that can carry it: a visit, a follow-up result, the complaint itself.
  if (draft.complaint && r.customer && COMPLAINT_CARRIERS.has(carrierOf(r, draft)))
    r.complaint = draft.complaint;
  if (r.intent === 'command' && draft.command) {
    const { aboutCustomer, ...command } = draft.command;
    r.command = command;
    if (aboutCustomer && draft.phone) r.phone = draft.phone;
    if (aboutCustomer && draft.phoneTail) r.phoneTail = draft.phoneTail;
    // A booking moved (王总 改到后天 8人) carries its new day, people and time.
    if (!command.name.startsWith('booking.')) return;
  }
  if (draft.phone) r.phone = draft.phone;
  if (draft.date) r.date = ctx.field(draft.date.iso, draft.date.start, draft.date.end);
  else if (r.intent === 'visit')
    r.date = { value: ctx.clock.today, span: { index: 0, text: '' }, implied: true };
  if (s.amount) r.amount = ctx.field(s.amount.value, s.amount.start, s.amount.end);
  const referrer = draft.names.find((n) => n.role === 'referrer');
  if (referrer) r.referrer = ctx.field(referrer.name, referrer.start, referrer.end);
  if (draft.mealPeriod) r.mealPeriod = draft.mealPeriod;
  if (draft.partySize) r.partySize = draft.partySize;
  if (draft.time) r.time = draft.time;
  if (draft.tables && r.intent !== 'visit') r.tables = draft.tables;
  if (draft.room) r.room = draft.room;
  if (draft.occasion) r.occasion = draft.occasion;
  if (draft.birthday) r.birthday = draft.birthday;
  if (draft.company) r.company = draft.company;
  if (draft.position) r.position = draft.position;
  if (draft.wechat) r.wechat = draft.wechat;
  if (draft.gender) r.gender = draft.gender;
  if (draft.companions.length) r.companions = draft.companions;
  if (draft.preferences.length) r.preferences = draft.preferences;
  if (draft.notes.length) r.notes = draft.notes;
  if (draft.bottles.length) r.bottles = draft.bottles;
}

const COMPLAINT_CARRIERS = new Set(['visit', 'complaint.record', 'followup.done']);
const carrierOf = (r: Reading, d: Draft) =>
  r.intent === 'command' ? (d.command?.name ?? '') : r.intent;

/** Commands about staff or the store name no customer; a loose guess never names one. */
const NO_CUSTOMER_COMMANDS = new Set(['staff.add', 'group.bind', 'settings', 'help', 'export']);

function commandNamesCustomer(draft: Draft, customer: NameHit): boolean {
  return customer.kind !== 'loose' && !NO_CUSTOMER_COMMANDS.has(draft.command?.name ?? '');
}

function confidence(intent: Intent, draft: Draft, s: Signals, missing: Essential[]): number {
  switch (intent) {
    case 'visit': {
      let c = 0.45;
      if (s.customer) c += s.customer.kind === 'loose' ? 0.1 : 0.2;
      if (s.amount) c += s.amount.strong ? 0.15 : 0.08;
      // 消费0 is as clearly a bill as 消费2800: sure enough to be questioned, even in a group.
      else if (draft.outOfRange.amount) c += 0.15;
      if (draft.partySize) c += 0.1;
      if (s.dated) c += 0.05;
      c -= 0.1 * missing.length;
      return round(Math.min(0.98, c));
    }
    case 'profile':
      return draft.phone || draft.birthday ? 0.85 : 0.7;
    case 'command':
      return 0.9;
    default:
      return s.customer || s.amount ? 0.6 : 0.9;
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
