/**
 * The plain shapes the follow-up rules read and write. No database types: the lead maps the
 * archive into these, so every rule is testable with literals and a fixed `today`.
 */
import type { Tier } from '../archive/tiers';
import type { YearlyDate } from '../calendar/yearly';

export type { YearlyDate } from '../calendar/yearly';

export interface Anniversary extends YearlyDate {
  kind: 'wedding' | 'company';
}

/**
 * What staff did with a task, keyed by the task's `key`. `moved` is `张总 周五再联系`: the task
 * comes back on `to`. `missed` is a call nobody answered: it comes back on `to` too, and is
 * counted. `sent` is written by the bot once a one-off alert (churn) went out, `expired` once a
 * post-visit step ran out undone. `also`: the other tasks folded into the same line, acted on
 * with it.
 */
export interface FollowUpRecord {
  key: string;
  action: 'done' | 'skipped' | 'moved' | 'missed' | 'sent' | 'expired';
  also?: string[];
  /** Business date the record was made. */
  on: string;
  /** For `moved`: the business date the task is due again. */
  to?: string;
}

export interface FollowUpCustomer {
  id: string;
  name: string;
  /** Tier today. */
  tier: Tier;
  /**
   * Tier as of the last visit. Tiers decay with absence (an A customer unseen for 30 days no
   * longer meets any 30-day A rule), so the churn threshold must come from this one.
   */
  tierAtLastVisit?: Tier;
  /** Staff member who owns the relationship; null → tasks go to the managers. */
  ownerId: string | null;
  /** How the owner signs: `小王`. Scripts are in the owner's voice. */
  ownerName?: string;
  optOut: boolean;
  gender?: 'male' | 'female';
  birthday?: YearlyDate;
  anniversaries?: Anniversary[];
  /** Business date of the last visit. */
  lastVisit?: string;
  /** Room and party of that visit, as recorded: a thank-you names only what happened. */
  lastVisitRoom?: string;
  lastVisitParty?: number;
  visits: number;
  totalSpend: number;
  usualRoom?: string;
  usualPartySize?: number;
  /** 不吃辣, 喜欢茅台, 靠窗 … as staff wrote them. */
  preferences: string[];
  followUpLog: FollowUpRecord[];
}

export type TaskKind =
  | 'thanks'
  | 'revisit'
  | 'quarterly'
  | 'gift'
  | 'greeting'
  | 'holidayCall'
  | 'holidayGreeting'
  | 'churn';

export interface Task {
  /** Stable id of this task for this customer: what done/skipped/moved records refer to. */
  key: string;
  kind: TaskKind;
  /** Short label for lists: `回访·第30天`, `生日祝福`, `中秋留位电话`. */
  title: string;
  customerId: string;
  customerName: string;
  tier: Tier;
  ownerId: string | null;
  /** Churn alerts go to the managers as well as the owner. */
  notifyManagers: boolean;
  dueDate: string;
  overdue: boolean;
  /** A call the staff member makes, a message they send, something to prepare, or an alert. */
  channel: 'call' | 'message' | 'prepare' | 'alert';
  /** The customer said 不接受: calls and preparations remain, marked `(不接受消息)`. */
  optedOut: boolean;
  /** Suggested wording (话术) in the owner's voice, to send or say from their own phone. */
  script: string;
  /** Extra line for lists: the churn history line, the lunar date of a birthday. */
  detail?: string;
  /** Larger first. */
  priority: number;
  /** Other reasons to call the same customer today, folded into this line (day-task.ts). */
  also?: Task[];
  /** Calls to the customer about this task that nobody answered. */
  missedCalls?: number;
}

export interface Upcoming {
  customerId: string;
  customerName: string;
  ownerId: string | null;
  kind: 'birthday' | 'wedding' | 'company';
  date: string;
  lunar: boolean;
  daysAway: number;
}

/** Store-level facts the scripts use. */
export interface ScriptContext {
  storeName?: string;
}
