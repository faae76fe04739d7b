/** Follow-up commands, registered on the bot in src/bot.ts. */
import type { Feature } from '../../pipeline/router';
import { followUpDone } from './done';
import { followUpLater } from './later';
import { followUpMissed } from './missed';
import { myFollowUps } from './mine';
import { optOut } from './optout';
import { followUpSkip } from './skip';

export const FOLLOW_UP_FEATURES: Feature[] = [
  followUpDone,
  followUpSkip,
  followUpMissed,
  followUpLater,
  optOut,
  myFollowUps,
];
