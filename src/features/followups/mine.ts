/** 我的待回访 / 今天要回访谁: the sender's list with the suggested wording, on demand. */
import { clockOf, staffOf } from '../../pipeline/context';
import { businessDate } from '../../time/business-day';
import { personalText } from '../briefing';
import { canManage, commandFeature, READ_ONLY } from '../command';
import { dayTasks, tasksOfStaff } from './day-tasks';

export const myFollowUps = commandFeature(
  ['followup.mine'],
  async (ctx) => {
    const { staff, store } = staffOf(ctx);
    const day = await dayTasks(ctx.services, store, businessDate(clockOf(ctx)));
    const { tasks, upcoming } = tasksOfStaff(day, String(staff._id), canManage(staff.role));
    ctx.reply(personalText(day, staff.name, tasks, upcoming));
  },
  READ_ONLY,
);
