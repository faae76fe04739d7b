/**
 * 我的待回访 / 今天要回访谁: the sender's list with the suggested wording, on demand, capped like
 * the morning's; 我的待回访 全部 shows every line. The first customers get buttons, as in the morning.
 */
import { clockOf, staffOf } from '../../pipeline/context';
import { businessDate } from '../../time/business-day';
import { replyTo } from '../../pipeline/message';
import { leadOf, personalMessage, personalText, withComplaints } from '../briefing';
import { noShowLinesOf, noticedNoShows } from '../bookings/no-shows';
import { openSection } from '../complaints/lines';
import { canManage, commandFeature, READ_ONLY } from '../command';
import { dayTasks, tasksOfStaff } from './day-tasks';

export const myFollowUps = commandFeature(
  ['followup.mine'],
  async (ctx) => {
    const { staff, store } = staffOf(ctx);
    const day = await dayTasks(ctx.services, store, businessDate(clockOf(ctx)));
    const { tasks, upcoming } = tasksOfStaff(day, String(staff._id), canManage(staff.role));
    const all = /全部|所有|完整/.test(ctx.msg.text);
    const complaints = canManage(staff.role) ? openSection(day.complaints, ctx.msg.time) : [];
    const noShows = await noticedNoShows(ctx.services.models, store._id, day.today);
    const lead = leadOf(complaints, noShowLinesOf(noShows, staff._id, day.today));
    const text = withComplaints(lead, personalText(day, staff.name, tasks, upcoming, all));
    ctx.send(personalMessage(replyTo(ctx.msg, text), day, tasks));
  },
  READ_ONLY,
);
