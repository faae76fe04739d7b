/**
 * Six weeks of a four-person team and a manager (issue 15): visits spread over the weeks, a
 * morning every day, and each day some calls done, skipped, put off or unanswered, some by a
 * colleague. Every morning: nobody twice in a list, nothing closed comes back, lists within the
 * cap, and 本月业绩's completion figures equal a recount from the follow-up log.
 */
import { openScenario, type Scenario } from '../support/replay';
import { dm, staff, tick } from '../support/events';
import type { ReplayOutput } from '../../src/replay/replayer';
import { PERSONAL_LIST_CAP } from '../../src/followup/personal-list';
import { addDays } from '../../src/time/business-day';

const TEAM = [
  ['wang', '小王'],
  ['li', '小李'],
  ['zhao', '小赵'],
  ['sun', '小孙'],
] as const;
const BOSS = ['boss', '陈店长'] as const;
const SURNAMES = '张王李赵钱孙周吴郑冯陈褚卫蒋沈韩杨朱秦许何吕施孔曹严华金魏陶姜谢'.split('');
const CUSTOMERS = SURNAMES.map((s) => `${s}总`);
const FIRST_DAY = '2026-11-02';
const DAYS = 42;

/** mulberry32: the same six weeks on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const at = (day: string, time: string) => `${day}T${time}:00+08:00`;
const texts = (out: ReplayOutput[], who: string) =>
  out.filter((o) => o.to === who).map((o) => o.text);
const listIn = (out: ReplayOutput[], id: string, name: string) =>
  texts(out, id).find((t) => t.startsWith(`${name} `) && /待回访/.test(t.split('\n')[0]));
/** Customers named on the numbered lines of a list (a holiday greeting line names none). */
const namesIn = (list: string) => [...list.matchAll(/^\d+\. (\S+?)\([A-D]/gm)].map((m) => m[1]);

interface Counts {
  done: number;
  skipped: number;
  expired: number;
}

/** 回访完成X/Y(跳过S 过期E) of each staff line of 本月业绩. */
function reported(text: string, name: string): Counts {
  const line = text.split('\n').find((l) => l.startsWith(`${name}:`));
  const m = line && /回访完成(\d+)\/(\d+)(?:\((?:跳过(\d+))? ?(?:过期(\d+))?\))?/.exec(line);
  if (!m) return { done: 0, skipped: 0, expired: 0 };
  return { done: Number(m[1]), skipped: Number(m[3] ?? 0), expired: Number(m[4] ?? 0) };
}

/** The same figures, recounted from every customer's 回访记录. */
async function recount(s: Scenario, month: string, staffId: string): Promise<Counts> {
  const out: Counts = { done: 0, skipped: 0, expired: 0 };
  const who = await s.db.models.Staff.findOne({ identities: { $regex: `:${staffId}$` } }).lean();
  for (const c of await s.db.models.Customer.find({}).lean())
    for (const f of c.followUps) {
      if (!f.on.startsWith(month) || String(f.by) !== String(who?._id)) continue;
      if (f.action === 'done' || f.action === 'skipped' || f.action === 'expired')
        out[f.action] += 1;
    }
  return out;
}

describe('six weeks of follow-ups', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await openScenario({ STORE_NAME: '海港店' });
    await s.run(...TEAM.map(([id, n]) => staff(id, n)), staff(BOSS[0], BOSS[1], 'manager'), {
      group: { id: 'g1' },
    });
  });
  afterAll(() => s.close());

  it('keeps every morning list workable and every count true', async () => {
    const rnd = random(15);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    const owner = new Map<string, (typeof TEAM)[number]>();
    /** Customers whose line was closed (done/skipped) on a day, with nothing new since. */
    let closedYesterday = new Set<string>();
    let colleagueClosings = 0;
    let missed = 0;
    let longest = 0;
    for (let d = 0; d < DAYS; d++) {
      const day = addDays(FIRST_DAY, d);
      const out = await s.run(tick(at(day, '09:30')));
      const lists: [string, string, string][] = [];
      for (const [id, name] of [...TEAM, BOSS]) {
        let list = listIn(out, id, name);
        if (!list) continue;
        expect(namesIn(list).length).toBeLessThanOrEqual(PERSONAL_LIST_CAP);
        if (/^还有\d+位,发「我的待回访 全部」看全部$/m.test(list))
          [list] = await s.say(dm(id, '我的待回访 全部', at(day, '09:40')));
        const names = namesIn(list);
        longest = Math.max(longest, names.length);
        expect(new Set(names).size).toBe(names.length);
        for (const n of names) expect(closedYesterday).not.toContain(n);
        lists.push([id, name, list]);
      }
      const [perf] = await s.say(dm(BOSS[0], '本月业绩', at(day, '09:45')));
      for (const [id, name] of TEAM)
        expect(reported(perf, name)).toEqual(await recount(s, day.slice(0, 7), id));

      // The day's calls: on the staff member's own lines, sometimes a colleague's.
      const closed = new Set<string>();
      const touched = new Set<string>();
      for (const [id, , list] of lists) {
        if (id === BOSS[0]) continue;
        for (const customer of namesIn(list)) {
          if (touched.has(customer)) continue;
          touched.add(customer);
          const r = rnd();
          const colleague = r < 0.06 ? pick(TEAM.filter(([x]) => x !== id)) : undefined;
          const by = colleague?.[0] ?? id;
          const when = at(day, '14:00');
          if (r < 0.3) {
            const replies = await s.run(dm(by, `已回访 ${customer} 很满意`, when));
            if (colleague) {
              colleagueClosings++;
              expect(texts(replies, id)).toEqual([`${colleague[1]}已回访 ${customer}: 很满意`]);
            }
            closed.add(customer);
          } else if (r < 0.36) {
            await s.run(dm(by, `跳过 ${customer}`, when));
            closed.add(customer);
          } else if (r < 0.46) {
            await s.run(dm(by, `${customer} 改天再联系`, when));
          } else if (r < 0.56) {
            const [reply] = await s.say({
              now: when,
              from: by,
              chat: 'g1',
              chatType: 'group',
              text: `${customer} 电话没人接`,
            });
            expect(reply).toMatch(/^已记下 .+ 第\d次没接通/);
            missed++;
          }
        }
      }

      // The evening's tables: a busy opening weekend (小王 brings most), then regulars.
      const rate = d < 2 ? 0.4 : d < 14 ? 0.08 : 0.05;
      const guests = CUSTOMERS.filter((c) => !touched.has(c) && rnd() < rate);
      for (const c of guests) {
        const o = owner.get(c) ?? (rnd() < 0.5 ? TEAM[0] : pick(TEAM));
        owner.set(c, o);
        const amount = 500 + Math.floor(rnd() * 12) * 500;
        await s.run(
          dm(o[0], `${c} 今晚 ${2 + Math.floor(rnd() * 6)}人 消费${amount}`, at(day, '21:00')),
        );
      }
      closedYesterday = closed;
    }
    expect(owner.size).toBeGreaterThan(20);
    expect(colleagueClosings).toBeGreaterThan(0);
    expect(missed).toBeGreaterThan(0);
    // Some list ran past the cap, and some task ran out: both paths were walked.
    expect(longest).toBeGreaterThan(PERSONAL_LIST_CAP);
    const expired = await s.db.models.Customer.countDocuments({ 'followUps.action': 'expired' });
    expect(expired).toBeGreaterThan(0);
  }, 120_000);
});
