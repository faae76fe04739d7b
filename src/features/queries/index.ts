/**
 * The questions managers and staff ask in chat, and the team administration that decides who may
 * ask what (issue: questions, roles, privacy and stores). All wired before `fallback` in bot.ts.
 */
import type { Feature } from '../../pipeline/router';
import { bindThisGroup } from '../bind-group';
import { addStaff, listStaff, removeStaff } from '../onboarding';
import { settings } from '../settings';
import { addStore, listStores, switchStore } from '../stores';
import { birthdays } from './birthdays';
import { churnList } from './churn-list';
import { help } from './help';
import { holidays } from './holidays';
import { myCustomers } from './my-customers';
import { performance } from './performance';
import { revenue } from './revenue';
import { tierCustomers } from './tier-customers';

export const QUERY_FEATURES: Feature[] = [
  help,
  myCustomers,
  tierCustomers,
  performance,
  revenue,
  churnList,
  birthdays,
  holidays,
  addStaff,
  removeStaff,
  listStaff,
  bindThisGroup,
  settings,
  addStore,
  listStores,
  switchStore,
];
