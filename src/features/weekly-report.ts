/**
 * 周报: on the store's day (Monday unless set otherwise, `设置 周报 周一`) the team groups get last
 * week as a picture (revenue per day against the week before, visits by tier, follow-ups done per
 * staff member). Platforms without pictures get the same numbers as text. A store without a team
 * group sends it to its managers directly.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toTeamGroups } from '../archive/stores';
import { weekChartSvg } from '../report/chart';
import { renderPng } from '../report/render';
import { weekSummary, weekText, weekTitle } from '../report/text';
import { reportedWeek, weekFigures, type WeekFigures } from '../report/week';
import type { StoreDoc } from '../model/store';
import { filesDirOf, type Services } from '../pipeline/context';
import { directTo, type Attachment, type OutgoingMessage } from '../pipeline/message';
import type { Job } from '../scheduler/jobs';
import { weekdayOf } from '../time/business-day';
import { managersOf } from './command';

/** ISO weekday of a local day: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string) => ((weekdayOf(day) + 6) % 7) + 1;

/** The picture, saved where the delivery queue can find it again after a restart. */
export async function weekChart(
  services: Services,
  store: StoreDoc,
  f: WeekFigures,
): Promise<Attachment> {
  const dir = join(filesDirOf(services), 'charts');
  await mkdir(dir, { recursive: true });
  const name = `周报_${f.days[0]}.png`;
  // One file per store and week: a re-run of the job rewrites the same picture.
  const path = join(dir, `${String(store._id)}_${name}`);
  await writeFile(path, renderPng(weekChartSvg(f)));
  return { kind: 'image', path, name, caption: `${weekTitle(f)}\n${weekSummary(f)}` };
}

async function recipients(
  services: Services,
  store: StoreDoc,
  text: string,
): Promise<OutgoingMessage[]> {
  const groups = await toTeamGroups(services.models, store._id, text);
  if (groups.length) return groups;
  return (await managersOf(services.models, store._id)).map((s) => directTo(s, text));
}

export const weeklyReport: Job = {
  name: 'weekly-report',
  timeOf: (store) => store.weeklyReportTime ?? '10:00',
  dueOn: (store, day) => (store.weeklyReportDay ?? 1) === isoWeekday(day),
  async run(store, occ, _now, services): Promise<OutgoingMessage[]> {
    const f = await weekFigures(services.models, store, reportedWeek(occ.day));
    const attachment = await weekChart(services, store, f);
    return (await recipients(services, store, weekText(f))).map((m) => ({ ...m, attachment }));
  },
};
