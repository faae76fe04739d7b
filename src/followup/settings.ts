/**
 * Follow-up rules as store settings (DOMAIN.md "Follow-up rules"). Every field has the default the
 * product ships with, so `followUpSettingsSchema.parse({})` is a complete, valid setting and a
 * store only stores what it changed.
 */
import { z } from 'zod';
import { HOLIDAY_NAMES } from './holiday-table';

const tier = z.enum(['A', 'B', 'C', 'D']);
const holiday = z.enum(HOLIDAY_NAMES);
const days = (max: number) => z.number().int().min(0).max(max);

const postVisit = z.object({
  /**
   * Days after a visit for each follow-up while the customer has not come back: the thank-you the
   * next day, then day 30 and day 120. Their count is the "three in a row" before quarterly.
   */
  steps: z
    .array(z.number().int().min(1).max(366))
    .min(1)
    .max(8)
    .default([1, 30, 120])
    .refine((s) => s.every((d, i) => i === 0 || d > s[i - 1]), {
      message: 'follow-up days must increase',
    }),
  /** After the last step without a return: one more every this many days after the last one. */
  thenEveryDays: z.number().int().min(7).max(366).default(90),
});

const occasions = z.object({
  /** Birthdays and anniversaries show in the briefing and the owner's list this early. */
  listDaysBefore: days(31).default(7),
  /** Prepare a gift or a cake this many days before… */
  giftDaysBefore: days(31).default(3),
  /** …for customers of these tiers. */
  giftTiers: z.array(tier).default(['A']),
});

const holidays = z.object({
  /** Holidays whose eve brings a greeting task for every opted-in customer with an owner. */
  greet: z.array(holiday).default([...HOLIDAY_NAMES]),
  /** The big ones: ask whether to keep a room ("过节时提前打电话预知顾客是否需要留位"). */
  callFor: z.array(holiday).default(['春节', '中秋', '国庆']),
  callDaysBefore: days(31).default(7),
  callTiers: z.array(tier).default(['A']),
  /** Holidays show in the briefing this early. */
  listDaysBefore: days(31).default(7),
});

const churn = z
  .object({
    /** Days unseen before a customer of each tier counts as lapsing. */
    A: z.number().int().min(7).max(730).default(30),
    B: z.number().int().min(7).max(730).default(45),
    C: z.number().int().min(7).max(730).default(60),
    /** A new customer who does not come back turns C after 30 days: same threshold as C. */
    D: z.number().int().min(7).max(730).default(60),
    /**
     * An alert not yet delivered still goes out this many days after the threshold (the bot may
     * have been down); older lapses stay quiet so importing an old archive does not flood anyone.
     */
    alertWindowDays: days(365).default(14),
  })
  .refine((c) => c.A <= c.B && c.B <= c.C, { message: 'A must lapse no later than B, B than C' });

const briefing = z.object({
  /** Names shown after each staff member's count in the group: `小王 5位: 张总、李姐、王老板…`. */
  namesPerStaff: z.number().int().min(0).max(10).default(3),
  /** Lines per list (birthdays, churn) before `…还有N位`. */
  maxLines: z.number().int().min(1).max(30).default(5),
});

export const followUpSettingsSchema = z.object({
  postVisit: postVisit.prefault({}),
  occasions: occasions.prefault({}),
  holidays: holidays.prefault({}),
  churn: churn.prefault({}),
  briefing: briefing.prefault({}),
});

export type FollowUpSettings = z.infer<typeof followUpSettingsSchema>;
export type PostVisitSettings = FollowUpSettings['postVisit'];
export type ChurnSettings = FollowUpSettings['churn'];
export type BriefingSettings = FollowUpSettings['briefing'];

export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = followUpSettingsSchema.parse({});
