/**
 * Official adjustments the calendar cannot compute: the State Council publishes each year's days
 * off and 调休 workdays, and whether 除夕 is a day off changed (not in 2024; statutory since
 * 2025). An entry here wins over the computed value. Add a year when its notice is published;
 * every entry below is from the published notices (cross-checked with tyme4ts's LegalHoliday).
 */
import type { HolidayName } from './holiday-table';

export interface HolidayOverride {
  year: number;
  holiday: HolidayName;
  /** The day itself, if it ever differs from the computed one. */
  date?: string;
  /** The official days off, inclusive. */
  daysOff?: { from: string; to: string };
  /** 调休: weekend days that are working days. */
  workdays?: string[];
  /** False in a year where the eve (除夕) is not a day off although the law now makes it one. */
  eveIsDayOff?: boolean;
  /** Anything else staff should know, kept short: `与中秋连休`. */
  note?: string;
}

export const HOLIDAY_OVERRIDES: readonly HolidayOverride[] = [
  {
    year: 2024,
    holiday: '春节',
    daysOff: { from: '2024-02-10', to: '2024-02-17' },
    workdays: ['2024-02-04', '2024-02-18'],
    eveIsDayOff: false,
  },
  {
    year: 2025,
    holiday: '春节',
    daysOff: { from: '2025-01-28', to: '2025-02-04' },
    workdays: ['2025-01-26', '2025-02-08'],
  },
  {
    year: 2025,
    holiday: '国庆',
    daysOff: { from: '2025-10-01', to: '2025-10-08' },
    workdays: ['2025-09-28', '2025-10-11'],
    note: '与中秋连休',
  },
  {
    year: 2026,
    holiday: '春节',
    daysOff: { from: '2026-02-15', to: '2026-02-23' },
    workdays: ['2026-02-14', '2026-02-28'],
  },
];
