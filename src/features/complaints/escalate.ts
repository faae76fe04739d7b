/**
 * A complaint still open 24 hours after it was heard goes to every manager of the store, once per
 * case: checked every 15 minutes. The case is marked with the job occurrence that told them, so a
 * re-run of that occurrence (a crash before its messages were queued) tells them again under the
 * same outbox keys, and no later occurrence tells them twice.
 */
import { markEscalated, openComplaints } from '../../archive/complaints';
import { staffOfStore } from '../../archive/staff';
import { storeWriter } from '../../archive/writer';
import type { StoreDoc } from '../../model/store';
import type { Services } from '../../pipeline/context';
import type { OutgoingMessage } from '../../pipeline/message';
import type { Occurrence } from '../../scheduler/daily';
import type { Job } from '../../scheduler/jobs';
import { dueText, momentText, saidOf } from './lines';
import { managersOf } from '../command';
import { toManager } from './open';

export const ESCALATION_EVERY_MINUTES = 15;

export const complaintEscalation: Job = {
  name: 'complaint-escalation',
  timeOf: () => '00:00',
  everyMinutes: ESCALATION_EVERY_MINUTES,
  async run(
    store: StoreDoc,
    occ: Occurrence,
    now: Date,
    services: Services,
  ): Promise<OutgoingMessage[]> {
    const { models } = services;
    const names = new Map<string, string>();
    const overdue = await storeWriter(models).run(store._id, async () => {
      const cases = (await openComplaints(models, store._id)).filter(
        (k) =>
          k.due.getTime() <= now.getTime() && (!k.escalated || k.escalated.occurrence === occ.key),
      );
      for (const k of cases) await markEscalated(models, k, occ.key, now);
      return cases;
    });
    if (overdue.length === 0) return [];
    for (const s of await staffOfStore(models, store._id)) names.set(String(s._id), s.name);
    const lines = overdue.map(
      (k) =>
        `· ${k.customerName}:${saidOf(k)}(${names.get(String(k.recordedBy)) ?? ''} ${momentText(k.at, store.timeZone)}记录,${dueText(k, now)})`,
    );
    const text = [
      `【投诉超时】${overdue.length}件投诉超过24小时还没处理:`,
      ...lines,
      '处理后回复:投诉处理 客人 做了什么',
    ].join('\n');
    return (await managersOf(models, store._id)).map((m) => toManager(m, text, overdue));
  },
};
